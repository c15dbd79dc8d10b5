package dev.jig.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.protocol.ErrorCodes;
import dev.jig.protocol.Id;
import dev.jig.protocol.Message;
import dev.jig.protocol.Payloads;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.method.HookEvents;
import dev.jig.protocol.method.HookParams;
import dev.jig.protocol.method.HookResult;
import dev.jig.protocol.method.LogParams;
import dev.jig.sdk.testkit.PluginTestKit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code hook} requests, dispatched to the plugin's handlers. */
class HooksTests {

    private static final ObjectNode CONFIG = PluginTestKit.config("guard", "{\"forbid\":[\"deploy\"]}");
    private static final String CWD = "/srv/site";

    /** A plugin named {@code guard} that lists {@code events} and handles them with lambdas. */
    private static final class Guard implements JigPlugin {
        private final List<String> events;
        final List<HookContext> seen = new ArrayList<>();
        Function<HookContext, HookResult> prerun = hook -> HookResult.proceed(Map.of());
        Function<HookContext, HookResult> postrun = hook -> HookResult.empty();
        Function<HookContext, HookResult> lifecycle = hook -> HookResult.proceed(Map.of());
        Handshake handshake;

        Guard(String... events) {
            this.events = List.of(events);
        }

        @Override
        public PluginMetadata metadata() {
            return new PluginMetadata("guard", "1.0.0", null, null, null, null, null, null, events, null, null);
        }

        @Override
        public int run(Invocation invocation) {
            return 0;
        }

        @Override
        public void initialized(Handshake handshake) {
            this.handshake = handshake;
        }

        @Override
        public HookResult onPrerun(HookContext hook) {
            seen.add(hook);
            return prerun.apply(hook);
        }

        @Override
        public HookResult onPostrun(HookContext hook) {
            seen.add(hook);
            return postrun.apply(hook);
        }

        @Override
        public HookResult onCommandNotFound(HookContext hook) {
            seen.add(hook);
            return HookResult.suggest(List.of("deploy"));
        }

        @Override
        public HookResult onInstall(HookContext hook) {
            seen.add(hook);
            return lifecycle.apply(hook);
        }

        @Override
        public HookResult onUpgrade(HookContext hook) {
            seen.add(hook);
            return lifecycle.apply(hook);
        }

        @Override
        public HookResult onUninstall(HookContext hook) {
            seen.add(hook);
            return lifecycle.apply(hook);
        }

        @Override
        public HookResult onConfig(HookContext hook) {
            seen.add(hook);
            return HookResult.patch(Payloads.tree(Map.of("plugins", Map.of("guard", Map.of("lang", "fr")))));
        }
    }

    private static HookParams prerun(String... command) {
        return HookParams.prerun(List.of(command), List.of("--prod"), command[0], CWD, CONFIG);
    }

    private static Message.ErrorResponse failure(Message reply) {
        return assertInstanceOf(Message.ErrorResponse.class, reply);
    }

    @Test
    void prerunGetsTheParamsAndTheConfigAndItsResultGoesBack() {
        Guard guard = new Guard(HookEvents.PRERUN);
        guard.prerun = hook -> {
            String first = hook.params().command().get(0);
            for (JsonNode word : hook.config().plugin().path("forbid")) {
                if (word.asText().equals(first)) {
                    return HookResult.abort("guard: '" + first + "' is forbidden", 3);
                }
            }
            return HookResult.proceed(Map.of("GUARD_SEEN", first));
        };
        try (PluginTestKit kit = PluginTestKit.start(guard)) {
            kit.initialize(CONFIG);
            assertEquals(HookResult.abort("guard: 'deploy' is forbidden", 3), kit.hookResult(prerun("deploy")));
            assertEquals(HookResult.proceed(Map.of("GUARD_SEEN", "greet")), kit.hookResult(prerun("greet")));
            HookContext seen = guard.seen.get(0);
            assertEquals(HookEvents.PRERUN, seen.event());
            assertEquals(List.of("--prod"), seen.params().args());
            assertEquals(CWD, seen.params().cwd());
            assertEquals(0, kit.closeInput());
        }
    }

