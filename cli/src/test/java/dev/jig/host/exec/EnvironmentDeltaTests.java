package dev.jig.host.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentDeltaTests {

    /** A map that records which keys were written after {@link #forget()}. */
    private static final class RecordingMap extends HashMap<String, String> {
        private static final long serialVersionUID = 1L;
        final List<String> written = new ArrayList<>();

        RecordingMap(Map<String, String> initial) {
            initial.forEach(this::put);
            forget();
        }

        void forget() {
            written.clear();
        }

        @Override
        public String put(String key, String value) {
            written.add(key);
            return super.put(key, value);
        }
    }

    @Test
    void bringsTheChildEnvironmentToTheDesiredState() {
        Map<String, String> child = new HashMap<>(Map.of("A", "1", "B", "2", "C", "3"));
        EnvironmentDelta.apply(child, Map.of("A", "1", "B", "20", "D", "4"));
        assertEquals(Map.of("A", "1", "B", "20", "D", "4"), child);
    }

    @Test
    void writesOnlyTheVariablesThatDiffer() {
        RecordingMap child = new RecordingMap(Map.of("SAME", "x", "CHANGED", "old", "GONE", "y"));
        EnvironmentDelta.apply(child, Map.of("SAME", "x", "CHANGED", "new", "ADDED", "z"));
        assertEquals(List.of("ADDED", "CHANGED"), child.written.stream().sorted().toList());
        assertEquals(Map.of("SAME", "x", "CHANGED", "new", "ADDED", "z"), child);
    }

    @Test
    void anEmptyValueIsSetNotRemoved() {
        Map<String, String> child = new HashMap<>(Map.of("A", "1"));
        EnvironmentDelta.apply(child, Map.of("A", ""));
        assertEquals(Map.of("A", ""), child);
    }

    @Test
    void anEmptyDesiredStateClearsEverything() {
        Map<String, String> child = new HashMap<>(Map.of("A", "1", "B", "2"));
        EnvironmentDelta.apply(child, Map.of());
        assertEquals(Map.of(), child);
    }

    @Test
    void worksOnTheRealProcessBuilderEnvironment() {
        Map<String, String> child = new ProcessBuilder().environment();
        Map<String, String> desired = new HashMap<>(child);
        desired.remove("PATH");
        desired.put("JIG_TEST_ADDED", "yes");
        EnvironmentDelta.apply(child, desired);
        assertEquals(desired, child);
    }
}
