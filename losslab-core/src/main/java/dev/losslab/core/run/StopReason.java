package dev.losslab.core.run;

/** Why a run ended. Closed: adapters switch over it exhaustively. The reason is data, not an error. */
public sealed interface StopReason {

    /** The stable, hyphenated code the CLI and JSON show ({@code converged}, {@code max-steps}, …). */
    String code();

    /** One sentence for a person. */
    String explanation();

    /**
     * A convergence test passed: the engine's ‖∇f‖ &lt; tol, or the optimizer's own (SciPy's gtol
     * test for BFGS and CG, Nelder–Mead's collapsed simplex).
     *
     * @param measure     the quantity tested (the gradient norm, for the engine's test)
     * @param tolerance   the bound it met
     * @param explanation one sentence naming both; null for the engine's test, whose sentence is written when asked
     */
    record Converged(double measure, double tolerance, String explanation) implements StopReason {

        /**
         * The engine's test: the gradient norm fell below the tolerance. Its explanation is written
         * only when asked: a basin map stops a quarter of a million points this way, and two
         * numbers turned to text each cost more than the point's whole run.
         */
        public Converged(double gradientNorm, double tolerance) {
            this(gradientNorm, tolerance, null);
        }

        @Override
        public String explanation() {
            return explanation != null ? explanation
                    : "gradient norm " + measure + " fell below the tolerance " + tolerance;
        }

        public String code() {
            return "converged";
        }
    }

    /** A value stopped being a usable number: non-finite, |loss| > 1e12, or a coordinate beyond 1e6. */
    record Diverged(String cause) implements StopReason {
        public String code() {
            return "diverged";
        }

        public String explanation() {
            return "diverged: " + cause;
        }
    }

    /** The step budget ran out first. */
    record MaxSteps(long steps) implements StopReason {
        public String code() {
            return "max-steps";
        }

        public String explanation() {
            return "reached the step limit of " + steps + " without converging";
        }
    }

    /**
     * A line-search method (bfgs, cg, gd-armijo) found no step along its direction that lowers f
     * enough: SciPy's "precision loss" end of BFGS and CG. None of the other reasons fits: the
     * gradient has not met any tolerance, nothing diverged, and no Hessian is involved.
     */
    record LineSearchFailed(String explanation) implements StopReason {
        public String code() {
            return "line-search-failed";
        }
    }

    /** A Newton-type method met a Hessian it cannot invert. */
    record SingularHessian() implements StopReason {
        public String code() {
            return "singular-hessian";
        }

        public String explanation() {
            return "the Hessian is singular here, so the Newton step is undefined";
        }
    }

    /**
     * f became undefined (NaN) at a finite point inside the bounds: the run left the surface's
     * domain, e.g. log of a negative number in a typed formula.
     */
    record LeftDomain() implements StopReason {
        public String code() {
            return "left-domain";
        }

        public String explanation() {
            return "left the surface's domain: f is undefined at this point";
        }
    }
}
