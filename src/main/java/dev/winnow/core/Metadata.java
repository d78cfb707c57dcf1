package dev.winnow.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Record fields gathered while cleaning. First value wins for single fields; lists keep distinct values in order. */
public final class Metadata {
    private final Map<Field, List<String>> values = new EnumMap<>(Field.class);

    void put(Field field, String value) {
        String v = value.strip();
        if (v.isEmpty()) return;
        List<String> list = values.computeIfAbsent(field, f -> new ArrayList<>());
        if (field.isList() ? !list.contains(v) : list.isEmpty()) list.add(v);
    }

    /** The single value of a field, or null. */
    public String get(Field field) {
        List<String> list = values.get(field);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** All values of a list field (empty if none). */
    public List<String> all(Field field) {
        return List.copyOf(values.getOrDefault(field, List.of()));
    }

    /** Every field with its values, in field order: what {@link DocumentSpill} writes. */
    Map<Field, List<String>> entries() {
        return values;
    }

    /** Sets a field's values as they were, without {@link #put}'s stripping and checks: {@link DocumentSpill} reading. */
    void restore(Field field, List<String> list) {
        values.put(field, new ArrayList<>(list));
    }

    Metadata copy() {
        Metadata m = new Metadata();
        values.forEach((k, v) -> m.values.put(k, new ArrayList<>(v)));
        return m;
    }
}
