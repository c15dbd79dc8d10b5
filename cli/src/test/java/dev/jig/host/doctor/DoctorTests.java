package dev.jig.host.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.host.discovery.CommandPath;
import dev.jig.host.discovery.Inventory;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.PluginProblem;
import dev.jig.host.metadata.Catalog;
import dev.jig.host.metadata.CatalogEntry;
import dev.jig.host.metadata.Kind;
import dev.jig.host.metadata.PluginRecord;
import dev.jig.host.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks over hand-made facts: no process is started. */
class DoctorTests {

    @TempDir
    Path dir;

    @Test
    void pathEntriesThatAreEmptyRelativeOrRepeatedAreWarnedAbout() {
        List<Finding> findings = new ArrayList<>();
        SearchPathCheck.pathFindings("/usr/bin::bin:/usr/bin:/opt/x", findings);

        assertEquals(List.of("path-relative-entry", "path-duplicate-entry", "path-empty-entry"),
                findings.stream().map(Finding::code).toList());
        assertTrue(findings.stream().allMatch(f -> f.severity() == Severity.WARNING));
        assertEquals("replace 'bin' in PATH by an absolute directory, or remove it", findings.get(0).fix());
        assertEquals("/usr/bin", findings.get(1).path());
    }

    @Test
    void leadingAndTrailingColonsAreEmptyEntriesAndAPlainPathIsFine() {
        List<Finding> leading = new ArrayList<>();
        SearchPathCheck.pathFindings(":/usr/bin", leading);
        List<Finding> trailing = new ArrayList<>();
        SearchPathCheck.pathFindings("/usr/bin:", trailing);
        List<Finding> plain = new ArrayList<>();
        SearchPathCheck.pathFindings("/usr/local/bin:/usr/bin:/bin", plain);

        assertEquals(List.of("path-empty-entry"), leading.stream().map(Finding::code).toList());
        assertEquals(List.of("path-empty-entry"), trailing.stream().map(Finding::code).toList());
        assertEquals(List.of(), plain);
    }

    @Test
    void anExplicitPluginDirectoryThatDoesNotExistIsWarnedAboutButADefaultOneIsNot() {
        Path typo = dir.resolve("no-such-dir");
        Path absentDefault = dir.resolve("absent-default");
        Catalog catalog = new Catalog(List.of(
                new Inventory.ScannedDir(new PluginDir(typo, Origin.EXPLICIT), Inventory.Status.MISSING),
                new Inventory.ScannedDir(new PluginDir(absentDefault, Origin.USER), Inventory.Status.MISSING)), List.of());
        Examination facts = new Examination("jig", "JIG_", Optional.empty(), catalog, Map.of(), Set.of(), Map.of(),
                Map.of(), program -> Optional.empty());

        List<Finding> findings = new SearchPathCheck().findings(facts);

        assertEquals(List.of("missing-directory"), findings.stream().map(Finding::code).toList());
        assertEquals(typo.toString(), findings.get(0).path());
        assertEquals("create it, or correct or remove it in --plugin-path or JIG_PLUGIN_PATH", findings.get(0).fix());
    }

    @Test
    void shebangLinesSplitIntoWords() {
        assertEquals(List.of("/bin/sh"), InterpreterCheck.parse("#!/bin/sh\necho hi\n"));
        assertEquals(List.of("/usr/bin/env", "-S", "python3", "-u"), InterpreterCheck.parse("#! /usr/bin/env -S python3 -u\n"));
        assertEquals(List.of("/bin/bash"), InterpreterCheck.parse("#!/bin/bash"));
        assertEquals(List.of(), InterpreterCheck.parse("#!\n"));
        assertEquals(List.of(), InterpreterCheck.parse("\u007fELF..."));
        assertEquals(List.of(), InterpreterCheck.parse(" #!/bin/sh\n"));
    }

    @Test
    void anInterpreterThatIsMissingOrNotFoundByEnvIsAnError() throws Exception {
        PluginFile absent = executable("absent", "#!/nonexistent/interp\n");
        PluginFile viaEnv = executable("viaenv", "#!/usr/bin/env -S nosuch-interp -u\n");
        PluginFile found = executable("found", "#!/usr/bin/env -S known-interp\n");
        PluginFile binary = executable("binary", "no shebang: the kernel decides\n");
        Examination facts = facts(List.of(entry(absent), entry(viaEnv), entry(found), entry(binary)),
                program -> program.equals("known-interp") ? Optional.of(Path.of("/opt/known-interp")) : Optional.empty());

        List<Finding> findings = new InterpreterCheck().findings(facts);

        assertEquals(List.of("absent", "viaenv"), findings.stream().map(Finding::subject).toList());
        assertEquals("install /nonexistent/interp, or change the first line of " + absent.path()
                + " to an interpreter that exists", findings.get(0).fix());
        assertEquals("its #! line names 'nosuch-interp' (looked up on PATH by /usr/bin/env), which does not exist:"
                + " it cannot start", findings.get(1).problem());
        assertTrue(findings.get(1).fix().startsWith("install nosuch-interp, "), findings.get(1).fix());
    }

