package dev.jig.host.download;

import java.time.Duration;
import java.util.Locale;

/** Human-readable byte counts and durations for progress lines and messages. */
final class Sizes {

    private Sizes() {
    }

    /** {@code 512 B}, {@code 12.3 KiB}, {@code 2.6 MiB}, {@code 1.1 GiB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = n / 1024.0;
        int unit = 0;
        // 1023.96 KiB would print as 1024.0 KiB: such values move up a unit.
        while (value >= 1023.95 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** An exact count with thousands separators: {@code 4,096}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Seconds with one decimal: {@code 0.4 s}. */
    static String seconds(Duration took) {
        return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }
}
