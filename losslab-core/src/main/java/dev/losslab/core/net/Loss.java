package dev.losslab.core.net;

import java.util.Arrays;
import java.util.Locale;

/**
 * A training loss as {@code torch.nn} computes it with {@code reduction='mean'}: per row from the
 * network's outputs z (K of them) and the row's label, then averaged. {@link #row} gives one row's
 * unreduced loss and ∂(that loss)/∂z; the network divides both by the mean's denominator
 * ({@link #denominator}).
 */
public enum Loss {

    /**
     * {@code MSELoss}: Σₖ (zₖ − tₖ)² / (rows·K), the mean over every element. The target t is the
     * label itself for one output (a real value, or a class code 0/1), and the label's one-hot
     * vector for K outputs (a class code). ∂/∂zₖ = 2(zₖ − tₖ).
     */
    MSE {
        double row(double[] z, int from, int outputs, double label, double[] delta) {
            double sum = 0;
            for (int k = 0; k < outputs; k++) {
                double target = outputs == 1 ? label : (k == (int) label ? 1 : 0);
                double r = z[from + k] - target;
                sum += r * r;
                delta[k] = 2 * r;
            }
            return sum;
        }

        /** ∂²ℓ/∂z² = 2·I. */
        void curvatureTimes(double[] z, int from, int outputs, double label, double[] rz, double[] out) {
            for (int k = 0; k < outputs; k++) {
                out[k] = 2 * rz[k];
            }
        }
    },
    /**
     * {@code BCEWithLogitsLoss}: one logit z, label y ∈ {0, 1}:
     * (1 − y)·z + m + log(e^(−m) + e^(−z−m)), m = max(−z, 0), torch's overflow-free form of
     * −y·log σ(z) − (1 − y)·log(1 − σ(z)). ∂/∂z = σ(z) − y.
     */
    BCE {
        double row(double[] z, int from, int outputs, double label, double[] delta) {
            double x = z[from];
            double m = Math.max(-x, 0);
            delta[0] = 1 / (1 + Math.exp(-x)) - label;
            return (1 - label) * x + m + Math.log(Math.exp(-m) + Math.exp(-x - m));
        }

        /** ∂²ℓ/∂z² = σ(z)(1 − σ(z)). */
        void curvatureTimes(double[] z, int from, int outputs, double label, double[] rz, double[] out) {
            double s = 1 / (1 + Math.exp(-z[from]));
            out[0] = s * (1 - s) * rz[0];
        }
    },
    /**
     * {@code CrossEntropyLoss} on K logits with the class code c: logsumexp(z) − z_c, through
     * log_softmax (z − max z first). ∂/∂zₖ = softmax(z)ₖ − [k = c].
     */
    CE {
        double row(double[] z, int from, int outputs, double label, double[] delta) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < outputs; k++) {
                max = Math.max(max, z[from + k]);
            }
            double sum = 0;
            for (int k = 0; k < outputs; k++) {
                double e = Math.exp(z[from + k] - max);
                delta[k] = e;
                sum += e;
            }
            int c = (int) label;
            for (int k = 0; k < outputs; k++) {
                delta[k] = delta[k] / sum - (k == c ? 1 : 0);
            }
            return Math.log(sum) - (z[from + c] - max);
        }

        /**
         * The same formulas over the block's columns, each step one loop over the rows that C2
         * vectorizes, the exponentials by {@link Exp} (within an ulp of Math.exp, which the row form
         * uses): m = max_k z_k, e_k = e^(z_k − m), s = Σ_k e_k (k in order), ℓ = log s − (z_c − m),
         * ∂ℓ/∂z_k = e_k/s − [k = c].
         */
        @Override
        void block(double[][] z, int outputs, double[] labels, int n, double scale, double[][] delta, double[] losses,
                   double[][] scratch) {
            double[] max = scratch[0];
            double[] sum = scratch[1];
            System.arraycopy(z[0], 0, max, 0, n);
            for (int k = 1; k < outputs; k++) {
                double[] zk = z[k];
                for (int i = 0; i < n; i++) {
                    max[i] = Math.max(max[i], zk[i]);
                }
            }
            Arrays.fill(sum, 0, n, 0);
            for (int k = 0; k < outputs; k++) {
                double[] zk = z[k];
                double[] dk = delta[k];
                for (int i = 0; i < n; i++) {
                    dk[i] = zk[i] - max[i];
                }
                Exp.exp(dk, dk, n, scratch[2], scratch[3]);
                for (int i = 0; i < n; i++) {
                    sum[i] += dk[i];
                }
            }
            for (int i = 0; i < n; i++) {
                losses[i] = Math.log(sum[i]) - (z[(int) labels[i]][i] - max[i]);
            }
            for (int k = 0; k < outputs; k++) {
                double[] dk = delta[k];
                for (int i = 0; i < n; i++) {
                    dk[i] /= sum[i];
                }
            }
            for (int i = 0; i < n; i++) {
                delta[(int) labels[i]][i] -= 1;
            }
            for (int k = 0; k < outputs; k++) {
                double[] dk = delta[k];
                for (int i = 0; i < n; i++) {
                    dk[i] *= scale;
                }
            }
        }

        /** ∂²ℓ/∂z² = diag(p) − p·pᵀ with p = softmax(z): (H·r)ₖ = pₖ·(rₖ − Σⱼ pⱼ·rⱼ). */
        void curvatureTimes(double[] z, int from, int outputs, double label, double[] rz, double[] out) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < outputs; k++) {
                max = Math.max(max, z[from + k]);
            }
            double sum = 0;
            for (int k = 0; k < outputs; k++) {
                out[k] = Math.exp(z[from + k] - max);
                sum += out[k];
            }
            double mean = 0;
            for (int k = 0; k < outputs; k++) {
                out[k] /= sum;
                mean += out[k] * rz[k];
            }
            for (int k = 0; k < outputs; k++) {
                out[k] *= rz[k] - mean;
            }
        }
    };

    /**
     * One row's loss before the mean, and its derivative by each output in {@code delta[0 … K−1]}.
     *
     * @param z the outputs, K of them from {@code from}
     */
    abstract double row(double[] z, int from, int outputs, double label, double[] delta);

    /** Arrays of scratch {@link #block} needs. */
    static final int BLOCK_SCRATCH = 4;

    /**
     * The rows of a block at once, the outputs as columns (z[k][i] for output k of row i &lt; n):
     * ℓ_i into losses[i], and scale·∂ℓ_i/∂z_k into delta[k][i]. Row by row through {@link #row} here; a
     * loss overrides it with loops over the rows that vectorize.
     *
     * @param scratch {@link #BLOCK_SCRATCH} arrays of at least max(n, outputs) values, overwritten
     */
    void block(double[][] z, int outputs, double[] labels, int n, double scale, double[][] delta, double[] losses,
               double[][] scratch) {
        double[] row = scratch[0];
        double[] rowDelta = scratch[1];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < outputs; k++) {
                row[k] = z[k][i];
            }
            losses[i] = row(row, 0, outputs, labels[i], rowDelta);
            for (int k = 0; k < outputs; k++) {
                delta[k][i] = rowDelta[k] * scale;
            }
        }
    }

    /**
     * One row's loss's second derivative by the outputs times a vector: (∂²ℓ/∂z²)·rz into
     * {@code out[0 … K−1]}, before the mean's denominator.
     */
    abstract void curvatureTimes(double[] z, int from, int outputs, double label, double[] rz, double[] out);

    /** What the sum of the rows' losses is divided by: rows·K for MSE's mean over every element, rows otherwise. */
    double denominator(int rows, int outputs) {
        return this == MSE ? (double) rows * outputs : rows;
    }

    /** The name users type: {@code mse}, {@code bce}, {@code ce}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The row is classified right: its {@link #predictedClass} is its label. */
    boolean correct(double[] z, int from, int outputs, double label) {
        return predictedClass(z, from, outputs) == label;
    }

    /**
     * The class the outputs predict: for one output, class 1 when it is above
     * {@link #oneOutputThreshold}, else 0; for K outputs, the largest one's (the first of equals).
     */
    int predictedClass(double[] z, int from, int outputs) {
        if (outputs == 1) {
            return z[from] > oneOutputThreshold() ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < outputs; k++) {
            if (z[from + k] > z[from + best]) {
                best = k;
            }
        }
        return best;
    }

    /** Where one output turns from class 0 to 1: 0 for a logit (σ(z) = ½), ½ for mse on 0/1 labels. */
    double oneOutputThreshold() {
        return this == MSE ? 0.5 : 0;
    }
}
