package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Surface;

/**
 * The Nelder–Mead simplex method, which uses f alone: SciPy 1.10's
 * {@code minimize(method='Nelder-Mead')} ({@code _minimize_neldermead} in
 * {@code scipy/optimize/_optimize.py}), followed from its code, with its defaults. Each point
 * carries a simplex of D + 1 vertices sorted by f, best first; the run's point is the best vertex.
 * <pre>
 *   simplex₀: θ₀, and for each d, θ₀ with θ_d scaled by 1 + 0.05·lr (set to 0.00025·lr if θ_d = 0)
 *   stop ("converged") when every vertex is within xatol of the best in each coordinate
 *     and its f within fatol of the best's
 *   x̄ = the mean of all vertices but the worst, x_w
 *   reflect  x_r = x̄ + ρ·(x̄ − x_w)                        f_r &lt; f_best:  expand x_e = x̄ + ρχ·(x̄ − x_w),
 *                                                           keep the better of x_e, x_r
 *   f_best ≤ f_r &lt; f_second-worst: keep x_r
 *   f_second-worst ≤ f_r &lt; f_w:  outside contraction x_c = x̄ + ψρ·(x̄ − x_w), kept if f_c ≤ f_r
 *   f_r ≥ f_w:                   inside contraction x_cc = x̄ − ψ·(x̄ − x_w), kept if f_cc &lt; f_w
 *   a contraction not kept:      shrink every vertex towards the best by σ
 *   ρ, χ, ψ, σ = 1, 2, ½, ½ (adaptive, Gao–Han 2012: 1, 1 + 2/D, ¾ − 1/(2D), 1 − 1/D)
 * </pre>
 * Each formula is evaluated as SciPy writes it (x_r = (1 + ρ)·x̄ − ρ·x_w, …) and the vertices are
 * sorted stably (NumPy's argsort on up to 16 vertices), so the iterates are SciPy's. lr scales the
 * initial simplex: lr = 1 (the default) is SciPy's 5 % / 0.00025 rule. SciPy's iteration and
 * evaluation limits (200·D each) are the run's step limit here. The engine's gradient is not used.
 *
 * <p>Evaluations: the first step evaluates the D new vertices of the initial simplex, then each
 * step its trial points (1 to D + 2), as SciPy's {@code nfev} counts them; the engine's f at the
 * best vertex is one of those, so f_evals is SciPy's count. ∇f is evaluated only by the engine,
 * once per point recorded (SciPy's Nelder–Mead evaluates none).
 *
 * <p>Step mode ({@link Stepper#describe}), in 2-D: {@code vertex1}, {@code vertex2},
 * {@code vertex3} = the simplex after the step, best first.
 *
 * @param xatol    the simplex's size test in θ (≥ 0; SciPy's default 1e-4)
 * @param fatol    its size test in f (≥ 0; 1e-4)
 * @param adaptive use the dimension-dependent coefficients
 */
public record NelderMead(double xatol, double fatol, boolean adaptive) implements Optimizer {

    /** SciPy's initial simplex: a coordinate is scaled by 1 + 5 %, or set to 0.00025 when it is 0. */
    private static final double NONZERO_DELTA = 0.05;
    private static final double ZERO_DELTA = 0.00025;

    public NelderMead {
        Range.atLeast(0).check("xatol", xatol);
        Range.atLeast(0).check("fatol", fatol);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        if (dimension > Bfgs.MAX_DIMENSION) {
            throw new InvalidInputException("optimizer", "nelder-mead keeps " + (dimension + 1) + " vertices of "
                    + dimension + " coordinates per point; it takes at most " + Bfgs.MAX_DIMENSION + " dimensions");
        }
        return new State(dimension, capacity);
    }

