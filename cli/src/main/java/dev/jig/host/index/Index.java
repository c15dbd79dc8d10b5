package dev.jig.host.index;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One plugin index, read from its JSON document (format in {@code protocol/INDEX.md}).
 */
public final class Index {

    /** The largest document read, in bytes; whoever fetches an index should stop there. */
    public static final int MAX_BYTES = 16 << 20;

    /** The most plugins one index may list. */
    public static final int MAX_PLUGINS = 10_000;

    /** The format version this CLI reads. */
    public static final int FORMAT = 1;

    private final String name;
    private final URI url;
    private final Map<String, IndexEntry> plugins;

    Index(String name, URI url, Map<String, IndexEntry> plugins) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.plugins = Map.copyOf(plugins);
    }

    /**
     * Reads an index document.
     *
     * @param name the index's configured name, for messages and {@link Release#indexName()}
     * @param url  where the document came from: relative artifact URLs resolve against it
     * @param json the document's bytes, UTF-8
     * @throws IndexException when it is not JSON, is too large, has a newer format, or a field is
     *                        missing or malformed; the message names the index and the field
     */
    public static Index parse(String name, URI url, byte[] json) throws IndexException {
        return new IndexReader(name, url).read(json);
    }

    /** The configured name. */
    public String name() {
        return name;
    }

    /** Where it came from. */
    public URI url() {
        return url;
    }

    /** The plugin called {@code name}, if listed. */
    public Optional<IndexEntry> plugin(String name) {
        return Optional.ofNullable(plugins.get(name));
    }

    /** Every plugin, by name. */
    public List<IndexEntry> plugins() {
        return plugins.values().stream().sorted(Comparator.comparing(IndexEntry::name)).toList();
    }

    /** {@code index 'main' (https://example.org/index.json)}. */
    @Override
    public String toString() {
        return "index '" + name + "' (" + url + ")";
    }
}
