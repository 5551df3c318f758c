package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import java.util.ArrayList;
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
    public Schedule create(Map<String, ?> given, int steps) {
        return factory.create(Settings.of(params, given, paramName -> {
            List<String> taken = new ArrayList<>();
            params.forEach(p -> taken.add(p.name()));
            return new InvalidInputException(paramName, "the " + name + " schedule does not take " + paramName
                    + (taken.isEmpty() ? "; it takes no parameters" : "; it takes: " + String.join(", ", taken)));
        }), steps);
    }

    /** True when this schedule takes a parameter of that name. */
    public boolean takes(String paramName) {
        return params.stream().anyMatch(p -> p.name().equals(paramName));
    }
}
