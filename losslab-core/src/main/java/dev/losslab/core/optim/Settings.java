package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Validated hyper-parameter values by name, defaults filled in: each as {@link Param#accept} made
 * it (a {@code Double} for a real or a flag, a {@code List<Double>} for numbers, a {@code String}
 * for a choice). The accessors name the kind the caller expects; asking for the wrong one is a
 * registry entry's mistake, not the user's.
 */
public record Settings(Map<String, Object> values) {

    public Settings {
        values = Map.copyOf(values);
    }

    /**
     * The values given for {@code params} (by name, in any form {@link Param#accept} takes),
     * checked, with every other parameter at its default.
     *
     * @param notTaken the error for a name none of {@code params} has
     */
    static Settings of(List<Param> params, Map<String, ?> given, Function<String, InvalidInputException> notTaken) {
        Map<String, Object> values = new HashMap<>();
        for (Param p : params) {
            values.put(p.name(), p.defaultValue());
        }
        given.forEach((name, value) -> {
            Param p = params.stream().filter(q -> q.name().equals(name)).findFirst()
                    .orElseThrow(() -> notTaken.apply(name));
            values.put(name, p.accept(value));
        });
        return new Settings(values);
    }

    public double real(String name) {
        return get(name, Double.class);
    }

    public boolean flag(String name) {
        return real(name) != 0;
    }

    /** A tuple or list of numbers, in the order given. */
    public double[] numbers(String name) {
        List<?> list = get(name, List.class);
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (Double) list.get(i);
        }
        return a;
    }

    public String choice(String name) {
        return get(name, String.class);
    }

    private <T> T get(String name, Class<T> type) {
        Object v = values.get(name);
        if (!type.isInstance(v)) {
            throw new IllegalStateException(v == null
                    ? "no setting '" + name + "' (a registry entry misses its Param)"
                    : "setting '" + name + "' is a " + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }
}
