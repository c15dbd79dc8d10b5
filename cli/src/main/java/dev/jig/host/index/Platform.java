package dev.jig.host.index;

import java.util.Locale;

/**
 * An operating system and processor architecture, as indexes name them.
 *
 * @param os   {@code linux}, {@code darwin} or {@code windows}; another system's lower-cased name otherwise
 * @param arch {@code x86_64} or {@code aarch64}; another architecture's lower-cased name otherwise
 */
public record Platform(String os, String arch) {

    /** The platform this JVM runs on, from {@code os.name} and {@code os.arch}. */
    public static Platform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * The platform Java's {@code os.name} and {@code os.arch} describe: {@code Mac OS X} is
     * {@code darwin}, {@code Windows 11} is {@code windows}, {@code amd64} is {@code x86_64},
     * {@code arm64} is {@code aarch64}.
     */
    static Platform of(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("mac") || name.startsWith("darwin") ? "darwin"
                : name.startsWith("windows") ? "windows"
                : name.replace(' ', '_');
        String arch = osArch.toLowerCase(Locale.ROOT);
        arch = switch (arch) {
            case "amd64", "x86-64", "x64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> arch;
        };
        return new Platform(os, arch);
    }

    /** Whether {@code artifact} runs here: its os and arch are this one's or absent. */
    public boolean accepts(Artifact artifact) {
        return (artifact.os() == null || artifact.os().equals(os)) && (artifact.arch() == null || artifact.arch().equals(arch));
    }

    /** {@code linux/x86_64}. */
    @Override
    public String toString() {
        return os + "/" + arch;
    }
}
