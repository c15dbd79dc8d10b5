package dev.jig.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.sdk.HostContext;
import dev.jig.sdk.Invocation;
import dev.jig.sdk.JigPlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginTestKitTests {

    /** Upper-cases its input, and says which CLI ran it. */
    private static final class Shouter implements JigPlugin {
        @Override
        public PluginMetadata metadata() {
            return new PluginMetadata("shout", "0.0.1", null, null, null, null, null, null, null, null, null);
        }

        @Override
        public int run(Invocation invocation) throws IOException {
            String text = new String(invocation.in().readAllBytes(), StandardCharsets.UTF_8);
            invocation.out().print(text.toUpperCase(java.util.Locale.ROOT));
            invocation.err().print(invocation.context().cliName().orElse("?"));
            return invocation.args().size();
        }
    }

    @Test
    void runCapturesTheStreamsAndTheStatus() {
        HostContext acme = new HostContext(Optional.of("acme"), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty());
        RunResult result = PluginTestKit.run(new Shouter(), List.of("a", "b"), "héllo", acme);
        assertEquals(new RunResult(2, "HÉLLO", "acme"), result);
    }

    @Test
    void receiveFailsWhenNothingComes() {
        try (PluginTestKit kit = PluginTestKit.start(new Shouter())) {
            AssertionError error = assertThrows(AssertionError.class, () -> kit.receive(Duration.ofMillis(100)));
            assertTrue(error.getMessage().contains("no line"), error.getMessage());
        }
    }

    @Test
    void receiveFailsFastOnceThePluginStopped() {
        try (PluginTestKit kit = PluginTestKit.start(new Shouter())) {
            assertEquals(0, kit.closeInput());
            AssertionError error = assertThrows(AssertionError.class, () -> kit.receive(Duration.ofSeconds(30)));
            assertTrue(error.getMessage().contains("stopped serving (exit status 0)"), error.getMessage());
        }
    }

    @Test
    void metadataIsTheHandshakeResult() {
        try (PluginTestKit kit = PluginTestKit.start(new Shouter())) {
            assertEquals(new Shouter().metadata(), kit.metadata());
        }
    }
}
