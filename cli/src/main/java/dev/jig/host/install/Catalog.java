package dev.jig.host.install;

import dev.jig.host.ExitStatus;
import dev.jig.host.download.Download;
import dev.jig.host.download.DownloadException;
import dev.jig.host.index.Index;
import dev.jig.host.index.IndexException;
import dev.jig.host.index.Indexes;
import dev.jig.host.index.Platform;
import dev.jig.host.index.Resolver;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The configured indexes, fetched when first needed and then kept for the rest of the command. */
final class Catalog {

    private final Map<String, URI> configured;
    private final Download download;
    private final Platform platform;
    private final String cliName;
    private final String cliVersion;
    private Indexes indexes;

    /**
     * @param configured the indexes by name, in the order they are consulted
     */
    Catalog(Map<String, URI> configured, Download download, Platform platform, String cliName, String cliVersion) {
        this.configured = configured;
        this.download = download;
        this.platform = platform;
        this.cliName = cliName;
        this.cliVersion = cliVersion;
    }

    /** Whether no index is configured. */
    boolean isEmpty() {
        return configured.isEmpty();
    }

    /** The platform releases are chosen for. */
    Platform platform() {
        return platform;
    }

    /** Every configured index, fetched and parsed. */
    Indexes indexes() throws InstallException, InterruptedException {
        if (indexes == null) {
            List<Index> loaded = new ArrayList<>();
            for (Map.Entry<String, URI> entry : configured.entrySet()) {
                try {
                    loaded.add(Index.parse(entry.getKey(), entry.getValue(), download.bytes(entry.getValue(), Index.MAX_BYTES)));
                } catch (DownloadException e) {
                    throw new InstallException("cannot read index '" + entry.getKey() + "': " + e.getMessage(),
                            ExitStatus.FETCH_FAILED);
                } catch (IndexException e) {
                    throw new InstallException(e.getMessage() + "; tell its publisher, or remove it with '" + cliName
                            + " config unset indexes." + entry.getKey() + "'", ExitStatus.FETCH_FAILED);
                }
            }
            indexes = new Indexes(cliName, loaded);
        }
        return indexes;
    }

    /** A resolver over every configured index. */
    Resolver resolver() throws InstallException, InterruptedException {
        return new Resolver(indexes(), platform, cliVersion);
    }
}
