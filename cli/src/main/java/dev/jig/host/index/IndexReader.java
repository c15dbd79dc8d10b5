package dev.jig.host.index;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.host.discovery.CommandPath;
import dev.jig.host.signature.SignatureFile;
import dev.jig.protocol.codec.Json;
import dev.jig.protocol.codec.Limits;
import dev.jig.protocol.metadata.Requirements;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one index document into an {@link Index}, checking each field it uses and naming the
 * first bad one by its JSON path. Fields it does not know are ignored.
 */
final class IndexReader {

    /** The most versions one plugin may list, and artifacts one version. */
    static final int MAX_VERSIONS = 10_000;
    static final int MAX_ARTIFACTS = 100;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern PLATFORM_WORD = Pattern.compile("[a-z0-9_]+");

    private final String name;
    private final URI url;

    IndexReader(String name, URI url) {
        this.name = name;
        this.url = url;
    }

    Index read(byte[] json) throws IndexException {
        if (json.length > Index.MAX_BYTES) {
            throw problem("is larger than " + (Index.MAX_BYTES >> 20) + " MiB");
        }
        JsonNode root;
        try {
            root = Mapper.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw problem("is not JSON (" + firstLine(e.getOriginalMessage()) + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw problem("cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw problem("is not a JSON object");
        }
        JsonNode format = root.get("index");
        if (format == null) {
            throw field("index", "is missing (the format version, 1)");
        }
        if (!format.isIntegralNumber() || !format.canConvertToInt() || format.asInt() < 1) {
            throw field("index", "must be the format version, 1");
        }
        if (format.asInt() > Index.FORMAT) {
            throw problem("has format " + format.asInt() + ", newer than the format " + Index.FORMAT
                    + " this CLI reads: upgrade the CLI to use it");
        }
        JsonNode plugins = object(root, "plugins", "plugins", true);
        if (plugins.size() > Index.MAX_PLUGINS) {
            throw field("plugins", "lists " + plugins.size() + " plugins; an index may list at most " + Index.MAX_PLUGINS);
        }
        Map<String, IndexEntry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> plugin : plugins.properties()) {
            entries.put(plugin.getKey(), entry(plugin.getKey(), plugin.getValue()));
        }
        return new Index(name, url, entries);
    }

    private IndexEntry entry(String plugin, JsonNode node) throws IndexException {
        String path = "plugins." + plugin;
        if (!isPluginName(plugin)) {
            throw field(path, "is not a plugin name (words of letters, digits, '.' and '_' joined by '-')");
        }
        if (!node.isObject()) {
            throw field(path, "must be an object");
        }
        String description = text(node, "description", path + ".description");
        String homepage = text(node, "homepage", path + ".homepage");
        JsonNode versions = object(node, "versions", path + ".versions", true);
        if (versions.size() > MAX_VERSIONS) {
            throw field(path + ".versions", "lists more than " + MAX_VERSIONS + " versions");
        }
        List<Release> releases = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, JsonNode> version : versions.properties()) {
            String versionPath = path + ".versions." + version.getKey();
            if (!Versions.isVersion(version.getKey())) {
                throw field(versionPath, "is not a semantic version (e.g. 1.2.0)");
            }
            String precedence = version.getKey().replaceFirst("\\+.*", "");
            String earlier = seen.putIfAbsent(precedence, version.getKey());
            if (earlier != null) {
                throw field(versionPath, "is the same version as " + earlier + " (build metadata does not count)");
            }
            releases.add(release(plugin, version.getKey(), version.getValue(), versionPath));
        }
        return new IndexEntry(plugin, description, homepage, releases);
    }

    private Release release(String plugin, String version, JsonNode node, String path) throws IndexException {
        if (!node.isObject()) {
            throw field(path, "must be an object");
        }
        Requirements requires = requirements(node.get("requires"), path + ".requires");
        JsonNode artifacts = node.get("artifacts");
        if (artifacts == null || !artifacts.isArray()) {
            throw field(path + ".artifacts", artifacts == null ? "is missing" : "must be an array");
        }
        if (artifacts.isEmpty()) {
            throw field(path + ".artifacts", "is empty: a release needs at least one artifact");
        }
        if (artifacts.size() > MAX_ARTIFACTS) {
            throw field(path + ".artifacts", "lists more than " + MAX_ARTIFACTS + " artifacts");
        }
        List<Artifact> list = new ArrayList<>();
        for (int i = 0; i < artifacts.size(); i++) {
            list.add(artifact(artifacts.get(i), path + ".artifacts[" + i + "]"));
        }
        return new Release(plugin, version, requires, list, name);
    }

