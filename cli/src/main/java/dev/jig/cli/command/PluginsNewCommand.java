package dev.jig.cli.command;

import dev.jig.host.ExitStatus;
import dev.jig.host.PluginHost;
import dev.jig.host.discovery.Origin;
import dev.jig.host.discovery.SearchPath;
import dev.jig.host.scaffold.Language;
import dev.jig.host.scaffold.Scaffold;
import dev.jig.host.scaffold.Scaffolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plugins new NAME --lang LANG}: writes a ready protocol plugin to start from. */
@Command(description = "Start a plugin: write a working protocol plugin named NAME (one command, hello, with a"
        + " flag; a prerun hook) into the user plugin directory, or into --dir. python, node and bash make one"
        + " executable file; typescript, rust, c and java a directory plugin with plugin.json, sources, a build"
        + " file and a README. Exit status 2 for a bad NAME or LANG, 73 when the plugin exists (see --force).")
final class PluginsNewCommand implements Callable<Integer> {

    /** The directories whose plugins run without a --plugin-path and without being trusted one by one. */
    private static final EnumSet<Origin> FOUND = EnumSet.of(Origin.EXPLICIT, Origin.USER, Origin.SYSTEM);

    private final PluginHost host;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The plugin's name: letters, digits, '.' and '_' in parts separated"
            + " by '-'; 'foo-bar' is run as 'foo bar'.")
    private String name;

    @Option(names = "--lang", required = true, paramLabel = "LANG",
            description = "python, node, typescript, rust, bash, java or c.")
    private String lang;

    @Option(names = "--dir", paramLabel = "PATH", description = "Write the plugin into this directory instead of"
            + " the user plugin directory.")
    private Path dir;

    @Option(names = "--force", description = "Replace a plugin of the same name in that directory.")
    private boolean force;

    PluginsNewCommand(PluginHost host) {
        this.host = host;
    }

    @Override
    public Integer call() throws IOException {
        String cli = host.settings().cli().name();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Language> language = Language.byId(lang);
        if (language.isEmpty()) {
            err.println(cli + ": plugins new: unknown language '" + lang + "': use one of " + Language.ids());
            return ExitStatus.USAGE;
        }
        Scaffolder scaffolder = new Scaffolder(host.settings());
        Optional<Path> into = Optional.ofNullable(dir).map(host.settings().workingDirectory()::resolve)
                .or(scaffolder::userPluginDirectory);
        if (into.isEmpty()) {
            err.println(cli + ": plugins new: no user plugin directory: neither XDG_CONFIG_HOME nor HOME is an"
                    + " absolute path. Give --dir.");
            return ExitStatus.FAILURE;
        }
        Scaffold made;
        try {
            made = scaffolder.create(name, language.get(), into.get().normalize(), force);
        } catch (IllegalArgumentException e) {
            err.println(cli + ": plugins new: " + e.getMessage());
            return ExitStatus.USAGE;
        } catch (FileAlreadyExistsException e) {
            err.println(cli + ": plugins new: " + e.getFile() + " exists; choose another name, or replace it with --force");
            return ExitStatus.CANNOT_CREATE;
        } catch (IOException e) {
            err.println(cli + ": plugins new: cannot write the plugin: " + e);
            return ExitStatus.CANNOT_CREATE;
        }
        printNextSteps(out, cli, made, into.get().normalize());
        return ExitStatus.OK;
    }

    private void printNextSteps(PrintWriter out, String cli, Scaffold made, Path into) {
        out.println("Created " + made.path() + ", a " + made.language().title() + " plugin. Next:");
        made.language().build().ifPresent(build -> out.println("  cd " + made.path() + " && " + build));
        boolean found = SearchPath.of(host.settings()).dirs().stream()
                .anyMatch(d -> d.directory().equals(into) && FOUND.contains(d.origin()));
        out.println("  " + cli + (found ? "" : " --plugin-path " + into) + " " + made.command() + " hello --shout");
    }
}
