package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * One run's mutable optimizer state (momentum buffers, moment estimates, step count). Mutable and
 * primitive on purpose: a run takes millions of steps and must not allocate per step.
 */
public interface Stepper {

    /**
     * Applies one update to {@code theta} in place.
     *
     * @param theta    the parameters (x at [0], y at [1]); updated in place
     * @param gradient the gradient the optimizer sees at theta (with any SGD noise already added);
     *                 read only
     * @param lr       this step's learning rate, from the schedule
     * @param step     PyTorch's step count: 1 on the first update
     * @param surface  the surface, for second-order methods that need the Hessian at theta
     * @return true when the update was taken; false when the method cannot step from here
     *         (Newton's methods at a singular Hessian), which ends the run
     */
    boolean step(double[] theta, double[] gradient, double lr, long step, Surface surface);

    /**
     * Reports the state the last {@link #step} left behind, as named 2-vectors, for a person to look
     * at. Called only when a caller asks for internals (never in a plain run, so it costs the hot
     * loop nothing); before the first step it reports values of an empty state. Each optimizer's
     * Javadoc names what it reports; the default reports nothing.
     */
    default void describe(InternalsSink sink) {}
}
