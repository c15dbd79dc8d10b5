package dev.jig.cli.command;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code --since}: an age ({@code 30s}, {@code 15m}, {@code 1h}, {@code 2d}, {@code 1w}) or an ISO-8601 time. */
final class Since {

    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhdw])");

    private Since() {
    }

    /**
     * The instant {@code text} stands for: {@code now} minus an age, an instant
     * ({@code 2026-11-25T10:00:00Z}), a time with an offset, or a date (its start, UTC).
     *
     * @throws IllegalArgumentException when it is none of these
     */
    static Instant parse(String text, Instant now) {
        Matcher age = AGE.matcher(text);
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            Duration unit = switch (age.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            return now.minus(unit.multipliedBy(amount));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            // try a date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is neither an age (30s, 15m, 1h, 2d, 1w) nor an ISO-8601"
                    + " time (2026-11-25T10:00:00Z, 2026-11-25)");
        }
    }
}