    private final class State extends EvaluatingStepper {
        /** The simplex per point: coordinate d of vertex v at [(v·D + d)·n + i]; f of vertex v at [v·n + i]. */
        private final double[] vertices;
        private final double[] values;
        private final double rho, chi, psi, sigma;
        /** One point's simplex while it steps: vertex v at [v·D, (v + 1)·D). */
        private final double[] sim;
        private final double[] fsim;
        /** x̄, the reflected point, the expanded or contracted one; a point to evaluate; a vertex being sorted. */
        private final double[] xbar, trial, second, point, held;
        private final double[] value = new double[1];
        private final double[] gradient;
        private boolean stepped;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            vertices = buffer(dimension * (dimension + 1));
            values = buffer(dimension + 1);
            double dim = dimension;
            rho = 1;
            chi = adaptive ? 1 + 2 / dim : 2;
            psi = adaptive ? 0.75 - 1 / (2 * dim) : 0.5;
            sigma = adaptive ? 1 - 1 / dim : 0.5;
            sim = new double[dimension * (dimension + 1)];
            fsim = new double[dimension + 1];
            xbar = new double[dimension];
            trial = new double[dimension];
            second = new double[dimension];
            point = new double[dimension];
            held = new double[dimension];
            gradient = new double[dimension];
        }

        @Override
        Halt stepPoint(int i, int n, double[] theta, double loss, double[] unused, double lr, long step,
                Surface surface) {
            stepped = true;
            int dim = dimension;
            int evaluations = 0;
            if (step == 1) {
                evaluations = initialSimplex(i, n, theta, loss, lr, surface);
            } else {
                for (int e = 0; e < dim * (dim + 1); e++) {
                    sim[e] = vertices[e * n + i];
                }
                for (int v = 0; v <= dim; v++) {
                    fsim[v] = values[v * n + i];
                }
            }
            double xSpread = 0, fSpread = 0;
            for (int e = dim; e < dim * (dim + 1); e++) {
                xSpread = Math.max(xSpread, Math.abs(sim[e] - sim[e % dim]));
            }
            for (int v = 1; v <= dim; v++) {
                fSpread = Math.max(fSpread, Math.abs(fsim[0] - fsim[v]));
            }
            if (xSpread <= xatol && fSpread <= fatol) {
                if (isBest(theta, i, n)) {
                    spent(i, evaluations, 0);
                    return new Halt.Converged(xSpread, xatol, "the simplex collapsed: its vertices lie within "
                            + xSpread + " of the best in each coordinate (xatol " + xatol + ") and their f within "
                            + fSpread + " of its f (fatol " + fatol + ")");
                }
                // Only after building the simplex: SciPy's answer is its best vertex, which may not
                // be θ₀. Move there; the next step stops.
            } else {
                evaluations += iterate(surface);
            }
            for (int e = 0; e < dim * (dim + 1); e++) {
                vertices[e * n + i] = sim[e];
            }
            for (int v = 0; v <= dim; v++) {
                values[v * n + i] = fsim[v];
            }
            for (int d = 0; d < dim; d++) {
                theta[d * n + i] = sim[d];
            }
            // The engine's f at the best vertex is one of this step's evaluations (or the first's).
            spent(i, evaluations - 1, 0);
            return null;
        }

        /** SciPy's initial simplex around θ₀, evaluated and sorted; returns the evaluations spent. */
        private int initialSimplex(int i, int n, double[] theta, double loss, double lr, Surface surface) {
            int dim = dimension;
            // Differs from SciPy: lr scales the initial simplex (1, the default, is SciPy's).
            double nonzero = NONZERO_DELTA * lr;
            double zero = ZERO_DELTA * lr;
            for (int v = 0; v <= dim; v++) {
                for (int d = 0; d < dim; d++) {
                    sim[v * dim + d] = theta[d * n + i];
                }
            }
            fsim[0] = loss;
            for (int k = 0; k < dim; k++) {
                int at = (k + 1) * dim + k;
                sim[at] = sim[at] != 0 ? (1 + nonzero) * sim[at] : zero;
                fsim[k + 1] = f(surface, sim, (k + 1) * dim);
            }
            sort();
            return dim;
        }

