package dev.jig.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Arguments and context reach the plugin exactly as typed, through the real launcher. */
class ArgvIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Sandbox sandbox;

    @BeforeEach
    void plugins() {
        sandbox = new Sandbox(root);
        Sandbox.executable(sandbox.bin.resolve("jig-argv"), """
                #!%s
                import json, sys
                print(json.dumps(sys.argv[1:]))
                """.formatted(Sandbox.PYTHON));
        Sandbox.executable(sandbox.bin.resolve("jig-env"), """
                #!%s
                import json, os
                print(json.dumps({k: v for k, v in os.environ.items() if k.startswith("JIG_")}))
                """.formatted(Sandbox.PYTHON));
    }

    static Stream<Arguments> argumentLists() {
        List<String> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add("arg " + i + (i % 7 == 0 ? " \"quoted\" 'single' $HOME `x` \\ *" : ""));
        }
        return Stream.of(
                Arguments.of("spaces", List.of("two words", "  leading and trailing  ", "tab\there")),
                Arguments.of("quotes", List.of("\"double\"", "'single'", "mixed \"'\" quotes", "back\\slash")),
                Arguments.of("empty strings", List.of("", "x", "", "")),
                Arguments.of("double dash", List.of("--", "--flag", "-x", "--", "value")),
                Arguments.of("shell metacharacters", List.of("$HOME", "`id`", "$(id)", "a;b", "*", "~", "!")),
                Arguments.of("unicode", List.of("héllo", "日本語", "emoji 🎉", "ünïcödé ✓", "\u00a0nbsp")),
                Arguments.of("newlines", List.of("line1\nline2", "\r\n")),
                Arguments.of("a thousand", thousand));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("argumentLists")
    void argumentsArriveVerbatim(String name, List<String> args) throws Exception {
        assertEquals(args, runArgv(args));
    }

    @ParameterizedTest(name = "{0} under LANG=C")
    @MethodSource("argumentLists")
    void argumentsArriveVerbatimUnderTheCLocale(String name, List<String> args) throws Exception {
        sandbox.env.put("LANG", "C");
        assertEquals(args, runArgv(args));
    }

    @Test
    void wordsAfterTheCommandThatNameNoPluginArePassedOn() throws Exception {
        assertEquals(List.of("list", "all", "--long"), runArgv(List.of("list", "all", "--long")));
    }

    @Test
    void pluginGetsItsContext() throws Exception {
        Sandbox.Result result = sandbox.jig("env");
        assertEquals(0, result.exitCode(), result::toString);
        Map<String, String> env = JSON.readValue(result.stdout(), new TypeReference<>() { });
        assertEquals(Sandbox.LAUNCHER.toRealPath().toString(), env.get("JIG_BIN"));
        assertEquals("jig", env.get("JIG_CLI_NAME"));
        assertEquals(System.getProperty("jig.version"), env.get("JIG_CLI_VERSION"));
        assertEquals("env", env.get("JIG_PLUGIN_NAME"));
        assertEquals(sandbox.bin.resolve("jig-env").toString(), env.get("JIG_PLUGIN_FILE"));
        assertEquals("env", env.get("JIG_COMMAND"));
    }

    @Test
    void pluginPathGivenOnTheCommandLineIsPassedOnForCallbacks() throws Exception {
        Path extra = Sandbox.mkdirs(root.resolve("extra"));
        Sandbox.executable(extra.resolve("jig-env"), "#!/bin/sh\nexec \"" + sandbox.bin.resolve("jig-env") + "\"\n");
        Sandbox.Result result = sandbox.jig("--plugin-path", extra.toString(), "env");
        Map<String, String> env = JSON.readValue(result.stdout(), new TypeReference<>() { });
        assertEquals(extra.toString(), env.get("JIG_PLUGIN_PATH"));
        assertEquals(extra.resolve("jig-env").toString(), env.get("JIG_PLUGIN_FILE"));
    }

    @Test
    void pluginCanCallJigBack() {
        Sandbox.executable(sandbox.bin.resolve("jig-callback"), "#!/bin/sh\nexec \"$JIG_BIN\" argv called back\n");
        Sandbox.Result result = sandbox.jig("callback");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("[\"called\", \"back\"]\n", result.stdout());
    }

    @Test
    void launcherLocaleFixIsInvisibleToPlugins() {
        Sandbox.executable(sandbox.bin.resolve("jig-locale"),
                "#!/bin/sh\necho \"LC_ALL=${LC_ALL-(unset)} marker=${JIG_LAUNCHER_LC_ALL-(unset)}\"\n");
        sandbox.env.put("LANG", "C");
        assertEquals("LC_ALL=(unset) marker=(unset)\n", sandbox.jig("locale").stdout());

        sandbox.env.put("LC_ALL", "POSIX");
        assertEquals("LC_ALL=POSIX marker=(unset)\n", sandbox.jig("locale").stdout());

        sandbox.env.put("LC_ALL", "");
        assertEquals("LC_ALL= marker=(unset)\n", sandbox.jig("locale").stdout());
    }

    private List<String> runArgv(List<String> args) throws Exception {
        List<String> argv = new ArrayList<>();
        argv.add("argv");
        argv.addAll(args);
        Sandbox.Result result = sandbox.jig(argv.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result::toString);
        return JSON.readValue(result.stdout(), new TypeReference<>() { });
    }
}
