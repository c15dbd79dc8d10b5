package dev.jig.host.index;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** One run of the {@link Resolver}: the plan so far and the plugins still to decide. */
final class Solver {

    /** How many times plugins may be chosen in one run: requirements that keep undoing each other stop here. */
    static final int MAX_DECISIONS = 10_000;

    /** What was chosen for a plugin: a release to install, or the installed version kept. */
    private sealed interface Choice permits Pick, Keep {
        String version();

        Map<String, String> requires();

        String label();
    }

    private record Pick(Release release, Artifact artifact) implements Choice {
        @Override
        public String version() {
            return release.version();
        }

        @Override
        public Map<String, String> requires() {
            return new TreeMap<>(release.requires().plugins());
        }

        @Override
        public String label() {
            return release.label();
        }
    }

    private record Keep(Installed installed) implements Choice {
        @Override
        public String version() {
            return installed.version();
        }

        @Override
        public Map<String, String> requires() {
            return new TreeMap<>(installed.requiresPlugins());
        }

        @Override
        public String label() {
            return installed.label();
        }
    }

    /**
     * A range some plugin must lie in.
     *
     * @param range     the range
     * @param reason    who asks, e.g. {@code app@1.0.0 -> lib@2.1.0 requires c ^2.0.0}
     * @param installed whether an installed plugin that stays as it is asks
     */
    private record Constraint(String range, String reason, boolean installed) {
    }

    private final Indexes indexes;
    private final Platform platform;
    private final String cliVersion;
    private final List<Want> wanted;
    private final Set<String> wantedNames = new LinkedHashSet<>();
    private final Map<String, Installed> installed = new LinkedHashMap<>();
    private final boolean upgrade;
    private final Map<String, Choice> plan = new LinkedHashMap<>();
    private final Deque<String> queue = new ArrayDeque<>();

    Solver(Indexes indexes, Platform platform, String cliVersion, List<Want> wanted, List<Installed> installed,
           boolean upgrade) {
        this.indexes = indexes;
        this.platform = platform;
        this.cliVersion = cliVersion;
        this.wanted = List.copyOf(wanted);
        this.upgrade = upgrade;
        wanted.forEach(want -> wantedNames.add(want.name()));
        installed.forEach(plugin -> this.installed.putIfAbsent(plugin.name(), plugin));
    }

    Resolution solve() throws ResolutionException {
        wantedNames.forEach(this::enqueue);
        int decisions = 0;
        while (!queue.isEmpty()) {
            String name = queue.poll();
            Map<String, List<String>> chains = chains();
            List<Constraint> constraints = constraints(name, chains);
            if (++decisions > MAX_DECISIONS) {
                throw new ResolutionException("cannot resolve plugin '" + name + "': its requirements keep changing each"
                        + " other's choice (now " + reasons(constraints) + "); ask for exact versions (NAME@VERSION)");
            }
            if (constraints.isEmpty()) {
                plan.remove(name); // no longer required by anything chosen
                continue;
            }
            Choice current = plan.get(name);
            if (current != null && fits(current.version(), constraints)) {
                continue;
            }
            Choice choice = choose(name, constraints, chains);
            if (!choice.equals(current)) {
                plan.put(name, choice);
                for (Map.Entry<String, String> dependency : choice.requires().entrySet()) {
                    if (mustVisit(choice, dependency.getKey(), dependency.getValue())) {
                        enqueue(dependency.getKey());
                    }
                }
            }
        }
        return new Resolution(steps(chains()));
    }

    private void enqueue(String name) {
        if (!queue.contains(name)) {
            queue.add(name);
        }
    }

    /**
     * Whether a dependency of a new choice must be decided: always for a release to install; for a
     * kept plugin only when it is missing, already being changed, out of range, or on upgrade.
     */
    private boolean mustVisit(Choice choice, String dependency, String range) {
        if (choice instanceof Pick || upgrade || plan.containsKey(dependency)) {
            return true;
        }
        Installed present = installed.get(dependency);
        return present == null || !Versions.satisfies(present.version(), range);
    }

    /**
     * The chain of releases that leads to each plugin reachable from the wanted ones through the
     * plan, breadth first: {@code []} for a wanted plugin, {@code [app@1.0.0, lib@2.1.0]} for a
     * plugin {@code lib@2.1.0} requires.
     */
    private Map<String, List<String>> chains() {
        Map<String, List<String>> chains = new LinkedHashMap<>();
        Deque<String> next = new ArrayDeque<>();
        for (String name : wantedNames) {
            chains.put(name, List.of());
            next.add(name);
        }
        while (!next.isEmpty()) {
            String name = next.poll();
            Choice choice = plan.get(name);
            if (choice == null) {
                continue;
            }
            List<String> chain = new ArrayList<>(chains.get(name));
            chain.add(choice.label());
            for (String dependency : choice.requires().keySet()) {
                if (!chains.containsKey(dependency)) {
                    chains.put(dependency, List.copyOf(chain));
                    next.add(dependency);
                }
            }
        }
        return chains;
    }

