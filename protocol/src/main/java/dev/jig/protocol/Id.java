package dev.jig.protocol;

import java.util.Objects;

/** A JSON-RPC request id: a number or a string, echoed unchanged in the response. */
public sealed interface Id {

    /** @param value an integral id */
    record NumberId(long value) implements Id {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** @param value a string id */
    record StringId(String value) implements Id {
        public StringId {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return '"' + value + '"';
        }
    }

    /** A numeric id. */
    static Id of(long value) {
        return new NumberId(value);
    }

    /** A string id. */
    static Id of(String value) {
        return new StringId(value);
    }
}
