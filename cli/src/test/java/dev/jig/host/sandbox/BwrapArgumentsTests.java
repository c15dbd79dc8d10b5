package dev.jig.host.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BwrapArgumentsTests {

    private static final Path BWRAP = Path.of("/usr/bin/bwrap");
    private static final List<String> BASE = List.of("/usr/bin/bwrap", "--die-with-parent", "--unshare-pid",
            "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try");
    private static final List<String> SYSTEM = List.of("--cap-drop", "ALL", "--ro-bind", "/", "/", "--dev", "/dev",
            "--proc", "/proc");
    private static final List<Path> HIDDEN = List.of(Path.of("/tmp"), Path.of("/run"));

    private static List<String> expected(List<String> namespaces, List<String> mounts, String cwd, String... command) {
        List<String> argv = new ArrayList<>(BASE);
        argv.addAll(namespaces);
        argv.addAll(SYSTEM);
        argv.addAll(mounts);
        argv.addAll(List.of("--chdir", cwd, "--"));
        argv.addAll(List.of(command));
        return argv;
    }

    @Test
    void strictWithoutGrantsHidesHomeAndTemporaryFilesAndHasNoNetwork() {
        BwrapArguments.Layout layout = new BwrapArguments.Layout(Path.of("/home/ada"), HIDDEN, Path.of("/srv/project"),
                List.of(Path.of("/home/ada/.config/jig/plugins/jig-greet"), Path.of("/usr/bin/python3")));

        assertEquals(expected(List.of("--unshare-net", "--new-session"), List.of(
                        "--tmpfs", "/run", "--tmpfs", "/tmp",
                        "--tmpfs", "/home/ada",
                        "--ro-bind-try", "/srv/project", "/srv/project",
                        "--ro-bind-try", "/home/ada/.config/jig/plugins/jig-greet", "/home/ada/.config/jig/plugins/jig-greet"),
                        "/srv/project", "/home/ada/.config/jig/plugins/jig-greet", "--jig-protocol"),
                BwrapArguments.of(BWRAP, Grants.NONE, layout, false,
                        List.of("/home/ada/.config/jig/plugins/jig-greet", "--jig-protocol")));
    }

    @Test
    void grantsLoosenItAndTheMoreSpecificMountWins() {
        Grants grants = new Grants(true, Grants.Access.WRITE, List.of("~/data", "/tmp"), List.of("~/data/out", "/var/cache/x"),
                List.of("TOKEN"));
        BwrapArguments.Layout layout = new BwrapArguments.Layout(Path.of("/tmp/t/home"), HIDDEN, Path.of("/tmp/t/work"),
                List.of(Path.of("/tmp/t/work/plugins/jig-x"), Path.of("/tmp/t/config.json")));

        assertEquals(expected(List.of(), List.of(
                        "--tmpfs", "/run", "--tmpfs", "/tmp",
                        "--ro-bind-try", "/tmp", "/tmp",
                        "--tmpfs", "/tmp/t/home",
                        "--ro-bind-try", "/tmp/t/config.json", "/tmp/t/config.json",
                        "--bind-try", "/tmp/t/work", "/tmp/t/work",
                        "--bind-try", "/var/cache/x", "/var/cache/x",
                        "--ro-bind-try", "/tmp/t/home/data", "/tmp/t/home/data",
                        "--ro-bind-try", "/tmp/t/work/plugins/jig-x", "/tmp/t/work/plugins/jig-x",
                        "--bind-try", "/tmp/t/home/data/out", "/tmp/t/home/data/out"),
                        "/tmp/t/work", "/tmp/t/work/plugins/jig-x"),
                BwrapArguments.of(BWRAP, grants, layout, true, List.of("/tmp/t/work/plugins/jig-x")));
    }

    @Test
    void writeWinsOverReadForOnePathAndVisibleSystemFilesAreNotBoundAgain() {
        Grants grants = new Grants(false, Grants.Access.READ, List.of("/data"), List.of("/data"), List.of());
        BwrapArguments.Layout layout = new BwrapArguments.Layout(null, HIDDEN, Path.of("/data"), List.of(Path.of("/usr/bin/sh")));

        assertEquals(expected(List.of("--unshare-net"), List.of(
                        "--tmpfs", "/run", "--tmpfs", "/tmp",
                        "--bind-try", "/data", "/data"),
                        "/data", "sh"),
                BwrapArguments.of(BWRAP, grants, layout, true, List.of("sh")));
    }
}
