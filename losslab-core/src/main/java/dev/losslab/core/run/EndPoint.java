package dev.losslab.core.run;

import dev.losslab.core.analysis.CurvatureKind;
import dev.losslab.core.surface.Minimum;
import dev.losslab.core.surface.Vec2;

/**
 * Where a run ended, as a student should be told it ({@link Destinations#classify}): at minimum k,
 * near minimum k without settling there (a noisy run hovers), at a saddle or a maximum, nowhere in
 * particular, or nowhere at all (diverged). Minima are numbered from 1: the landscape's listed ones
 * first, then the others its critical points include ({@link Destinations#minima()}).
 */
public sealed interface EndPoint {

    /** The stable, hyphenated code the CLI and JSON show. */
    String code();

    /**
     * Stopped by a convergence test at minimum {@code number}.
     *
     * @param listed whether the landscape lists it among its known minima
     */
    record AtMinimum(int number, Minimum minimum, boolean listed) implements EndPoint {
        public String code() {
            return "minimum";
        }
    }

    /**
     * Within reach of minimum {@code number} when it stopped without converging: out of steps still
     * moving about it (noise, or a learning rate that bounces), or stopped by the method there.
     */
    record NearMinimum(int number, Minimum minimum, boolean listed) implements EndPoint {
        public String code() {
            return "near-minimum";
        }
    }

    /**
     * At (converged) or near (not converged) a critical point that is not a minimum: a saddle, a
     * maximum, or a degenerate point whose second derivatives cannot tell; or at a minimum outside
     * the window, which the landscape's search does not number.
     *
     * @param converged whether a convergence test stopped it there
     */
    record AtCriticalPoint(CurvatureKind kind, Vec2 at, double value, boolean converged) implements EndPoint {
        public String code() {
            return kind.code();
        }
    }

    /** Diverged: no end point. */
    record Diverged() implements EndPoint {
        public String code() {
            return "diverged";
        }
    }

    /** Stopped (out of steps, or by the method) away from every critical point: still on its way. */
    record Unsettled() implements EndPoint {
        public String code() {
            return "unsettled";
        }
    }
}
