package io.newsstance.output;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An output record (a mention, sentence or article row). Its record components are the one definition of the
 * row: their snake_case names and order are the JSON Lines and CSV fields ({@link #toMap()}), and their types give
 * the Spark schema ({@link #fields}, {@link #elementType}), so a field cannot exist in one output and not another.
 * Boxed components ({@code Double}, {@code String}) may be null; a {@code List} component holds nested rows.
 */
public interface OutputRow {

    /** The row as an ordered map of its snake_case field names; nested rows become lists of maps. */
    default Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Field f : fields(getClass().asSubclass(Record.class))) {
            Object v = f.value(this);
            if (v instanceof List<?> list) {
                List<Object> nested = new ArrayList<>(list.size());
                for (Object o : list) {
                    nested.add(o instanceof OutputRow r ? r.toMap() : o);
                }
                v = nested;
            }
            m.put(f.name(), v);
        }
        return m;
    }

    /**
     * A field of a row type: its snake_case name, its record component and that component's accessor, looked up
     * once (getAccessor() returns a fresh Method copy on every call, and rows are built per mention).
     */
    record Field(String name, RecordComponent component, java.lang.reflect.Method accessor) {

        Field(String name, RecordComponent component) {
            this(name, component, component.getAccessor());
        }

        public Class<?> type() {
            return component.getType();
        }

        Object value(Object row) {
            try {
                return accessor.invoke(row);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + " of " + row.getClass().getSimpleName(), e);
            }
        }
    }

    /** The fields of row type {@code type}, in order. */
    static List<Field> fields(Class<? extends Record> type) {
        return Fields.CACHE.computeIfAbsent(type, t -> {
            List<Field> out = new ArrayList<>();
            for (RecordComponent c : t.getRecordComponents()) {
                out.add(new Field(snakeCase(c.getName()), c));
            }
            return List.copyOf(out);
        });
    }

    /** The field names of row type {@code type}, in order. */
    static List<String> names(Class<? extends Record> type) {
        return fields(type).stream().map(Field::name).toList();
    }

    /** The element type of a {@code List} field (a nested row type). */
    static Class<?> elementType(Field field) {
        Type generic = field.component().getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalStateException(field.name() + " is not a list of rows");
    }

    /** {@code sentenceIndex} → {@code sentence_index}, {@code pNegative} → {@code p_negative}. */
    static String snakeCase(String camel) {
        StringBuilder b = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** The per-type field cache (reflection once per row type, not per row). */
    final class Fields {
        private static final Map<Class<?>, List<Field>> CACHE = new ConcurrentHashMap<>();

        private Fields() {
        }
    }
}
