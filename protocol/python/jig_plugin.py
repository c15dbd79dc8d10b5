"""A jig plugin in a few lines of Python: the protocol side, standard library only.

Copy this single file next to your plugin, then::

    import sys
    import jig_plugin

    METADATA = {"name": "hello", "version": "1.0.0", "usage": "[NAME]"}

    def run(args: list[str]) -> int:
        print("Hello,", args[0] if args else jig_plugin.run_config("hello").get("name", "world"))
        return 0

    def prerun(params: jig_plugin.HookParams) -> jig_plugin.HookResult:
        return {"action": "continue"}

    sys.exit(jig_plugin.main(METADATA, run, {"prerun": prerun}))

``main`` runs the command, or, when the first argument is ``--jig-protocol``, serves the protocol
(PROTOCOL.md): it negotiates the version, answers ``initialize`` with the metadata (its
``hooks`` are the names of the handlers), dispatches ``hook`` to the handlers, answers other
requests with -32601 (``complete`` too, unless a ``complete`` handler is given: then the metadata says
``"completion": true`` and the handler answers), ignores notifications, replies and lines that are not JSON, keeps stdout
for protocol lines only and returns 0 at the end of stdin.
"""
from __future__ import annotations

import json
import os
import sys
from typing import IO, Any, Callable, Literal, Mapping, Optional, TypedDict, Union

PROTOCOL_ARGUMENT = "--jig-protocol"
SPEAKS = (1,)
MAX_LINE_BYTES = 1024 * 1024

METHOD_NOT_FOUND = -32601
INVALID_REQUEST = -32600
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603
UNSUPPORTED_VERSION = -32000

Json = Any
Id = Union[str, int]
HookEvent = Literal["config", "prerun", "postrun", "command_not_found", "install", "upgrade", "uninstall"]


class PluginConfig(TypedDict):
    """The configuration a plugin sees: ``core`` and ``plugins.<its name>``."""
    core: dict[str, Json]
    plugins: dict[str, dict[str, Json]]


class _HookParamsRequired(TypedDict):
    event: HookEvent
    cwd: str
    config: PluginConfig


class HookParams(_HookParamsRequired, total=False):
    """The params of a ``hook`` request; the optional fields depend on the event."""
    command: list[str]
    args: list[str]
    plugin: str
    ran: bool
    exitCode: int
    durationMs: int
    words: list[str]
    version: str
    previous: str
    directory: str


class HookResult(TypedDict, total=False):
    """The answer to a hook; each event reads its own fields (``{}`` will do for postrun)."""
    action: Literal["continue", "abort"]
    env: dict[str, str]
    message: str
    exitCode: int
    suggestions: list[str]
    patch: dict[str, Json]


class CompleteParams(TypedDict):
    """The params of a ``complete`` request: the plugin's command words, the arguments before the
    word being completed, and that word as typed so far."""
    command: list[str]
    args: list[str]
    current: str


class Candidate(TypedDict, total=False):
    value: str
    description: str


class CompleteResult(TypedDict, total=False):
    """The candidates (the host filters them by the typed prefix), and whether file names fit."""
    candidates: list[Candidate]
    files: bool


Metadata = Mapping[str, Json]
"""Plugin metadata (PROTOCOL.md §5): at least ``name`` and ``version``."""
Handler = Callable[[HookParams], HookResult]
"""Answers one hook event."""
Completer = Callable[[CompleteParams], CompleteResult]
"""Answers ``complete`` requests (PROTOCOL.md §4.5)."""


class _Failure(Exception):
    """A request that gets an error response instead of a result."""

    def __init__(self, code: int, message: str, data: Json = None) -> None:
        super().__init__(message)
        self.code, self.message, self.data = code, message, data


def main(metadata: Metadata, run: Callable[[list[str]], int], hooks: Optional[Mapping[str, Handler]] = None,
         argv: Optional[list[str]] = None, complete: Optional[Completer] = None) -> int:
    """Serves the protocol when the first argument is ``--jig-protocol``; runs the command otherwise."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == [PROTOCOL_ARGUMENT]:
        return serve(metadata, hooks or {}, complete)
    return run(args)


def own_config(config: Mapping[str, Json], name: str) -> dict[str, Json]:
    """The plugin's namespace, ``plugins.<name>``, of a configuration; ``{}`` when absent."""
    plugins = config.get("plugins")
    namespace = plugins.get(name) if isinstance(plugins, dict) else None
    return namespace if isinstance(namespace, dict) else {}


