package dev.losslab.core.optim;

import java.util.Map;

/** Validated hyper-parameter values by name, defaults filled in. */
public record Settings(Map<String, Double> values) {

    public Settings {
        values = Map.copyOf(values);
    }

    public double real(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("no setting '" + name + "' (a registry entry misses its Param)");
        }
        return v;
    }

    public boolean flag(String name) {
        return real(name) != 0;
    }
}
