package dev.jig.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * Undoes what the launcher script changed in the environment for the JVM's sake, so plugins see
 * the user's environment.
 *
 * <p>Under a non-UTF-8 locale (e.g. {@code LANG=C}) the JVM decodes arguments as ASCII and turns
 * every other character into {@code ?}. The launcher then runs the JVM with
 * {@code LC_ALL=C.UTF-8} and records the user's own {@code LC_ALL} in
 * {@code <PREFIX>LAUNCHER_LC_ALL}: {@code unset}, or {@code set:} followed by the value.
 */
final class LauncherEnvironment {

    private LauncherEnvironment() {
    }

    static Map<String, String> restore(Map<String, String> environment, String envPrefix) {
        String saved = environment.get(envPrefix + "LAUNCHER_LC_ALL");
        if (saved == null) {
            return environment;
        }
        Map<String, String> restored = new HashMap<>(environment);
        restored.remove(envPrefix + "LAUNCHER_LC_ALL");
        if (saved.startsWith("set:")) {
            restored.put("LC_ALL", saved.substring("set:".length()));
        } else {
            restored.remove("LC_ALL");
        }
        return restored;
    }
}
