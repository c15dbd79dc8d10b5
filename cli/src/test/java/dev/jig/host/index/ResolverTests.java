package dev.jig.host.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Choosing releases for what the user asks, with their requirements, against real index documents. */
class ResolverTests {

    static final Platform LINUX = new Platform("linux", "x86_64");

    static final String MAIN = """
            {"index": 1, "plugins": {
              "a": {"versions": {
                "1.0.0": {"requires": {"plugins": {"b": "^1.0.0"}}, "artifacts": [{"url": "a-1.0.0", "sha256": "%1$s"}]}}},
              "b": {"versions": {
                "1.0.0": {"artifacts": [{"url": "b-1.0.0", "sha256": "%1$s"}]},
                "1.1.0": {"requires": {"plugins": {"c": "~1.0.0"}}, "artifacts": [{"url": "b-1.1.0", "sha256": "%1$s"}]},
                "2.0.0": {"artifacts": [{"url": "b-2.0.0", "sha256": "%1$s"}]}}},
              "c": {"versions": {
                "1.0.0": {"artifacts": [{"url": "c-1.0.0", "sha256": "%1$s"}]},
                "1.0.5": {"artifacts": [{"url": "c-1.0.5", "sha256": "%1$s"}]},
                "1.1.0": {"artifacts": [{"url": "c-1.1.0", "sha256": "%1$s"}]}}},

              "app": {"versions": {
                "1.0.0": {"requires": {"plugins": {"lib": "^2.0.0", "dep": "^1.0.0"}}, "artifacts": [{"url": "app", "sha256": "%1$s"}]}}},
              "lib": {"versions": {
                "2.1.0": {"requires": {"plugins": {"dep": "^2.0.0"}}, "artifacts": [{"url": "lib", "sha256": "%1$s"}]}}},
              "dep": {"versions": {
                "1.4.0": {"artifacts": [{"url": "dep-1.4.0", "sha256": "%1$s"}]},
                "2.0.1": {"artifacts": [{"url": "dep-2.0.1", "sha256": "%1$s"}]}}},

              "base": {"versions": {
                "1.0.0": {"artifacts": [{"url": "base-1.0.0", "sha256": "%1$s"}]},
                "1.5.0": {"artifacts": [{"url": "base-1.5.0", "sha256": "%1$s"}]},
                "2.0.0": {"artifacts": [{"url": "base-2.0.0", "sha256": "%1$s"}]}}},

              "x": {"versions": {
                "1.0.0": {"requires": {"plugins": {"y": "^1.0.0", "z": "^1.0.0"}}, "artifacts": [{"url": "x", "sha256": "%1$s"}]}}},
              "y": {"versions": {
                "1.1.2": {"artifacts": [{"url": "y-1.1.2", "sha256": "%1$s"}]},
                "1.3.0": {"artifacts": [{"url": "y-1.3.0", "sha256": "%1$s"}]}}},
              "z": {"versions": {
                "1.0.0": {"requires": {"plugins": {"y": "~1.1.0"}}, "artifacts": [{"url": "z", "sha256": "%1$s"}]}}},

              "p": {"versions": {
                "1.0.0": {"requires": {"plugins": {"q": "^1.0.0"}}, "artifacts": [{"url": "p", "sha256": "%1$s"}]}}},
              "q": {"versions": {
                "1.0.0": {"requires": {"plugins": {"p": "^1.0.0"}}, "artifacts": [{"url": "q", "sha256": "%1$s"}]}}},

              "osc-p": {"versions": {
                "1.0.0": {"requires": {"plugins": {"osc-q": "^1.0.0"}}, "artifacts": [{"url": "op1", "sha256": "%1$s"}]},
                "2.0.0": {"requires": {"plugins": {"osc-q": "^2.0.0"}}, "artifacts": [{"url": "op2", "sha256": "%1$s"}]}}},
              "osc-q": {"versions": {
                "1.0.0": {"requires": {"plugins": {"osc-p": "^2.0.0"}}, "artifacts": [{"url": "oq1", "sha256": "%1$s"}]},
                "2.0.0": {"requires": {"plugins": {"osc-p": "^1.0.0"}}, "artifacts": [{"url": "oq2", "sha256": "%1$s"}]}}},

              "needs-ghost": {"versions": {
                "1.0.0": {"requires": {"plugins": {"ghost": "^1.0.0"}}, "artifacts": [{"url": "ng", "sha256": "%1$s"}]}}},
              "macos-only": {"versions": {
                "1.0.0": {"artifacts": [{"os": "darwin", "url": "mac", "sha256": "%1$s"}, {"os": "linux", "arch": "aarch64", "url": "arm", "sha256": "%1$s"}]}}},
              "new-cli": {"versions": {
                "1.0.0": {"requires": {"cli": ">=0.1.0"}, "artifacts": [{"url": "nc-1", "sha256": "%1$s"}]},
                "2.0.0": {"requires": {"cli": ">=9.0.0"}, "artifacts": [{"url": "nc-2", "sha256": "%1$s"}]}}},
              "platformed": {"versions": {
                "1.0.0": {"artifacts": [{"url": "pl-1", "sha256": "%1$s"}]},
                "2.0.0": {"artifacts": [{"os": "windows", "url": "pl-2", "sha256": "%1$s"}]}}}
            }}""".formatted("0".repeat(64));

