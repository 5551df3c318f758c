package dev.losslab.core.data;

import dev.losslab.core.surface.MinibatchSurface;

/**
 * Logistic regression with two weights and no bias, as a surface in the weights: the mean binary
 * cross-entropy f(w₁, w₂) = (1/n)·Σᵢ [log(1 + e^{zᵢ}) − yᵢ·zᵢ] with zᵢ = w₁·x₁ᵢ + w₂·x₂ᵢ and
 * yᵢ ∈ {0, 1} (PyTorch's {@code BCEWithLogitsLoss}, mean reduction); x = w₁ and y = w₂ on the
 * lab's axes. With p = σ(z) = 1/(1 + e^{−z}):
 * <pre>
 *   ∇f  = (1/n)·Σᵢ (pᵢ − yᵢ)·(x₁ᵢ, x₂ᵢ)
 *   ∇²f = (1/n)·Σᵢ pᵢ(1 − pᵢ)·(x₁ᵢ, x₂ᵢ)ᵀ(x₁ᵢ, x₂ᵢ)  =  XᵀSX/n,  S = diag(p(1 − p))
 * </pre>
 * log(1 + e^z) is computed as max(z, 0) + log1p(e^{−|z|}), and σ from the same e^{−|z|}, so neither
 * overflows for any z. Each evaluation sums over all n examples; a minibatch's gradient over its B.
 */
public final class LogisticPair implements MinibatchSurface {

    private final double[] x1;
    private final double[] x2;
    private final double[] y;

    /** @param y each example's label, 0 or 1 */
    public LogisticPair(double[] x1, double[] x2, double[] y) {
        if (x1.length != y.length || x2.length != y.length || y.length == 0) {
            throw new IllegalArgumentException("x1, x2 and y need the same positive length");
        }
        for (double label : y) {
            if (label != 0 && label != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1, got " + label);
            }
        }
        this.x1 = x1.clone();
        this.x2 = x2.clone();
        this.y = y.clone();
    }

    @Override
    public int examples() {
        return y.length;
    }

    /** A sum over every example: an exp and a log1p each. */
    @Override
    public long evaluationCost() {
        return y.length;
    }

    @Override
    public void valueAndGradient(double[] points, int n, double[] values, double[] gradients) {
        int m = y.length;
        for (int i = 0; i < n; i++) {
            double w1 = points[i];
            double w2 = points[n + i];
            double f = 0;
            double g1 = 0;
            double g2 = 0;
            for (int k = 0; k < m; k++) {
                double z = w1 * x1[k] + w2 * x2[k];
                double e = Math.exp(-Math.abs(z));
                f += Math.max(z, 0) + Math.log1p(e) - y[k] * z;
                double residual = sigmoid(z, e) - y[k];
                g1 += residual * x1[k];
                g2 += residual * x2[k];
            }
            values[i] = f / m;
            gradients[i] = g1 / m;
            gradients[n + i] = g2 / m;
        }
    }

    @Override
    public void hessian(double[] points, int n, double[] hessians) {
        int m = y.length;
        for (int i = 0; i < n; i++) {
            double w1 = points[i];
            double w2 = points[n + i];
            double h11 = 0;
            double h12 = 0;
            double h22 = 0;
            for (int k = 0; k < m; k++) {
                double z = w1 * x1[k] + w2 * x2[k];
                double p = sigmoid(z, Math.exp(-Math.abs(z)));
                double s = p * (1 - p);
                h11 += s * x1[k] * x1[k];
                h12 += s * x1[k] * x2[k];
                h22 += s * x2[k] * x2[k];
            }
            hessians[i] = h11 / m;
            hessians[n + i] = h12 / m;
            hessians[2 * n + i] = h22 / m;
        }
    }

    @Override
    public void batchGradient(double[] points, int n, int i, int[] rows, int from, int count, double[] gradients) {
        double w1 = points[i];
        double w2 = points[n + i];
        double g1 = 0;
        double g2 = 0;
        for (int k = from; k < from + count; k++) {
            int r = rows[k];
            double z = w1 * x1[r] + w2 * x2[r];
            double residual = sigmoid(z, Math.exp(-Math.abs(z))) - y[r];
            g1 += residual * x1[r];
            g2 += residual * x2[r];
        }
        gradients[i] = g1 / count;
        gradients[n + i] = g2 / count;
    }

    /** σ(z) from e = e^{−|z|}: 1/(1 + e) for z ≥ 0, e/(1 + e) below, so that it never overflows. */
    private static double sigmoid(double z, double e) {
        return z >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /**
     * Whether the weights can grow without bound while f falls to 0: when some w makes every
     * (2yᵢ − 1)·(w·xᵢ) &gt; 0, i.e. the classes are separated by a line through the origin. Then f
     * has no minimum. In 2-D this is exact and cheap: the vectors vᵢ = (2yᵢ − 1)·xᵢ (those not zero)
     * all lie in an open half-plane iff their directions, sorted by angle, leave a gap wider than π.
     */
    public boolean separable() {
        double[] angles = new double[y.length];
        int count = 0;
        for (int k = 0; k < y.length; k++) {
            double sign = 2 * y[k] - 1;
            double a = sign * x1[k];
            double b = sign * x2[k];
            if (a != 0 || b != 0) {
                angles[count++] = Math.atan2(b, a);
            }
        }
        if (count == 0) {
            return false;
        }
        double[] sorted = java.util.Arrays.copyOf(angles, count);
        java.util.Arrays.sort(sorted);
        double widest = sorted[0] + 2 * Math.PI - sorted[count - 1];
        for (int k = 1; k < count; k++) {
            widest = Math.max(widest, sorted[k] - sorted[k - 1]);
        }
        return widest > Math.PI;
    }
}
