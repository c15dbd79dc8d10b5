package dev.jig.host.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading index documents: every field, and one clear line for each kind of bad document. */
class IndexTests {

    static final URI URL = URI.create("https://example.org/jig/index.json");
    static final String SHA = "a".repeat(64);
    static final String SIGNATURE =
            "0123456789abcdef AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";

    static final String GREET = """
            {
              "index": 1,
              "generated": "2026-12-01T00:00:00Z",
              "plugins": {
                "greet": {
                  "description": "Greet people in several languages",
                  "homepage": "https://example.org/greet",
                  "tags": ["fun"],
                  "versions": {
                    "1.2.0": {
                      "requires": {"cli": ">=0.1.0", "plugins": {"base": "^1.0.0"}, "programs": ["python3"]},
                      "published": "2026-11-30",
                      "artifacts": [
                        {"os": "linux", "arch": "x86_64", "url": "greet-1.2.0-linux-x86_64.tar.gz",
                         "sha256": "%1$s", "signature": "%2$s"},
                        {"url": "https://cdn.example.org/jig-greet", "sha256": "%3$s", "size": 1234}
                      ]
                    },
                    "1.10.0-rc.1": {"artifacts": [{"url": "../rc/greet.zip", "sha256": "%1$s"}]},
                    "1.10.0": {"artifacts": [{"url": "/abs/greet", "sha256": "%1$s"}]}
                  }
                },
                "base": {"versions": {"1.0.0": {"artifacts": [{"url": "base", "sha256": "%1$s"}]}}}
              }
            }
            """.formatted(SHA, SIGNATURE, "B".repeat(64));

