package dev.jig.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code PROTOCOL.md} (or another document of the module, such as {@code INDEX.md}), and the marked code blocks in it that tests check. */
public final class ProtocolDocument {

    /**
     * A JSON example, marked {@code <!-- example: NAME schema: FILE -->}.
     *
     * @param name   unique within the document
     * @param schema the schema file it must satisfy
     * @param json   the code block's text
     */
    public record Example(String name, String schema, String json) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A complete plugin, marked {@code <!-- plugin: LANGUAGE -->}.
     *
     * @param language {@code python} or {@code bash}
     * @param fence    the code block's info string
     * @param source   the code block's text
     */
    public record Plugin(String language, String fence, String source) {
    }

    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- example: (\\S+) schema: (\\S+) -->\\n```json\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern PLUGIN = Pattern.compile(
            "<!-- plugin: (\\S+) -->\\n```(\\w*)\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern JSON_FENCE = Pattern.compile("^```json\\s*$", Pattern.MULTILINE);

    private final String text;

    private ProtocolDocument(String text) {
        this.text = text;
    }

    /** Reads the module's {@code PROTOCOL.md}. */
    public static ProtocolDocument load() {
        return load("PROTOCOL.md");
    }

    /** Reads one of the module's documents, e.g. {@code INDEX.md}. */
    public static ProtocolDocument load(String fileName) {
        try {
            return new ProtocolDocument(Files.readString(Schemas.moduleDirectory().resolve(fileName),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** Every marked JSON example, in document order. */
    public List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        Matcher matcher = EXAMPLE.matcher(text);
        while (matcher.find()) {
            examples.add(new Example(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return examples;
    }

    /** The example named {@code name}. */
    public Example example(String name) {
        return examples().stream().filter(example -> example.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("PROTOCOL.md has no example named " + name));
    }

    /** How many {@code ```json} blocks the document has, marked or not. */
    public int jsonBlockCount() {
        return (int) JSON_FENCE.matcher(text).results().count();
    }

    /** The plugin marked with {@code language}. */
    public Optional<Plugin> plugin(String language) {
        Matcher matcher = PLUGIN.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(language)) {
                return Optional.of(new Plugin(matcher.group(1), matcher.group(2), matcher.group(3) + "\n"));
            }
        }
        return Optional.empty();
    }
}
