//! @name@: a @cli@ plugin. `@cli@ @command@ hello [--shout] [NAME]` greets; started with
//! @protocol@ it speaks the @cli@ plugin protocol (JSON-RPC 2.0, one message per line).
//! Fields are picked out of each line by hand, enough for what @cli@ sends in protocol
//! version 1; a plugin that reads richer messages would use a JSON parser.
use std::env;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

/// The plugin's metadata (keep it in step with plugin.json).
const METADATA: &str = r#"{"name":"@name@","version":"0.1.0","description":"Say hello (a Rust plugin)","usage":"COMMAND","commands":[{"name":"hello","summary":"greet someone","usage":"[--shout] [NAME]","flags":[{"name":"--shout","short":"-s","summary":"greet loudly"}]}],"hooks":["prerun"]}"#;

/// Run mode: the user's command, with the user's arguments.
fn run(args: &[String]) -> ExitCode {
    if args.first().map(String::as_str) != Some("hello") {
        eprintln!("usage: @cli@ @command@ hello [--shout] [NAME]");
        return ExitCode::from(2);
    }
    let shout = args[1..].iter().any(|a| a == "--shout" || a == "-s");
    let name = args[1..].iter().find(|a| *a != "--shout" && *a != "-s").map_or("world", String::as_str);
    let greeting = format!("Hello, {name}!");
    println!("{}", if shout { greeting.to_uppercase() } else { greeting });
    ExitCode::SUCCESS
}

/// The raw JSON value of `"key":` in `line`: a string with its quotes, a number, or an array.
fn field<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let start = line.find(&format!("\"{key}\""))? + key.len() + 2;
    let rest = line[start..].trim_start().strip_prefix(':')?.trim_start();
    let end = match rest.chars().next()? {
        '"' => {
            let mut escaped = false;
            1 + rest[1..].char_indices().find(|&(_, c)| {
                let closes = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                closes
            })?.0 + 1
        }
        '[' => rest.find(']')? + 1,
        _ => rest.find(|c: char| c == ',' || c == '}').unwrap_or(rest.len()),
    };
    Some(rest[..end].trim_end())
}

/// The reply to one request: `"result":...` or `"error":...`.
fn answer(method: &str, line: &str) -> String {
    match method {
        "initialize" => {
            let offered = field(line, "protocolVersions").unwrap_or("[]");
            let speaks_1 = offered.trim_matches(|c| c == '[' || c == ']').split(',').any(|v| v.trim() == "1");
            if speaks_1 {
                format!(r#""result":{{"protocolVersion":1,"plugin":{METADATA}}}"#)
            } else {
                format!(r#""error":{{"code":-32000,"message":"no common protocol version; @name@ speaks [1]","data":{{"offered":{offered},"supported":[1]}}}}"#)
            }
        }
        // Only prerun arrives: the metadata lists no other event.
        "hook" => r#""result":{"action":"continue","env":{"@hookvar@":"prerun"}}"#.to_string(),
        _ => r#""error":{"code":-32601,"message":"method not found"}"#.to_string(),
    }
}

/// Protocol mode: answer each request on stdin until end of file; stdout carries replies only.
fn serve() -> ExitCode {
    let mut out = io::stdout().lock();
    for line in io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        // A line without a method is a stray reply; one without an id is a notification.
        let (Some(method), Some(id)) = (field(&line, "method"), field(&line, "id")) else { continue };
        let reply = answer(method.trim_matches('"'), &line);
        if writeln!(out, r#"{{"jsonrpc":"2.0","id":{id},{reply}}}"#).and_then(|()| out.flush()).is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("@protocol@") {
        serve()
    } else {
        run(&args)
    }
}
