#!/usr/bin/env python3
"""Hostile plugins in Python, one per behaviour, chosen by the file's name (jig-<behaviour>).

In protocol mode each answers like a good plugin until the request named by $HOSTILE_AT
(initialize, hook or complete) comes, and misbehaves there. In run mode it says that it ran.
"""
import json
import os
import sys
import time

NAME = os.path.basename(sys.argv[0])[len("jig-"):]
MIB = 1024 * 1024
# Hooks and completion only when asked for ($HOSTILE_HOOKS, $HOSTILE_COMPLETION), so that a probe
# is only a probe.
HOOKS = ["prerun", "postrun"] if os.environ.get("HOSTILE_HOOKS") else []
COMPLETION = bool(os.environ.get("HOSTILE_COMPLETION"))


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def answer(method, request_id):
    if method == "initialize":
        result = {"protocolVersion": 1, "plugin": {"name": NAME, "version": "1.0.0", "hooks": HOOKS,
                                                   "completion": COMPLETION}}
        send({"jsonrpc": "2.0", "id": request_id, "result": result})
    elif method == "hook":
        send({"jsonrpc": "2.0", "id": request_id, "result": {"action": "continue"}})
    elif method == "complete":
        send({"jsonrpc": "2.0", "id": request_id, "result": {"candidates": [{"value": "alpha"}, {"value": "beta"}]}})
    else:
        send({"jsonrpc": "2.0", "id": request_id, "error": {"code": -32601, "message": "method not found"}})


def misbehave(method, request_id):
    out = sys.stdout.buffer
    if NAME == "hugeline":
        # 100 MiB of one reply's string, then the end of the line.
        out.write(b'{"jsonrpc":"2.0","id":%d,"result":{"action":"' % request_id)
        chunk = b"x" * MIB
        for _ in range(100):
            out.write(chunk)
        out.write(b'"}}\n')
        out.flush()
    elif NAME == "deepjson":
        depth = 1_000_000
        out.write(b'{"jsonrpc":"2.0","id":%d,"result":' % request_id + b"[" * depth + b"]" * depth + b"}\n")
        out.flush()
    elif NAME == "traceback":
        raise RuntimeError("the " + method + " handler is broken")  # a traceback on stderr, status 1
    elif NAME == "logflood":
        line = json.dumps({"jsonrpc": "2.0", "method": "log", "params": {"level": "info", "message": "busy"}}) + "\n"
        for _ in range(1_000_000):
            sys.stdout.write(line)
        sys.stdout.flush()
        answer(method, request_id)
    elif NAME == "deadlock":
        # Reads nothing more: whatever the host still writes fills the pipe.
        time.sleep(float(os.environ["HOSTILE_SLEEP"]))


if sys.argv[1:2] != ["--jig-protocol"]:
    print(NAME, "ran")
    sys.exit(0)
for line in sys.stdin:
    if not line.strip():
        continue
    msg = json.loads(line)
    if "method" not in msg or "id" not in msg:
        continue
    if msg["method"] == os.environ.get("HOSTILE_AT"):
        misbehave(msg["method"], msg["id"])
    else:
        answer(msg["method"], msg["id"])
