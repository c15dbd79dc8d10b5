package dev.jig.host.trust;

import dev.jig.host.HostSettings;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.metadata.Digester;
import dev.jig.host.metadata.Digests;
import dev.jig.host.metadata.Fingerprint;
import dev.jig.host.signature.TrustedKeys;
import dev.jig.host.signature.Verification;
import dev.jig.host.signature.Verifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a plugin may be executed: to run, to be asked for its metadata, or to receive
 * hooks.
 *
 * <p>A plugin is trusted when its directory is: explicit ({@code --plugin-path},
 * {@code <PREFIX>PLUGIN_PATH}), user, system and {@code PATH} directories are, unless listed in
 * {@code security.untrusted} (or below one listed); {@code ./plugins} never is. Otherwise it is
 * trusted only when the user trusted it ({@link TrustStore}) and its content is still the
 * content recorded. That is checked cheaply first: an unchanged fingerprint (size, mtime, ctime,
 * inode; for a directory plugin, of every entry of its tree) means unchanged content, and nothing
 * is read. Only a changed fingerprint costs a SHA-256; the same digest confirms the record (and
 * its new fingerprint is remembered), another one refuses the plugin as {@link TrustDecision.Changed}.
 *
 * <p>When signatures are required, a plugin trusted so far must also carry a good signature by a
 * trusted key ({@link Verifier}), else it is refused as {@link TrustDecision.Unverified}. Its
 * digest is remembered by fingerprint, so an unchanged plugin is hashed once.
 */
public final class TrustPolicy {

    private final List<Path> untrustedDirs;
    private final Optional<TrustStore> store;
    private final Digester digester;
    private final Optional<Verifier> signatures;

    /**
     * A policy that requires no signatures.
     *
     * @param untrustedDirs absolute directories marked untrusted besides {@code ./plugins}
     * @param store         the user's records; empty: nothing is trusted by record
     * @param digester      computes digests ({@link TreeDigest#sha256} outside tests)
     */
    public TrustPolicy(List<Path> untrustedDirs, Optional<TrustStore> store, Digester digester) {
        this(untrustedDirs, store, digester, Optional.empty());
    }

    /**
     * @param signatures checks the signature every plugin must then have; empty: none is required
     */
    public TrustPolicy(List<Path> untrustedDirs, Optional<TrustStore> store, Digester digester,
            Optional<Verifier> signatures) {
        this.untrustedDirs = untrustedDirs.stream().filter(Path::isAbsolute).map(Path::normalize).toList();
        this.store = store;
        this.digester = digester;
        this.signatures = signatures;
    }

    /** The policy for the user {@code settings} describe, with {@code untrustedDirs} from the configuration. */
    public static TrustPolicy of(HostSettings settings, List<Path> untrustedDirs) {
        return of(settings, untrustedDirs, false);
    }

    /**
     * Like {@link #of(HostSettings, List)}; with {@code requireSignatures}
     * ({@code security.require_signatures}), only plugins with a good signature are trusted.
     */
    public static TrustPolicy of(HostSettings settings, List<Path> untrustedDirs, boolean requireSignatures) {
        return new TrustPolicy(untrustedDirs, TrustStore.of(settings), TreeDigest::sha256,
                requireSignatures ? Optional.of(verifier(settings)) : Optional.empty());
    }

    /**
     * The signature checks for the user {@code settings} describe: the keys in their
     * {@code trusted-keys} directory, digests remembered in the cache.
     */
    public static Verifier verifier(HostSettings settings) {
        return new Verifier(TrustedKeys.of(settings), TreeDigest.remembering(Digests.of(settings)));
    }

    /** Whether every plugin must carry a good signature to be trusted. */
    public boolean signaturesRequired() {
        return signatures.isPresent();
    }

    /** The directories marked untrusted besides {@code ./plugins}. */
    public List<Path> untrustedDirs() {
        return untrustedDirs;
    }

    /** The user's records, when there is a home to keep them in. */
    public Optional<TrustStore> store() {
        return store;
    }

    /** Why plugins in {@code dir} are not trusted by default; empty when they are. */
    public Optional<String> distrust(PluginDir dir) {
        if (dir.origin() == Origin.LOCAL) {
            return Optional.of("plugins in ./plugins are not trusted by default");
        }
        for (Path untrusted : untrustedDirs) {
            if (dir.directory().startsWith(untrusted)) {
                return Optional.of("its directory " + untrusted + " is marked untrusted (security.untrusted)");
            }
        }
        return Optional.empty();
    }

    /** Whether plugins in {@code dir} are trusted without a record. */
    public boolean trustedSource(PluginDir dir) {
        return distrust(dir).isEmpty();
    }

    /**
     * The path a trust record of {@code plugin} is kept under: the executable as found, or the
     * directory of a directory plugin; absolute and normalised.
     */
    public static Path key(PluginFile plugin) {
        Path target = plugin.form() == PluginFile.Form.MANIFEST ? plugin.home() : plugin.path();
        return target.toAbsolutePath().normalize();
    }

    /** Whether {@code plugin} may be executed now. */
    public TrustDecision decide(PluginFile plugin) {
        TrustDecision decision = trust(plugin);
        if (decision.trusted() && signatures.isPresent()) {
            Verification verification = signatures.get().verify(key(plugin), plugin.form() == PluginFile.Form.MANIFEST);
            if (!verification.good()) {
                return new TrustDecision.Unverified(verification);
            }
        }
        return decision;
    }

    /** What trust alone, without signatures, decides. */
    private TrustDecision trust(PluginFile plugin) {
        Optional<String> distrust = distrust(plugin.dir());
        if (distrust.isEmpty()) {
            return new TrustDecision.Trusted(TrustDecision.Reason.SOURCE);
        }
        Path key = key(plugin);
        boolean tree = plugin.form() == PluginFile.Form.MANIFEST;
        Optional<TrustStore.Entry> recorded = store.flatMap(s -> s.get(key)).filter(entry -> entry.tree() == tree);
        if (recorded.isEmpty()) {
            return new TrustDecision.Untrusted(distrust.get());
        }
        TrustStore.Entry entry = recorded.get();
        try {
            Fingerprint now = TreeDigest.fingerprint(key, tree);
            if (now.equals(entry.fingerprint())) {
                return new TrustDecision.Trusted(TrustDecision.Reason.RECORDED);
            }
            if (!digester.digest(key, tree).equals(entry.sha256())) {
                return new TrustDecision.Changed(key);
            }
            store.get().confirm(key, entry, now);
            return new TrustDecision.Trusted(TrustDecision.Reason.RECORDED);
        } catch (IOException | RuntimeException e) {
            return new TrustDecision.Changed(key); // gone or unreadable: not the content trusted
        }
    }
}
