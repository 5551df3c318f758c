package dev.losslab.core.optim;

/**
 * Why a method stopped a point itself, instead of stepping from it ({@link Stepper#step} marks the
 * point stuck and {@link Stepper#halt} says why). Closed: the engine maps each kind onto its stop
 * reasons exhaustively. The point is left where it was.
 */
public sealed interface Halt {

    /** Newton's methods: the Hessian (or |H|) cannot be inverted, so the step is undefined. */
    Halt SINGULAR_HESSIAN = new SingularHessian();

    /** The Hessian the method must invert is singular here. */
    record SingularHessian() implements Halt {}

    /**
     * The method's own convergence test passed (SciPy's {@code gtol} test on max |∂f/∂θ_d|,
     * Nelder–Mead's collapsed simplex).
     *
     * @param measure     the quantity tested
     * @param tolerance   the bound it met
     * @param explanation one sentence for a person, with both numbers
     */
    record Converged(double measure, double tolerance, String explanation) implements Halt {}

    /**
     * The line search found no step that lowers f enough (SciPy: "Desired error not necessarily
     * achieved due to precision loss"): usually f is flat to rounding along the search direction.
     */
    record LineSearchFailed(String explanation) implements Halt {}
}
