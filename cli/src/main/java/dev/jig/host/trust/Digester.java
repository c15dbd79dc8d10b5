package dev.jig.host.trust;

import java.io.IOException;
import java.nio.file.Path;

/** Computes the content digest a trust record pins: {@link TreeDigest#sha256} outside tests. */
@FunctionalInterface
public interface Digester {

    /**
     * The lower-case hex SHA-256 of {@code target}.
     *
     * @param tree whether {@code target} is a plugin directory, digested as a whole tree
     */
    String digest(Path target, boolean tree) throws IOException;
}