    @Test
    void aHandshakeOverHalfTheCallTimeoutIsAWarningAndAStaleRecordIsReported() throws Exception {
        PluginFile slow = executable("slow", "#!/bin/sh\n");
        PluginFile quick = executable("quick", "#!/bin/sh\n");
        Examination facts = new Examination("jig", "JIG_", Optional.empty(), catalog(List.of(entry(slow), entry(quick))),
                Map.of(slow, new Examination.Handshake(Duration.ofMillis(1500), Duration.ofSeconds(2)),
                        quick, new Examination.Handshake(Duration.ofMillis(2500), Duration.ofSeconds(5))),
                Set.of(quick), Map.of(), Map.of(), program -> Optional.empty());

        List<Finding> findings = new HandshakeCheck().findings(facts);

        assertEquals(List.of("slow slow-handshake", "quick stale-metadata"),
                findings.stream().map(f -> f.subject() + " " + f.code()).toList());
        assertEquals("took 1.5 s to answer the metadata handshake, more than half its call timeout of 2.0 s:"
                + " on a busier machine it times out", findings.get(0).problem());
        assertEquals("nothing more now: the cache was updated; when those files change, touch " + quick.path()
                + " or run 'jig plugins list --no-cache'", findings.get(1).fix());
        assertEquals("answer 'initialize' before loading anything heavy, or raise plugins.slow.call_timeout_ms"
                + " if it must be slow", findings.get(0).fix());
    }

    @Test
    void shadowingAcrossDirectoriesWarnsWhileTwoFilesOfOneDirectoryCollide() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        PluginFile winner = executable("twin", "#!/bin/sh\n");
        PluginFile shadowed = new PluginFile(CommandPath.of("twin"), Scripts.executable(other, "jig-twin", "#!/bin/sh\n"),
                new PluginDir(other, Origin.USER), PluginFile.Form.EXECUTABLE);
        Path manifest = Files.writeString(Files.createDirectories(dir.resolve("twin")).resolve("plugin.json"), "{}");
        PluginFile sideBySide = new PluginFile(CommandPath.of("twin"), manifest, winner.dir(), PluginFile.Form.MANIFEST);
        Examination facts = facts(List.of(entry(winner),
                new CatalogEntry(shadowed, Optional.empty(), List.of(new PluginProblem.Shadowed(winner.path()))),
                new CatalogEntry(sideBySide, Optional.empty(), List.of(new PluginProblem.Shadowed(winner.path())))),
                program -> Optional.empty());

        List<Finding> findings = new PluginProblemCheck().findings(facts);

        assertEquals(List.of("warning shadowed", "error name-collision"),
                findings.stream().map(f -> f.severity().id() + " " + f.code()).toList());
        assertEquals(shadowed.path().toString(), findings.get(0).path());
        assertEquals("remove or rename one of the two", findings.get(1).fix());
    }

    @Test
    void warningsAloneAreHealthyAndANameLimitsTheReport() throws Exception {
        PluginFile lazy = executable("lazy", "#!/bin/sh\n");
        PluginFile fine = executable("fine", "#!/bin/sh\n");
        Examination facts = new Examination("jig", "JIG_", Optional.of("/usr/bin::/bin"),
                catalog(List.of(new CatalogEntry(lazy, Optional.empty(), List.of(new PluginProblem.NotExecutable())),
                        entry(fine))),
                Map.of(), Set.of(), Map.of(), Map.of(), program -> Optional.empty());

        Report all = Doctor.diagnose(facts, Optional.empty());
        Report onlyFine = Doctor.diagnose(facts, Optional.of("fine"));
        Report onlyLazy = Doctor.diagnose(facts, Optional.of("lazy"));

        assertEquals(List.of("search path", "lazy"), all.findings().stream().map(Finding::subject).toList());
        assertFalse(all.healthy());
        assertEquals(List.of(), onlyFine.findings());
        assertTrue(onlyFine.healthy());
        assertEquals("chmod +x " + lazy.path(), onlyLazy.findings().get(0).fix());
        Report warningsOnly = Doctor.diagnose(new Examination("jig", "JIG_", Optional.of("/usr/bin::/bin"),
                catalog(List.of(entry(fine))), Map.of(), Set.of(), Map.of(), Map.of(), program -> Optional.empty()), Optional.empty());
        assertEquals(1, warningsOnly.count(Severity.WARNING));
        assertTrue(warningsOnly.healthy());
    }

    @Test
    void recordsAnswerTheSameUnlessWhatThePluginSaysDiffers() {
        PluginRecord v1 = protocol("1.0.0", "detail one", "{\"json\": 1}");

        assertTrue(Examiner.sameAnswer(v1, protocol("1.0.0", "detail two", null)), "detail and raw JSON do not count");
        assertFalse(Examiner.sameAnswer(v1, protocol("2.0.0", "detail one", "{\"json\": 1}")));
        assertFalse(Examiner.sameAnswer(v1, PluginRecord.plain("detail one")));
    }

    private static PluginRecord protocol(String version, String detail, String json) {
        return new PluginRecord(Kind.PROTOCOL, List.of(), detail, version, "Says hi", List.of(), null,
                List.of("sub"), List.of("prerun"), json);
    }

    private PluginFile executable(String name, String content) throws Exception {
        return new PluginFile(CommandPath.of(name), Scripts.executable(dir, "jig-" + name, content),
                new PluginDir(dir, Origin.EXPLICIT), PluginFile.Form.EXECUTABLE);
    }

    private static CatalogEntry entry(PluginFile file) {
        return new CatalogEntry(file, Optional.empty(), List.of());
    }

    private Catalog catalog(List<CatalogEntry> entries) {
        return new Catalog(List.of(new Inventory.ScannedDir(new PluginDir(dir, Origin.EXPLICIT), Inventory.Status.SCANNED)),
                entries);
    }

    private Examination facts(List<CatalogEntry> entries, Function<String, Optional<Path>> programs) {
        return new Examination("jig", "JIG_", Optional.empty(), catalog(entries), Map.of(), Set.of(), Map.of(), Map.of(), programs);
    }
}
