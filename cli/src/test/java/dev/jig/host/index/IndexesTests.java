package dev.jig.host.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Several indexes seen as one: precedence, search, latest and outdated. */
class IndexesTests {

    static final String SHA = "0".repeat(64);
    static final Platform LINUX = new Platform("linux", "x86_64");

    static final String MAIN = """
            {"index": 1, "plugins": {
              "greet": {"description": "Greet people", "homepage": "https://main.example/greet", "versions": {
                "1.0.0": {"artifacts": [{"url": "greet-1.0.0", "sha256": "%1$s"}]},
                "1.1.0": {"artifacts": [{"url": "greet-1.1.0", "sha256": "%1$s"}]}}},
              "greeting-cards": {"description": "Print cards", "versions": {
                "0.1.0": {"artifacts": [{"url": "cards", "sha256": "%1$s"}]}}},
              "hello": {"description": "Says hello, a tiny GREETer", "versions": {
                "2.0.0": {"artifacts": [{"url": "hello", "sha256": "%1$s"}]}}},
              "macos-only": {"description": "Only for macs", "versions": {
                "1.0.0": {"artifacts": [{"os": "darwin", "url": "mac", "sha256": "%1$s"}]}}},
              "beta": {"versions": {
                "1.0.0": {"artifacts": [{"url": "beta-1", "sha256": "%1$s"}]},
                "2.0.0-beta.1": {"artifacts": [{"url": "beta-2", "sha256": "%1$s"}]}}},
              "unrelated": {"description": "Nothing to see", "versions": {
                "1.0.0": {"artifacts": [{"url": "u", "sha256": "%1$s"}]}}}
            }}""".formatted(SHA);

    static final String EXTRA = """
            {"index": 1, "plugins": {
              "greet": {"description": "Another greet", "versions": {
                "1.1.0": {"artifacts": [{"url": "greet-1.1.0-extra", "sha256": "%1$s"}]},
                "1.2.0": {"artifacts": [{"url": "greet-1.2.0-extra", "sha256": "%1$s"}]}}},
              "preview": {"versions": {
                "0.1.0-alpha.1": {"artifacts": [{"url": "preview", "sha256": "%1$s"}]}}},
              "agreeter": {"description": "Agrees with everyone", "versions": {
                "1.0.0": {"artifacts": [{"url": "a", "sha256": "%1$s"}]}}}
            }}""".formatted(SHA);

    static Index index(String name, String json) throws IndexException {
        return Index.parse(name, URI.create("https://" + name + ".example/index.json"), json.getBytes(StandardCharsets.UTF_8));
    }

    static Indexes both() throws IndexException {
        return new Indexes("acme", List.of(index("main", MAIN), index("extra", EXTRA)));
    }

    @Test
    void aPluginBelongsToTheFirstIndexThatListsItWithAllItsReleases() throws Exception {
        Indexes indexes = both();
        assertEquals(List.of("main", "extra"), indexes.names());

        IndexEntry greet = indexes.plugin("greet").orElseThrow();
        assertEquals("Greet people", greet.description());
        assertEquals("https://main.example/greet", greet.homepage());
        assertEquals(List.of("1.1.0@main", "1.0.0@main"),
                indexes.releases("greet").stream().map(release -> release.version() + "@" + release.indexName()).toList(),
                "extra's 1.2.0 does not count: main lists greet");
        assertEquals(URI.create("https://main.example/greet-1.1.0"),
                greet.releases().get(0).artifacts().get(0).url(), "main's 1.1.0, not extra's");

        Indexes reversed = new Indexes("acme", List.of(index("extra", EXTRA), index("main", MAIN)));
        assertEquals("Another greet", reversed.plugin("greet").orElseThrow().description());
        assertEquals(List.of("1.2.0@extra", "1.1.0@extra"),
                reversed.releases("greet").stream().map(release -> release.version() + "@" + release.indexName()).toList());

        assertEquals(Optional.empty(), indexes.plugin("nope"));
        assertEquals(List.of(), indexes.releases("nope"));
        assertEquals(List.of("agreeter", "beta", "greet", "greeting-cards", "hello", "macos-only", "preview", "unrelated"),
                indexes.plugins().stream().map(IndexEntry::name).toList());
    }

    @Test
    void searchPutsTheExactNameFirstThenNamePrefixesThenTheRest() throws Exception {
        assertEquals(List.of("greet", "greeting-cards", "agreeter", "hello"),
                both().search("GREET").stream().map(IndexEntry::name).toList());
        assertEquals(List.of("macos-only"), both().search("for macs").stream().map(IndexEntry::name).toList());
        assertEquals(List.of(), both().search("zebra"));
    }

    @Test
    void latestIsTheNewestStableReleaseThatRunsHere() throws Exception {
        Indexes indexes = both();
        assertEquals("1.1.0", indexes.latest("greet", LINUX).orElseThrow().version());
        assertEquals("1.0.0", indexes.latest("beta", LINUX).orElseThrow().version(), "a pre-release is not the latest");
        assertEquals("0.1.0-alpha.1", indexes.latest("preview", LINUX).orElseThrow().version(), "unless there is nothing else");
        assertEquals(Optional.empty(), indexes.latest("macos-only", LINUX));
        assertEquals("1.0.0", indexes.latest("macos-only", new Platform("darwin", "aarch64")).orElseThrow().version());
        assertEquals(Optional.empty(), indexes.latest("nope", LINUX));
    }

    @Test
    void outdatedListsInstalledPluginsWithANewerReleaseForThisPlatform() throws Exception {
        List<Installed> installed = List.of(
                new Installed("greet", "1.0.0", null),
                new Installed("hello", "2.0.0", null),
                new Installed("macos-only", "0.9.0", null),
                new Installed("beta", "1.0.0", null),
                new Installed("local-only", "0.1.0", null),
                new Installed("agreeter", "0.5.0", null));
        assertEquals(List.of(new Outdated("greet", "1.0.0", "1.1.0", "main"), new Outdated("agreeter", "0.5.0", "1.0.0", "extra")),
                both().outdated(installed, LINUX));
    }

    @Test
    void noIndexesMeansNothingFound() {
        Indexes none = new Indexes("acme", List.of());
        assertEquals(List.of(), none.names());
        assertEquals(List.of(), none.search(""));
        assertEquals(List.of(), none.outdated(List.of(new Installed("greet", "1.0.0", null)), LINUX));
    }
}
