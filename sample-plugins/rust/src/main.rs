//! jig semver: bump and compare semantic versions. A jig plugin in Rust with no crates.
//!
//! Run mode: `jig semver bump [--part PART] VERSION`, `jig semver compare A B`.
//! Protocol mode (first argument `--jig-protocol`): describes itself and answers the
//! `command_not_found` hook, so that `jig bump 1.2.3` suggests `jig semver bump 1.2.3`.

mod json;
mod protocol;
mod semver;

use json::Json;
use semver::{Part, Version};
use std::cmp::Ordering;
use std::process::ExitCode;

/// What `jig help semver` shows, and the configuration this plugin owns (PROTOCOL.md §5).
const METADATA: &str = r#"{
  "name": "semver",
  "version": "0.1.0",
  "description": "Bump and compare semantic versions",
  "vendor": "jig samples",
  "usage": "COMMAND [ARGS]",
  "flags": [{"name": "--help", "short": "-h", "summary": "show this help"}],
  "commands": [
    {"name": "bump", "summary": "print the next version", "usage": "[--part PART] VERSION",
     "flags": [{"name": "--part", "short": "-p", "value": "PART",
                "summary": "major, minor or patch (default: the configuration's part, else patch)"}]},
    {"name": "compare", "summary": "print how two versions order", "usage": "VERSION VERSION"}
  ],
  "hooks": ["command_not_found"],
  "requires": {"cli": ">=0.1.0", "protocol": [1]},
  "config": {
    "defaults": {"part": "patch"},
    "schema": {"type": "object", "properties": {"part": {"enum": ["major", "minor", "patch"]}}}
  }
}"#;

const USAGE: &str = "Usage: jig semver bump [--part PART] VERSION
       jig semver compare VERSION VERSION

Bump and compare semantic versions (https://semver.org).
  -p, --part PART  what bump raises: major, minor or patch
                   (default: plugins.semver.part in jig's configuration, else patch)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--jig-protocol") {
        let plugin = protocol::Plugin { metadata: metadata(), hook: suggest };
        return match protocol::serve(&plugin) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("semver: {e}");
                ExitCode::FAILURE
            }
        };
    }
    match run(&args) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(Problem::Usage(message)) => {
            eprintln!("semver: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Problem::Failed(message)) => {
            eprintln!("semver: {message}");
            ExitCode::FAILURE
        }
    }
}

fn metadata() -> Json {
    Json::parse(METADATA).expect("METADATA is valid JSON")
}

/// Why a run failed: a usage error (exit 2) or anything else (exit 1).
enum Problem {
    Usage(String),
    Failed(String),
}

/// Runs the user's command; returns the line to print.
fn run(args: &[String]) -> Result<String, Problem> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words[..] {
        ["--help" | "-h", ..] => Ok(USAGE.trim_end().to_string()),
        ["bump", ref rest @ ..] => bump(rest),
        ["compare", a, b] => {
            let (a, b) = (version(a)?, version(b)?);
            let sign = match a.precedence(&b) {
                Ordering::Less => "<",
                Ordering::Equal => "=",
                Ordering::Greater => ">",
            };
            Ok(format!("{a} {sign} {b}"))
        }
        ["compare", ..] => Err(Problem::Usage("compare takes two versions".into())),
        [] => Err(Problem::Usage("a command is missing".into())),
        [other, ..] => Err(Problem::Usage(format!("unknown command '{other}'"))),
    }
}

fn bump(args: &[&str]) -> Result<String, Problem> {
    let (part, rest) = match args {
        ["--part" | "-p", part, rest @ ..] => (Some(*part), rest),
        [flag, ..] if flag.starts_with("--part=") => (flag.strip_prefix("--part="), &args[1..]),
        _ => (None, args),
    };
    let [text] = rest else { return Err(Problem::Usage("bump takes one version".into())) };
    let part = match part {
        Some(word) => Part::parse(word).map_err(Problem::Usage)?,
        None => configured_part()?,
    };
    Ok(version(text)?.bump(part).to_string())
}

fn version(text: &str) -> Result<Version, Problem> {
    Version::parse(text).map_err(Problem::Usage)
}

/// `plugins.semver.part` from the file jig names in `JIG_CONFIG` (§10); patch without one.
fn configured_part() -> Result<Part, Problem> {
    let Some(path) = std::env::var_os("JIG_CONFIG") else { return Ok(Part::Patch) };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Part::Patch),
        Err(e) => return Err(Problem::Failed(format!("cannot read the configuration {}: {e}", path.to_string_lossy()))),
    };
    let config = Json::parse(&text).map_err(|e| Problem::Failed(format!("bad configuration {}: {e}", path.to_string_lossy())))?;
    match config.at(&["plugins", "semver", "part"]) {
        None => Ok(Part::Patch),
        Some(part) => part.as_str().ok_or_else(|| "plugins.semver.part must be a string".to_string())
            .and_then(Part::parse)
            .map_err(Problem::Failed),
    }
}

/// The `command_not_found` hook: `jig bump 1.2.3` was meant as `jig semver bump 1.2.3`.
fn suggest(params: &Json) -> Result<Json, String> {
    let words: Vec<&str> = params
        .get("words")
        .and_then(Json::as_array)
        .ok_or("params.words must be an array")?
        .iter()
        .map(|w| w.as_str().ok_or("params.words must hold strings"))
        .collect::<Result<_, _>>()?;
    let ours = metadata().get("commands").and_then(Json::as_array).unwrap_or_default()
        .iter().any(|c| c.get("name").and_then(Json::as_str) == words.first().copied());
    let cli = std::env::var("JIG_CLI_NAME").unwrap_or_else(|_| "jig".into());
    let suggestions = if ours { vec![Json::string(format!("{cli} semver {}", words.join(" ")))] } else { Vec::new() };
    Ok(Json::object([("suggestions", Json::Arr(suggestions))]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_metadata_is_json() {
        assert_eq!(super::metadata().get("name").and_then(super::Json::as_str), Some("semver"));
    }
}
