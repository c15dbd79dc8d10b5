package dev.jig.host.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * TOML text to JSON trees and back. Only this class names the TOML module, and it is used only
 * when a configuration file exists, so a run without one never loads it.
 */
final class TomlCodec {

    private TomlCodec() {
    }

    /** A malformed document: what is wrong, and the line it was found on (1-based; 0 if unknown). */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        Malformed(String reason, int line) {
            super(reason);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** The tables of a TOML document; an empty document is an empty table. */
    static ObjectNode read(byte[] toml) throws Malformed {
        try {
            JsonNode tree = Holder.MAPPER.readTree(new String(toml, StandardCharsets.UTF_8));
            return tree instanceof ObjectNode table ? table : JsonNodeFactory.instance.objectNode();
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            return fail(e.getOriginalMessage(), location == null ? 0 : Math.max(0, location.getLineNr()));
        } catch (IOException e) {
            return fail(String.valueOf(e.getMessage()), 0);
        }
    }

    private static ObjectNode fail(String reason, int line) throws Malformed {
        throw new Malformed(reason, line);
    }

    /**
     * {@code table} as TOML text. Jackson writes dotted keys ({@code plugins.greet.lang = 'fr'})
     * and keeps no comments: a rewritten file loses the ones it had.
     */
    static byte[] write(ObjectNode table) throws IOException {
        if (table.isEmpty()) {
            return new byte[0]; // Jackson writes " = {}" for an empty document, which is not TOML
        }
        return Holder.MAPPER.writeValueAsBytes(table);
    }

    /** Built on first use: the TOML module costs class loading a run without files never pays. */
    private static final class Holder {
        static final TomlMapper MAPPER = new TomlMapper();
    }
}
