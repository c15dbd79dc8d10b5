package dev.jig.host.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process belongs to its terminal's foreground process group.
 *
 * <p>If so, a key press such as Ctrl-C already signalled the plugin, which shares the host's
 * process group; forwarding the signal again would deliver it twice.
 */
final class ForegroundGroup {

    private static final Path STAT = Path.of("/proc/self/stat");

    private ForegroundGroup() {
    }

    /** True when {@code /proc/self/stat} shows our group as the terminal's foreground group. */
    static boolean isForeground() {
        try {
            return isForeground(Files.readString(STAT, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return false; // no procfs, or not the format we know: forward, so no signal is lost
        }
    }

    /** Parses proc(5) stat: fields after the command name are state, ppid, pgrp, session, tty_nr, tpgid. */
    static boolean isForeground(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long pgrp = Long.parseLong(fields[2]);
        long tpgid = Long.parseLong(fields[5]);
        return tpgid > 0 && tpgid == pgrp;
    }
}
