package dev.jig.host.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.protocol.metadata.Requirements;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordCodecTests {

    private static final Fingerprint FINGERPRINT = new Fingerprint(5120, 1_764_000_000_123_456_789L,
            1_764_000_001_000_000_000L, 393219);

    private static final String JSON = "{\"name\":\"greet\",\"version\":\"1.2.0\",\"description\":\"Greet people\"}";

    private static PluginRecord everyField() {
        Map<String, String> plugins = new LinkedHashMap<>();
        plugins.put("auth", "^1.0.0");
        plugins.put("db", ">=2 <3");
        Requirements requires = new Requirements(">=0.1.0 <1.0.0", List.of(1, 2), plugins, List.of("git", "docker"));
        return new PluginRecord(Kind.PROTOCOL,
                List.of("its version 'x' is not a semantic version (e.g. 1.2.0)", "second problem"),
                "a detail", "1.2.0", "Greet people in several languages",
                List.of("python3", "main.py", "--with space", ""), requires,
                List.of("list", "add"), List.of("prerun", "postrun"), JSON);
    }

    private static RecordCodec.Entry roundTrip(RecordCodec.Entry entry, boolean withJson) throws IOException {
        return RecordCodec.read(RecordCodec.write(entry), withJson);
    }

    @Test
    void roundTripsEveryField() throws IOException {
        RecordCodec.Entry entry = new RecordCodec.Entry("0.1.0", "/plugins/jig-greet", FINGERPRINT, everyField());

        RecordCodec.Entry read = roundTrip(entry, true);

        assertEquals(entry, read);
        // Spelled out, so that a failure names the field.
        PluginRecord r = read.record();
        assertEquals("0.1.0", read.hostVersion());
        assertEquals(FINGERPRINT, read.fingerprint());
        assertEquals(Kind.PROTOCOL, r.kind());
        assertEquals(List.of("its version 'x' is not a semantic version (e.g. 1.2.0)", "second problem"), r.problems());
        assertEquals("a detail", r.detail());
        assertEquals("1.2.0", r.version());
        assertEquals("Greet people in several languages", r.summary());
        assertEquals(List.of("python3", "main.py", "--with space", ""), r.run());
        assertEquals(">=0.1.0 <1.0.0", r.requires().cli());
        assertEquals(List.of(1, 2), r.requires().protocol());
        assertEquals(Map.of("auth", "^1.0.0", "db", ">=2 <3"), r.requires().plugins());
        assertEquals(List.of("git", "docker"), r.requires().programs());
        assertEquals(List.of("list", "add"), r.subcommands());
        assertEquals(List.of("prerun", "postrun"), r.hooks());
        assertEquals(JSON, r.metadataJson());
    }

    @Test
    void roundTripsEachKind() throws IOException {
        for (PluginRecord record : List.of(PluginRecord.plain("exited with status 2 without answering"),
                PluginRecord.broken(Kind.MANIFEST, "/p/plugin.json needs \"run\""),
                PluginRecord.broken(Kind.PROTOCOL, "answered initialize with id 7, expected 1"))) {
            RecordCodec.Entry entry = new RecordCodec.Entry("0.1.0", "/plugins/jig-greet", FINGERPRINT, record);
            assertEquals(entry, roundTrip(entry, true), record.toString());
        }
    }

    @Test
    void aRecordWithoutJsonReadsBackWithoutJson() throws IOException {
        PluginRecord plain = PluginRecord.plain("did not answer within 5 s");
        assertNull(roundTrip(new RecordCodec.Entry("0.1.0", "/plugins/jig-greet", FINGERPRINT, plain), true).record().metadataJson());
    }

    @Test
    void headerOnlyReadLeavesOutTheJsonAndNothingElse() throws IOException {
        RecordCodec.Entry entry = new RecordCodec.Entry("0.1.0", "/plugins/jig-greet", FINGERPRINT, everyField());

        RecordCodec.Entry header = roundTrip(entry, false);

        assertNull(header.record().metadataJson());
        PluginRecord r = entry.record();
        PluginRecord withoutJson = new PluginRecord(r.kind(), r.problems(), r.detail(), r.version(), r.summary(),
                r.run(), r.requires(), r.subcommands(), r.hooks(), null);
        assertEquals(new RecordCodec.Entry("0.1.0", "/plugins/jig-greet", FINGERPRINT, withoutJson), header);
    }

    @Test
    void headerOnlyReadDoesNotLookAtTheBody() throws IOException {
        String text = RecordCodec.write(new RecordCodec.Entry("0.1.0", "/plugins/jig-greet", FINGERPRINT, everyField()))
                + "\u0000 anything at all, even binary \uFFFF";
        RecordCodec.Entry header = RecordCodec.read(text, false);
        assertEquals("1.2.0", header.record().version());
        assertNull(header.record().metadataJson());
    }

    @Test
    void theHeaderIsPlainKeyValueLines() {
        String text = RecordCodec.write(new RecordCodec.Entry("0.1.0", "/plugins/jig-greet", FINGERPRINT, everyField()));
        List<String> lines = text.lines().toList();

        assertEquals(RecordCodec.MAGIC, lines.get(0));
        assertTrue(lines.contains("host 0.1.0"), text);
        assertTrue(lines.contains("fingerprint " + FINGERPRINT), text);
        assertTrue(lines.contains("kind protocol"), text);
        assertTrue(lines.contains("require-cli >=0.1.0 <1.0.0"), text);
        assertTrue(lines.contains("require-plugin db >=2 <3"), text);
        assertTrue(lines.contains("require-program docker"), text);
        int blank = lines.indexOf("");
        assertTrue(blank > 0, text);
        assertEquals(List.of(JSON), lines.subList(blank + 1, lines.size()));
    }

    @Test
    void lineBreaksInValuesAreWrittenAsSpaces() throws IOException {
        PluginRecord record = new PluginRecord(Kind.MANIFEST, List.of("line one\nline two"), "a\rb",
                "1.0.0", "Greets\npeople\r\nwarmly", List.of("bin/run", "two\nlines"),
                new Requirements(">=1\n<2", List.of(), Map.of("auth", "^1\n.0"), List.of("gi\nt")),
                List.of("li\nst"), List.of("pre\nrun"), null);

        String text = RecordCodec.write(new RecordCodec.Entry("0.1.0", "/plugins/jig-greet", FINGERPRINT, record));
        PluginRecord read = RecordCodec.read(text, true).record();

        assertEquals(List.of("line one line two"), read.problems());
        assertEquals("a b", read.detail());
        assertEquals("Greets people  warmly", read.summary());
        assertEquals("1.0.0", read.version(), "the value after a multi-line one is read as itself");
        assertEquals(List.of("bin/run", "two lines"), read.run());
        assertEquals(">=1 <2", read.requires().cli());
        assertEquals(Map.of("auth", "^1 .0"), read.requires().plugins());
        assertEquals(List.of("gi t"), read.requires().programs());
        assertEquals(List.of("li st"), read.subcommands());
        assertEquals(List.of("pre run"), read.hooks());
        assertNull(read.metadataJson());
        assertEquals(-1, text.indexOf('\r'));
    }

    private static String valid() {
        return RecordCodec.write(new RecordCodec.Entry("0.1.0", "/plugins/jig-greet", FINGERPRINT, everyField()));
    }

    private static void assertMalformed(String text) {
        assertThrows(IOException.class, () -> RecordCodec.read(text, true), text);
        assertThrows(IOException.class, () -> RecordCodec.read(text, false), text);
    }

    @Test
    void rejectsAnEmptyFile() {
        assertMalformed("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jig-plugin-cache 1", "jig-plugin-cache", "JIG-PLUGIN-CACHE 2", "{\"name\":\"greet\"}"})
    void rejectsBadMagic(String magic) {
        assertMalformed(valid().replace(RecordCodec.MAGIC, magic));
    }

    @Test
    void rejectsAMissingKind() {
        assertMalformed(valid().replace("kind protocol\n", ""));
    }

    @Test
    void rejectsAnUnknownKind() {
        assertMalformed(valid().replace("kind protocol\n", "kind wizard\n"));
    }

    @Test
    void rejectsAMissingFingerprint() {
        assertMalformed(valid().replace("fingerprint " + FINGERPRINT + "\n", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 2 3", "1 2 3 4 5", "1 2 x 4", "", "1 2 3 99999999999999999999"})
    void rejectsABadFingerprint(String fingerprint) {
        assertMalformed(valid().replace("fingerprint " + FINGERPRINT, "fingerprint " + fingerprint));
    }

    @Test
    void rejectsABadNumberElsewhere() {
        assertMalformed(valid().replace("require-protocol 2", "require-protocol two"));
    }

    @Test
    void rejectsAFileTruncatedBeforeTheBlankLine() {
        String text = valid();
        String header = text.substring(0, text.indexOf("\n\n") + 1); // every header line, no blank line
        assertMalformed(header);
        assertMalformed(text.substring(0, text.indexOf("kind ")));
        assertMalformed(RecordCodec.MAGIC + "\n");
        assertMalformed(RecordCodec.MAGIC);
    }

    @Test
    void rejectsAHeaderLineWithoutAValue() {
        assertMalformed(valid().replace("kind protocol\n", "kind protocol\ngarbage\n"));
        assertMalformed(valid().replace("kind protocol\n", "kind protocol\n version-without-key\n"));
    }

    @Test
    void rejectsAPluginRequirementWithoutARange() {
        assertMalformed(valid().replace("require-plugin auth ^1.0.0", "require-plugin auth"));
    }
}
