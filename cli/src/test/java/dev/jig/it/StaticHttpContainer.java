package dev.jig.it;

import com.github.dockerjava.api.exception.NotFoundException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A real HTTP server in its own container: busybox {@code httpd} serving static files, for tests
 * that download from a plugin index over the network.
 *
 * <p>The image {@value #IMAGE} is built locally by {@code scripts/test-docker} (no registry is
 * reachable, so it is never pulled); a machine with Docker but without the image skips the test
 * and names the script. Use it in a class annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)}, so machines without Docker skip too:
 *
 * <pre>{@code
 * try (var http = new StaticHttpContainer().serving(dir)) {  // dir's files, copied in at start
 *     http.start();
 *     http.put(archive, "plugins/hello-1.0.0.tar.gz");        // more files once it runs
 *     URI index = http.base().resolve("index.json");         // http://localhost:PORT/index.json
 *     ...
 * }
 * }</pre>
 *
 * <p>A {@code @Container} field works as well: the JUnit extension starts and stops it. Files are
 * served with the paths they have under the directory; a missing file answers 404. Closing the
 * container removes it (Ryuk, the reaper for crashed runs, is disabled by the build).
 */
public final class StaticHttpContainer extends GenericContainer<StaticHttpContainer> {

    /** The local image the server runs in. */
    public static final String IMAGE = "jig-test/busybox:1";

    /** The document root inside the container. */
    private static final String ROOT = "/www";

    private static final int PORT = 8080;

    /** Never pull: the image only exists where {@code scripts/test-docker} imported it. */
    private static final ImagePullPolicy LOCAL_ONLY = image -> false;

    /** A server with an empty document root. */
    public StaticHttpContainer() {
        super(DockerImageName.parse(IMAGE));
        withImagePullPolicy(LOCAL_ONLY);
        withExposedPorts(PORT);
        // The root must exist when nothing was copied in; exec keeps httpd the container's process 1.
        withCommand("sh", "-c", "mkdir -p " + ROOT + " && exec httpd -f -p " + PORT + " -h " + ROOT);
        waitingFor(Wait.forListeningPort());
    }

    /**
     * Serves the files under {@code dir}, copied in when the container starts.
     *
     * @param dir a host directory; its files keep their paths relative to it
     * @return this container
     */
    public StaticHttpContainer serving(Path dir) {
        return withCopyFileToContainer(MountableFile.forHostPath(dir), ROOT);
    }

    /**
     * Copies a host file or directory into the running server.
     *
     * @param source the host file or directory
     * @param path where it is served, relative to {@link #base()}, such as {@code "a/b.tar.gz"}
     */
    public void put(Path source, String path) {
        copyFileToContainer(MountableFile.forHostPath(source), ROOT + "/" + path);
    }

    /**
     * The URL of the document root, ending in {@code /}: resolve file paths against it.
     *
     * @return {@code http://HOST:MAPPED_PORT/}
     */
    public URI base() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(PORT) + "/");
    }

    @Override
    public void start() {
        Assumptions.assumeTrue(imagePresent(),
                () -> "the image " + IMAGE + " is missing: run scripts/test-docker to build it");
        super.start();
    }

    private static boolean imagePresent() {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
