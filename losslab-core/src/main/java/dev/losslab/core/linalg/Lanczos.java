package dev.losslab.core.linalg;

import java.util.Arrays;

/**
 * The largest eigenvalues of a symmetric operator A known only by its products A·v (a Hessian by
 * its Hessian-vector products), by the Lanczos iteration with full reorthogonalisation:
 * <pre>
 *   q₁ = start/‖start‖
 *   for j = 1, 2, …:   w = A·qⱼ − β_{j−1}·q_{j−1},   αⱼ = qⱼ·w,   w −= αⱼ·qⱼ,
 *                      w −= Σᵢ (qᵢ·w)·qᵢ  (twice: keeps the q's orthogonal in floating point),
 *                      βⱼ = ‖w‖,   q_{j+1} = w/βⱼ
 * </pre>
 * The eigenvalues θ of the tridiagonal Tⱼ (α on its diagonal, β beside it) approach A's extreme
 * eigenvalues first. A Ritz pair (θ, Qⱼ·s), T·s = θ·s, has the residual ‖A·y − θ·y‖ = βⱼ·|s_last|
 * exactly: the iteration stops when each of the top k has a residual within {@code tolerance} of
 * the top Ritz value's size (then each θ is within that residual of an eigenvalue of A), when βⱼ
 * vanishes (the q's span an invariant subspace: the θ are eigenvalues), or after {@code maxIterations}.
 *
 * <p>One start vector sees each <em>distinct</em> eigenvalue once: an eigenvalue of multiplicity m
 * is found once, and the "k largest" are the k largest distinct ones. A space exhausted after j < k
 * products has only j of them, and the result has j values.
 */
public final class Lanczos {

    /** A symmetric linear operator: {@code out = A·v} ({@code out} overwritten, never {@code v}). */
    @FunctionalInterface
    public interface Operator {
        void times(double[] v, double[] out);
    }

    /**
     * The top eigenpairs found.
     *
     * @param values     the k largest Ritz values, descending (fewer when the space held fewer)
     * @param vectors    their unit Ritz vectors (N values each)
     * @param residuals  ‖A·y − θ·y‖ of each
     * @param iterations products of A taken
     * @param converged  every residual met the tolerance (or the space was exhausted)
     */
    public record Result(double[] values, double[][] vectors, double[] residuals, int iterations, boolean converged) {

        /** The largest eigenvalue: a network's sharpness. */
        public double top() {
            return values[0];
        }

        /**
         * The largest eigenvalue when its own Ritz pair is known to a relative residual of
         * {@code relative}, else NaN. A Ritz value is a Rayleigh quotient, so it never exceeds the
         * largest eigenvalue, and an eigenvalue lies within the residual of it: with a large residual
         * it may be well below the true top, and an unknown is better said than a wrong number.
         */
        public double topWithin(double relative) {
            return residuals[0] <= relative * Math.abs(values[0]) ? values[0] : Double.NaN;
        }
    }

    private Lanczos() {}

    /**
     * The {@code k} largest eigenvalues of the n×n operator {@code a}.
     *
     * @param start         the first direction (not all zero); a fixed one makes the answer reproducible,
     *                      the last top eigenvector makes a tracked one converge in few steps
     * @param maxIterations most products of A (at most n are ever needed)
     * @param tolerance     relative residual to stop at, such as 1e-8
     */
    public static Result largest(Operator a, int n, int k, double[] start, int maxIterations, double tolerance) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k = " + k + " eigenvalues of an operator of size " + n);
        }
        int limit = Math.min(Math.max(maxIterations, k), n);
        double[][] q = new double[limit + 1][];
        double[] alpha = new double[limit];
        double[] beta = new double[limit];
        double[] w = new double[n];
        q[0] = start.clone();
        double startLength = Vectors.norm(q[0]);
        if (!(startLength > 0) || !Double.isFinite(startLength)) {
            throw new IllegalArgumentException("the start vector must be finite and not zero");
        }
        scale(q[0], 1 / startLength);
        int j = 0;
        boolean exhausted = false;
        Ritz ritz = null;
        while (j < limit) {
            a.times(q[j], w);
            if (j > 0) {
                axpy(-beta[j - 1], q[j - 1], w);
            }
            alpha[j] = Vectors.dot(q[j], w);
            axpy(-alpha[j], q[j], w);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    axpy(-Vectors.dot(q[i], w), q[i], w);
                }
            }
            beta[j] = Vectors.norm(w);
            j++;
            boolean check = j >= k && (j == limit || j % 4 == 0 || j < 12);
            double size = 0;
            for (int i = 0; i < j; i++) {
                size = Math.max(size, Math.abs(alpha[i]) + beta[i] + (i > 0 ? beta[i - 1] : 0));
            }
            if (beta[j - 1] <= 1e-13 * Math.max(size, Double.MIN_NORMAL)) {
                exhausted = true;
                break;
            }
            if (check) {
                ritz = ritz(alpha, beta, j, k);
                double largest = Math.abs(ritz.values[0]);
                boolean done = true;
                for (int i = 0; i < k; i++) {
                    done &= ritz.residuals[i] <= tolerance * Math.max(largest, Double.MIN_NORMAL);
                }
                if (done) {
                    break;
                }
            }
            if (j < limit) {
                q[j] = w.clone();
                scale(q[j], 1 / beta[j - 1]);
            }
        }
        // An exhausted space of j < k dimensions holds only j distinct eigenvalues.
        int found = Math.min(k, j);
        if (ritz == null || ritz.size != j || ritz.values.length != found) {
            ritz = ritz(alpha, beta, j, found);
        }
        double largest = Math.abs(ritz.values[0]);
        boolean converged = exhausted;
        if (!exhausted) {
            converged = true;
            for (int i = 0; i < found; i++) {
                converged &= ritz.residuals[i] <= tolerance * Math.max(largest, Double.MIN_NORMAL);
            }
        }
        double[][] vectors = new double[found][];
        for (int i = 0; i < found; i++) {
            double[] y = new double[n];
            for (int m = 0; m < j; m++) {
                axpy(ritz.vectors[i][m], q[m], y);
            }
            scale(y, 1 / Vectors.norm(y));
            vectors[i] = y;
        }
        double[] residuals = exhausted ? new double[found] : ritz.residuals;
        return new Result(ritz.values, vectors, residuals, j, converged);
    }

    /** The top k eigenpairs of T_size, and the residual βⱼ·|s_last| each would have. */
    private record Ritz(int size, double[] values, double[][] vectors, double[] residuals) {}

    private static Ritz ritz(double[] alpha, double[] beta, int size, int k) {
        double[] d = Arrays.copyOf(alpha, size);
        double[] e = Arrays.copyOf(beta, Math.max(size - 1, 0));
        double[] values = new double[k];
        double[][] vectors = new double[k][];
        double[] residuals = new double[k];
        for (int i = 0; i < k; i++) {
            values[i] = Tridiagonal.kth(d, e, size, size - 1 - i);
            vectors[i] = Tridiagonal.eigenvector(d, e, size, values[i]);
            residuals[i] = Math.abs(beta[size - 1] * vectors[i][size - 1]);
        }
        return new Ritz(size, values, vectors, residuals);
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }
}
