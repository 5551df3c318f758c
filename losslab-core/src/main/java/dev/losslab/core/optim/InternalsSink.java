package dev.losslab.core.optim;

/**
 * Receives an optimizer's internal state after a step, one named 2-vector at a time (x at the
 * first coordinate, y at the second): what the lab's step mode draws at the ball. Primitive
 * arguments, so a stepper reporting into a sink allocates nothing itself.
 */
@FunctionalInterface
public interface InternalsSink {

    /**
     * @param name a stable camel-case name, documented by the optimizer that reports it
     *             ({@code buffer}, {@code m}, {@code vHatSqrt}, {@code newtonStep}, …)
     */
    void vector(String name, double x, double y);
}
