package dev.losslab.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Named entries in the order they were registered: the surface catalog, the optimizers, the
 * schedules. One entry per name; an unknown name fails with the closest valid one suggested.
 *
 * @param <T> the entry type
 */
public final class Registry<T> {

    private final String kind;
    private final Function<T, String> nameOf;
    private final Map<String, T> byName = new LinkedHashMap<>();

    /**
     * @param kind   what the entries are, as error messages name them ("surface", "optimizer")
     * @param nameOf an entry's name
     */
    public Registry(String kind, Function<T, String> nameOf) {
        this.kind = kind;
        this.nameOf = nameOf;
    }

    /** Registers an entry; a second entry of the same name is a programming error. */
    public void add(T entry) {
        String name = nameOf.apply(entry);
        if (byName.putIfAbsent(name, entry) != null) {
            throw new IllegalStateException("duplicate " + kind + " name " + name);
        }
    }

    public List<T> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<T> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The entry called {@code name}; an unknown name fails with the closest valid one suggested. */
    public T get(String name) {
        T entry = byName.get(name);
        if (entry == null) {
            throw InvalidInputException.unknownName(kind, name, byName.keySet());
        }
        return entry;
    }
}
