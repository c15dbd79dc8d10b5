package dev.jig.host.download;

import java.net.URI;
import java.time.Duration;

/** The text progress shows, as pure functions of the numbers. */
final class ProgressText {

    /** Characters between the brackets of the bar. */
    static final int BAR_WIDTH = 20;

    private ProgressText() {
    }

    /** {@code label [=========>          ] 45% 1.2 MiB/2.6 MiB}; with no total, {@code label 1.2 MiB}. */
    static String bar(String label, long bytes, long total) {
        if (total <= 0) {
            return label + " " + Sizes.bytes(bytes);
        }
        long done = Math.min(bytes, total);
        int percent = (int) (done * 100 / total);
        int filled = (int) (done * BAR_WIDTH / total);
        StringBuilder bar = new StringBuilder(label).append(" [");
        if (filled >= BAR_WIDTH) {
            bar.append("=".repeat(BAR_WIDTH));
        } else {
            bar.append("=".repeat(filled)).append('>').append(" ".repeat(BAR_WIDTH - filled - 1));
        }
        return bar.append("] ").append(percent).append("% ")
                .append(Sizes.bytes(bytes)).append('/').append(Sizes.bytes(total)).toString();
    }

    /** {@code downloading label from url (2.6 MiB)}; the size only when known. */
    static String started(String label, URI source, long total) {
        return "downloading " + label + " from " + Urls.display(source)
                + (total >= 0 ? " (" + Sizes.bytes(total) + ")" : "");
    }

    /** {@code downloaded label: 2.6 MiB in 0.4 s}. */
    static String finished(String label, long bytes, Duration took) {
        return "downloaded " + label + ": " + Sizes.bytes(bytes) + " in " + Sizes.seconds(took);
    }
}
