package dev.jig.sample.wordcount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jig.protocol.method.HookEvents;
import dev.jig.protocol.method.HookResult;
import dev.jig.protocol.metadata.CommandSpec;
import dev.jig.protocol.metadata.ConfigSpec;
import dev.jig.protocol.metadata.FlagSpec;
import dev.jig.protocol.metadata.PluginMetadata;
import dev.jig.protocol.metadata.Requirements;
import dev.jig.sdk.HookContext;
import dev.jig.sdk.Invocation;
import dev.jig.sdk.Jig;
import dev.jig.sdk.JigPlugin;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code jig wordcount}: counts lines, words and bytes, or lists the most frequent words. Its
 * {@code config} hook takes {@code top} from the environment variable {@value #TOP_VARIABLE}.
 */
public final class WordCount implements JigPlugin {

    /** The environment variable the {@code config} hook reads. */
    static final String TOP_VARIABLE = "WORDCOUNT_TOP";

    /** Exit status of a usage error, as most command-line tools use it. */
    static final int USAGE = 2;

    /** How many words {@code top} lists without N, unless {@code plugins.wordcount.top} says otherwise. */
    static final int DEFAULT_TOP = 10;

    /** The plugin's metadata: what {@code jig help} shows without starting the plugin. */
    static final PluginMetadata METADATA = new PluginMetadata(
            "wordcount",
            "0.1.0",
            "Count lines, words and bytes, or find the most frequent words",
            "jig samples",
            null,
            "[--lines] [--words] [--bytes] [FILE...]",
            List.of(new FlagSpec("--lines", "-l", null, "print the line count"),
                    new FlagSpec("--words", "-w", null, "print the word count"),
                    new FlagSpec("--bytes", "-c", null, "print the byte count"),
                    new FlagSpec("--help", "-h", null, "show this help")),
            List.of(new CommandSpec("top", "list the N most frequent words (N: config top, default "
                    + DEFAULT_TOP + ")", "[N] [FILE...]", null, null)),
            List.of(HookEvents.CONFIG),
            new Requirements(">=0.1.0", List.of(1), null, null),
            new ConfigSpec(defaults(), schema()));

    /**
     * Runs the plugin: the whole {@code main} of a Java plugin.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(Jig.serve(new WordCount(System.getenv()), args));
    }

    private final Map<String, String> environment;

    /**
     * A plugin that reads {@link #TOP_VARIABLE} from {@code environment}.
     *
     * @param environment the environment the hooks see, e.g. {@code System.getenv()}
     */
    public WordCount(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public PluginMetadata metadata() {
        return METADATA;
    }

    @Override
    public int run(Invocation invocation) throws IOException {
        Arguments arguments;
        int top;
        try {
            arguments = Arguments.parse(invocation.args());
            top = arguments.n().isPresent() ? arguments.n().getAsInt() : configuredTop(invocation);
        } catch (UsageException e) {
            invocation.err().println(METADATA.name() + ": " + e.getMessage());
            invocation.err().println("Try '" + Help.commandLine(invocation) + " --help'.");
            return USAGE;
        }
        if (arguments.help()) {
            invocation.out().print(Help.render(METADATA, invocation));
            return 0;
        }
        Inputs inputs = new Inputs(arguments.files(), invocation);
        return arguments.top()
                ? new TopWords(top).run(inputs, invocation.out())
                : new Counter(arguments.columns()).run(inputs, invocation.out());
    }

    /**
     * The {@code config} hook: {@value #TOP_VARIABLE}, when it is a positive number, becomes
     * {@code plugins.wordcount.top} for this invocation. The host ranks the patch just above the
     * plugin's defaults, so a configuration file or {@code -c} still wins.
     */
    @Override
    public HookResult onConfig(HookContext hook) {
        String top = environment.get(TOP_VARIABLE);
        if (top == null) {
            return HookResult.empty();
        }
        if (!top.matches("[1-9][0-9]{0,8}")) {
            hook.log().warn(TOP_VARIABLE + " must be a positive number, not '" + top + "'; ignored");
            return HookResult.empty();
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("plugins").putObject(METADATA.name()).put("top", Integer.parseInt(top));
        return HookResult.patch(patch);
    }

    /**
     * {@code plugins.wordcount.top} from the configuration the host wrote for this run (the file
     * named by {@code JIG_CONFIG}), or the default when it is not set, as when run by hand.
     */
    private static int configuredTop(Invocation invocation) throws UsageException {
        JsonNode top = invocation.config().plugin().path("top");
        if (top.isMissingNode() || top.isNull()) {
            return DEFAULT_TOP;
        }
        if (!top.canConvertToInt() || !top.isIntegralNumber() || top.intValue() < 1) {
            throw new UsageException("the configuration's top must be a positive integer, not " + top);
        }
        return top.intValue();
    }

    private static ObjectNode defaults() {
        return JsonNodeFactory.instance.objectNode().put("top", DEFAULT_TOP);
    }

    /** {@code {"type":"object","properties":{"top":{"type":"integer","minimum":1}}}} */
    private static ObjectNode schema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties").putObject("top").put("type", "integer").put("minimum", 1);
        return schema;
    }
}
