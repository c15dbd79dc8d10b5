package dev.jig.host.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads one configuration file, turning every failure into a one-line {@link ConfigException}. */
final class ConfigFile {

    private ConfigFile() {
    }

    /**
     * The tables in {@code path}; empty when there is no such file (an absent layer).
     *
     * @param cli the CLI's name, for the advice in messages
     * @throws ConfigException when it cannot be read or is not valid TOML; the message names the
     *                         file and, for bad TOML, the line
     */
    static Optional<ObjectNode> read(Path path, String cli) throws ConfigException {
        if (!Files.exists(path)) {
            return Optional.empty(); // the common case costs one stat
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed since the check
        } catch (AccessDeniedException e) {
            throw new ConfigException(path + ": cannot read the file (permission denied). Fix its permissions or remove it.");
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read the file (" + e.getMessage() + "). Fix or remove it.");
        }
        try {
            return Optional.of(TomlCodec.read(bytes));
        } catch (TomlCodec.Malformed e) {
            throw new ConfigException(path + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage()
                    + ". Fix the file: " + cli + " neither reads nor changes it until it is valid TOML.");
        }
    }
}
