package dev.jig.host.index;

import java.util.List;
import java.util.Objects;

/**
 * Chooses what to install for what the user asks: for each plugin asked for, the newest release
 * in its range that suits this CLI and has an artifact for this platform, and, transitively, the
 * plugins their {@code requires.plugins} name.
 *
 * <ul>
 *   <li>A required plugin that is installed at a version every constraint accepts is kept,
 *       unless {@code upgrade} is asked and a newer acceptable release exists.
 *   <li>The constraints on a plugin come from the user, from every release chosen that requires
 *       it, and from every installed plugin that stays as it is and requires it: upgrading
 *       {@code base} never breaks an installed {@code greet} that requires {@code base ^1}.
 *   <li>There is no backtracking: when a constraint found later rules a choice out, the plugin is
 *       chosen again with every constraint known; when no release fits them all, the error names
 *       each constraint with the chain of requirements that led to it.
 *   <li>Cycles of requirements are allowed when they can be satisfied.
 * </ul>
 */
public final class Resolver {

    private final Indexes indexes;
    private final Platform platform;
    private final String cliVersion;

    /**
     * @param indexes    where releases come from; its {@link Indexes#cliName()} names the CLI in messages
     * @param platform   the platform artifacts must run on
     * @param cliVersion the CLI's version, checked against each release's {@code requires.cli}
     */
    public Resolver(Indexes indexes, Platform platform, String cliVersion) {
        this.indexes = Objects.requireNonNull(indexes, "indexes");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.cliVersion = Objects.requireNonNull(cliVersion, "cliVersion");
    }

    /**
     * What to install so that every wanted plugin is installed in its range with what it requires.
     *
     * @param wanted    the plugins asked for, in the order asked
     * @param installed the plugins installed now
     * @param upgrade   whether required plugins that are installed and acceptable are upgraded to
     *                  their newest acceptable release; the wanted plugins always get theirs
     * @throws ResolutionException a one-line reason naming the plugin and the chain of requirements
     */
    public Resolution resolve(List<Want> wanted, List<Installed> installed, boolean upgrade) throws ResolutionException {
        return new Solver(indexes, platform, cliVersion, wanted, installed, upgrade).solve();
    }
}
