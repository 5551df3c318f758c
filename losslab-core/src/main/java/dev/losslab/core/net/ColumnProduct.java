package dev.losslab.core.net;

/**
 * Y += M·X where Y and X are matrices stored one array per row ("columns" of a batch: one array per
 * unit over the rows of a block) and M is a small matrix of scalars read from a flat array:
 * <pre>
 *   Y[u][i] += Σ_v M[u][v]·X[v][i]     for u &lt; units, i &lt; length,   M[u][v] = m[offset + u·su + v·sv]
 * </pre>
 * Every multiply-add of {@link Objective}'s passes has this shape: the forward pass (M = W, X the
 * layer's activations), δ of a hidden layer (M = Wᵀ, X the δ above) and the weights' gradient
 * (M = Δ of a block, X its activations row by row).
 *
 * <p><b>Register-blocked.</b> Four rows of Y against four rows of X at once: each loop iteration loads
 * four values of X and four of Y, does sixteen multiply-adds and stores four values, where one row
 * at a time loads two values and stores one for each. The inner loop runs over i with every array
 * read and written at the same index, which is what lets C2 vectorize it without knowing the arrays
 * are distinct. The sixteen scalars of M stay in registers. Rows of Y and X left over after the
 * groups of four go through the narrower kernels.
 *
 * <p>Multiply-adds are fused ({@link Math#fma}, one rounding each, which C2 turns into vector FMA
 * instructions). Each Y[u][i] sums its terms in the order of v, within each group of four.
 */
final class ColumnProduct {

    private ColumnProduct() {}

    /**
     * Y[u][i] += Σ_v M[u][v]·X[v][i] for u &lt; units, v &lt; inputs, i &lt; length.
     *
     * @param m the scalars: M[u][v] = m[offset + u·su + v·sv]
     */
    static void accumulate(double[][] y, int units, double[] m, int offset, int su, int sv, double[][] x, int inputs,
                           int length) {
        int u = 0;
        for (; u + 3 < units; u += 4) {
            double[] y0 = y[u];
            double[] y1 = y[u + 1];
            double[] y2 = y[u + 2];
            double[] y3 = y[u + 3];
            int row0 = offset + u * su;
            int v = 0;
            for (; v + 3 < inputs; v += 4) {
                int a = row0 + v * sv;
                int b = a + su;
                int c = b + su;
                int d = c + su;
                fourByFour(y0, y1, y2, y3, x[v], x[v + 1], x[v + 2], x[v + 3],
                        m[a], m[a + sv], m[a + 2 * sv], m[a + 3 * sv],
                        m[b], m[b + sv], m[b + 2 * sv], m[b + 3 * sv],
                        m[c], m[c + sv], m[c + 2 * sv], m[c + 3 * sv],
                        m[d], m[d + sv], m[d + 2 * sv], m[d + 3 * sv], length);
            }
            for (; v < inputs; v++) {
                int a = row0 + v * sv;
                fourByOne(y0, y1, y2, y3, x[v], m[a], m[a + su], m[a + 2 * su], m[a + 3 * su], length);
            }
        }
        for (; u < units; u++) {
            double[] y0 = y[u];
            int row0 = offset + u * su;
            int v = 0;
            for (; v + 3 < inputs; v += 4) {
                int a = row0 + v * sv;
                oneByFour(y0, x[v], x[v + 1], x[v + 2], x[v + 3], m[a], m[a + sv], m[a + 2 * sv], m[a + 3 * sv], length);
            }
            for (; v < inputs; v++) {
                oneByOne(y0, x[v], m[row0 + v * sv], length);
            }
        }
    }

    /** y_k[i] += m_k0·x0[i] + m_k1·x1[i] + m_k2·x2[i] + m_k3·x3[i] for k &lt; 4. */
    private static void fourByFour(double[] y0, double[] y1, double[] y2, double[] y3,
                                   double[] x0, double[] x1, double[] x2, double[] x3,
                                   double m00, double m01, double m02, double m03,
                                   double m10, double m11, double m12, double m13,
                                   double m20, double m21, double m22, double m23,
                                   double m30, double m31, double m32, double m33, int length) {
        for (int i = 0; i < length; i++) {
            double a0 = x0[i];
            double a1 = x1[i];
            double a2 = x2[i];
            double a3 = x3[i];
            y0[i] = Math.fma(m03, a3, Math.fma(m02, a2, Math.fma(m01, a1, Math.fma(m00, a0, y0[i]))));
            y1[i] = Math.fma(m13, a3, Math.fma(m12, a2, Math.fma(m11, a1, Math.fma(m10, a0, y1[i]))));
            y2[i] = Math.fma(m23, a3, Math.fma(m22, a2, Math.fma(m21, a1, Math.fma(m20, a0, y2[i]))));
            y3[i] = Math.fma(m33, a3, Math.fma(m32, a2, Math.fma(m31, a1, Math.fma(m30, a0, y3[i]))));
        }
    }

    /** y_k[i] += m_k·x[i] for k &lt; 4. */
    private static void fourByOne(double[] y0, double[] y1, double[] y2, double[] y3, double[] x,
                                  double m0, double m1, double m2, double m3, int length) {
        for (int i = 0; i < length; i++) {
            double a = x[i];
            y0[i] = Math.fma(m0, a, y0[i]);
            y1[i] = Math.fma(m1, a, y1[i]);
            y2[i] = Math.fma(m2, a, y2[i]);
            y3[i] = Math.fma(m3, a, y3[i]);
        }
    }

    /** y[i] += m0·x0[i] + m1·x1[i] + m2·x2[i] + m3·x3[i]. */
    private static void oneByFour(double[] y, double[] x0, double[] x1, double[] x2, double[] x3,
                                  double m0, double m1, double m2, double m3, int length) {
        for (int i = 0; i < length; i++) {
            y[i] = Math.fma(m3, x3[i], Math.fma(m2, x2[i], Math.fma(m1, x1[i], Math.fma(m0, x0[i], y[i]))));
        }
    }

    /** y[i] += m·x[i]. */
    private static void oneByOne(double[] y, double[] x, double m, int length) {
        for (int i = 0; i < length; i++) {
            y[i] = Math.fma(m, x[i], y[i]);
        }
    }
}
