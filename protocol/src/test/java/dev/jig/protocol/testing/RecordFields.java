package dev.jig.protocol.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The field names of records as they appear in JSON. */
public final class RecordFields {

    private RecordFields() {
    }

    /**
     * The JSON names of every record field reachable from {@code roots}: the keys a generator
     * should draw most often, so that random trees reach a decoder's deeper checks.
     */
    public static List<String> names(List<Class<?>> roots) {
        Set<String> names = new LinkedHashSet<>();
        List<Class<?>> pending = new ArrayList<>(roots);
        Set<Class<?>> seen = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            Class<?> type = pending.remove(pending.size() - 1);
            if (!type.isRecord() || !seen.add(type)) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                JsonProperty onField = component.getAnnotation(JsonProperty.class);
                names.add(onField != null ? onField.value() : renamed != null ? renamed.value() : component.getName());
                pending.add(component.getType());
                collectTypeArguments(component.getGenericType(), pending);
            }
        }
        return List.copyOf(names);
    }

    private static void collectTypeArguments(Type type, List<Class<?>> into) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (argument instanceof Class<?> plain) {
                    into.add(plain);
                }
                collectTypeArguments(argument, into);
            }
        }
    }
}
