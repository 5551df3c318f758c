package dev.losslab.core.net;

import java.util.List;

/**
 * How a training run went.
 *
 * @param steps      one row per step reached, from 0
 * @param parameters θ at the last row
 * @param stop       why it ended: {@code max-steps}, {@code diverged}, or the optimizer's own halt
 *                   ({@code converged}, {@code line-search-failed})
 * @param detail     a sentence on the stop, empty for {@code max-steps}
 */
public record TrainResult(List<TrainStep> steps, double[] parameters, String stop, String detail) {

    public TrainResult {
        steps = List.copyOf(steps);
    }

    public TrainStep last() {
        return steps.getLast();
    }
}
