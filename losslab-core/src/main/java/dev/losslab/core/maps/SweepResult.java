package dev.losslab.core.maps;

import dev.losslab.core.run.Outcome;
import dev.losslab.core.run.RunSpec;
import java.util.List;

/**
 * The runs of a {@link Sweep}: cell {@code i + count₀·j} holds the run at value i of the first axis
 * and value j of the second (j = 0 for a 1-D sweep).
 *
 * @param axes     the swept hyper-parameters
 * @param specs    each cell's run settings
 * @param outcomes each cell's outcome
 */
public record SweepResult(List<Axis> axes, List<RunSpec> specs, List<Outcome> outcomes) {

    public SweepResult {
        axes = List.copyOf(axes);
        specs = List.copyOf(specs);
        outcomes = List.copyOf(outcomes);
    }

    public int columns() {
        return axes.getFirst().count();
    }

    public int rows() {
        return axes.size() == 2 ? axes.get(1).count() : 1;
    }

    public Outcome outcome(int i, int j) {
        return outcomes.get(i + columns() * j);
    }

    public RunSpec spec(int i, int j) {
        return specs.get(i + columns() * j);
    }
}