    @Test
    void everyEventReachesItsHandler() {
        Guard guard = new Guard(HookEvents.ALL.toArray(String[]::new));
        try (PluginTestKit kit = PluginTestKit.start(guard)) {
            kit.initialize(CONFIG);
            assertEquals("fr", kit.hookResult(HookParams.config(CWD, CONFIG)).patch().at("/plugins/guard/lang").asText());
            assertEquals(HookResult.CONTINUE, kit.hookResult(prerun("greet")).action());
            assertEquals(HookResult.empty(), kit.hookResult(
                    HookParams.postrun(List.of("greet"), List.of(), "greet", CWD, true, 0, 12, CONFIG)));
            assertEquals(List.of("deploy"), kit.hookResult(HookParams.commandNotFound(List.of("deplyo"), CWD, CONFIG)).suggestions());
            assertEquals(List.of(HookEvents.CONFIG, HookEvents.PRERUN, HookEvents.POSTRUN, HookEvents.COMMAND_NOT_FOUND),
                    guard.seen.stream().map(HookContext::event).toList());
            assertEquals(12L, guard.seen.get(2).params().durationMs());
        }
    }

    @Test
    void installUpgradeAndUninstallReachTheirHandlersWithTheirParams() {
        Guard guard = new Guard(HookEvents.INSTALL, HookEvents.UPGRADE, HookEvents.UNINSTALL);
        guard.lifecycle = hook -> hook.event().equals(HookEvents.UNINSTALL)
                ? HookResult.abort("guard: still protecting " + hook.params().directory(), 4) : HookResult.proceed(Map.of());
        try (PluginTestKit kit = PluginTestKit.start(guard)) {
            kit.initialize(CONFIG);
            assertEquals(HookResult.CONTINUE, kit.hookResult(HookParams.install("guard", "1.0.0", "/stage/guard", CWD, CONFIG)).action());
            assertEquals(HookResult.CONTINUE,
                    kit.hookResult(HookParams.upgrade("guard", "2.0.0", "1.0.0", "/stage/guard", CWD, CONFIG)).action());
            assertEquals(HookResult.abort("guard: still protecting /plugins/guard", 4),
                    kit.hookResult(HookParams.uninstall("guard", "2.0.0", "/plugins/guard", CWD, CONFIG)));
            assertEquals(List.of(HookEvents.INSTALL, HookEvents.UPGRADE, HookEvents.UNINSTALL),
                    guard.seen.stream().map(HookContext::event).toList());
            assertEquals("1.0.0", guard.seen.get(1).params().previous());
            assertEquals("guard", guard.seen.get(0).params().plugin());
        }
    }

    @Test
    void aLifecycleResultNeedsAnActionAndAnAbortAMessage() {
        Guard guard = new Guard(HookEvents.INSTALL);
        try (PluginTestKit kit = PluginTestKit.start(guard)) {
            kit.initialize(CONFIG);
            guard.lifecycle = hook -> HookResult.empty();
            Message.ErrorResponse reply = failure(kit.hook(HookParams.install("guard", "1.0.0", "/s/guard", CWD, CONFIG)));
            assertEquals(ErrorCodes.INTERNAL_ERROR, reply.error().code());
            assertTrue(reply.error().message().contains("no action"), reply.error().message());
            guard.lifecycle = hook -> HookResult.abort(" ", 2);
            reply = failure(kit.hook(HookParams.install("guard", "1.0.0", "/s/guard", CWD, CONFIG)));
            assertTrue(reply.error().message().contains("an abort without a one-line message"), reply.error().message());
        }
    }

