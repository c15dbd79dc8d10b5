package dev.jig.host.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jig.host.CliIdentity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The line protocol the completion scripts read, and the script names an embedding CLI gets. */
class CompletionTests {

    private static String printed(Completion completion) {
        StringWriter out = new StringWriter();
        completion.print(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void keepsCandidatesStartingWithTheWordEachOnceAndEndsWithTheDirective() {
        Completion completion = Completion.matching("st", List.of(new Candidate("status", "what is live"),
                Candidate.of("start"), Candidate.of("status"), Candidate.of("stop"), Candidate.of("list")), false);
        assertEquals("status\twhat is live\nstart\nstop\n:4\n", printed(completion));
        assertEquals(":0\n", printed(Completion.matching("x", List.of(Candidate.of("y")), true)));
    }

    @Test
    void aPluginsTabsAndLineBreaksCannotSplitTheLines() {
        Completion completion = Completion.matching("", List.of(new Candidate("a\tb\nc", "one\ntwo\u001b[31m")), false);
        assertEquals("a b c\tone two [31m\n:4\n", printed(completion));
    }

    @Test
    void scriptsAreNamedAfterTheEmbeddingCli() {
        CliIdentity cli = new CliIdentity("my-cli", "1.0.0", Optional.empty());
        for (Shell shell : Shell.values()) {
            String script = shell.script(cli);
            assertEquals(false, script.contains("jig"), shell.id());
            assertEquals(true, script.contains("my-cli __complete"), shell.id());
            assertEquals(true, script.contains("_my_cli"), shell.id());
        }
        assertEquals(Optional.of(Shell.ZSH), Shell.named("zsh"));
        assertEquals(Optional.empty(), Shell.named("tcsh"));
    }
}
