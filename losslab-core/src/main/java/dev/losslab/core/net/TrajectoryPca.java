package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.linalg.Vectors;
import java.util.List;

/**
 * The top two principal directions of a trajectory relative to a centre (Li et al. 2018, §7): the
 * rows x_k = θ_k − θ* of an M×N matrix X, and the unit vectors u₁, u₂ that capture most of Σ‖x_k‖²,
 * the top two right singular vectors of X.
 *
 * <p><b>Uncentred, on purpose.</b> Li et al.'s code fits sklearn's {@code PCA} to the θ_k − θ_T,
 * which first subtracts their mean, so its plane is the best one through the path's mean. Here the
 * plane must pass through θ* (it is the slice's plane), and the plane through θ* that lies closest
 * to the path (least Σ of squared residuals) is spanned by the top singular vectors of the
 * uncentred X. The explained variance of u_i is σ_i²/Σσ², the share of Σ‖θ_k − θ*‖² along it, so
 * 1 − (share₁ + share₂) is the path's mean squared residual off the plane over its mean squared
 * distance from θ*.
 *
 * <p><b>How.</b> The M×M Gram matrix G = X·Xᵀ (M ≤ a few hundred sampled points, so M²·N work)
 * has eigenpairs (σ_i², v_i); then u_i = Xᵀ·v_i/σ_i, normalised. Its eigenvalues come from the cyclic
 * Jacobi method, accurate to rounding for a symmetric matrix. When σ₂² is below 10⁻¹²·σ₁² the path
 * runs along a line and u₂ is not defined by it: u₂ is then the coordinate axis least aligned with
 * u₁, made orthogonal to it (so the plane is still a plane, with explained variance 0 along u₂).
 *
 * <p><b>Sign.</b> A singular vector's sign is arbitrary; each u_i is flipped so that its entry of
 * largest magnitude is positive, which makes the result reproducible.
 */
public final class TrajectoryPca {

    /** Below this share of σ₁² the second direction is rounding, not data. */
    static final double LINE_RATIO = 1e-12;
    private static final int MAX_SWEEPS = 100;

    /**
     * @param first  u₁, unit length
     * @param second u₂, unit length, orthogonal to u₁
     * @param shares σ₁²/Σσ², σ₂²/Σσ²
     */
    public record Result(double[] first, double[] second, double[] shares) {}

    private TrajectoryPca() {}

