package dev.losslab.core.expr;

/**
 * The few operations a formula needs that {@link Math} lacks. Package-private and static: compiled
 * formulas call them (from hidden classes in this package), and so do the interpreter and constant
 * folding, so all three compute bit-for-bit the same value.
 */
final class MoreMath {

    private MoreMath() {}

    /** 1/(1 + e^(−u)), written so that neither branch overflows. */
    static double sigmoid(double u) {
        if (u >= 0) {
            return 1 / (1 + Math.exp(-u));
        }
        double z = Math.exp(u);
        return z / (1 + z);
    }

    /** log(1 + e^u) without overflow: u + log1p(e^(−u)) for u > 0. */
    static double softplus(double u) {
        return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
    }

    /**
     * {@code c >= 0 ? a : b}: the branch a kink takes. NaN c takes b (the value is NaN there
     * anyway).
     */
    static double pick(double c, double a, double b) {
        return c >= 0 ? a : b;
    }
}