    private Requirements requirements(JsonNode node, String path) throws IndexException {
        if (node == null || node.isNull()) {
            return Requirements.NONE;
        }
        if (!node.isObject()) {
            throw field(path, "must be an object");
        }
        String cli = text(node, "cli", path + ".cli");
        if (cli != null && !Versions.isRange(cli)) {
            throw field(path + ".cli", "is not a version range (e.g. >=0.1.0)");
        }
        Map<String, String> plugins = new LinkedHashMap<>();
        JsonNode needed = object(node, "plugins", path + ".plugins", false);
        if (needed != null) {
            for (Map.Entry<String, JsonNode> plugin : needed.properties()) {
                String pluginPath = path + ".plugins." + plugin.getKey();
                if (!isPluginName(plugin.getKey())) {
                    throw field(pluginPath, "is not a plugin name");
                }
                if (!plugin.getValue().isTextual() || !Versions.isRange(plugin.getValue().asText())) {
                    throw field(pluginPath, "is not a version range (e.g. ^1.0.0)");
                }
                plugins.put(plugin.getKey(), plugin.getValue().asText());
            }
        }
        List<Integer> protocol = array(node, "protocol", path + ".protocol", "protocol versions",
                version -> version.isIntegralNumber() && version.canConvertToInt() && version.asInt() >= 1 ? version.asInt() : null);
        List<String> programs = array(node, "programs", path + ".programs", "program names",
                program -> program.isTextual() ? program.asText() : null);
        return new Requirements(cli, protocol, plugins, programs);
    }

    private Artifact artifact(JsonNode node, String path) throws IndexException {
        if (!node.isObject()) {
            throw field(path, "must be an object");
        }
        String os = platformWord(node, "os", path);
        String arch = platformWord(node, "arch", path);
        String link = text(node, "url", path + ".url");
        if (link == null || link.isBlank()) {
            throw field(path + ".url", "is missing");
        }
        URI resolved;
        try {
            resolved = url.resolve(new URI(link));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw field(path + ".url", "is not a URL");
        }
        String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("file", "http", "https").contains(scheme)) {
            throw field(path + ".url", "must be a file:, http: or https: URL, or relative to the index");
        }
        if (scheme.equals("file") && !"file".equalsIgnoreCase(url.getScheme())) {
            throw field(path + ".url", "is a file: URL, which only an index read from a file: URL may use");
        }
        String sha256 = text(node, "sha256", path + ".sha256");
        if (sha256 == null) {
            throw field(path + ".sha256", "is missing");
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw field(path + ".sha256", "is not 64 hex digits");
        }
        String signature = text(node, "signature", path + ".signature");
        if (signature != null) {
            try {
                SignatureFile.parse(signature);
            } catch (SignatureException e) {
                throw field(path + ".signature", e.getMessage());
            }
        }
        return new Artifact(os, arch, resolved, sha256.toLowerCase(Locale.ROOT),
                Optional.ofNullable(signature).map(String::strip));
    }

    private String platformWord(JsonNode node, String member, String path) throws IndexException {
        String value = text(node, member, path + "." + member);
        if (value != null && !PLATFORM_WORD.matcher(value).matches()) {
            throw field(path + "." + member, "must be lower-case letters, digits and '_' (e.g. "
                    + (member.equals("os") ? "linux, darwin, windows" : "x86_64, aarch64") + ")");
        }
        return value;
    }

    /**
     * The array at {@code member}, each item read by {@code item} (null for an item of the wrong
     * kind); empty when absent.
     */
    private <T> List<T> array(JsonNode node, String member, String path, String what, Function<JsonNode, T> item)
            throws IndexException {
        JsonNode array = node.get(member);
        List<T> items = new ArrayList<>();
        if (array == null || array.isNull()) {
            return items;
        }
        if (!array.isArray()) {
            throw field(path, "must be an array of " + what);
        }
        for (JsonNode element : array) {
            T value = item.apply(element);
            if (value == null) {
                throw field(path, "must be an array of " + what);
            }
            items.add(value);
        }
        return items;
    }

    /** The string at {@code member}, or null when absent or JSON null. */
    private String text(JsonNode node, String member, String path) throws IndexException {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw field(path, "must be a string");
        }
        return value.asText();
    }

    /** The object at {@code member}; null when absent and not required. */
    private JsonNode object(JsonNode node, String member, String path, boolean required) throws IndexException {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                throw field(path, "is missing");
            }
            return null;
        }
        if (!value.isObject()) {
            throw field(path, "must be an object");
        }
        return value;
    }

    /** Whether {@code name} can be a plugin's name: what follows the CLI prefix in a plugin's file name. */
    static boolean isPluginName(String name) {
        return !name.isEmpty() && CommandPath.fromFileName("", name).isPresent();
    }

    /** A bad field: {@code index 'main' (URL): plugins.greet.homepage must be a string}. */
    private IndexException field(String path, String message) {
        return new IndexException("index '" + name + "' (" + url + "): " + oneLine(path + " " + message));
    }

    /** A bad document: {@code index 'main' (URL) is not JSON (...)}. */
    private IndexException problem(String message) {
        return new IndexException("index '" + name + "' (" + url + ") " + oneLine(message));
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** Built on first use: a run that reads no index never creates it. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = Json.mapper(new Limits(Index.MAX_BYTES, 64, 1 << 18));
    }
}
