package dev.losslab.core.net;

import java.util.Locale;

/**
 * The non-linearity between two {@code Linear} layers, as {@code torch.nn} computes it, with its
 * derivative for backpropagation. Each formula is the one torch's CPU kernel writes, so the two
 * programs differ only by the last bits of {@code tanh}, {@code exp} and {@code erf}.
 */
public enum Activation {

    /**
     * tanh z ({@link Tanh}: within an ulp of Math.tanh, and vectorized over a layer); derivative
     * 1 − tanh² z (torch's tanh_backward reads the output).
     */
    TANH {
        double apply(double z) {
            return Tanh.tanh(z);
        }

        double derivative(double z, double a) {
            return 1 - a * a;
        }

        /** d(1 − a²)/dz = −2a·(1 − a²). */
        double secondDerivative(double z, double a) {
            return -2 * a * (1 - a * a);
        }

        @Override
        void applyAll(double[] z, double[] a, int from, int to, double[] high, double[] low) {
            Tanh.tanh(z, a, from, to, high, low);
        }
    },
    /** max(z, 0); derivative 1 where z &gt; 0, else 0 (torch's threshold_backward: 0 at z = 0). */
    RELU {
        double apply(double z) {
            return z > 0 ? z : 0;
        }

        double derivative(double z, double a) {
            return z > 0 ? 1 : 0;
        }

        /** 0 everywhere (torch's double backward through threshold_backward gives 0 too, at z = 0 included). */
        double secondDerivative(double z, double a) {
            return 0;
        }
    },
    /** σ(z) = 1/(1 + e^(−z)); derivative σ(1 − σ). */
    SIGMOID {
        double apply(double z) {
            return 1 / (1 + Math.exp(-z));
        }

        double derivative(double z, double a) {
            return a * (1 - a);
        }

        /** d(σ(1 − σ))/dz = σ(1 − σ)(1 − 2σ). */
        double secondDerivative(double z, double a) {
            return a * (1 - a) * (1 - 2 * a);
        }
    },
    /**
     * z·Φ(z) = z·(1 + erf(z/√2))/2, torch's exact {@code GELU()} (approximate='none'), not the tanh
     * approximation; derivative Φ(z) + z·φ(z), φ(z) = e^(−z²/2)/√(2π), as torch's gelu_backward.
     */
    GELU {
        double apply(double z) {
            return z * 0.5 * (1 + Erf.erf(z * SQRT1_2));
        }

        double derivative(double z, double a) {
            double cdf = 0.5 * (1 + Erf.erf(z * SQRT1_2));
            double pdf = Math.exp(-0.5 * z * z) * INV_SQRT_2PI;
            return cdf + z * pdf;
        }

        /** d(Φ + z·φ)/dz = φ + φ − z²·φ = φ(z)·(2 − z²), since φ'(z) = −z·φ(z). */
        double secondDerivative(double z, double a) {
            return Math.exp(-0.5 * z * z) * INV_SQRT_2PI * (2 - z * z);
        }
    };

    private static final double SQRT1_2 = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    /** a = act(z). */
    abstract double apply(double z);

    /** d act/dz at z, given also a = act(z) (cheaper for tanh and sigmoid). */
    abstract double derivative(double z, double a);

    /** d² act/dz² at z, given also a = act(z): what Hessian-vector products need. */
    abstract double secondDerivative(double z, double a);

    /**
     * a[i] = act(z[i]) for i in [from, to): a layer of a batch at once, equal value by value to
     * {@link #apply}. tanh overrides it with loops the JIT vectorizes.
     *
     * @param high scratch of at least {@code to} values, overwritten (or unused)
     * @param low  the same
     */
    void applyAll(double[] z, double[] a, int from, int to, double[] high, double[] low) {
        for (int i = from; i < to; i++) {
            a[i] = apply(z[i]);
        }
    }

    /** delta[i] ·= act'(z[i]) given a[i] = act(z[i]), for i in [from, to): backpropagation through a layer. */
    void multiplyByDerivative(double[] delta, double[] z, double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            delta[i] *= derivative(z[i], a[i]);
        }
    }

    /** The name users type: {@code tanh}, {@code relu}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