    static Index parse(String json) throws IndexException {
        return Index.parse("main", URL, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryFieldAndIgnoresUnknownOnes() throws Exception {
        Index index = parse(GREET);

        assertEquals("main", index.name());
        assertEquals(URL, index.url());
        assertEquals(List.of("base", "greet"), index.plugins().stream().map(IndexEntry::name).toList());
        IndexEntry greet = index.plugin("greet").orElseThrow();
        assertEquals("Greet people in several languages", greet.description());
        assertEquals("https://example.org/greet", greet.homepage());
        assertEquals(List.of("1.10.0", "1.10.0-rc.1", "1.2.0"), greet.releases().stream().map(Release::version).toList(),
                "newest first by semantic version, not by text");

        Release release = greet.releases().get(2);
        assertEquals("greet", release.plugin());
        assertEquals("main", release.indexName());
        assertEquals(">=0.1.0", release.requires().cli());
        assertEquals(Map.of("base", "^1.0.0"), release.requires().plugins());
        assertEquals(List.of("python3"), release.requires().programs());
        assertEquals(List.of(
                new Artifact("linux", "x86_64", URI.create("https://example.org/jig/greet-1.2.0-linux-x86_64.tar.gz"), SHA,
                        Optional.of(SIGNATURE)),
                new Artifact(null, null, URI.create("https://cdn.example.org/jig-greet"), "b".repeat(64), Optional.empty())),
                release.artifacts(), "relative URLs resolve against the index; upper-case digests are lower-cased");

        assertEquals(Optional.empty(), index.plugin("nope"));
        assertTrue(index.plugin("base").orElseThrow().description().isEmpty());
        assertEquals(Map.of(), index.plugin("base").orElseThrow().releases().get(0).requires().plugins());
    }

    @Test
    void relativeUrlsResolveAgainstTheIndexUrl() throws Exception {
        IndexEntry greet = parse(GREET).plugin("greet").orElseThrow();
        assertEquals(URI.create("https://example.org/rc/greet.zip"), greet.releases().get(1).artifacts().get(0).url());
        assertEquals(URI.create("https://example.org/abs/greet"), greet.releases().get(0).artifacts().get(0).url());

        Index local = Index.parse("local", URI.create("file:/srv/index/index.json"), GREET.getBytes(StandardCharsets.UTF_8));
        assertEquals(URI.create("file:/srv/index/base"),
                local.plugin("base").orElseThrow().releases().get(0).artifacts().get(0).url());
    }

    @Test
    void aFileIndexMayPointAtFilesButARemoteOneMayNot() throws Exception {
        String json = """
                {"index": 1, "plugins": {"p": {"versions": {"1.0.0": {"artifacts": [
                  {"url": "file:/etc/passwd", "sha256": "%s"}]}}}}}""".formatted(SHA);
        Index local = Index.parse("local", URI.create("file:/srv/index.json"), json.getBytes(StandardCharsets.UTF_8));
        assertEquals(URI.create("file:/etc/passwd"), local.plugin("p").orElseThrow().releases().get(0).artifacts().get(0).url());

        IndexException remote = assertThrows(IndexException.class, () -> parse(json));
        assertEquals("index 'main' (" + URL + "): plugins.p.versions.1.0.0.artifacts[0].url is a file: URL,"
                + " which only an index read from a file: URL may use", remote.getMessage());
    }

    @Test
    void anEmptyIndexHasNoPlugins() throws Exception {
        assertEquals(List.of(), parse("{\"index\": 1, \"plugins\": {}}").plugins());
    }

    static Stream<Arguments> badDocuments() {
        String prefix = "index 'main' (" + URL + ")";
        String artifact = "{\"url\": \"p\", \"sha256\": \"" + SHA + "\"}";
        String release = "{\"artifacts\": [" + artifact + "]}";
        return Stream.of(
                Arguments.of("not json", "{\"index\": 1,", prefix + " is not JSON"),
                Arguments.of("not an object", "[1]", prefix + " is not a JSON object"),
                Arguments.of("no format", "{\"plugins\": {}}", prefix + ": index is missing (the format version, 1)"),
                Arguments.of("format text", "{\"index\": \"1\", \"plugins\": {}}", prefix + ": index must be the format version, 1"),
                Arguments.of("newer format", "{\"index\": 2, \"plugins\": {}}",
                        prefix + " has format 2, newer than the format 1 this CLI reads: upgrade the CLI to use it"),
                Arguments.of("no plugins", "{\"index\": 1}", prefix + ": plugins is missing"),
                Arguments.of("plugins array", "{\"index\": 1, \"plugins\": []}", prefix + ": plugins must be an object"),
                Arguments.of("bad name", "{\"index\": 1, \"plugins\": {\"../evil\": {\"versions\": {}}}}",
                        prefix + ": plugins.../evil is not a plugin name (words of letters, digits, '.' and '_' joined by '-')"),
                Arguments.of("no versions", "{\"index\": 1, \"plugins\": {\"p\": {}}}", prefix + ": plugins.p.versions is missing"),
                Arguments.of("description number", "{\"index\": 1, \"plugins\": {\"p\": {\"description\": 5, \"versions\": {}}}}",
                        prefix + ": plugins.p.description must be a string"),
                Arguments.of("bad version", "{\"index\": 1, \"plugins\": {\"p\": {\"versions\": {\"v1.0\": " + release + "}}}}",
                        prefix + ": plugins.p.versions.v1.0 is not a semantic version (e.g. 1.2.0)"),
                Arguments.of("same version", "{\"index\": 1, \"plugins\": {\"p\": {\"versions\": {\"1.0.0+a\": " + release
                        + ", \"1.0.0+b\": " + release + "}}}}",
                        prefix + ": plugins.p.versions.1.0.0+b is the same version as 1.0.0+a (build metadata does not count)"),
                Arguments.of("no artifacts", "{\"index\": 1, \"plugins\": {\"p\": {\"versions\": {\"1.0.0\": {}}}}}",
                        prefix + ": plugins.p.versions.1.0.0.artifacts is missing"),
                Arguments.of("empty artifacts", "{\"index\": 1, \"plugins\": {\"p\": {\"versions\": {\"1.0.0\": {\"artifacts\": []}}}}}",
                        prefix + ": plugins.p.versions.1.0.0.artifacts is empty: a release needs at least one artifact"),
                Arguments.of("no url", badArtifact("{\"sha256\": \"" + SHA + "\"}"),
                        prefix + ": plugins.p.versions.1.0.0.artifacts[0].url is missing"),
                Arguments.of("ftp url", badArtifact("{\"url\": \"ftp://x/p\", \"sha256\": \"" + SHA + "\"}"),
                        prefix + ": plugins.p.versions.1.0.0.artifacts[0].url must be a file:, http: or https: URL, or relative to the index"),
                Arguments.of("bad url", badArtifact("{\"url\": \"a b\", \"sha256\": \"" + SHA + "\"}"),
                        prefix + ": plugins.p.versions.1.0.0.artifacts[0].url is not a URL"),
                Arguments.of("no sha", badArtifact("{\"url\": \"p\"}"),
                        prefix + ": plugins.p.versions.1.0.0.artifacts[0].sha256 is missing"),
                Arguments.of("short sha", badArtifact("{\"url\": \"p\", \"sha256\": \"abc\"}"),
                        prefix + ": plugins.p.versions.1.0.0.artifacts[0].sha256 is not 64 hex digits"),
                Arguments.of("bad os", badArtifact("{\"os\": \"Linux\", \"url\": \"p\", \"sha256\": \"" + SHA + "\"}"),
                        prefix + ": plugins.p.versions.1.0.0.artifacts[0].os must be lower-case letters, digits and '_'"
                                + " (e.g. linux, darwin, windows)"),
                Arguments.of("bad signature", badArtifact("{\"url\": \"p\", \"sha256\": \"" + SHA + "\", \"signature\": \"xyz\"}"),
                        prefix + ": plugins.p.versions.1.0.0.artifacts[0].signature is not one line '<key id> <signature>'"),
                Arguments.of("bad cli range", "{\"index\": 1, \"plugins\": {\"p\": {\"versions\": {\"1.0.0\": {\"requires\": {\"cli\": \"foo\"},"
                        + " \"artifacts\": [" + artifact + "]}}}}}",
                        prefix + ": plugins.p.versions.1.0.0.requires.cli is not a version range (e.g. >=0.1.0)"),
                Arguments.of("bad programs", "{\"index\": 1, \"plugins\": {\"p\": {\"versions\": {\"1.0.0\": {\"requires\":"
                        + " {\"programs\": [\"python3\", 3]}, \"artifacts\": [" + artifact + "]}}}}}",
                        prefix + ": plugins.p.versions.1.0.0.requires.programs must be an array of program names"),
                Arguments.of("bad protocol", "{\"index\": 1, \"plugins\": {\"p\": {\"versions\": {\"1.0.0\": {\"requires\":"
                        + " {\"protocol\": 1}, \"artifacts\": [" + artifact + "]}}}}}",
                        prefix + ": plugins.p.versions.1.0.0.requires.protocol must be an array of protocol versions"),
                Arguments.of("bad plugin range", "{\"index\": 1, \"plugins\": {\"p\": {\"versions\": {\"1.0.0\": {\"requires\":"
                        + " {\"plugins\": {\"base\": 1}}, \"artifacts\": [" + artifact + "]}}}}}",
                        prefix + ": plugins.p.versions.1.0.0.requires.plugins.base is not a version range (e.g. ^1.0.0)"));
    }

    private static String badArtifact(String artifact) {
        return "{\"index\": 1, \"plugins\": {\"p\": {\"versions\": {\"1.0.0\": {\"artifacts\": [" + artifact + "]}}}}}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void aBadDocumentIsOneLineNamingTheIndexAndTheField(String name, String json, String expected) {
        IndexException problem = assertThrows(IndexException.class, () -> parse(json));
        assertTrue(problem.getMessage().startsWith(expected), () -> "expected " + expected + "\n but was " + problem.getMessage());
        assertFalse(problem.getMessage().contains("\n"), problem.getMessage());
    }

    @Test
    void tooLargeAndTooManyPluginsAreRefused() {
        byte[] large = new byte[Index.MAX_BYTES + 1];
        IndexException big = assertThrows(IndexException.class, () -> Index.parse("main", URL, large));
        assertEquals("index 'main' (" + URL + ") is larger than 16 MiB", big.getMessage());

        StringBuilder many = new StringBuilder("{\"index\": 1, \"plugins\": {");
        for (int i = 0; i <= Index.MAX_PLUGINS; i++) {
            many.append(i == 0 ? "" : ",").append("\"p").append(i).append("\": {\"versions\": {}}");
        }
        IndexException crowded = assertThrows(IndexException.class, () -> parse(many.append("}}").toString()));
        assertEquals("index 'main' (" + URL + "): plugins lists 10001 plugins; an index may list at most 10000",
                crowded.getMessage());
    }
}
