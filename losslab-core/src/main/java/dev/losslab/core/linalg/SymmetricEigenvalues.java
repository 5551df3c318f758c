package dev.losslab.core.linalg;

/**
 * Every eigenvalue of a dense symmetric matrix: Householder reflections reduce it to a tridiagonal
 * matrix with the same eigenvalues, which {@link Tridiagonal} solves.
 *
 * <p>Step k reflects the rows and columns below k with H = I − 2·v·vᵀ (‖v‖ = 1), chosen so that H
 * sends column k's part below the diagonal, x, to α·e₁ with α = −sign(x₀)·‖x‖ (the sign that avoids
 * cancellation): v ∝ x − α·e₁. On the trailing block A ← H·A·H = A − v·wᵀ − w·vᵀ, where u = A·v and
 * w = 2u − 2(vᵀu)·v. About (4/3)·n³ operations.
 */
public final class SymmetricEigenvalues {

    private SymmetricEigenvalues() {}

    /**
     * The eigenvalues of the n×n symmetric matrix {@code a} (row-major, not changed), ascending.
     * Its two triangles are averaged first: a matrix built from products (a Hessian from H·eⱼ)
     * is symmetric only up to rounding.
     */
    public static double[] of(double[] a, int n) {
        return of(a, n, () -> { });
    }

    /**
     * As {@link #of(double[], int)}, running {@code checkpoint} before each of the n − 2 reflections:
     * it throws (a cancellation) to stop a large matrix's seconds of work part-way.
     */
    public static double[] of(double[] a, int n, Runnable checkpoint) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double mean = 0.5 * (a[i * n + j] + a[j * n + i]);
                m[i * n + j] = mean;
                m[j * n + i] = mean;
            }
        }
        double[] d = new double[n];
        double[] e = new double[Math.max(n - 1, 0)];
        double[] v = new double[n];
        double[] w = new double[n];
        for (int k = 0; k < n - 2; k++) {
            checkpoint.run();
            int from = k + 1;
            double length = 0;
            for (int i = from; i < n; i++) {
                length += m[i * n + k] * m[i * n + k];
            }
            length = Math.sqrt(length);
            double x0 = m[from * n + k];
            double alpha = x0 > 0 ? -length : length;
            d[k] = m[k * n + k];
            e[k] = alpha;
            double vLength = 0;
            for (int i = from; i < n; i++) {
                v[i] = m[i * n + k] - (i == from ? alpha : 0);
                vLength += v[i] * v[i];
            }
            if (vLength == 0) {
                continue; // already tridiagonal in this column
            }
            vLength = Math.sqrt(vLength);
            for (int i = from; i < n; i++) {
                v[i] /= vLength;
            }
            double vu = 0;
            for (int i = from; i < n; i++) {
                double s = 0;
                int row = i * n;
                for (int j = from; j < n; j++) {
                    s += m[row + j] * v[j];
                }
                w[i] = s;
                vu += v[i] * s;
            }
            for (int i = from; i < n; i++) {
                w[i] = 2 * w[i] - 2 * vu * v[i];
            }
            for (int i = from; i < n; i++) {
                int row = i * n;
                double vi = v[i];
                double wi = w[i];
                for (int j = from; j < n; j++) {
                    m[row + j] -= vi * w[j] + wi * v[j];
                }
            }
        }
        if (n >= 2) {
            d[n - 2] = m[(n - 2) * n + n - 2];
            e[n - 2] = m[(n - 1) * n + n - 2];
        }
        if (n >= 1) {
            d[n - 1] = m[(n - 1) * n + n - 1];
        }
        return Tridiagonal.eigenvalues(d, e, n);
    }
}
