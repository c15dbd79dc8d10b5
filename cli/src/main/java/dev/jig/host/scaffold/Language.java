package dev.jig.host.scaffold;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A language a plugin can be started in, with the form its template takes.
 *
 * <p>A language with a {@link #run()} vector makes a directory plugin: its template files, a
 * {@code plugin.json} (§6 of PROTOCOL.md) whose {@code run} starts the built program, and a
 * README. The others make one executable file, {@code <cli>-<name>}.
 */
public enum Language {
    PYTHON("Python", List.of("plugin"), null, null),
    NODE("Node.js", List.of("plugin"), null, null),
    TYPESCRIPT("TypeScript", List.of("package.json", "tsconfig.json", "src/main.ts"),
            "[\"node\", \"dist/main.js\"]", "npm install && npm run build"),
    RUST("Rust", List.of("Cargo.toml", "src/main.rs"), "[\"target/release/@package@\"]", "cargo build --release"),
    BASH("bash", List.of("plugin"), null, null),
    JAVA("Java", List.of("Main.java"), "[\"java\", \"-cp\", \"classes\", \"Main\"]", "javac -d classes Main.java"),
    C("C", List.of("Makefile", "main.c"), "[\"bin/@name@\"]", "make");

    private final String title;
    private final List<String> templates;
    private final String run;
    private final String build;

    Language(String title, List<String> templates, String run, String build) {
        this.title = title;
        this.templates = templates;
        this.run = run;
        this.build = build;
    }

    /** The name users type after {@code --lang}: {@code python}, {@code typescript}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language's name for people: {@code Node.js}, {@code TypeScript}. */
    public String title() {
        return title;
    }

    /** The language {@code id} names, ignoring case. */
    public static Optional<Language> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Every id, for messages: {@code python, node, ...}. */
    public static String ids() {
        return Arrays.stream(values()).map(Language::id).collect(Collectors.joining(", "));
    }

    /** Whether the template is a directory plugin rather than a single executable file. */
    public boolean directory() {
        return run != null;
    }

    /** The template files under the language's resource directory, by their path in the plugin. */
    List<String> templates() {
        return templates;
    }

    /** A directory plugin's {@code run} vector as JSON, with placeholders; empty for a single file. */
    Optional<String> run() {
        return Optional.ofNullable(run);
    }

    /** The shell command that builds the plugin in its directory; empty when there is nothing to build. */
    public Optional<String> build() {
        return Optional.ofNullable(build);
    }
}
