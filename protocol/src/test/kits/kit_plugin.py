"""A plugin written with protocol/python/jig_plugin.py, for the tests of the helper."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3] / "python"))
import jig_plugin  # noqa: E402  (found through the path above)

METADATA = {"name": "kit", "version": "1.0.0", "description": "Exercises the helper"}


def run(args: list[str]) -> int:
    print("run", *args, jig_plugin.run_config("kit"))
    return 7


def prerun(params: jig_plugin.HookParams) -> jig_plugin.HookResult:
    config = jig_plugin.own_config(params["config"], "kit")
    print("noise on stdout")  # goes to stderr while serving
    jig_plugin.log("info", "prerun " + " ".join(params["command"]))
    if config.get("fail"):
        raise ValueError("told to fail")
    return {"action": "continue", "env": {"KIT_LANG": config.get("lang", "en")}}


def install(params: jig_plugin.HookParams) -> jig_plugin.HookResult:
    if jig_plugin.own_config(params["config"], "kit").get("refuse"):
        return {"action": "abort", "message": "kit needs " + params["directory"] + " writable"}
    jig_plugin.log("info", f"installing {params['plugin']} {params['version']} from {params['directory']}")
    return {"action": "continue"}


def complete(params: jig_plugin.CompleteParams) -> jig_plugin.CompleteResult:
    if params["current"] == "boom":
        raise ValueError("told to fail")
    return {"candidates": [{"value": "after-" + "-".join(params["args"]), "description": "seen " + params["current"]}]}


sys.exit(jig_plugin.main(METADATA, run, {"prerun": prerun, "postrun": lambda params: {}, "install": install}, complete=complete))
