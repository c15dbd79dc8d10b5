package dev.jig.it;

/** Protocol plugins for tests, in Python: each answers {@code initialize} as told, then runs normally. */
final class ProtocolPlugins {

    private ProtocolPlugins() {
    }

    /**
     * A plugin that answers {@code initialize} with {@code result} (a Python expression using
     * {@code msg}) and, in run mode, prints its name and arguments. {@code before} runs first in
     * protocol mode (e.g. to count probes).
     */
    static String python(String name, String before, String reply) {
        return """
                #!%s
                import json, sys
                NAME = "%s"
                if sys.argv[1:2] == ["--jig-protocol"]:
                    %s
                    for line in sys.stdin:
                        msg = json.loads(line)
                        if msg.get("method") == "initialize":
                            reply = %s
                            print(json.dumps(reply), flush=True)
                        elif "id" in msg:
                            print(json.dumps({"jsonrpc": "2.0", "id": msg["id"], "error": {"code": -32601, "message": "unknown"}}), flush=True)
                    sys.exit(0)
                print(NAME, *sys.argv[1:])
                """.formatted(Sandbox.PYTHON, name, before.isEmpty() ? "pass" : before, reply);
    }

    /** A well-behaved plugin with the given metadata fields (a Python dict literal body). */
    static String withMetadata(String name, String fields) {
        return python(name, "", "{\"jsonrpc\": \"2.0\", \"id\": msg[\"id\"], \"result\": {\"protocolVersion\": 1,"
                + " \"plugin\": {\"name\": NAME, \"version\": \"1.0.0\", " + fields + "}}}");
    }
}
