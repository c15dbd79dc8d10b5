package dev.jig.host.metadata;

import dev.jig.protocol.metadata.Requirements;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cache file format: a few {@code key value} lines that listing and dispatch read without a
 * JSON parser, a blank line, then the metadata JSON.
 *
 * <pre>
 * jig-plugin-cache 2
 * host 0.1.0
 * path /home/ada/.config/jig/plugins/jig-greet
 * fingerprint 5120 1764000000000000000 1764000000000000000 393219
 * kind protocol
 * version 1.2.0
 * summary Greet people in several languages
 * require-cli &gt;=0.1.0
 * require-program git
 *
 * {"name":"greet",...}
 * </pre>
 *
 * Values never contain line breaks: they are replaced by spaces when written (validation
 * rejects line breaks where they would change a value's meaning).
 */
final class RecordCodec {

    static final String MAGIC = "jig-plugin-cache 2";

    private RecordCodec() {
    }

    /**
     * One cache file's content.
     *
     * @param hostVersion the version of the host that wrote it
     * @param path        the plugin's path, as it was found
     * @param fingerprint the plugin file it describes
     * @param record      what was learned
     */
    record Entry(String hostVersion, String path, Fingerprint fingerprint, PluginRecord record) {
    }

    static String write(Entry entry) {
        PluginRecord r = entry.record();
        StringBuilder out = new StringBuilder(MAGIC).append('\n');
        line(out, "host", entry.hostVersion());
        line(out, "path", entry.path());
        line(out, "fingerprint", entry.fingerprint().toString());
        line(out, "kind", r.kind().id());
        r.problems().forEach(p -> line(out, "problem", p));
        line(out, "detail", r.detail());
        line(out, "version", r.version());
        line(out, "summary", r.summary());
        r.run().forEach(arg -> line(out, "run", arg));
        line(out, "require-cli", r.requires().cli());
        r.requires().protocol().forEach(v -> line(out, "require-protocol", v.toString()));
        r.requires().plugins().forEach((name, range) -> line(out, "require-plugin", name + " " + range));
        r.requires().programs().forEach(p -> line(out, "require-program", p));
        r.subcommands().forEach(s -> line(out, "subcommand", s));
        r.hooks().forEach(h -> line(out, "hook", h));
        out.append('\n');
        if (r.metadataJson() != null) {
            out.append(r.metadataJson()).append('\n');
        }
        return out.toString();
    }

    /**
     * Reads a cache file's text with plain string scanning: listing reads one per plugin, so this
     * is on the path of every {@code help}. {@code withJson} false leaves the body unread.
     */
    static Entry read(String text, boolean withJson) throws IOException {
        if (!text.startsWith(MAGIC + "\n")) {
            throw new IOException("not a plugin cache file");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int start = MAGIC.length() + 1;
        while (true) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                throw new IOException("truncated cache file");
            }
            if (end == start) {
                start = end + 1; // the blank line before the body
                break;
            }
            int space = text.indexOf(' ', start);
            if (space <= start || space > end) {
                throw new IOException("malformed cache line: " + text.substring(start, end));
            }
            fields.computeIfAbsent(text.substring(start, space), k -> new ArrayList<>()).add(text.substring(space + 1, end));
            start = end + 1;
        }
        String json = null;
        if (withJson) {
            String body = text.substring(start).strip();
            json = body.isEmpty() ? null : body;
        }
        try {
            Map<String, String> plugins = new LinkedHashMap<>();
            for (String requirement : all(fields, "require-plugin")) {
                int space = requirement.indexOf(' ');
                plugins.put(requirement.substring(0, space), requirement.substring(space + 1));
            }
            Requirements requires = new Requirements(one(fields, "require-cli"),
                    all(fields, "require-protocol").stream().map(Integer::valueOf).toList(), plugins,
                    all(fields, "require-program"));
            PluginRecord record = new PluginRecord(Kind.valueOf(one(fields, "kind").toUpperCase(Locale.ROOT)),
                    all(fields, "problem"), one(fields, "detail"), one(fields, "version"), one(fields, "summary"),
                    all(fields, "run"), requires, all(fields, "subcommand"), all(fields, "hook"), json);
            return new Entry(one(fields, "host"), one(fields, "path"), Fingerprint.parse(one(fields, "fingerprint")), record);
        } catch (RuntimeException e) {
            throw new IOException("malformed cache file: " + e.getMessage(), e);
        }
    }

    private static void line(StringBuilder out, String key, String value) {
        if (value != null) {
            out.append(key).append(' ').append(value.replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
    }

    private static String one(Map<String, List<String>> fields, String key) {
        List<String> values = fields.get(key);
        return values == null ? null : values.get(0);
    }

    private static List<String> all(Map<String, List<String>> fields, String key) {
        return fields.getOrDefault(key, List.of());
    }
}
