package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A named learning-rate schedule as users pick it ({@code constant}, {@code step}, …): its help
 * text, the parameters it takes, and how to build it. Listed in {@link Schedules}.
 *
 * @param name    the CLI/API name
 * @param help    one line: the formula and the PyTorch class it matches
 * @param params  the parameters it takes, with their defaults
 * @param factory builds the schedule from validated settings and the run's step budget
 */
public record ScheduleKind(String name, String help, List<Param> params, Factory factory) {

    /** Builds a schedule from validated settings; {@code steps} is the run's step budget. */
    @FunctionalInterface
    public interface Factory {
        Schedule create(Settings settings, int steps);
    }

    public ScheduleKind {
        params = List.copyOf(params);
    }

    /**
     * Builds the schedule from the values the user gave (by param name), filling in defaults. A
     * name this schedule does not take, a value out of range, or a fraction where a whole number
     * of steps is needed fails with an {@link InvalidInputException} that names it.
     *
     * @param steps the run's step budget (the default of {@code t-max})
     */
    public Schedule create(Map<String, Double> given, int steps) {
        Map<String, Double> values = new HashMap<>();
        for (Param p : params) {
            values.put(p.name(), p.defaultValue());
        }
        for (var e : given.entrySet()) {
            Param p = param(e.getKey());
            values.put(p.name(), p.range().check(p.name(), e.getValue()));
        }
        return factory.create(new Settings(values), steps);
    }

    private Param param(String paramName) {
        for (Param p : params) {
            if (p.name().equals(paramName)) {
                return p;
            }
        }
        List<String> taken = new ArrayList<>();
        params.forEach(p -> taken.add(p.name()));
        throw new InvalidInputException(paramName, "the " + name + " schedule does not take " + paramName
                + (taken.isEmpty() ? "; it takes no parameters" : "; it takes: " + String.join(", ", taken)));
    }

    /** True when this schedule takes a parameter of that name. */
    public boolean takes(String paramName) {
        return params.stream().anyMatch(p -> p.name().equals(paramName));
    }
}
