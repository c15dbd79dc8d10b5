package dev.jig.it;

import static dev.jig.it.HookPlugins.abort;
import static dev.jig.it.HookPlugins.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publisher signatures through the real launcher: four plugins, one each with a good signature,
 * a bad one (changed after signing), none, and one by a key the user does not trust. Without
 * {@code security.require_signatures} all run and {@code plugins verify} tells them apart; with
 * it only the good one is ever executed.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SignaturesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PLUGINS = List.of("good", "bad", "missing", "unknown");

    @TempDir
    Path root;

    private Sandbox sandbox;
    private Path markers;
    private Path keys;
    private Path trustedKeys;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = new Sandbox(root);
        markers = Sandbox.mkdirs(root.resolve("markers"));
        keys = Sandbox.mkdirs(root.resolve("keys"));
        trustedKeys = root.resolve("config/jig/trusted-keys");
        publisher("acme", true);
        publisher("stranger", false);
    }

    /**
     * A key pair: the private key in {@code keys/<name>.pem}, the public one in
     * {@code keys/<name>.pub.pem} and, when {@code trusted}, among the trusted keys.
     */
    private void publisher(String name, boolean trusted) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Sandbox.write(keys.resolve(name + ".pem"), pem("PRIVATE KEY", pair.getPrivate()));
        Sandbox.write(keys.resolve(name + ".pub.pem"), pem("PUBLIC KEY", pair.getPublic()));
        if (trusted) {
            Sandbox.write(trustedKeys.resolve(name + ".pem"), pem("PUBLIC KEY", pair.getPublic()));
        }
    }

    private static String pem(String label, Key key) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END " + label + "-----\n";
    }

    /** A plugin that leaves a marker whenever it is executed, in any mode, and says it ran. */
    private Path plugin(String name) {
        return Sandbox.executable(sandbox.userDir().resolve("jig-" + name),
                "#!/bin/sh\ntouch '" + markers.resolve(name) + "'\necho " + name + " ran \"$@\"\n");
    }

    private Sandbox.Result sign(String key, String target) {
        Sandbox.Result signed = sandbox.jig("plugins", "sign", "--key", keys.resolve(key + ".pem").toString(), target);
        assertEquals(0, signed.exitCode(), signed::toString);
        return signed;
    }

    /** The four plugins, signed as their names say. */
    private void fourPlugins() throws Exception {
        PLUGINS.forEach(this::plugin);
        sign("acme", "good");
        sign("acme", "bad");
        Files.writeString(sandbox.userDir().resolve("jig-bad"), "echo injected\n", StandardOpenOption.APPEND);
        sign("stranger", "unknown");
    }

    private void requireSignatures() {
        Sandbox.write(root.resolve("config/jig/config.toml"), "[security]\nrequire_signatures = true\n");
    }

    private List<String> markersLeft() {
        return Sandbox.fileNames(markers);
    }

    private static JsonNode plugin(JsonNode list, String name) {
        return Sandbox.listed(list, name);
    }

    @Test
    void withoutTheSettingEveryPluginRunsAndVerifyTellsThemApart() throws Exception {
        fourPlugins();
        for (String name : PLUGINS) {
            Sandbox.Result run = sandbox.jig(name, "x");
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(name + " ran x\n" + (name.equals("bad") ? "injected\n" : ""), run.stdout());
        }
        assertEquals(List.of("bad", "good", "missing", "unknown"), markersLeft());

        Path dir = sandbox.userDir();
        Sandbox.Result good = sandbox.jig("plugins", "verify", "good");
        assertEquals(0, good.exitCode(), good::toString);
        assertTrue(good.stdout().matches("good: plugin 'good' \\(" + dir.resolve("jig-good")
                + "\\): it is signed by trusted key 'acme' \\([0-9a-f]{16}\\)\n"), good::toString);
        assertEquals("", good.stderr());

        Map<String, Integer> codes = Map.of("bad", 5, "missing", 3, "unknown", 4);
        Map<String, String> findings = Map.of(
                "bad", "its signature " + dir.resolve("jig-bad.sig") + " does not match it: it changed since it was"
                        + " signed with trusted key 'acme', or the signature is damaged. Do not run it: get it again"
                        + " from its publisher.",
                "missing", "it is not signed (no " + dir.resolve("jig-missing.sig") + "). Ask its publisher for a"
                        + " signature.",
                "unknown", "it is signed (" + dir.resolve("jig-unknown.sig") + ") by key ");
        for (String name : codes.keySet()) {
            Sandbox.Result verify = sandbox.jig("plugins", "verify", name);
            assertEquals(codes.get(name), verify.exitCode(), verify::toString);
            assertEquals("", verify.stdout());
            assertEquals(1, verify.stderr().lines().count(), verify::toString);
            assertTrue(verify.stderr().startsWith("jig: plugin '" + name + "' (" + dir.resolve("jig-" + name) + "): "
                    + findings.get(name)), verify::toString);
        }
        assertTrue(sandbox.jig("plugins", "verify", "unknown").stderr().endsWith(", which is not a trusted key. If you"
                + " trust its publisher, save their public key as " + trustedKeys.resolve("NAME.pem") + ".\n"));

        for (String name : PLUGINS) {
            JsonNode json = JSON.readTree(sandbox.jig("plugins", "verify", name, "--json").stdout());
            assertEquals(Map.of("good", "good", "bad", "bad", "missing", "missing", "unknown", "unknown-key").get(name),
                    json.get("result").asText(), json::toString);
            assertEquals(name, json.get("plugin").asText());
            assertEquals(dir.resolve("jig-" + name + ".sig").toString(), json.get("signature").asText());
        }

        // Listing shows no problem: signatures are not required.
        JsonNode list = JSON.readTree(sandbox.jig("plugins", "list", "--json").stdout());
        for (String name : PLUGINS) {
            assertTrue(plugin(list, name).get("runnable").asBoolean(), list::toString);
        }
    }

    @Test
    void withTheSettingOnlyTheGoodOneIsEverExecuted() throws Exception {
        // Required before the plugins appear: every command looks for hook subscribers, which
        // probes the plugins it may execute and have not been seen.
        requireSignatures();
        Path log = Sandbox.mkdirs(root.resolve("logs")).resolve("hook.log");
        new HookPlugins.Spec("veto", log).hooks("prerun").on("prerun", abort("veto says no", 6))
                .writeTo(sandbox.userDir());
        fourPlugins();

        Sandbox.Result list = sandbox.jig("plugins", "list");
        Sandbox.Result json = sandbox.jig("plugins", "list", "--json", "--no-cache");
        Sandbox.Result help = sandbox.jig("help");
        assertEquals(0, list.exitCode(), list::toString);
        assertEquals(0, help.exitCode(), help::toString);
        assertEquals(List.of("good"), markersLeft(), "signing, listing and help probe only the plugin with a good signature");
        assertEquals(List.of(), log(log), "an unsigned hook plugin is neither probed nor sent hooks");

        JsonNode plugins = JSON.readTree(json.stdout());
        assertTrue(plugin(plugins, "good").get("runnable").asBoolean(), json::toString);
        Map<String, String> codes = Map.of("bad", "signature-bad", "missing", "signature-missing",
                "unknown", "signature-unknown-key", "veto", "signature-missing");
        codes.forEach((name, code) -> {
            assertFalse(plugin(plugins, name).get("runnable").asBoolean(), json::toString);
            assertEquals(code, plugin(plugins, name).get("problems").get(0).get("code").asText(), json::toString);
        });
        assertTrue(list.stdout().contains("signature required (security.require_signatures), but it is not signed"),
                list::toString);

        Sandbox.Result good = sandbox.jig("good", "x");
        assertEquals(0, good.exitCode(), good::toString);
        assertEquals("good ran x\n", good.stdout());
        for (String name : List.of("bad", "missing", "unknown")) {
            Sandbox.Result refused = sandbox.jig(name, "x");
            assertEquals(126, refused.exitCode(), refused::toString);
            assertEquals("", refused.stdout());
            assertEquals(1, refused.stderr().lines().count(), refused::toString);
            assertTrue(refused.stderr().startsWith("jig: plugin '" + name + "' (" + sandbox.userDir().resolve("jig-" + name)
                    + ") was not run: signatures are required (security.require_signatures) and "), refused::toString);
        }
        assertEquals(List.of("good"), markersLeft(), "refused plugins never start");
        assertEquals(List.of(), log(log));

        // Signed by a key not trusted yet, the hook plugin still takes no part; once the key is
        // trusted it does, although no plugin directory changed (no mark of "no subscribers" hides it).
        sign("stranger", "veto");
        Thread.sleep(1100); // what changed in the last second cannot be marked
        assertEquals(0, sandbox.jig("version").exitCode());
        assertEquals(0, sandbox.jig("version").exitCode());
        assertEquals(List.of(), log(log));
        Files.copy(keys.resolve("stranger.pub.pem"), trustedKeys.resolve("stranger.pem"));
        Sandbox.Result vetoed = sandbox.jig("version");
        assertEquals(6, vetoed.exitCode(), vetoed::toString);
        assertTrue(vetoed.stderr().contains("veto says no"), vetoed::toString);
    }

    @Test
    void aProjectFileCannotTurnTheSettingOffAndTheDashedSpellingIsRefused() throws Exception {
        plugin("missing");
        requireSignatures();
        Sandbox.write(sandbox.work.resolve(".jig/config.toml"), "[security]\nrequire_signatures = false\n");
        assertEquals(126, sandbox.jig("missing").exitCode());

        Sandbox.Result set = sandbox.jig("config", "set", "security.require-signatures", "true");
        assertEquals(2, set.exitCode(), set::toString);
        assertEquals("jig: unknown key 'security.require-signatures': did you mean 'security.require_signatures'?\n",
                set.stderr());

        Sandbox.write(root.resolve("config/jig/config.toml"), "[security]\nrequire-signatures = true\n");
        Sandbox.Result dashed = sandbox.jig("missing");
        assertEquals(78, dashed.exitCode(), dashed::toString);
        assertEquals("jig: " + root.resolve("config/jig/config.toml") + ": 'security.require-signatures' is not a"
                + " setting; did you mean 'security.require_signatures'? (host keys are written with '_'). Fix the"
                + " file or run 'jig config unset --user security.require-signatures'.\n", dashed.stderr());
        assertEquals(List.of(), markersLeft());

        Files.delete(root.resolve("config/jig/config.toml"));
        assertEquals(0, sandbox.jig("config", "set", "security.require_signatures", "true").exitCode());
        assertEquals(126, sandbox.jig("missing").exitCode());
    }

    @Test
    void aDirectoryPluginIsSignedAsAWholeAndRefusedOnceAnyFileChanges() throws Exception {
        Path home = sandbox.userDir().resolve("tool");
        Sandbox.executable(home.resolve("bin/main"), "#!/bin/sh\necho tool ran \"$@\"\n");
        Sandbox.write(home.resolve("plugin.json"), "{\"name\": \"tool\", \"version\": \"1.0.0\", \"run\": [\"./bin/main\"]}\n");

        Sandbox.Result signed = sign("acme", "tool");
        assertTrue(signed.stdout().startsWith("signed " + home + "\nsignature " + home.resolve("plugin.sig") + "\n"),
                signed::toString);
        assertTrue(signed.stdout().contains("(whole directory)"), signed::toString);
        Sandbox.Result verified = sandbox.jig("plugins", "verify", "tool");
        assertEquals(0, verified.exitCode(), verified::toString);
        assertEquals(0, sandbox.jig("plugins", "verify", home.toString()).exitCode(), "by path");
        requireSignatures();
        assertEquals("tool ran a\n", sandbox.jig("tool", "a").stdout());

        Sandbox.write(home.resolve("bin/helper"), "echo added\n");
        assertEquals(5, sandbox.jig("plugins", "verify", "tool").exitCode());
        Sandbox.Result refused = sandbox.jig("tool", "b");
        assertEquals(126, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("does not match it"), refused::toString);
    }

    @Test
    void theDocumentedOpensslProcedureMakesASignatureVerifyAccepts() throws Exception {
        assumeTrue(sandbox.run(List.of("sh", "-c", "command -v openssl"), new byte[0]).exitCode() == 0,
                "openssl is not installed");
        Path publisher = Sandbox.mkdirs(root.resolve("publisher"));
        plugin("hello");
        Files.copy(sandbox.userDir().resolve("jig-hello"), publisher.resolve("jig-hello"));
        // README, "Signing plugins", word for word.
        String procedure = """
                openssl genpkey -algorithm ed25519 -out publisher.pem
                openssl pkey -in publisher.pem -pubout -out publisher.pub.pem
                keyid=$(openssl pkey -pubin -in publisher.pub.pem -outform DER | openssl dgst -sha256 -r | cut -c1-16)
                openssl dgst -sha256 -binary jig-hello > jig-hello.sha256
                sig=$(openssl pkeyutl -sign -rawin -inkey publisher.pem -in jig-hello.sha256 | openssl base64 -A)
                printf '%s %s\\n' "$keyid" "$sig" > jig-hello.sig
                """;
        Sandbox.Result made = sandbox.run(List.of("sh", "-ec", "cd '" + publisher + "'\n" + procedure), new byte[0]);
        assertEquals(0, made.exitCode(), made::toString);
        Files.copy(publisher.resolve("jig-hello.sig"), sandbox.userDir().resolve("jig-hello.sig"));

        Sandbox.Result unknown = sandbox.jig("plugins", "verify", "hello");
        assertEquals(4, unknown.exitCode(), "its key is not trusted yet: " + unknown);
        Files.copy(publisher.resolve("publisher.pub.pem"), trustedKeys.resolve("publisher.pem"));
        Sandbox.Result good = sandbox.jig("plugins", "verify", "hello");
        assertEquals(0, good.exitCode(), good::toString);
        assertTrue(good.stdout().contains("signed by trusted key 'publisher'"), good::toString);

        // jig plugins sign with the same key writes the same key id (Ed25519 signatures are deterministic).
        Path copy = Sandbox.executable(sandbox.userDir().resolve("jig-hello2"), Files.readString(publisher.resolve("jig-hello")));
        Sandbox.Result signed = sandbox.jig("plugins", "sign", "--key", publisher.resolve("publisher.pem").toString(), "hello2");
        assertEquals(0, signed.exitCode(), signed::toString);
        assertEquals(Files.readString(publisher.resolve("jig-hello.sig")), Files.readString(copy.resolveSibling("jig-hello2.sig")));
    }

    @Test
    void aSignatureFileIsNeverAPlugin() throws Exception {
        plugin("good");
        sign("acme", "good");
        Path signature = sandbox.userDir().resolve("jig-good.sig");
        Sandbox.executable(signature, Files.readString(signature)); // even executable
        JsonNode list = JSON.readTree(sandbox.jig("plugins", "list", "--json").stdout());
        assertEquals(1, list.get("plugins").size(), list::toString);
        Sandbox.Result run = sandbox.jig("good.sig");
        assertEquals(127, run.exitCode(), run::toString);
    }

    @Test
    void aStaleRouteNeverRunsAPluginWhoseSignatureIsGone() throws Exception {
        Path starts = root.resolve("jvm-starts");
        Path java = Sandbox.executable(root.resolve("java"), "#!/bin/sh\necho start >> '" + starts + "'\nexec '"
                + Sandbox.JAVA + "' \"$@\"\n");
        sandbox.env.put("JIG_JAVA", java.toString());
        plugin("good");
        sign("acme", "good");
        Thread.sleep(1100); // the host writes no route for files changed in the last second
        assertEquals(0, sandbox.jig("good").exitCode());
        int before = Files.readAllLines(starts).size();
        assertEquals(0, sandbox.jig("good").exitCode());
        assertEquals(before, Files.readAllLines(starts).size(), "without the setting, the fast path is taken");

        requireSignatures();
        Files.delete(sandbox.userDir().resolve("jig-good.sig"));
        Files.delete(markers.resolve("good"));
        Sandbox.Result refused = sandbox.jig("good");
        assertEquals(126, refused.exitCode(), refused::toString);
        assertEquals(List.of(), markersLeft());

        sign("acme", "good");
        Thread.sleep(1100);
        assertEquals(0, sandbox.jig("good").exitCode());
        int signed = Files.readAllLines(starts).size();
        assertEquals(0, sandbox.jig("good").exitCode());
        assertEquals(signed + 1, Files.readAllLines(starts).size(), "with the setting, every run is checked by the JVM");
    }
}
