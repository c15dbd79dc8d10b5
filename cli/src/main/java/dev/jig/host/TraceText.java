package dev.jig.host;

import dev.jig.host.discovery.Dispatch;
import dev.jig.host.discovery.PluginDir;
import dev.jig.host.discovery.PluginFile;
import dev.jig.host.discovery.SearchPath;
import dev.jig.host.sandbox.Confinement;
import dev.jig.host.trace.ShellWords;
import dev.jig.host.trace.Tracer;
import dev.jig.host.trust.TrustDecision;
import java.nio.file.Files;

/** The trace lines of the host's own decisions; built only when tracing is on. */
final class TraceText {

    private TraceText() {
    }

    /** One {@code search-path} line per directory, in order, with its origin and whether it exists. */
    static void searchPath(Tracer tracer, SearchPath searchPath) {
        if (!tracer.enabled()) {
            return;
        }
        int position = 1;
        for (PluginDir dir : searchPath.dirs()) {
            tracer.step("search-path", position++ + " " + dir.origin().id() + " " + dir.directory()
                    + (Files.isDirectory(dir.directory()) ? "" : " (missing)"));
        }
    }

    /** What a command line resolved to. */
    static String dispatch(Dispatch dispatch) {
        if (dispatch instanceof Dispatch.Builtin builtin) {
            return "built-in '" + builtin.name() + "'";
        }
        if (dispatch instanceof Dispatch.Plugin plugin) {
            PluginFile file = plugin.plugin();
            return "plugin '" + file.command() + "' at " + file.path() + " (" + file.dir().origin().id() + "), args "
                    + ShellWords.join(plugin.args());
        }
        if (dispatch instanceof Dispatch.NotExecutable notExecutable) {
            return "not executable: " + notExecutable.path();
        }
        if (dispatch instanceof Dispatch.Unknown unknown) {
            return "no command or plugin is called '" + unknown.word() + "'";
        }
        return dispatch.toString();
    }

    /** Whether a plugin may run, and why. */
    static String trust(PluginFile plugin, TrustDecision decision) {
        String why;
        if (decision instanceof TrustDecision.Trusted trusted) {
            why = trusted.reason() == TrustDecision.Reason.SOURCE
                    ? "its directory is trusted (" + plugin.dir().origin().description() + ")"
                    : "the user trusted it and it is unchanged";
        } else if (decision instanceof TrustDecision.Untrusted untrusted) {
            why = untrusted.reason();
        } else if (decision instanceof TrustDecision.Changed changed) {
            why = changed.path() + " changed since it was trusted";
        } else if (decision instanceof TrustDecision.Unverified unverified) {
            why = unverified.verification().finding();
        } else {
            why = decision.toString();
        }
        return plugin.name() + ": " + decision.id() + ": " + why;
    }

    /** How a plugin is confined. */
    static String sandbox(PluginFile plugin, Confinement confinement) {
        String grants = confinement.grants().network() ? "network, " : "no network, ";
        return plugin.name() + ": " + confinement.profile().id()
                + (confinement.sandboxed() ? " (" + grants + "working directory " + confinement.grants().cwd().id() + ")" : "")
                + (confinement.minimalEnvironment() ? ", minimal environment" : "");
    }
}
