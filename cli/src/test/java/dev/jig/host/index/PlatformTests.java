package dev.jig.host.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Naming this platform as indexes do, and choosing the artifact that fits it best. */
class PlatformTests {

    @ParameterizedTest
    @CsvSource({"Linux, amd64, linux, x86_64", "Linux, aarch64, linux, aarch64", "Mac OS X, aarch64, darwin, aarch64",
            "Mac OS X, x86_64, darwin, x86_64", "Windows 11, amd64, windows, x86_64", "Windows Server 2022, arm64, windows, aarch64",
            "FreeBSD, amd64, freebsd, x86_64", "Linux, ppc64le, linux, ppc64le"})
    void javaNamesBecomeIndexNames(String osName, String osArch, String os, String arch) {
        assertEquals(new Platform(os, arch), Platform.of(osName, osArch));
    }

    @Test
    void currentIsThisJvm() {
        Platform current = Platform.current();
        assertEquals(Platform.of(System.getProperty("os.name"), System.getProperty("os.arch")), current);
        assertFalse(current.os().isEmpty());
        assertEquals(current.os().toLowerCase(), current.os());
    }

    @Test
    void acceptsArtifactsForItsOsAndArchOrForAny() {
        Platform linux = new Platform("linux", "x86_64");
        URI url = URI.create("https://example.org/p");
        String sha = "0".repeat(64);
        assertTrue(linux.accepts(new Artifact(null, null, url, sha, Optional.empty())));
        assertTrue(linux.accepts(new Artifact("linux", null, url, sha, Optional.empty())));
        assertTrue(linux.accepts(new Artifact(null, "x86_64", url, sha, Optional.empty())));
        assertTrue(linux.accepts(new Artifact("linux", "x86_64", url, sha, Optional.empty())));
        assertFalse(linux.accepts(new Artifact("linux", "aarch64", url, sha, Optional.empty())));
        assertFalse(linux.accepts(new Artifact("darwin", null, url, sha, Optional.empty())));
    }

    @Test
    void theMostSpecificArtifactWinsAndTheFirstAmongEquals() throws Exception {
        String json = """
                {"index": 1, "plugins": {"p": {"versions": {"1.0.0": {"artifacts": [
                  {"url": "any", "sha256": "%1$s"},
                  {"arch": "x86_64", "url": "arch-only", "sha256": "%1$s"},
                  {"os": "linux", "url": "linux-1", "sha256": "%1$s"},
                  {"os": "linux", "url": "linux-2", "sha256": "%1$s"},
                  {"os": "linux", "arch": "aarch64", "url": "linux-arm", "sha256": "%1$s"},
                  {"os": "darwin", "arch": "aarch64", "url": "mac-arm", "sha256": "%1$s"}
                ]}}}}}""".formatted("0".repeat(64));
        Release release = Index.parse("main", URI.create("https://example.org/"), json.getBytes(StandardCharsets.UTF_8))
                .plugin("p").orElseThrow().releases().get(0);

        assertEquals("linux-1", chosen(release, new Platform("linux", "x86_64")));
        assertEquals("linux-arm", chosen(release, new Platform("linux", "aarch64")));
        assertEquals("mac-arm", chosen(release, new Platform("darwin", "aarch64")));
        assertEquals("arch-only", chosen(release, new Platform("windows", "x86_64")));
        assertEquals("any", chosen(release, new Platform("windows", "aarch64")));

        Release macOnly = new Release("p", "1.0.0", null, release.artifacts().subList(5, 6), "main");
        assertEquals(Optional.empty(), macOnly.artifactFor(new Platform("linux", "x86_64")));
    }

    private static String chosen(Release release, Platform platform) {
        return release.artifactFor(platform).orElseThrow().url().getPath().substring(1);
    }
}
