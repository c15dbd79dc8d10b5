package dev.jig.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hook plugins for tests, in Python. Each speaks the protocol, lists the events it subscribes to,
 * and writes one JSON line per thing that happens to it into its own log: {@code start} (with
 * {@code time.time()} at process start), {@code initialized} (when it answers), {@code hook}
 * (with the params it got) and {@code eof} (when its input ends). Every line carries the process id and {@code JIG_HOOK}.
 *
 * <p>What it does on an event is a Python statement ({@link #CONTINUE}, {@link #abort}, {@link
 * #crash()} ...) run inside {@code on_hook(msg, p)}: return the result, or None to answer nothing.
 */
final class HookPlugins {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Let the command run. */
    static final String CONTINUE = "return {\"action\": \"continue\"}";

    private static final String TEMPLATE = """
            #!@PYTHON@
            import json, os, subprocess, sys, time
            STARTED = time.time()
            NAME = @NAME@
            LOG = @LOG@
            HOOKS = @HOOKS@
            INIT_DELAY = @INIT_DELAY@
            INIT_EXIT = @INIT_EXIT@
            HOOK = os.environ.get("JIG_HOOK")

            def log(kind, **fields):
                fields.update(kind=kind, pid=os.getpid(), hook=HOOK)
                with open(LOG, "a") as f:
                    f.write(json.dumps(fields) + "\\n")

            def send(message):
                sys.stdout.write(json.dumps(message) + "\\n")
                sys.stdout.flush()

            def error(msg, code, text):
                send({"jsonrpc": "2.0", "id": msg["id"], "error": {"code": code, "message": text}})

            def on_hook(msg, p):
                event = p["event"]
            @HANDLERS@
                return {}

            if sys.argv[1:2] != ["--jig-protocol"]:
                print(NAME, *sys.argv[1:])
                sys.exit(0)
            log("start", time=STARTED)
            for line in sys.stdin:
                msg = json.loads(line)
                if msg.get("method") == "initialize":
                    if HOOK == NAME:
                        time.sleep(INIT_DELAY)
                        if INIT_EXIT is not None:
                            os._exit(INIT_EXIT)
                    log("initialized", time=time.time())
                    send({"jsonrpc": "2.0", "id": msg["id"], "result": {"protocolVersion": 1,
                          "plugin": {"name": NAME, "version": "1.0.0", "hooks": HOOKS}}})
                elif msg.get("method") == "hook":
                    log("hook", params=msg["params"])
                    result = on_hook(msg, msg["params"])
                    if result is not None:
                        send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
                elif "id" in msg:
                    error(msg, -32601, "method not found")
            log("eof")
            """;

    private HookPlugins() {
    }

    /** Stop the command. */
    static String abort(String message, int exitCode) {
        return "return {\"action\": \"abort\", \"message\": " + py(message) + ", \"exitCode\": " + exitCode + "}";
    }

    /** Let the command run with {@code name=value} added to its environment. */
    static String env(String name, String value) {
        return "return {\"action\": \"continue\", \"env\": {" + py(name) + ": " + py(value) + "}}";
    }

    /** Suggest commands. */
    static String suggest(String... suggestions) {
        return "return {\"suggestions\": [" + Arrays.stream(suggestions).map(HookPlugins::py)
                .collect(Collectors.joining(", ")) + "]}";
    }

    /** Say something on stderr and exit 4 without answering. */
    static String crash() {
        return "sys.stderr.write(\"hook blew up\\n\"); sys.stderr.flush(); os._exit(4)";
    }

    /** Never answer. */
    static String hang() {
        return "time.sleep(1000)";
    }

    /** Answer with a line that is not JSON. */
    static String garbage() {
        return "print(\"not json at all\", flush=True); return None";
    }

    /** Answer with a JSON-RPC error. */
    static String error(int code, String message) {
        return "error(msg, " + code + ", " + py(message) + "); return None";
    }

    /**
     * Before letting the command run, run {@code $JIG_BIN version} and wait for it; logs its exit
     * code and output as {@code inner}. A process that was itself started by that inner run (its
     * {@code HOOK_DEPTH} is set) calls nothing, so a broken recursion guard shows as a second
     * {@code prerun} in the log instead of an endless chain of processes.
     */
    static String callsJigBack() {
        return """
                if os.environ.get("HOOK_DEPTH") is None:
                    r = subprocess.run([os.environ["JIG_BIN"], "version"], env=dict(os.environ, HOOK_DEPTH="1"),
                                       stdin=subprocess.DEVNULL, capture_output=True, timeout=20)
                    log("inner", code=r.returncode, out=r.stdout.decode(), err=r.stderr.decode())
                """ + CONTINUE;
    }

    /** A hook plugin: its name, log file, events, and what it does on each event it handles. */
    static final class Spec {
        private final String name;
        private final Path log;
        private final List<String> hooks = new ArrayList<>();
        private final Map<String, String> handlers = new LinkedHashMap<>();
        private double initDelay;
        private Integer initExit;

        Spec(String name, Path log) {
            this.name = name;
            this.log = log;
        }

        /** Subscribes to these events. */
        Spec hooks(String... events) {
            hooks.addAll(List.of(events));
            return this;
        }

        /** What it does on {@code event}; by default it answers an empty object. */
        Spec on(String event, String python) {
            handlers.put(event, python);
            return this;
        }

        /** Seconds to wait before answering {@code initialize} in a hook session (not in a metadata probe). */
        Spec initDelay(double seconds) {
            initDelay = seconds;
            return this;
        }

        /** Exits with {@code status} instead of answering {@code initialize} in a hook session. */
        Spec initExit(int status) {
            initExit = status;
            return this;
        }

        /** Writes {@code jig-<name>} into {@code dir}. */
        Path writeTo(Path dir) {
            return Sandbox.executable(dir.resolve("jig-" + name), script());
        }

        /**
         * Writes it as a directory plugin into {@code dir}: {@code <name>/plugin.json}, which lists
         * its hooks and runs {@code <name>/main}.
         */
        Path writeAsDirectoryTo(Path dir) {
            Sandbox.executable(dir.resolve(name).resolve("main"), script());
            return Sandbox.write(dir.resolve(name).resolve("plugin.json"), "{\"name\": " + py(name)
                    + ", \"version\": \"1.0.0\", \"run\": [\"./main\"], \"hooks\": "
                    + hooks.stream().map(HookPlugins::py).collect(Collectors.joining(", ", "[", "]")) + "}\n");
        }

        private String script() {
            StringBuilder handlerCode = new StringBuilder();
            handlers.forEach((event, python) -> {
                handlerCode.append("    if event == ").append(py(event)).append(":\n");
                python.lines().forEach(line -> handlerCode.append("        ").append(line).append('\n'));
            });
            return TEMPLATE
                    .replace("@PYTHON@", Sandbox.PYTHON)
                    .replace("@NAME@", py(name))
                    .replace("@LOG@", py(log.toString()))
                    .replace("@HOOKS@", hooks.stream().map(HookPlugins::py).collect(Collectors.joining(", ", "[", "]")))
                    .replace("@INIT_DELAY@", Double.toString(initDelay))
                    .replace("@INIT_EXIT@", initExit == null ? "None" : initExit.toString())
                    .replace("@HANDLERS@\n", handlerCode.toString());
        }
    }

    /** Every line a plugin logged, oldest first; none when it never ran. */
    static List<JsonNode> log(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<JsonNode> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                entries.add(JSON.readTree(line));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of one kind ({@code start}, {@code initialized}, {@code hook}, {@code inner}, {@code eof}). */
    static List<JsonNode> entries(Path file, String kind) {
        return log(file).stream().filter(e -> e.get("kind").asText().equals(kind)).toList();
    }

    /** The params of the hooks it was asked, for one event. */
    static List<JsonNode> params(Path file, String event) {
        return entries(file, "hook").stream().map(e -> e.get("params"))
                .filter(p -> p.get("event").asText().equals(event)).toList();
    }

    /** Its processes started as hook sessions ({@code JIG_HOOK} names it), not as metadata probes. */
    static List<JsonNode> hookStarts(Path file, String name) {
        return entries(file, "start").stream().filter(e -> e.get("hook").asText("").equals(name)).toList();
    }

    /** A Python string literal. */
    static String py(String text) {
        try {
            return JSON.writeValueAsString(text); // a JSON string is a Python string literal
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