    static final String EXTRA = """
            {"index": 1, "plugins": {
              "c": {"versions": {
                "1.0.5": {"artifacts": [{"url": "c-1.0.5-extra", "sha256": "%1$s"}]},
                "1.0.7": {"artifacts": [{"url": "c-1.0.7-extra", "sha256": "%1$s"}]}}}
            }}""".formatted("1".repeat(64));

    private static Index index(String name, String json) throws IndexException {
        return Index.parse(name, URI.create("https://" + name + ".example/index.json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private static Resolver resolver(String... names) throws IndexException {
        List<Index> indexes = new ArrayList<>();
        for (String name : names) {
            indexes.add(index(name, name.equals("main") ? MAIN : EXTRA));
        }
        return new Resolver(new Indexes("acme", indexes), LINUX, "0.5.0");
    }

    private static List<Resolution.Step> resolve(List<String> wanted, List<Installed> installed, boolean upgrade)
            throws Exception {
        return resolver("main").resolve(wanted.stream().map(Want::parse).toList(), installed, upgrade).steps();
    }

    /** {@code c@1.0.5 <- a@1.0.0 -> b@1.1.0 (replaces 1.0.0)}: a step in one line. */
    private static List<String> describe(List<Resolution.Step> steps) {
        return steps.stream().map(step -> step.release().label()
                + (step.requiredBy().isEmpty() ? "" : " <- " + String.join(" -> ", step.requiredBy()))
                + step.replaces().map(version -> " (replaces " + version + ")").orElse("")).toList();
    }

    private static String failure(List<String> wanted, List<Installed> installed) {
        return assertThrows(ResolutionException.class, () -> resolve(wanted, installed, false)).getMessage();
    }

    @Test
    void aChainIsInstalledDependenciesFirstWithTheirReason() throws Exception {
        List<Resolution.Step> steps = resolve(List.of("a"), List.of(), false);
        assertEquals(List.of("c@1.0.5 <- a@1.0.0 -> b@1.1.0", "b@1.1.0 <- a@1.0.0", "a@1.0.0"), describe(steps));
        Resolution.Step c = steps.get(0);
        assertEquals(URI.create("https://main.example/c-1.0.5"), c.artifact().url());
        assertEquals("main", c.release().indexName());
        assertEquals(Optional.empty(), c.replaces());
    }

    @Test
    void anInstalledDependencyThatFitsIsKeptUnlessUpgrading() throws Exception {
        List<Installed> installed = List.of(new Installed("c", "1.0.0", Map.of()));
        assertEquals(List.of("b@1.1.0 <- a@1.0.0", "a@1.0.0"), describe(resolve(List.of("a"), installed, false)));
        assertEquals(List.of("c@1.0.5 <- a@1.0.0 -> b@1.1.0 (replaces 1.0.0)", "b@1.1.0 <- a@1.0.0", "a@1.0.0"),
                describe(resolve(List.of("a"), installed, true)));
    }

    @Test
    void anInstalledDependencyOutOfRangeIsReplaced() throws Exception {
        List<Installed> installed = List.of(new Installed("c", "1.1.0", Map.of()));
        assertEquals(List.of("c@1.0.5 <- a@1.0.0 -> b@1.1.0 (replaces 1.1.0)", "b@1.1.0 <- a@1.0.0", "a@1.0.0"),
                describe(resolve(List.of("a"), installed, false)));
    }

    @Test
    void whatIsInstalledAtTheChosenVersionIsLeftOut() throws Exception {
        List<Installed> installed = List.of(new Installed("a", "1.0.0", Map.of("b", "^1.0.0")),
                new Installed("b", "1.1.0", Map.of("c", "~1.0.0")), new Installed("c", "1.0.5", Map.of()));
        assertEquals(List.of(), resolve(List.of("a"), installed, false));
        assertEquals(List.of(), resolve(List.of("a"), installed, true));
    }

    @Test
    void installedPluginsThatStayConstrainWhatTheyRequire() throws Exception {
        List<Installed> installed = List.of(new Installed("greet", "1.0.0", Map.of("base", "^1.0.0")),
                new Installed("base", "1.0.0", Map.of()));
        assertEquals(List.of("base@1.5.0 (replaces 1.0.0)"), describe(resolve(List.of("base"), installed, true)));
        assertEquals("cannot resolve plugin 'base': you asked for base@^2, greet@1.0.0 (installed) requires base ^1.0.0,"
                + " and no release of base satisfies both (available: 1.0.0, 1.5.0, 2.0.0)", failure(List.of("base@^2"), installed));
    }

    @Test
    void aConflictNamesEveryChain() {
        assertEquals("cannot resolve plugin 'dep': app@1.0.0 requires dep ^1.0.0, app@1.0.0 -> lib@2.1.0 requires dep ^2.0.0,"
                + " and no release of dep satisfies both (available: 1.4.0, 2.0.1)", failure(List.of("app"), List.of()));
        assertEquals("cannot resolve plugin 'c': you asked for c@^3, and no release of c satisfies it (available: 1.0.0, 1.0.5, 1.1.0)",
                failure(List.of("c@^3"), List.of()));
        assertEquals("cannot resolve plugin 'c': you asked for c@^1.1, a@1.0.0 -> b@1.1.0 requires c ~1.0.0,"
                + " and no release of c satisfies both (available: 1.0.0, 1.0.5, 1.1.0)", failure(List.of("a", "c@^1.1"), List.of()));
    }

    @Test
    void aLaterConstraintMakesAnEarlierChoiceChooseAgain() throws Exception {
        assertEquals(List.of("y@1.1.2 <- x@1.0.0", "z@1.0.0 <- x@1.0.0", "x@1.0.0"), describe(resolve(List.of("x"), List.of(), false)));
    }

    @Test
    void aCycleThatCanBeSatisfiedIsInstalledOnce() throws Exception {
        assertEquals(List.of("q@1.0.0 <- p@1.0.0", "p@1.0.0"), describe(resolve(List.of("p"), List.of(), false)));
        assertEquals(List.of("q@1.0.0", "p@1.0.0"), describe(resolve(List.of("p", "q"), List.of(), false)));
        List<Installed> installed = List.of(new Installed("q", "1.0.0", Map.of("p", "^1.0.0")));
        assertEquals(List.of("p@1.0.0"), describe(resolve(List.of("p"), installed, false)));
    }

    @Test
    void aCycleThatCannotBeSatisfiedStopsWithTheChainInsteadOfLooping() {
        String message = failure(List.of("osc-p"), List.of());
        assertTrue(message.startsWith("cannot resolve plugin 'osc-"), message);
        assertTrue(message.contains("requires osc-"), message);
        assertTrue(message.endsWith("; ask for exact versions (NAME@VERSION)"), message);
        assertEquals("cannot resolve plugin 'osc-p': you asked for osc-p@1.0.0, osc-p@1.0.0 -> osc-q@1.0.0 requires osc-p ^2.0.0,"
                + " and no release of osc-p satisfies both (available: 1.0.0, 2.0.0)", failure(List.of("osc-p@1.0.0"), List.of()));
    }

    @Test
    void anUnknownPluginNamesTheConfiguredIndexes() throws Exception {
        assertEquals("no index has plugin 'nope'; configured indexes: main, extra", assertThrows(ResolutionException.class,
                () -> resolver("main", "extra").resolve(List.of(Want.parse("nope")), List.of(), false)).getMessage());
        assertEquals("no index has plugin 'ghost' (needs-ghost@1.0.0 requires ghost ^1.0.0); configured indexes: main",
                failure(List.of("needs-ghost"), List.of()));
        Resolver none = new Resolver(new Indexes("acme", List.of()), LINUX, "0.5.0");
        assertEquals("cannot install plugin 'greet': no index is configured; add one with 'acme config set indexes.NAME URL'",
                assertThrows(ResolutionException.class, () -> none.resolve(List.of(Want.parse("greet")), List.of(), false))
                        .getMessage());
    }

    @Test
    void aReleaseWithoutAnArtifactForThisPlatformIsSkippedOrReported() throws Exception {
        assertEquals(List.of("platformed@1.0.0"), describe(resolve(List.of("platformed"), List.of(), false)));
        assertEquals("cannot resolve plugin 'macos-only': you asked for macos-only, but no release in range has an artifact"
                + " for linux/x86_64 (macos-only@1.0.0 has darwin/any, linux/aarch64)", failure(List.of("macos-only"), List.of()));
    }

    @Test
    void aReleaseForANewerCliIsSkippedOrReported() throws Exception {
        assertEquals(List.of("new-cli@1.0.0"), describe(resolve(List.of("new-cli"), List.of(), false)));
        assertEquals("cannot resolve plugin 'new-cli': you asked for new-cli@^2, but new-cli@2.0.0 requires acme >=9.0.0"
                + " and this is acme 0.5.0; upgrade acme", failure(List.of("new-cli@^2"), List.of()));
    }

    @Test
    void thePluginBelongsToTheFirstIndexThatListsIt() throws Exception {
        List<Resolution.Step> steps = resolver("main", "extra").resolve(List.of(Want.parse("c@1.0.5")), List.of(), false).steps();
        assertEquals(URI.create("https://main.example/c-1.0.5"), steps.get(0).artifact().url());
        assertEquals("0".repeat(64), steps.get(0).artifact().sha256());

        steps = resolver("extra", "main").resolve(List.of(Want.parse("c@1.0.5")), List.of(), false).steps();
        assertEquals(URI.create("https://extra.example/c-1.0.5-extra"), steps.get(0).artifact().url());

        // extra's newer 1.0.7 does not count: main lists c, so c is main's.
        steps = resolver("main", "extra").resolve(List.of(Want.parse("c@~1.0")), List.of(), false).steps();
        assertEquals("1.0.5", steps.get(0).release().version());
        assertEquals("main", steps.get(0).release().indexName());
        assertTrue(failure(List.of("c@1.0.7"), List.of()).startsWith("cannot resolve plugin 'c'"));
    }

    @Test
    void aWantedPluginGetsItsNewestReleaseAndReplacesTheInstalledOne() throws Exception {
        List<Installed> installed = List.of(new Installed("b", "1.0.0", Map.of()));
        assertEquals(List.of("b@2.0.0 (replaces 1.0.0)"), describe(resolve(List.of("b"), installed, false)));
        assertEquals(List.of("c@1.0.5 <- b@1.1.0", "b@1.1.0 (replaces 1.0.0)"), describe(resolve(List.of("b@~1.1"), installed, false)));
    }
}
