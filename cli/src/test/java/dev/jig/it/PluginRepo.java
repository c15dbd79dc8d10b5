package dev.jig.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A plugin index with its artifacts: files in a directory, an {@code index.json} describing them,
 * and a real HTTP server on 127.0.0.1 that serves them, or serves them badly on request (a body
 * cut short, a stall). Plugins are Python protocol plugins that print their name and version when
 * run and append every lifecycle event they get to a log.
 */
final class PluginRepo implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a file is served. */
    enum Fault {
        /** Declares the whole length, sends half, closes. */
        TRUNCATE,
        /** Declares the whole length, sends half, then sends nothing until the server stops. */
        STALL
    }

    final Path files;
    private final ObjectNode index = JSON.createObjectNode();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;
    private final KeyPair publisher;

    PluginRepo(Path files) throws Exception {
        this.files = Sandbox.mkdirs(files);
        index.put("index", 1);
        index.putObject("plugins");
        publisher = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(threads);
        server.start();
        publish();
    }

    /** The server's address, ending in {@code /}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The index's URL. */
    URI indexUrl() {
        return base().resolve("index.json");
    }

    /** Serves {@code file} with {@code fault} from now on; null: serves it well again. */
    void fault(String file, Fault fault) {
        if (fault == null) {
            faults.remove(file);
        } else {
            faults.put(file, fault);
        }
    }

    /** The publisher's public key as PEM, to put among the trusted keys. */
    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publisher.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * A Python protocol plugin. Run, it prints {@code NAME VERSION ARGS...}; asked a hook, it
     * appends the params to {@code $LIFECYCLE_LOG} and refuses the events in {@code refuse}.
     */
    static String plugin(String name, String version, Map<String, String> requires, List<String> hooks, Set<String> refuse) {
        try {
            return """
                    #!%s
                    import json, os, sys
                    NAME, VERSION = %s, %s
                    REQUIRES, HOOKS, REFUSE = json.loads(%s), json.loads(%s), json.loads(%s)
                    if sys.argv[1:2] == ["--jig-protocol"]:
                        for line in sys.stdin:
                            msg = json.loads(line)
                            if msg.get("method") == "initialize":
                                plugin = {"name": NAME, "version": VERSION, "hooks": HOOKS, "requires": {"plugins": REQUIRES}}
                                result = {"protocolVersion": 1, "plugin": plugin}
                            elif msg.get("method") == "hook":
                                params = msg["params"]
                                log = os.environ.get("LIFECYCLE_LOG")
                                if log:
                                    with open(log, "a") as out:
                                        out.write(json.dumps(dict(params, at=os.path.realpath(sys.argv[0]))) + "\\n")
                                if params["event"] in REFUSE:
                                    result = {"action": "abort", "message": NAME + " " + VERSION + " says no", "exitCode": 3}
                                else:
                                    result = {"action": "continue"}
                            elif "id" in msg:
                                print(json.dumps({"jsonrpc": "2.0", "id": msg["id"], "error": {"code": -32601, "message": "unknown"}}), flush=True)
                                continue
                            else:
                                continue
                            print(json.dumps({"jsonrpc": "2.0", "id": msg["id"], "result": result}), flush=True)
                        sys.exit(0)
                    print(NAME, VERSION, *sys.argv[1:])
                    """.formatted(Sandbox.PYTHON, JSON.writeValueAsString(name), JSON.writeValueAsString(version),
                    quoted(requires), quoted(hooks), quoted(refuse));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(Object value) throws IOException {
        return JSON.writeValueAsString(JSON.writeValueAsString(value));
    }

    /** A release of a plain executable plugin, {@code jig-NAME}, added to the index; returns its file name. */
    String executable(String name, String version, Map<String, String> requires, List<String> hooks, Set<String> refuse) {
        String file = "jig-" + name + "-" + version;
        byte[] content = plugin(name, version, requires, hooks, refuse).getBytes(StandardCharsets.UTF_8);
        write(file, content);
        release(name, version, requires, file, content, true);
        return file;
    }

    /** A simple release: no requirements, no hooks. */
    String executable(String name, String version) {
        return executable(name, version, Map.of(), List.of(), Set.of());
    }

    /**
     * A release packed as a {@code .tar.gz} (or {@code .zip}) with one top directory holding the
     * executable {@code jig-NAME}; returns its file name.
     */
    String archive(String name, String version, boolean zip) {
        String file = name + "-" + version + (zip ? ".zip" : ".tar.gz");
        byte[] plugin = plugin(name, version, Map.of(), List.of(), Set.of()).getBytes(StandardCharsets.UTF_8);
        String top = name + "-" + version + "/";
        byte[] content = zip
                ? zip(Map.of(top + "jig-" + name, plugin, top + "README", "read me\n".getBytes(StandardCharsets.UTF_8)))
                : tarGz(List.of(Entry.file(top + "jig-" + name, plugin, 0755), Entry.file(top + "README", "read me\n".getBytes(StandardCharsets.UTF_8), 0644)));
        write(file, content);
        release(name, version, Map.of(), file, content, true);
        return file;
    }

    /**
     * A release of a directory plugin packed as a {@code .tar.gz}: {@code NAME/plugin.json} that
     * runs {@code python3 main.py}; returns its file name.
     */
    String directoryPlugin(String name, String version, List<String> hooks) {
        String file = name + "-dir-" + version + ".tar.gz";
        byte[] main = plugin(name, version, Map.of(), hooks, Set.of()).getBytes(StandardCharsets.UTF_8);
        String manifest;
        try {
            manifest = JSON.writeValueAsString(Map.of("name", name, "version", version, "hooks", hooks,
                    "run", List.of("python3", "main.py")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] content = tarGz(List.of(Entry.file(name + "/plugin.json", manifest.getBytes(StandardCharsets.UTF_8), 0644),
                Entry.file(name + "/main.py", main, 0644)));
        write(file, content);
        release(name, version, Map.of(), file, content, true);
        return file;
    }

    /** Adds a release whose artifact is {@code file} with {@code content} (which may differ from what is served). */
    void release(String name, String version, Map<String, String> requires, String file, byte[] content, boolean signed) {
        ObjectNode plugin = (ObjectNode) index.with("plugins").with(name);
        plugin.put("description", "The " + name + " plugin");
        ObjectNode release = plugin.with("versions").putObject(version);
        release.set("requires", JSON.createObjectNode().set("plugins", JSON.valueToTree(requires)));
        ArrayNode artifacts = release.putArray("artifacts");
        ObjectNode artifact = artifacts.addObject().put("url", file).put("sha256", sha256(content));
        if (signed) {
            artifact.put("signature", signature(content));
        }
        publish();
    }

    /** The signature line of {@code content} by the publisher. */
    String signature(byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(content);
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(publisher.getPrivate());
            ed25519.update(digest);
            String keyId = HexFormat.of().formatHex(sha.digest(publisher.getPublic().getEncoded()), 0, 8);
            return keyId + " " + Base64.getEncoder().encodeToString(ed25519.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the index as it is now. */
    void publish() {
        try {
            Files.write(files.resolve("index.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String file, byte[] content) {
        try {
            Files.write(files.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One tar entry.
     *
     * @param type a {@link TarConstants} link flag: a file, a symbolic link, a FIFO
     */
    record Entry(String name, byte[] content, int mode, byte type, String linkTarget) {
        static Entry file(String name, byte[] content, int mode) {
            return new Entry(name, content, mode, TarConstants.LF_NORMAL, null);
        }

        static Entry symlink(String name, String target) {
            return new Entry(name, new byte[0], 0777, TarConstants.LF_SYMLINK, target);
        }
    }

    static byte[] tarGz(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry entry : entries) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.name(), entry.type(), true);
                tarEntry.setMode(entry.mode());
                if (entry.linkTarget() != null) {
                    tarEntry.setLinkName(entry.linkTarget());
                } else {
                    tarEntry.setSize(entry.content().length);
                }
                tar.putArchiveEntry(tarEntry);
                tar.write(entry.content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(entries).entrySet()) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.getKey());
                zipEntry.setUnixMode(0100755);
                zip.putArchiveEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String file = exchange.getRequestURI().getPath().substring(1);
            Path path = files.resolve(file).normalize();
            if (!path.startsWith(files) || !Files.isRegularFile(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] content = Files.readAllBytes(path);
            Fault fault = faults.get(file);
            exchange.sendResponseHeaders(200, content.length);
            OutputStream body = exchange.getResponseBody();
            if (fault == null) {
                body.write(content);
                return;
            }
            body.write(content, 0, content.length / 2);
            body.flush();
            if (fault == Fault.STALL) {
                stopping.await(120, TimeUnit.SECONDS);
            }
            // Closing the exchange short of the declared length is a truncated body to the client.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