    /**
     * The principal plane of {@code points} (each N values) relative to {@code centre}.
     *
     * @param field     the field that asked for this plane, named in an error ({@code directions} on
     *                  the CLI, {@code plane} on the web)
     * @param otherwise what to choose instead, said after an error ("slice with random directions")
     * @throws InvalidInputException when the path does not move from the centre or runs beyond doubles
     */
    public static Result of(List<double[]> points, double[] centre, String field, String otherwise) {
        int m = points.size();
        int n = centre.length;
        double[][] x = new double[m][n];
        double largest = 0;
        for (int k = 0; k < m; k++) {
            for (int p = 0; p < n; p++) {
                x[k][p] = points.get(k)[p] - centre[p];
                largest = Math.max(largest, Math.abs(x[k][p]));
            }
        }
        if (!Double.isFinite(largest)) {
            throw new InvalidInputException(field, "pca: the path runs too far from the centre (a difference "
                    + "beyond the range of doubles) to take its principal directions; " + otherwise);
        }
        // Scaled to entries of at most 1: the directions and shares do not change, and the Gram
        // matrix of a diverging path (θ of 1e200) does not overflow.
        if (largest > 0) {
            for (double[] row : x) {
                for (int p = 0; p < n; p++) {
                    row[p] /= largest;
                }
            }
        }
        double[][] gram = new double[m][m];
        double trace = 0;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b <= a; b++) {
                gram[a][b] = gram[b][a] = Vectors.dot(x[a], x[b]);
            }
            trace += gram[a][a];
        }
        if (!(trace > 0) || !Double.isFinite(trace)) {
            throw new InvalidInputException(field, "pca needs a trajectory that moves away from the centre: "
                    + "every recorded θ_k equals it" + (m < 2 ? " (train at least one step)" : "") + "; " + otherwise);
        }
        double[][] vectors = new double[m][m];
        double[] values = jacobi(gram, vectors);
        int top = 0;
        for (int i = 1; i < m; i++) {
            if (values[i] > values[top]) {
                top = i;
            }
        }
        int next = -1;
        for (int i = 0; i < m; i++) {
            if (i != top && (next < 0 || values[i] > values[next])) {
                next = i;
            }
        }
        double[] u1 = combine(x, vectors, top);
        normalise(u1);
        double second = next < 0 ? 0 : Math.max(0, values[next]);
        double[] u2;
        if (second > LINE_RATIO * values[top]) {
            u2 = combine(x, vectors, next);
            // One Gram–Schmidt step removes the rounding that couples the two.
            axpy(-Vectors.dot(u1, u2), u1, u2);
        } else {
            second = 0;
            u2 = leastAlignedAxis(u1);
        }
        normalise(u2);
        signByLargest(u1);
        signByLargest(u2);
        return new Result(u1, u2, new double[] {Math.max(0, values[top]) / trace, second / trace});
    }

    /** Xᵀ·v_i, v_i the i-th column of {@code vectors}. */
    private static double[] combine(double[][] x, double[][] vectors, int i) {
        double[] u = new double[x[0].length];
        for (int k = 0; k < x.length; k++) {
            axpy(vectors[k][i], x[k], u);
        }
        return u;
    }

    /** e_j for the j where |u_j| is least, made orthogonal to the unit vector u. */
    private static double[] leastAlignedAxis(double[] u) {
        int j = 0;
        for (int p = 1; p < u.length; p++) {
            if (Math.abs(u[p]) < Math.abs(u[j])) {
                j = p;
            }
        }
        double[] e = new double[u.length];
        e[j] = 1;
        axpy(-u[j], u, e);
        return e;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int p = 0; p < x.length; p++) {
            y[p] += a * x[p];
        }
    }

    private static void normalise(double[] u) {
        double norm = Vectors.norm(u);
        for (int p = 0; p < u.length; p++) {
            u[p] /= norm;
        }
    }

    private static void signByLargest(double[] u) {
        int j = 0;
        for (int p = 1; p < u.length; p++) {
            if (Math.abs(u[p]) > Math.abs(u[j])) {
                j = p;
            }
        }
        if (u[j] < 0) {
            for (int p = 0; p < u.length; p++) {
                u[p] = -u[p];
            }
        }
    }

    /**
     * The eigenvalues of the symmetric matrix {@code a} (destroyed), its eigenvectors into the
     * columns of {@code vectors}: cyclic Jacobi rotations (Golub &amp; Van Loan §8.5), each zeroing
     * a_pq with the rotation of t = sgn(θ)/(|θ| + √(θ² + 1)), θ = (a_qq − a_pp)/(2·a_pq), until the
     * off-diagonal mass is rounding.
     */
    static double[] jacobi(double[][] a, double[][] vectors) {
        int m = a.length;
        for (int i = 0; i < m; i++) {
            vectors[i][i] = 1;
        }
        double scale = 0;
        for (double[] row : a) {
            for (double v : row) {
                scale += v * v;
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < m; p++) {
                for (int q = p + 1; q < m; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-32 * scale) {
                break;
            }
            for (int p = 0; p < m; p++) {
                for (int q = p + 1; q < m; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < m; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < m; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < m; k++) {
                        double vkp = vectors[k][p];
                        double vkq = vectors[k][q];
                        vectors[k][p] = c * vkp - s * vkq;
                        vectors[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[m];
        for (int i = 0; i < m; i++) {
            values[i] = a[i][i];
        }
        return values;
    }
}
