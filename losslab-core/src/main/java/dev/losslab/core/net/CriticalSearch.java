package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.linalg.Cholesky;
import dev.losslab.core.linalg.Vectors;
import dev.losslab.core.run.Engine;
import java.util.Locale;

/**
 * Critical points of a network's loss — minima, and the saddles that Dauphin et al. (2014) found to
 * dominate in many dimensions — found as zeros of the gradient g(θ) = ∇L(θ) by Levenberg–Marquardt,
 * whose Jacobian is the Hessian H:
 * <pre>
 *   δ = −(H² + μ·I)⁻¹·H·g         the minimiser of ‖g + H·δ‖² + μ·‖δ‖²
 *   θ ← θ + δ when ½‖g‖² falls (then μ ← μ/3), else μ ← 4μ and solve again
 * </pre>
 * Gradient descent runs away from saddles; ½‖g‖² is zero at every critical point whatever its kind,
 * so this search is drawn to saddles as much as to minima. Small μ is Newton's step on g = 0
 * (quadratic convergence where H is regular); large μ a short step down ½‖g‖². Minimising ½‖g‖²
 * by a first-order method instead (L-BFGS on ∇ = H·g) crawls: its curvature is H², whose condition
 * number is H's squared (tried: ‖g‖ still 1e-3 after 3,000 iterations on a 25-parameter net).
 * A search ends <em>critical</em> when ‖g‖ falls to {@code gradientTolerance}; it may also stall
 * where ½‖g‖² has a positive minimum (H·g = 0 with g ≠ 0), which it reports as not critical.
 */
public final class CriticalSearch {

    /** Most iterations of one search. */
    public static final int MAX_ITERATIONS = 10_000;
    /** Most tries of μ in one iteration before the search counts as stalled. */
    private static final int MAX_TRIES = 40;

    /**
     * Where one search ended.
     *
     * @param theta      the point
     * @param loss       L there
     * @param gradNorm   ‖∇L‖ there
     * @param critical   ‖∇L‖ reached the tolerance
     * @param iterations iterations taken
     * @param spectrum   ∇²L's eigenvalues there and its index
     */
    public record Found(double[] theta, double loss, double gradNorm, boolean critical, int iterations,
                        Curvature.Spectrum spectrum) {}

    private CriticalSearch() {}

    /**
     * Operations of one search at most, in row·parameter products: each iteration forms the Hessian
     * (N products of 2·rows·N) and its square (N³), and tries up to {@link #MAX_TRIES} values of μ,
     * each a Cholesky solve (N³/6) and a gradient (3·rows·N); the end classifies the point (one more
     * Hessian and (4/3)·N³ for its eigenvalues).
     */
    public static double work(Objective objective, int iterations) {
        double n = objective.network().parameterCount();
        double rows = objective.examples().rows();
        double hessian = 2 * rows * n * n;
        double iteration = hessian + n * n * n + MAX_TRIES * (n * n * n / 6 + 3 * rows * n);
        return iterations * iteration + hessian + 4.0 / 3 * n * n * n;
    }

    /**
     * Searches from {@code start} for a critical point of the objective's full-data loss.
     *
     * @param iterations        most iterations, 1 … {@link #MAX_ITERATIONS}
     * @param gradientTolerance ‖∇L‖ at which the search has found a critical point
     * @param checkpoint        looked at every iteration and each Hessian-vector product (throws to cancel)
     */
    public static Found from(Objective objective, double[] start, int iterations, double gradientTolerance,
                             Engine.Checkpoint checkpoint) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw InvalidInputException.outOfRange("search-steps", "in 1 … " + MAX_ITERATIONS, iterations);
        }
        if (!(gradientTolerance > 0) || !Double.isFinite(gradientTolerance)) {
            throw InvalidInputException.outOfRange("tolerance", "> 0 and finite", gradientTolerance);
        }
        checkSize(objective);
        int n = objective.network().parameterCount();
        Curvature curvature = new Curvature(objective, checkpoint);
        double[] theta = start.clone();
        double[] g = new double[n];
        double[] trialGradient = new double[n];
        objective.evaluate(theta, g);
        double phi = 0.5 * Vectors.dot(g, g);
        double mu = Double.NaN;
        int k = 0;
        while (k < iterations && Double.isFinite(phi) && Math.sqrt(2 * phi) > gradientTolerance) {
            checkpoint.reached(k);
            k++;
            double[] h = curvature.hessian(theta);
            double[] square = square(h, n);
            double[] rhs = new double[n];
            for (int i = 0; i < n; i++) {
                rhs[i] = -dot(h, i * n, g);
            }
            if (Double.isNaN(mu)) {
                double largest = 0;
                for (int i = 0; i < n; i++) {
                    largest = Math.max(largest, square[i * n + i]);
                }
                mu = 1e-6 * Math.max(largest, Double.MIN_NORMAL);
            }
            boolean accepted = false;
            for (int tries = 0; tries < MAX_TRIES && !accepted; tries++) {
                for (int i = 0; i < n; i++) {
                    square[i * n + i] += mu;
                }
                double[] delta = Cholesky.solve(square, n, rhs);
                for (int i = 0; i < n; i++) {
                    square[i * n + i] -= mu;
                }
                if (delta != null) {
                    double[] trial = theta.clone();
                    for (int i = 0; i < n; i++) {
                        trial[i] += delta[i];
                    }
                    objective.evaluate(trial, trialGradient);
                    double trialPhi = 0.5 * Vectors.dot(trialGradient, trialGradient);
                    if (trialPhi < phi) {
                        theta = trial;
                        System.arraycopy(trialGradient, 0, g, 0, n);
                        phi = trialPhi;
                        mu = Math.max(mu / 3, Double.MIN_NORMAL);
                        accepted = true;
                        continue;
                    }
                }
                mu *= 4;
            }
            if (!accepted) {
                break; // no step lowers ‖g‖: a positive minimum of ½‖g‖², not a critical point
            }
        }
        double loss = objective.evaluate(theta, g);
        double norm = Vectors.norm(g);
        Curvature.Spectrum spectrum = Double.isFinite(norm) ? curvature.spectrum(theta) : null;
        return new Found(theta, loss, norm, norm <= gradientTolerance, k, spectrum);
    }

    /** Refuses a model too large for its whole Hessian, which the search and its classification need. */
    static void checkSize(Objective objective) {
        int n = objective.network().parameterCount();
        if (n > Curvature.MAX_FULL_PARAMETERS) {
            throw new InvalidInputException("model", String.format(Locale.ROOT, "critical points are found and classified "
                    + "with the whole Hessian, formed for models of up to %,d parameters; the %s network has %,d",
                    Curvature.MAX_FULL_PARAMETERS, objective.network().shape(), n));
        }
    }

    /** H·H for a symmetric H (row-major): entry (i, j) is row i of H dotted with row j. */
    private static double[] square(double[] h, int n) {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                int ri = i * n;
                int rj = j * n;
                for (int m = 0; m < n; m++) {
                    s += h[ri + m] * h[rj + m];
                }
                out[i * n + j] = s;
                out[j * n + i] = s;
            }
        }
        return out;
    }

    private static double dot(double[] matrix, int from, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += matrix[from + i] * y[i];
        }
        return s;
    }
}
