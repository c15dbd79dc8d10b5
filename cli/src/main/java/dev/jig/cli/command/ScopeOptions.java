package dev.jig.cli.command;

import dev.jig.host.config.Scope;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --system | --user | --project}: which file a {@code config} command reads or writes. */
final class ScopeOptions {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Choice choice;

    static final class Choice {
        @Option(names = "--system", description = "Only the system file (/etc/<cli>/config.toml, or $<PREFIX>SYSTEM_CONFIG_DIR/config.toml).")
        private boolean system;

        @Option(names = "--user", description = "Only the user file (${XDG_CONFIG_HOME:-~/.config}/<cli>/config.toml); where writes go by default.")
        private boolean user;

        @Option(names = "--project", description = "Only the project file: .<cli>/config.toml in the nearest directory up from here that has one, else here.")
        private boolean project;
    }

    /** The file chosen, if any. */
    Optional<Scope> scope() {
        if (choice == null) {
            return Optional.empty();
        }
        return Optional.of(choice.system ? Scope.SYSTEM : choice.project ? Scope.PROJECT : Scope.USER);
    }
}
