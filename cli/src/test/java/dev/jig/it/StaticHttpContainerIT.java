package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@link StaticHttpContainer} serves the files of a host directory and files put in later, byte
 * for byte, and answers 404 for the rest.
 */
@Testcontainers(disabledWithoutDocker = true)
class StaticHttpContainerIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @TempDir
    Path root;

    @Test
    void servesADirectoryAndFilesPutLater() throws Exception {
        Path site = Sandbox.mkdirs(root.resolve("site"));
        Files.writeString(site.resolve("index.json"), "{\"plugins\":[]}\n");
        // Every byte value, and longer than one network buffer.
        byte[] archive = new byte[70_000];
        for (int i = 0; i < archive.length; i++) {
            archive[i] = (byte) (i * 31);
        }
        Path later = Files.write(root.resolve("hello-1.0.0.tar.gz"), archive);

        try (var http = new StaticHttpContainer().serving(site)) {
            http.start();
            http.put(later, "plugins/hello-1.0.0.tar.gz");

            HttpResponse<byte[]> index = get(http.base().resolve("index.json"));
            assertEquals(200, index.statusCode());
            assertEquals("{\"plugins\":[]}\n", new String(index.body(), StandardCharsets.UTF_8));

            HttpResponse<byte[]> download = get(http.base().resolve("plugins/hello-1.0.0.tar.gz"));
            assertEquals(200, download.statusCode());
            assertArrayEquals(archive, download.body());

            assertEquals(404, get(http.base().resolve("plugins/missing-1.0.0.tar.gz")).statusCode());
        }
    }

    private static HttpResponse<byte[]> get(URI uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
