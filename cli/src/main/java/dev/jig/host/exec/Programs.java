package dev.jig.host.exec;

import dev.jig.host.HostSettings;
import dev.jig.host.discovery.SearchPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs on the {@code PATH} of the host's settings, as a shell would. */
public final class Programs {

    private final HostSettings settings;

    /** Looks on the {@code PATH} of {@code settings}, relative entries against its working directory. */
    public Programs(HostSettings settings) {
        this.settings = settings;
    }

    /** The first executable regular file called {@code name} on {@code PATH}. */
    public Optional<Path> find(String name) {
        for (String dir : SearchPath.splitList(settings.env("PATH").orElse(""))) {
            Path candidate = settings.workingDirectory().resolve(dir).resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