    @Test
    void anEventTheMetadataDoesNotListIsMethodNotFound() {
        Guard guard = new Guard(HookEvents.PRERUN);
        try (PluginTestKit kit = PluginTestKit.start(guard)) {
            kit.initialize(CONFIG);
            Message.ErrorResponse reply = failure(kit.hook(HookParams.commandNotFound(List.of("x"), CWD, CONFIG)));
            assertEquals(ErrorCodes.METHOD_NOT_FOUND, reply.error().code());
            assertTrue(reply.error().message().contains("command_not_found"), reply.error().message());
            assertTrue(guard.seen.isEmpty(), "the handler must not run");
        }
    }

    @Test
    void aListedEventWithoutAHandlerIsMethodNotFound() {
        JigPlugin lazy = new JigPlugin() {
            @Override
            public PluginMetadata metadata() {
                return new PluginMetadata("lazy", "1.0.0", null, null, null, null, null, null, List.of("prerun"), null, null);
            }

            @Override
            public int run(Invocation invocation) {
                return 0;
            }
        };
        try (PluginTestKit kit = PluginTestKit.start(lazy)) {
            Message.ErrorResponse reply = failure(kit.hook(prerun("greet")));
            assertEquals(ErrorCodes.METHOD_NOT_FOUND, reply.error().code());
            assertEquals("hook event not implemented: prerun", reply.error().message());
        }
    }

    @Test
    void anUnknownEventIsMethodNotFound() {
        try (PluginTestKit kit = PluginTestKit.start(new Guard(HookEvents.PRERUN))) {
            kit.send("{\"jsonrpc\":\"2.0\",\"id\":\"h\",\"method\":\"hook\",\"params\":{\"event\":\"preflight\",\"cwd\":\"/\"}}");
            Message.ErrorResponse reply = failure(kit.replyTo(Id.of("h")));
            assertEquals(ErrorCodes.METHOD_NOT_FOUND, reply.error().code());
        }
    }

    @Test
    void paramsWithoutAnEventAreInvalid() {
        try (PluginTestKit kit = PluginTestKit.start(new Guard(HookEvents.PRERUN))) {
            assertEquals(ErrorCodes.INVALID_PARAMS, failure(kit.request("hook", null)).error().code());
            assertEquals(ErrorCodes.INVALID_PARAMS, failure(kit.request("hook", Payloads.tree(Map.of("cwd", "/")))).error().code());
            kit.send("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"hook\",\"params\":{\"event\":\"prerun\",\"command\":\"greet\"}}");
            assertEquals(ErrorCodes.INVALID_PARAMS, failure(kit.replyTo(Id.of(9))).error().code());
            kit.send("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"hook\",\"params\":{\"event\":\"prerun\",\"config\":[1]}}");
            assertEquals(ErrorCodes.INVALID_PARAMS, failure(kit.replyTo(Id.of(10))).error().code());
        }
    }

    @Test
    void aThrowingHandlerIsAnInternalErrorOnOneLineAndTheSessionGoesOn() {
        Guard guard = new Guard(HookEvents.PRERUN);
        guard.prerun = hook -> {
            throw new IllegalStateException("disk on fire\nand more");
        };
        try (PluginTestKit kit = PluginTestKit.start(guard)) {
            Message.ErrorResponse reply = failure(kit.hook(prerun("greet")));
            assertEquals(ErrorCodes.INTERNAL_ERROR, reply.error().code());
            assertEquals("prerun hook failed: IllegalStateException: disk on fire and more", reply.error().message());
            guard.prerun = hook -> HookResult.proceed(Map.of());
            assertEquals(HookResult.CONTINUE, kit.hookResult(prerun("greet")).action());
            assertEquals(0, kit.closeInput());
        }
    }