    /** Every range {@code name} must lie in: the user's, the plan's, and the installed plugins' that stay. */
    private List<Constraint> constraints(String name, Map<String, List<String>> chains) {
        List<Constraint> constraints = new ArrayList<>();
        for (Want want : wanted) {
            if (want.name().equals(name)) {
                constraints.add(new Constraint(want.range(), "you asked for " + want, false));
            }
        }
        for (Map.Entry<String, List<String>> reached : chains.entrySet()) {
            Choice choice = plan.get(reached.getKey());
            String range = choice == null || reached.getKey().equals(name) ? null : choice.requires().get(name);
            if (range != null) {
                List<String> chain = new ArrayList<>(reached.getValue());
                chain.add(choice.label());
                constraints.add(new Constraint(range, String.join(" -> ", chain) + " requires " + name + " " + range, false));
            }
        }
        for (Installed plugin : installed.values()) {
            boolean staying = !(plan.containsKey(plugin.name()) && chains.containsKey(plugin.name()));
            String range = plugin.requiresPlugins().get(name);
            if (staying && range != null && !plugin.name().equals(name) && !wantedNames.contains(plugin.name())) {
                constraints.add(new Constraint(range, plugin.label() + " (installed) requires " + name + " " + range, true));
            }
        }
        if (!wantedNames.contains(name) && constraints.stream().allMatch(Constraint::installed)) {
            return List.of(); // only installed plugins want it, and they already have it as it is
        }
        return constraints;
    }

    private static boolean fits(String version, List<Constraint> constraints) {
        return constraints.stream().allMatch(constraint -> Versions.satisfies(version, constraint.range()));
    }

    private Choice choose(String name, List<Constraint> constraints, Map<String, List<String>> chains)
            throws ResolutionException {
        Installed present = installed.get(name);
        boolean presentFits = present != null && fits(present.version(), constraints);
        boolean asked = wantedNames.contains(name);
        if (presentFits && !asked && !upgrade) {
            return new Keep(present);
        }
        Optional<IndexEntry> entry = indexes.plugin(name);
        if (entry.isEmpty()) {
            if (presentFits) {
                return new Keep(present);
            }
            throw unknown(name, constraints, asked);
        }
        for (Release release : entry.get().releases()) {
            if (fits(release.version(), constraints) && suitsCli(release)) {
                Optional<Artifact> artifact = release.artifactFor(platform);
                if (artifact.isPresent()) {
                    if (presentFits && !Versions.newer(release.version(), present.version())) {
                        return new Keep(present); // never downgrade what already fits
                    }
                    return new Pick(release, artifact.get());
                }
            }
        }
        if (presentFits) {
            return new Keep(present);
        }
        throw unsatisfiable(name, constraints, entry.get());
    }

    private boolean suitsCli(Release release) {
        String range = release.requires().cli();
        return range == null || Versions.satisfies(cliVersion, range);
    }

    private ResolutionException unknown(String name, List<Constraint> constraints, boolean asked) {
        String why = asked ? "" : " (" + reasons(constraints) + ")";
        if (indexes.names().isEmpty()) {
            return new ResolutionException("cannot install plugin '" + name + "'" + why + ": no index is configured; add one with '"
                    + indexes.cliName() + " config set indexes.NAME URL'");
        }
        return new ResolutionException("no index has plugin '" + name + "'" + why + "; configured indexes: "
                + String.join(", ", indexes.names()));
    }

    private ResolutionException unsatisfiable(String name, List<Constraint> constraints, IndexEntry entry) {
        String prefix = "cannot resolve plugin '" + name + "': " + reasons(constraints);
        List<Release> inRange = entry.releases().stream().filter(release -> fits(release.version(), constraints)).toList();
        if (inRange.isEmpty()) {
            String which = constraints.size() == 1 ? "it" : constraints.size() == 2 ? "both" : "all of them";
            return new ResolutionException(prefix + ", and no release of " + name + " satisfies " + which
                    + " (available: " + available(entry) + ")");
        }
        List<Release> forCli = inRange.stream().filter(this::suitsCli).toList();
        if (forCli.isEmpty()) {
            Release newest = inRange.get(0);
            String cli = indexes.cliName();
            return new ResolutionException(prefix + ", but " + newest.label() + " requires " + cli + " "
                    + newest.requires().cli() + " and this is " + cli + " " + cliVersion + (inRange.size() > 1
                    ? " (as do the other " + (inRange.size() - 1) + " releases in range)" : "")
                    + "; upgrade " + cli);
        }
        Release newest = forCli.get(0);
        List<String> platforms = newest.artifacts().stream().map(Artifact::platformText).distinct().toList();
        return new ResolutionException(prefix + ", but no release in range has an artifact for " + platform + " ("
                + newest.label() + " has " + String.join(", ", platforms) + ")");
    }

    private static String reasons(List<Constraint> constraints) {
        return String.join(", ", constraints.stream().map(Constraint::reason).toList());
    }

    /** The versions an index has, oldest first; the newest ten when there are more. */
    private static String available(IndexEntry entry) {
        List<String> versions = new ArrayList<>(entry.releases().stream().map(Release::version).toList());
        if (versions.isEmpty()) {
            return "none";
        }
        boolean more = versions.size() > 10;
        List<String> shown = new ArrayList<>(versions.subList(0, Math.min(10, versions.size())));
        Collections.reverse(shown);
        return (more ? "..., " : "") + String.join(", ", shown);
    }

    /** The plan's releases to install, each after what it requires, depth first from the wanted plugins. */
    private List<Resolution.Step> steps(Map<String, List<String>> chains) {
        List<Resolution.Step> steps = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (String name : wantedNames) {
            visit(name, chains, visited, steps);
        }
        return steps;
    }

    private void visit(String name, Map<String, List<String>> chains, Set<String> visited, List<Resolution.Step> steps) {
        Choice choice = plan.get(name);
        if (choice == null || !visited.add(name)) {
            return;
        }
        for (String dependency : choice.requires().keySet()) {
            visit(dependency, chains, visited, steps);
        }
        if (choice instanceof Pick pick) {
            Installed present = installed.get(name);
            if (present == null || !present.version().equals(pick.version())) {
                steps.add(new Resolution.Step(pick.release(), pick.artifact(),
                        Optional.ofNullable(present).map(Installed::version), chains.getOrDefault(name, List.of())));
            }
        }
    }
}
