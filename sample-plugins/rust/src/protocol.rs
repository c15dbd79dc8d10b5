//! Protocol mode (PROTOCOL.md): JSON-RPC 2.0, one message per line on stdin and stdout, until
//! the host closes stdin.

use crate::json::Json;
use std::io::{self, BufRead, Read, Write};

/// The protocol versions this plugin speaks.
const SPEAKS: [i64; 1] = [1];
/// The longest line the protocol allows, without its newline (§8).
const MAX_LINE: usize = 1 << 20;

/// What a plugin tells the host about itself, and how it answers the hooks it lists.
pub struct Plugin {
    /// The metadata (§5), as one JSON object.
    pub metadata: Json,
    /// Answers a `hook` request's params with a result, or an error message (-32603).
    pub hook: fn(&Json) -> Result<Json, String>,
}

/// An error reply: code, message and optional data.
struct Failure(i64, String, Option<Json>);

/// Serves requests until end of input, then returns (the caller exits 0).
pub fn serve(plugin: &Plugin) -> io::Result<()> {
    let mut input = io::stdin().lock();
    let mut output = io::stdout().lock();
    let mut line = Vec::new();
    loop {
        line.clear();
        // Read at most one byte past the limit, so an endless line cannot exhaust memory.
        let read = (&mut input).take(MAX_LINE as u64 + 2).read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(());
        }
        if !line.ends_with(b"\n") && read > MAX_LINE {
            skip_rest_of_line(&mut input)?;
            continue; // over the limit: skipped like a parse error (§8)
        }
        let Ok(text) = std::str::from_utf8(&line) else { continue };
        if let Some(reply) = answer(plugin, text.trim_end_matches(['\n', '\r'])) {
            output.write_all(reply.to_json().as_bytes())?;
            output.write_all(b"\n")?;
            output.flush()?;
        }
    }
}

fn skip_rest_of_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(end) = buf.iter().position(|&b| b == b'\n') {
            input.consume(end + 1);
            return Ok(());
        }
        let len = buf.len();
        input.consume(len);
    }
}

/// The reply to one line, or `None` for a line that gets none (§3): blank, not JSON, a
/// notification or a response.
fn answer(plugin: &Plugin, line: &str) -> Option<Json> {
    let message = Json::parse(line).ok()?;
    let Json::Obj(_) = message else { return None };
    let method = message.get("method")?; // no method: a response, and this plugin asks nothing
    let id = message.get("id").filter(|id| is_valid_id(id)).cloned();
    let params = message.get("params");
    let valid = message.get("jsonrpc").and_then(Json::as_str) == Some("2.0")
        && method.as_str().is_some_and(|m| !m.is_empty())
        && params.map_or(true, |p| matches!(p, Json::Obj(_) | Json::Null));
    let id = id?; // a notification, or an id we cannot echo: nothing to answer
    let outcome = if !valid {
        Err(Failure(-32600, "not a JSON-RPC 2.0 request".into(), None))
    } else {
        let empty = Json::Obj(Vec::new());
        let params = params.filter(|p| **p != Json::Null).unwrap_or(&empty);
        dispatch(plugin, method.as_str().unwrap_or_default(), params)
    };
    let body = match outcome {
        Ok(result) => ("result", result),
        Err(Failure(code, text, data)) => {
            let mut error = vec![("code".to_string(), Json::int(code)), ("message".to_string(), Json::string(text))];
            error.extend(data.map(|d| ("data".to_string(), d)));
            ("error", Json::Obj(error))
        }
    };
    Some(Json::object([("jsonrpc", Json::string("2.0")), ("id", id), body]))
}

/// An id is a string or an integer (§3).
fn is_valid_id(id: &Json) -> bool {
    match id {
        Json::Str(_) => true,
        Json::Num(text) => !text.contains(['.', 'e', 'E']),
        _ => false,
    }
}

fn dispatch(plugin: &Plugin, method: &str, params: &Json) -> Result<Json, Failure> {
    match method {
        "initialize" => initialize(plugin, params),
        "hook" => hook(plugin, params),
        _ => Err(Failure(-32601, format!("method not found: {method}"), None)),
    }
}

/// Picks the highest version both sides speak (§4.1).
fn initialize(plugin: &Plugin, params: &Json) -> Result<Json, Failure> {
    let offered = params
        .get("protocolVersions")
        .and_then(Json::as_array)
        .ok_or_else(|| Failure(-32602, "initialize needs params.protocolVersions, an array".into(), None))?;
    let picked = offered.iter().filter_map(Json::as_i64).filter(|v| SPEAKS.contains(v)).max();
    let supported = Json::Arr(SPEAKS.iter().map(|v| Json::int(*v)).collect());
    match picked {
        Some(version) => Ok(Json::object([("protocolVersion", Json::int(version)), ("plugin", plugin.metadata.clone())])),
        None => Err(Failure(
            -32000,
            format!("host offers protocol {}; this plugin speaks {}", Json::Arr(offered.to_vec()).to_json(), supported.to_json()),
            Some(Json::object([("offered", Json::Arr(offered.to_vec())), ("supported", supported)])),
        )),
    }
}

/// Answers the events the metadata lists; any other event is not implemented (-32601).
fn hook(plugin: &Plugin, params: &Json) -> Result<Json, Failure> {
    let event = params
        .get("event")
        .and_then(Json::as_str)
        .ok_or_else(|| Failure(-32602, "hook needs params.event, a string".into(), None))?;
    let listed = plugin.metadata.get("hooks").and_then(Json::as_array).unwrap_or_default();
    if !listed.iter().any(|e| e.as_str() == Some(event)) {
        return Err(Failure(-32601, format!("hook event not subscribed: {event}"), None));
    }
    (plugin.hook)(params).map_err(|reason| Failure(-32603, format!("{event} hook failed: {reason}"), None))
}
