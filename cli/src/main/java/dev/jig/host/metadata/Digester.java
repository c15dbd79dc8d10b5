package dev.jig.host.metadata;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Computes the SHA-256 of a plugin's content, as a trust record pins it and a signature signs
 * it: {@code trust.TreeDigest} outside tests.
 */
@FunctionalInterface
public interface Digester {

    /**
     * The lower-case hex SHA-256 of {@code target}.
     *
     * @param tree whether {@code target} is a plugin directory, digested as a whole tree
     */
    String digest(Path target, boolean tree) throws IOException;
}
