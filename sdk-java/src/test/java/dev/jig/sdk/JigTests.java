package dev.jig.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.protocol.codec.Inbound;
import dev.jig.protocol.codec.JsonLinesReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Jig#serve} on the process's own streams, which each test replaces. */
class JigTests {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersions":[1],"cli":{"name":"jig","version":"0.1.0"}}}
            """;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private InputStream originalIn;

    @BeforeEach
    void captureStandardStreams() {
        originalOut = System.out;
        originalErr = System.err;
        originalIn = System.in;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.setIn(originalIn);
    }

    private static void stdin(String text) {
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void protocolModeAnswersOnStdoutAndExitsZeroAtEndOfInput() throws IOException {
        stdin(INITIALIZE + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}\n");
        int status = Jig.serve(FixturePlugin.running(invocation -> 42), new String[] {"--jig-protocol"});
        assertEquals(0, status);
        List<Inbound> lines = read(stdout);
        assertEquals(3, lines.size(), stdout::toString); // log notification, initialize reply, -32601
        lines.forEach(line -> assertTrue(line instanceof Inbound.Received, line::toString));
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("\"code\":-32601"), stdout::toString);
    }

    @Test
    void strayPrintlnInProtocolModeGoesToStderr() throws IOException {
        stdin(INITIALIZE);
        PrintStream guarded = System.out;
        FixturePlugin chatty = new FixturePlugin(FixturePlugin.metadata(null), invocation -> 0) {
            @Override
            public dev.jig.protocol.metadata.PluginMetadata metadata() {
                System.out.println("debugging metadata()");
                System.out.flush();
                return super.metadata();
            }
        };
        assertEquals(0, Jig.serve(chatty, new String[] {"--jig-protocol"}));
        List<Inbound> lines = read(stdout);
        assertEquals(2, lines.size(), stdout::toString);
        lines.forEach(line -> assertTrue(line instanceof Inbound.Received, line::toString));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("debugging metadata()"), stderr::toString);
        assertEquals(guarded, System.out, "System.out is restored after serving");
    }

    @Test
    void protocolModeHidesStdinFromThePlugin() {
        stdin(INITIALIZE);
        List<Integer> seen = new ArrayList<>();
        FixturePlugin reader = new FixturePlugin(FixturePlugin.metadata(null), invocation -> 0) {
            @Override
            public void initialized(Handshake handshake) {
                try {
                    seen.add(System.in.read());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        assertEquals(0, Jig.serve(reader, new String[] {"--jig-protocol"}));
        assertEquals(List.of(-1), seen);
    }

    @Test
    void runModePassesArgumentsAndReturnsTheStatus() {
        List<String> seen = new ArrayList<>();
        int status = Jig.serve(FixturePlugin.running(invocation -> {
            seen.addAll(invocation.args());
            invocation.out().print("no newline");
            return 3;
        }), new String[] {"a", "--jig-protocol", ""});
        assertEquals(3, status);
        assertEquals(List.of("a", "--jig-protocol", ""), seen);
        assertEquals("no newline", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runModeTurnsAnExceptionIntoOneLineAndStatusOne() {
        int status = Jig.serve(FixturePlugin.running(invocation -> {
            throw new IOException("disk on fire\nand more");
        }), new String[0]);
        assertEquals(1, status);
        assertEquals("fixture: IOException: disk on fire and more" + System.lineSeparator(),
                stderr.toString(StandardCharsets.UTF_8));
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runModeLogWritesToStderrWithThePluginName() {
        int status = Jig.serve(FixturePlugin.running(invocation -> {
            invocation.log().debug("not shown");
            invocation.log().info("counting");
            invocation.log().warn("two\nlines");
            invocation.log().error("failed");
            return 0;
        }), new String[0]);
        assertEquals(0, status);
        assertEquals(String.join(System.lineSeparator(), "fixture: counting", "fixture: warn: two", "fixture: warn: lines",
                "fixture: error: failed", ""), stderr.toString(StandardCharsets.UTF_8));
    }

    private static List<Inbound> read(ByteArrayOutputStream bytes) throws IOException {
        JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(bytes.toByteArray()));
        List<Inbound> lines = new ArrayList<>();
        for (Inbound line = reader.read(); !(line instanceof Inbound.EndOfStream); line = reader.read()) {
            lines.add(line);
        }
        return lines;
    }
}
