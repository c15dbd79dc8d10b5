package dev.jig.host.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bubblewrap command line that runs a plugin under the {@link Profile#STRICT strict}
 * profile with its grants. Pure: the same inputs give the same vector.
 *
 * <p>The whole system is bound read-only, then each directory that may hold the user's secrets
 * or other programs' sockets (the home, {@code /tmp}, {@code /run}...) is replaced by an empty
 * private one, then what must or may be seen is bound back: the working directory, the granted
 * paths, and the files the plugin needs to start. Mounts go from the shortest path to the
 * longest, so the more specific rule wins: a granted {@code ~/data} shows through the empty
 * home, and the plugin's own file stays read-only inside a writable working directory.
 */
public final class BwrapArguments {

    /**
     * Where the plugin runs.
     *
     * @param home    the user's home, replaced by an empty directory; null when there is none
     * @param hidden  other directories replaced by empty private ones
     * @param cwd     the working directory, read-only or read-write as granted
     * @param visible files and directories the plugin needs that may lie in a hidden directory
     *                (its own file, its interpreter, its configuration file): bound read-only
     *                when they do
     */
    public record Layout(Path home, List<Path> hidden, Path cwd, List<Path> visible) {
        public Layout {
            hidden = List.copyOf(hidden);
            visible = List.copyOf(visible);
        }
    }

    /** What is mounted at a path, in the order mounts at one path are made. */
    private enum Mount { EMPTY, READ, WRITE }

    private BwrapArguments() {
    }

    /**
     * The vector, ending with {@code --} and {@code command}.
     *
     * @param terminal whether the plugin keeps the terminal (run mode): otherwise it gets a
     *                 session of its own, so it cannot push input into the terminal
     */
    public static List<String> of(Path bwrap, Grants grants, Layout layout, boolean terminal, List<String> command) {
        List<String> argv = new ArrayList<>(List.of(bwrap.toString(), "--die-with-parent", "--unshare-pid",
                "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"));
        if (!grants.network()) {
            argv.add("--unshare-net");
        }
        if (!terminal) {
            argv.add("--new-session");
        }
        argv.addAll(List.of("--cap-drop", "ALL", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"));

        List<Path> empty = new ArrayList<>(layout.hidden());
        if (layout.home() != null && layout.home().getNameCount() > 0) {
            empty.add(layout.home());
        }
        Map<Path, Mount> binds = new LinkedHashMap<>();
        for (Path path : layout.visible()) {
            if (empty.stream().anyMatch(path::startsWith)) {
                bind(binds, path, Mount.READ);
            }
        }
        bind(binds, layout.cwd(), grants.cwd() == Grants.Access.WRITE ? Mount.WRITE : Mount.READ);
        Path home = layout.home() == null ? Path.of("/") : layout.home();
        grants.read().forEach(path -> bind(binds, Grants.resolve(path, home), Mount.READ));
        grants.write().forEach(path -> bind(binds, Grants.resolve(path, home), Mount.WRITE));

        List<Map.Entry<Path, Mount>> mounts = new ArrayList<>();
        empty.stream().distinct().forEach(path -> mounts.add(Map.entry(path, Mount.EMPTY)));
        mounts.addAll(binds.entrySet());
        mounts.sort(Comparator.<Map.Entry<Path, Mount>>comparingInt(mount -> mount.getKey().getNameCount())
                .thenComparing(Map.Entry::getValue).thenComparing(mount -> mount.getKey().toString()));
        for (Map.Entry<Path, Mount> mount : mounts) {
            String path = mount.getKey().toString();
            switch (mount.getValue()) {
                case EMPTY -> argv.addAll(List.of("--tmpfs", path));
                // -try: a path that does not exist is simply not there, never a failed sandbox.
                case READ -> argv.addAll(List.of("--ro-bind-try", path, path));
                case WRITE -> argv.addAll(List.of("--bind-try", path, path));
            }
        }
        argv.addAll(List.of("--chdir", layout.cwd().toString(), "--"));
        argv.addAll(command);
        return argv;
    }

    /** Binds {@code path}; write access wins over read access to the same path. */
    private static void bind(Map<Path, Mount> binds, Path path, Mount mount) {
        binds.merge(path.normalize(), mount, (old, added) -> old.compareTo(added) >= 0 ? old : added);
    }
}
