package dev.losslab.core.linalg;

/**
 * The eigenvalues of a symmetric tridiagonal matrix T (diagonal d₀ … d_{n−1}, off-diagonal
 * e₀ … e_{n−2}) by bisection on Sturm counts, and an eigenvector by inverse iteration.
 *
 * <p>Why bisection: it finds each eigenvalue to a few ulps of ‖T‖ whatever the spacing, needs no
 * convergence heuristics, and at n² · 60 operations for all of them it is cheap beside forming the
 * matrices it serves (a Hessian of N ≤ 2,000 parameters, a Lanczos matrix of ≤ 300).
 *
 * <p>The Sturm count: in T − x·I = L·D·Lᵀ the pivots are q₀ = d₀ − x, qᵢ = dᵢ − x − e²_{i−1}/q_{i−1},
 * and (Sylvester) the number of negative pivots is the number of eigenvalues below x.
 */
public final class Tridiagonal {

    private Tridiagonal() {}

    /** How many eigenvalues of T are below x. */
    public static int countBelow(double[] d, double[] e, int n, double x) {
        int count = 0;
        double q = 1;
        for (int i = 0; i < n; i++) {
            double off = i == 0 ? 0 : e[i - 1] * e[i - 1] / q;
            q = d[i] - x - off;
            if (q == 0) {
                // A zero pivot: perturb by a rounding's worth, which moves x by as little.
                q = -Math.ulp(Math.abs(d[i]) + Math.abs(x) + Double.MIN_NORMAL);
            }
            if (q < 0) {
                count++;
            }
        }
        return count;
    }

    /** Every eigenvalue of T, ascending. */
    public static double[] eigenvalues(double[] d, double[] e, int n) {
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = kth(d, e, n, k);
        }
        return values;
    }

    /** The k-th smallest eigenvalue of T (k from 0). */
    public static double kth(double[] d, double[] e, int n, int k) {
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("eigenvalue " + k + " of " + n);
        }
        // Gershgorin: every eigenvalue is within |dᵢ| + |e_{i−1}| + |eᵢ| of zero.
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double radius = (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
            low = Math.min(low, d[i] - radius);
            high = Math.max(high, d[i] + radius);
        }
        double scale = Math.max(Math.abs(low), Math.abs(high));
        double tolerance = 4 * Math.ulp(scale) + Double.MIN_NORMAL;
        low -= tolerance;
        high += tolerance;
        // Invariant: at most k eigenvalues below low, more than k below high.
        for (int i = 0; i < 200 && high - low > tolerance; i++) {
            double middle = 0.5 * (low + high);
            if (middle <= low || middle >= high) {
                break;
            }
            if (countBelow(d, e, n, middle) > k) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return 0.5 * (low + high);
    }

    /**
     * A unit eigenvector of T for its eigenvalue {@code lambda}, by inverse iteration: two solves of
     * (T − λ·I)·x = b with partial pivoting, from b all ones. Near-singular is the point: the solve's
     * growth is along the eigenvector. Meant for the small T of {@link Lanczos} (dense storage, n²).
     */
    public static double[] eigenvector(double[] d, double[] e, int n, double lambda) {
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm = Math.max(norm, Math.abs(d[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0));
        }
        double tiny = Math.max(norm, Double.MIN_NORMAL) * 1e-14;
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1);
        for (int round = 0; round < 3; round++) {
            double[][] m = new double[n][n];
            for (int i = 0; i < n; i++) {
                m[i][i] = d[i] - lambda;
                if (i > 0) {
                    m[i][i - 1] = e[i - 1];
                    m[i - 1][i] = e[i - 1];
                }
            }
            x = solve(m, x, tiny);
            double length = 0;
            for (double v : x) {
                length += v * v;
            }
            length = Math.sqrt(length);
            for (int i = 0; i < n; i++) {
                x[i] /= length;
            }
        }
        return x;
    }

    /** Gaussian elimination with partial pivoting; a pivot below {@code tiny} is taken as {@code tiny}. */
    private static double[] solve(double[][] m, double[] b, double tiny) {
        int n = b.length;
        double[] x = b.clone();
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] row = m[c];
            m[c] = m[pivot];
            m[pivot] = row;
            double swap = x[c];
            x[c] = x[pivot];
            x[pivot] = swap;
            if (Math.abs(m[c][c]) < tiny) {
                m[c][c] = m[c][c] < 0 ? -tiny : tiny;
            }
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                if (f != 0) {
                    for (int j = c; j < n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                    x[r] -= f * x[c];
                }
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = x[r];
            for (int j = r + 1; j < n; j++) {
                s -= m[r][j] * x[j];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
