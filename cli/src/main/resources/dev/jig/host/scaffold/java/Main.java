import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * @name@: a @cli@ plugin. {@code @cli@ @command@ hello [--shout] [NAME]} greets; started with
 * {@code @protocol@} it speaks the @cli@ plugin protocol (JSON-RPC 2.0, one message per line).
 * Build with {@code javac -d classes Main.java} (Java 17+). plugin.json runs the compiled class:
 * the prerun hook starts the plugin for every command, and {@code java Main.java} would compile
 * it each time. Fields are picked out of each line with regular expressions, enough for what
 * @cli@ sends in protocol version 1; a plugin that reads richer messages would use a JSON library.
 */
public final class Main {

    /** The plugin's metadata (keep it in step with plugin.json). */
    private static final String METADATA = "{\"name\":\"@name@\",\"version\":\"0.1.0\","
            + "\"description\":\"Say hello (a Java plugin)\",\"usage\":\"COMMAND\","
            + "\"commands\":[{\"name\":\"hello\",\"summary\":\"greet someone\",\"usage\":\"[--shout] [NAME]\","
            + "\"flags\":[{\"name\":\"--shout\",\"short\":\"-s\",\"summary\":\"greet loudly\"}]}],"
            + "\"hooks\":[\"prerun\"]}";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+)");
    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"\\\\]*)\"");
    private static final Pattern VERSIONS = Pattern.compile("\"protocolVersions\"\\s*:\\s*\\[([^]]*)]");

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("@protocol@")) {
            serve();
        } else {
            System.exit(run(Arrays.asList(args)));
        }
    }

    /** Run mode: the user's command, with the user's arguments; returns the exit status. */
    static int run(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("hello")) {
            System.err.println("usage: @cli@ @command@ hello [--shout] [NAME]");
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        boolean shout = rest.contains("--shout") || rest.contains("-s");
        String name = rest.stream().filter(a -> !a.equals("--shout") && !a.equals("-s")).findFirst().orElse("world");
        String greeting = "Hello, " + name + "!";
        System.out.println(shout ? greeting.toUpperCase() : greeting);
        return 0;
    }

    /** Protocol mode: answer each request on stdin until end of file; stdout carries replies only. */
    static void serve() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            Optional<String> method = group(METHOD, line);
            Optional<String> id = group(ID, line);
            if (method.isEmpty() || id.isEmpty()) {
                continue; // a stray reply, or a notification: no answer
            }
            System.out.println("{\"jsonrpc\":\"2.0\",\"id\":" + id.get() + "," + answer(method.get(), line) + "}");
            System.out.flush();
        }
    }

    /** The reply to one request: {@code "result":...} or {@code "error":...}. */
    static String answer(String method, String line) {
        switch (method) {
            case "initialize":
                String offered = group(VERSIONS, line).orElse("").replaceAll("[^0-9,]", "");
                if (Arrays.asList(offered.split(",")).contains("1")) {
                    return "\"result\":{\"protocolVersion\":1,\"plugin\":" + METADATA + "}";
                }
                return "\"error\":{\"code\":-32000,\"message\":\"host offers protocol [" + offered + "]; @name@ speaks [1]\","
                        + "\"data\":{\"offered\":[" + offered + "],\"supported\":[1]}}";
            case "hook": // only prerun arrives: the metadata lists no other event
                return "\"result\":{\"action\":\"continue\",\"env\":{\"@hookvar@\":\"prerun\"}}";
            default:
                return "\"error\":{\"code\":-32601,\"message\":\"method not found\"}";
        }
    }

    private static Optional<String> group(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