    @Test
    void anInvalidResultIsAnInternalErrorNamingTheMistake() {
        List<Function<HookContext, HookResult>> mistakes = List.of(
                hook -> null,
                hook -> HookResult.empty(),
                hook -> HookResult.abort("", 3),
                hook -> HookResult.abort("two\nlines", 3),
                hook -> HookResult.abort("zero", 0),
                hook -> HookResult.proceed(Map.of("NOT-A-NAME", "x")),
                hook -> HookResult.proceed(Map.of("JIG_BIN", "x")));
        List<String> expected = List.of("null", "no action", "an abort without a one-line message",
                "an abort without a one-line message", "exit code 0", "'NOT-A-NAME'", "'JIG_BIN', which belongs to the host");
        Guard guard = new Guard(HookEvents.PRERUN);
        try (PluginTestKit kit = PluginTestKit.start(guard)) {
            kit.initialize(CONFIG); // names the host, whose variables a hook may not set
            for (int i = 0; i < mistakes.size(); i++) {
                guard.prerun = mistakes.get(i);
                Message.ErrorResponse reply = failure(kit.hook(prerun("greet")));
                assertEquals(ErrorCodes.INTERNAL_ERROR, reply.error().code());
                assertTrue(reply.error().message().startsWith("prerun hook returned "), reply.error().message());
                assertTrue(reply.error().message().contains(expected.get(i)), reply.error().message());
            }
        }
    }

    @Test
    void postrunMayReturnAnything() {
        Guard guard = new Guard(HookEvents.POSTRUN);
        guard.postrun = hook -> HookResult.proceed(Map.of());
        try (PluginTestKit kit = PluginTestKit.start(guard)) {
            kit.hookResult(HookParams.postrun(List.of("a"), List.of(), null, CWD, false, 3, 0, CONFIG));
            assertEquals(false, guard.seen.get(0).params().ran());
        }
    }

    @Test
    void theConfigOfInitializeIsInTheHandshakeAndServesHooksWithoutOne() {
        Guard guard = new Guard(HookEvents.PRERUN);
        try (PluginTestKit kit = PluginTestKit.start(guard)) {
            kit.initialize(CONFIG);
            assertEquals("deploy", guard.handshake.config().plugin().path("forbid").path(0).asText());
            kit.hookResult(prerun("greet").withConfig(null));
            assertEquals(guard.handshake.config(), guard.seen.get(0).config());
        }
    }

    @Test
    void aMetadataProbeHasAnEmptyConfig() {
        Guard guard = new Guard(HookEvents.PRERUN);
        try (PluginTestKit kit = PluginTestKit.start(guard)) {
            kit.initialize();
            assertTrue(guard.handshake.config().isEmpty());
            assertEquals(PluginConfig.empty(), guard.handshake.config());
        }
    }

    @Test
    void handlersMayLogMeanwhile() {
        Guard guard = new Guard(HookEvents.PRERUN);
        guard.prerun = hook -> {
            hook.log().info("checking " + hook.params().command());
            return HookResult.proceed(Map.of());
        };
        try (PluginTestKit kit = PluginTestKit.start(guard)) {
            kit.hookResult(prerun("greet"));
            assertEquals(new LogParams("info", "checking [greet]"),
                    Payloads.read(kit.notifications().get(0).params(), LogParams.class));
        }
    }

    @Test
    void theKitFailsOnAnErrorReply() {
        try (PluginTestKit kit = PluginTestKit.start(new Guard())) {
            AssertionError error = assertThrows(AssertionError.class, () -> kit.hookResult(prerun("greet")));
            assertTrue(error.getMessage().startsWith("prerun hook failed"), error.getMessage());
        }
    }

    @Test
    void theKitBuildsTheHostsConfigObject() {
        assertEquals(Payloads.tree(Map.of("core", Map.of("hook_timeout_ms", 5000), "plugins", Map.of("guard", Map.of("forbid", List.of("deploy"))))),
                CONFIG);
        assertThrows(IllegalArgumentException.class, () -> PluginTestKit.config("guard", "[1]"));
        assertNull(HookResult.empty().action());
    }
}
