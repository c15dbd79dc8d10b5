package dev.jig.protocol.kits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interfaces and type aliases of a TypeScript declaration file, read simply: enough for the
 * flat, hand-written {@code protocol/typescript/jig-protocol.d.ts}, not for TypeScript at large.
 */
final class TypeScriptDeclarations {

    /** One interface: the schema its doc comment names, its parent, and its own properties. */
    record Interface(String name, Optional<String> schema, Optional<String> parent, Map<String, Property> properties) {
    }

    /** One property: whether it is optional ({@code name?:}) and its type as written. */
    record Property(boolean optional, String type) {
    }

    private static final Pattern INTERFACE = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*export interface (\\w+)(?:<[^>]*>)?(?:\\s+extends\\s+(\\w+))?\\s*\\{", Pattern.DOTALL);
    private static final Pattern SCHEMA_TAG = Pattern.compile("@schema\\s+(\\S+)");
    private static final Pattern ALIAS = Pattern.compile("export type (\\w+)\\s*=\\s*([^;]+);");
    private static final Pattern MEMBER = Pattern.compile("^(\\w+)(\\??):\\s*(.+)$", Pattern.DOTALL);

    final Map<String, Interface> interfaces = new LinkedHashMap<>();
    final Map<String, String> aliases = new LinkedHashMap<>();

    TypeScriptDeclarations(String source) {
        Matcher alias = ALIAS.matcher(source);
        while (alias.find()) {
            aliases.put(alias.group(1), alias.group(2).trim());
        }
        Matcher found = INTERFACE.matcher(source);
        while (found.find()) {
            Matcher tag = SCHEMA_TAG.matcher(found.group(1));
            Optional<String> schema = tag.find() ? Optional.of(tag.group(1)) : Optional.empty();
            String body = withoutComments(source.substring(found.end(), closingBrace(source, found.end())));
            interfaces.put(found.group(2), new Interface(found.group(2), schema, Optional.ofNullable(found.group(3)), members(body)));
        }
    }

    /** The properties of {@code name}, its parents' included; a redeclared one wins. */
    Map<String, Property> allProperties(String name) {
        Interface type = interfaces.get(name);
        Map<String, Property> all = new LinkedHashMap<>();
        type.parent().ifPresent(parent -> all.putAll(allProperties(parent)));
        all.putAll(type.properties());
        return all;
    }

    /** A type with its alias, if it is one, replaced by what the alias stands for. */
    String resolve(String type) {
        return aliases.getOrDefault(type, type);
    }

    private static int closingBrace(String source, int from) {
        int depth = 1;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed interface body at " + from);
    }

    private static String withoutComments(String body) {
        return body.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    /** The members of a body: split at the semicolons outside nested braces. */
    private static Map<String, Property> members(String body) {
        Map<String, Property> members = new LinkedHashMap<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ';' && depth == 0) {
                Matcher member = MEMBER.matcher(body.substring(start, i).trim());
                if (!member.matches()) {
                    throw new IllegalArgumentException("not a property: " + body.substring(start, i).trim());
                }
                members.put(member.group(1), new Property(!member.group(2).isEmpty(), member.group(3).trim()));
                start = i + 1;
            }
        }
        return members;
    }
}
