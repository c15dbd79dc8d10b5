package dev.jig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlobalOptionsTests {

    private static GlobalOptions parse(String... args) throws UsageException {
        return GlobalOptions.parse(List.of(args));
    }

    @Test
    void nothingGiven() throws UsageException {
        assertEquals(new GlobalOptions(Optional.empty(), List.of(), false, false, false, List.of()), parse());
    }

    @Test
    void pluginPathAsTwoArguments() throws UsageException {
        GlobalOptions options = parse("--plugin-path", "/a:/b", "run", "x");
        assertEquals(Optional.of(List.of(Path.of("/a"), Path.of("/b"))), options.pluginPath());
        assertEquals(List.of("run", "x"), options.command());
    }

    @Test
    void pluginPathWithEquals() throws UsageException {
        GlobalOptions options = parse("--plugin-path=/a:rel", "run");
        assertEquals(Optional.of(List.of(Path.of("/a"), Path.of("rel"))), options.pluginPath());
        assertEquals(List.of("run"), options.command());
    }

    @Test
    void emptyPluginPathEntriesAreDropped() throws UsageException {
        assertEquals(Optional.of(List.of(Path.of("/a"), Path.of("/b"))), parse("--plugin-path=:/a::/b:").pluginPath());
        assertEquals(Optional.of(List.of()), parse("--plugin-path", "").pluginPath());
    }

    @Test
    void theLastPluginPathWins() throws UsageException {
        assertEquals(Optional.of(List.of(Path.of("/b"))), parse("--plugin-path", "/a", "--plugin-path=/b").pluginPath());
    }

    @Test
    void pluginPathWithoutAValueIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--plugin-path"));
        assertTrue(e.getMessage().contains("--plugin-path"), e.getMessage());
    }

    @Test
    void pluginPathTakesTheNextArgumentWhateverItIs() throws UsageException {
        GlobalOptions options = parse("--plugin-path", "--version");
        assertEquals(Optional.of(List.of(Path.of("--version"))), options.pluginPath());
        assertFalse(options.version());
    }

    @Test
    void version() throws UsageException {
        GlobalOptions options = parse("--version");
        assertTrue(options.version());
        assertFalse(options.help());
        assertEquals(List.of(), options.command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help"})
    void help(String flag) throws UsageException {
        GlobalOptions options = parse(flag);
        assertTrue(options.help());
        assertFalse(options.version());
    }

    @Test
    void traceBeforeTheCommandOnly() throws UsageException {
        GlobalOptions options = parse("--trace", "hello", "--trace");
        assertTrue(options.trace());
        assertEquals(List.of("hello", "--trace"), options.command());
        assertFalse(parse("hello", "--trace").trace());
        assertFalse(parse().trace());
    }

    @Test
    void doubleDashEndsOptions() throws UsageException {
        GlobalOptions options = parse("--", "--version", "-h");
        assertFalse(options.version());
        assertFalse(options.help());
        assertEquals(List.of("--version", "-h"), options.command());
        assertEquals(List.of("--"), parse("--", "--").command());
        assertEquals(List.of(), parse("--").command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "-x", "--plugin-paths=/a", "--plugin-pat", "-hv", "--version=1"})
    void unknownOptionIsAUsageError(String option) {
        UsageException e = assertThrows(UsageException.class, () -> parse(option, "run"));
        assertTrue(e.getMessage().contains("'" + option + "'"), e.getMessage());
    }

    @Test
    void theCommandAndEverythingAfterItIsVerbatim() throws UsageException {
        GlobalOptions options = parse("--help", "run", "--version", "-h", "--plugin-path", "x", "--", "");
        assertTrue(options.help());
        assertFalse(options.version());
        assertEquals(Optional.empty(), options.pluginPath());
        assertEquals(List.of("run", "--version", "-h", "--plugin-path", "x", "--", ""), options.command());
    }

    @Test
    void configAssignmentsInOrderInEitherForm() throws UsageException {
        GlobalOptions options = parse("-c", "a.b=1", "-cplugins.x.y=two words", "-c", "a.b=", "run", "-c", "z=1");
        assertEquals(List.of("a.b=1", "plugins.x.y=two words", "a.b="), options.config());
        assertEquals(List.of("run", "-c", "z=1"), options.command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"novalue", "=value", ""})
    void configWithoutKeyEqualsValueIsAUsageError(String assignment) {
        UsageException e = assertThrows(UsageException.class, () -> parse("-c", assignment, "run"));
        assertTrue(e.getMessage().contains("key=value"), e.getMessage());
    }

    @Test
    void configWithoutAnArgumentIsAUsageError() {
        assertThrows(UsageException.class, () -> parse("-c"));
    }

    @Test
    void aLoneDashIsACommandWord() throws UsageException {
        assertEquals(List.of("-", "x"), parse("-", "x").command());
    }

    @Test
    void anEmptyArgumentStartsTheCommand() throws UsageException {
        GlobalOptions options = parse("", "--version");
        assertFalse(options.version());
        assertEquals(List.of("", "--version"), options.command());
    }

    @Test
    void theCommandIsACopy() throws UsageException {
        List<String> args = new ArrayList<>(List.of("--version", "run", "x"));
        GlobalOptions options = GlobalOptions.parse(args);
        args.set(1, "changed");
        assertEquals(List.of("run", "x"), options.command());
    }
}
