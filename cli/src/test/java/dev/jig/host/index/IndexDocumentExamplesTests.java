package dev.jig.host.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples of {@code protocol/INDEX.md} read as the document says they do. */
class IndexDocumentExamplesTests {

    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- example: (\\S+) schema: plugin-index\\.schema\\.json -->\\n```json\\n(.*?)\\n```", Pattern.DOTALL);
    private static final URI URL = URI.create("https://plugins.example.org/index.json");

    private static List<Index> examples() throws Exception {
        Path document = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolveSibling("protocol").resolve("INDEX.md");
        Matcher matcher = EXAMPLE.matcher(Files.readString(document, StandardCharsets.UTF_8));
        List<Index> indexes = new ArrayList<>();
        while (matcher.find()) {
            indexes.add(Index.parse(matcher.group(1), URL, matcher.group(2).getBytes(StandardCharsets.UTF_8)));
        }
        return indexes;
    }

    @Test
    void everyExampleIsAnIndex() throws Exception {
        assertTrue(examples().size() >= 2);
    }

    @Test
    void theCompleteExampleChoosesWhatTheTextSays() throws Exception {
        Index complete = examples().get(0);
        Release greet = complete.plugin("greet").orElseThrow().releases().get(0);
        assertEquals("1.2.0", greet.version());

        Artifact linux = greet.artifactFor(new Platform("linux", "x86_64")).orElseThrow();
        assertEquals(URI.create("https://plugins.example.org/greet-1.2.0-linux-x86_64.tar.gz"), linux.url());
        assertTrue(linux.signature().isPresent());
        assertEquals(URI.create("https://cdn.example.org/jig-greet-1.2.0"),
                greet.artifactFor(new Platform("windows", "x86_64")).orElseThrow().url());
        assertEquals(URI.create("https://plugins.example.org/greet-1.2.0-darwin.zip"),
                greet.artifactFor(new Platform("darwin", "aarch64")).orElseThrow().url());

        Resolution resolution = new Resolver(new Indexes("jig", List.of(complete)), new Platform("linux", "x86_64"), "0.1.0")
                .resolve(List.of(Want.parse("greet")), List.of(), false);
        assertEquals(List.of("base@1.0.3", "greet@1.2.0"),
                resolution.steps().stream().map(step -> step.release().label()).toList());
        assertEquals(URI.create("https://plugins.example.org/base/jig-base-1.0.3"), resolution.steps().get(0).artifact().url());
    }
}
