package dev.losslab.core.run;

/** Why a run ended. Closed: adapters switch over it exhaustively. The reason is data, not an error. */
public sealed interface StopReason {

    /** The stable, hyphenated code the CLI and JSON show ({@code converged}, {@code max-steps}, …). */
    String code();

    /** One sentence for a person. */
    String explanation();

    /** The gradient norm fell below the tolerance. */
    record Converged(double gradientNorm, double tolerance) implements StopReason {
        public String code() {
            return "converged";
        }

        public String explanation() {
            return "gradient norm " + gradientNorm + " fell below the tolerance " + tolerance;
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