        /** One iteration of SciPy's loop on the sorted simplex; returns the evaluations spent. */
        private int iterate(Surface surface) {
            int dim = dimension;
            int worst = dim * dim;
            for (int d = 0; d < dim; d++) {
                double sum = sim[d];
                for (int v = 1; v < dim; v++) {
                    sum += sim[v * dim + d];
                }
                xbar[d] = sum / dim;
            }
            for (int d = 0; d < dim; d++) {
                trial[d] = (1 + rho) * xbar[d] - rho * sim[worst + d];
            }
            int evaluations = 1;
            double fxr = f(surface, trial, 0);
            if (fxr < fsim[0]) {
                for (int d = 0; d < dim; d++) {
                    second[d] = (1 + rho * chi) * xbar[d] - rho * chi * sim[worst + d];
                }
                evaluations++;
                double fxe = f(surface, second, 0);
                if (fxe < fxr) {
                    replaceWorst(second, fxe);
                } else {
                    replaceWorst(trial, fxr);
                }
            } else if (fxr < fsim[dim - 1]) {
                replaceWorst(trial, fxr);
            } else {
                boolean shrink;
                if (fxr < fsim[dim]) {
                    for (int d = 0; d < dim; d++) {
                        second[d] = (1 + psi * rho) * xbar[d] - psi * rho * sim[worst + d];
                    }
                    evaluations++;
                    double fxc = f(surface, second, 0);
                    shrink = !(fxc <= fxr);
                    if (!shrink) {
                        replaceWorst(second, fxc);
                    }
                } else {
                    for (int d = 0; d < dim; d++) {
                        second[d] = (1 - psi) * xbar[d] + psi * sim[worst + d];
                    }
                    evaluations++;
                    double fxcc = f(surface, second, 0);
                    shrink = !(fxcc < fsim[dim]);
                    if (!shrink) {
                        replaceWorst(second, fxcc);
                    }
                }
                if (shrink) {
                    for (int v = 1; v <= dim; v++) {
                        for (int d = 0; d < dim; d++) {
                            sim[v * dim + d] = sim[d] + sigma * (sim[v * dim + d] - sim[d]);
                        }
                        evaluations++;
                        fsim[v] = f(surface, sim, v * dim);
                    }
                }
            }
            sort();
            return evaluations;
        }

        private void replaceWorst(double[] vertex, double f) {
            System.arraycopy(vertex, 0, sim, dimension * dimension, dimension);
            fsim[dimension] = f;
        }

        /** f at the D coordinates of {@code from} starting at {@code offset}, as a batch of one. */
        private double f(Surface surface, double[] from, int offset) {
            System.arraycopy(from, offset, point, 0, dimension);
            surface.valueAndGradient(point, 1, value, gradient);
            return value[0];
        }

        /**
         * Sorts the vertices by f, stably, NaN last: what NumPy's argsort does for up to 16 values
         * (an insertion sort), and SciPy's {@code np.take} after it.
         */
        private void sort() {
            int dim = dimension;
            for (int j = 1; j <= dim; j++) {
                double fj = fsim[j];
                System.arraycopy(sim, j * dim, held, 0, dim);
                int k = j;
                while (k > 0 && less(fj, fsim[k - 1])) {
                    fsim[k] = fsim[k - 1];
                    System.arraycopy(sim, (k - 1) * dim, sim, k * dim, dim);
                    k--;
                }
                fsim[k] = fj;
                System.arraycopy(held, 0, sim, k * dim, dim);
            }
        }

        /** NumPy's order for floats: NaN after every number. */
        private static boolean less(double a, double b) {
            return a < b || (b != b && a == a);
        }

        private boolean isBest(double[] theta, int i, int n) {
            for (int d = 0; d < dimension; d++) {
                if (!(theta[d * n + i] == sim[d])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            if (!stepped || dimension != 2) {
                return;
            }
            for (int v = 0; v < 3; v++) {
                sink.vector("vertex" + (v + 1), vertices[(2 * v) * n + i], vertices[(2 * v + 1) * n + i]);
            }
        }
    }
}
