package dev.jig.host.install;

import dev.jig.host.ExitStatus;
import dev.jig.host.index.Want;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What the words given to {@code plugins install} name: a plugin in an index, or a URL or path. */
final class Targets {

    private Targets() {
    }

    /**
     * The URL or file {@code target} names, or empty when it is {@code NAME[@RANGE]}: a URL has a
     * scheme; a path exists, contains a {@code /}, or ends as an archive does.
     */
    static Optional<URI> location(String target, Path workingDirectory) throws InstallException {
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")) {
            URI uri;
            try {
                uri = new URI(target);
            } catch (URISyntaxException e) {
                throw new InstallException("'" + target + "' is not a valid URL: " + e.getReason(), ExitStatus.USAGE);
            }
            if (lower.startsWith("file:") && (uri.getAuthority() != null || uri.getPath() == null || !uri.getPath().startsWith("/"))) {
                throw new InstallException("'" + target + "' is not a local file URL; write file:///absolute/path, or"
                        + " give the path itself", ExitStatus.USAGE);
            }
            return Optional.of(uri);
        }
        Path path = workingDirectory.resolve(target).normalize();
        boolean pathLike = target.contains("/") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz") || lower.endsWith(".zip");
        if (Files.exists(path)) {
            return Optional.of(path.toUri());
        }
        if (pathLike) {
            throw new InstallException(path + " does not exist; give the path of an archive, an executable or a plugin"
                    + " directory", ExitStatus.FETCH_FAILED);
        }
        return Optional.empty();
    }

    /** {@code NAME[@RANGE]} as a wanted plugin. */
    static Want want(String target) throws InstallException {
        try {
            return Want.parse(target);
        } catch (IllegalArgumentException e) {
            throw new InstallException(e.getMessage(), ExitStatus.USAGE);
        }
    }

    /** A source as the lock file records it: a file URI always as {@code file:///path}, however it was written. */
    static String recorded(URI source) {
        return "file".equals(source.getScheme()) ? Path.of(source).toUri().toString() : source.toString();
    }

    /** A source as the user would type it: a path for a file URI. */
    static String shown(URI source) {
        return "file".equals(source.getScheme()) ? Path.of(source).toString() : source.toString();
    }
}