def run_config(name: str) -> dict[str, Json]:
    """Run mode: the plugin's namespace in the file named by ``JIG_CONFIG`` (``{}`` without one)."""
    path = os.environ.get("JIG_CONFIG")
    if not path:
        return {}
    try:
        with open(path, encoding="utf-8") as file:
            return own_config(json.load(file), name)
    except FileNotFoundError:
        return {}


def log(level: Literal["debug", "info", "warn", "error"], message: str) -> None:
    """Sends a ``log`` notification: the host shows it prefixed with the plugin's name."""
    _send({"jsonrpc": "2.0", "method": "log", "params": {"level": level, "message": message}})


_protocol_out: IO[bytes] = sys.stdout.buffer


def _send(message: Mapping[str, Json]) -> None:
    _protocol_out.write(json.dumps(message, separators=(",", ":")).encode("utf-8") + b"\n")
    _protocol_out.flush()


def serve(metadata: Metadata, hooks: Mapping[str, Handler], complete: Optional[Completer] = None) -> int:
    """Answers requests from stdin until its end, then returns 0.

    While serving, ``print`` writes to stderr: stdout carries protocol lines only.
    """
    global _protocol_out
    _protocol_out = sys.stdout.buffer
    sys.stdout = sys.stderr
    described = dict(metadata, hooks=list(hooks)) if hooks else dict(metadata)
    if complete is not None:
        described["completion"] = True
    for line in sys.stdin.buffer:
        request = _request(line)
        if request is not None:
            _send(_reply(request, described, hooks, complete))
    return 0


def _request(line: bytes) -> Optional[dict[str, Json]]:
    """The request on a line, or None for anything that gets no answer."""
    if len(line.rstrip(b"\r\n")) > MAX_LINE_BYTES or not line.strip():
        return None
    try:
        message = json.loads(line)
    except ValueError:
        return None
    if not isinstance(message, dict) or "method" not in message or not _is_id(message.get("id")):
        return None  # not an object, a reply, a notification, or an id that cannot be echoed
    return message


def _is_int(value: Json) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_id(value: Json) -> bool:
    return isinstance(value, str) or _is_int(value)


def _reply(request: dict[str, Json], metadata: dict[str, Json], hooks: Mapping[str, Handler],
           complete: Optional[Completer] = None) -> dict[str, Json]:
    try:
        well_formed = request.get("jsonrpc") == "2.0" and isinstance(request["method"], str)
        if not well_formed or not isinstance(request.get("params", {}), dict):
            raise _Failure(INVALID_REQUEST, "invalid request: not JSON-RPC 2.0 with a method name and object params")
        params = request.get("params", {})
        if request["method"] == "initialize":
            result: Json = _initialize(params, metadata)
        elif request["method"] == "hook" and params.get("event") in hooks:
            result = _hook(hooks[params["event"]], params)
        elif request["method"] == "complete" and complete is not None:
            result = _complete(complete, params)
        else:
            raise _Failure(METHOD_NOT_FOUND, f"method not found: {request['method']}")
        return {"jsonrpc": "2.0", "id": request["id"], "result": result}
    except _Failure as failure:
        error = {"code": failure.code, "message": failure.message}
        if failure.data is not None:
            error["data"] = failure.data
        return {"jsonrpc": "2.0", "id": request["id"], "error": error}


def _initialize(params: dict[str, Json], metadata: dict[str, Json]) -> dict[str, Json]:
    offered = params.get("protocolVersions")
    if not isinstance(offered, list) or not all(_is_int(v) for v in offered):
        raise _Failure(INVALID_PARAMS, "invalid params: protocolVersions must be an array of integers")
    common = [version for version in offered if version in SPEAKS]
    if not common:
        raise _Failure(UNSUPPORTED_VERSION, f"host offers protocol {offered}; {metadata['name']} speaks {list(SPEAKS)}",
                       {"offered": offered, "supported": list(SPEAKS)})
    return {"protocolVersion": max(common), "plugin": metadata}


def _hook(handler: Handler, params: dict[str, Json]) -> HookResult:
    try:
        return handler(params)  # type: ignore[arg-type]  # the host sends what hook-params.schema.json says
    except Exception as error:  # a failing handler is the host's to report; the session goes on
        first_line = (str(error).splitlines() or [""])[0]
        raise _Failure(INTERNAL_ERROR, f"{params.get('event')} hook failed: {type(error).__name__}: {first_line}") from error


def _complete(complete: Completer, params: dict[str, Json]) -> CompleteResult:
    try:
        return complete(params)  # type: ignore[arg-type]  # the host sends what complete-params.schema.json says
    except Exception as error:  # no candidates; the host shows nothing during completion
        first_line = (str(error).splitlines() or [""])[0]
        raise _Failure(INTERNAL_ERROR, f"complete failed: {type(error).__name__}: {first_line}") from error
