package dev.losslab.core.net;

/**
 * e^y for y ≤ 0 over an array, in plain arithmetic the JIT vectorizes: softmax's exponentials over
 * a block of rows, where {@link Math#exp} one value at a time was a fifth of a digits step (it is an
 * intrinsic, but a scalar one). Within an ulp of Math.exp ({@code ExpTest}).
 *
 * <p>By {@link Tanh}'s range reduction (one source for both), with y clamped to [−746, 0] (e^−746
 * is below half the smallest subnormal, so it rounds to 0 as e^y does further down):
 * <pre>
 *   y = k·ln2 + r,  k = round(y/ln2) ∈ [−1076, 0],  |r| ≤ ln2/2
 *   e^y = 2^k·(1 + (r + c)),  c = e^r − 1 − r
 * </pre>
 * 2^k is applied as 2^k₁·2^k₂ with k₁ = round(k/2), k₂ = k − k₁, both in [−538, 0] so each is a
 * normal power of two: the first product is exact and the second rounds once, into the subnormals
 * where e^y lies there. NaN stays NaN (Math.max and the arithmetic keep it).
 */
final class Exp {

    /** Below this e^y rounds to 0. */
    private static final double UNDERFLOW = -746;

    private Exp() {}

    /** e^y for y ≤ 0 (y > 0 is not this method's: it is clamped to 0 and gives 1). */
    static double exp(double y) {
        double x = clamped(y);
        double k = Tanh.multipleOfLn2(x);
        double r = Tanh.reduced(x, k);
        double half = Math.rint(k * 0.5);
        return scaled(r, Tanh.expm1MinusR(r), half, k - half);
    }

    /**
     * e[i] = exp(y[i]) for i &lt; n, equal bit for bit to {@link #exp(double)}, as loops that each
     * read and write their arrays at the same index (what lets C2 vectorize them) and are short
     * enough for C2 to unroll.
     *
     * @param high scratch of at least n values, overwritten
     * @param low  the same
     */
    static void exp(double[] y, double[] e, int n, double[] high, double[] low) {
        // high holds r, then 1 + (r + c); e holds k, then 2^k₂, then the result; low holds 2^k₁.
        for (int i = 0; i < n; i++) {
            double x = clamped(y[i]);
            double k = Tanh.multipleOfLn2(x);
            high[i] = Tanh.reduced(x, k);
            e[i] = k;
        }
        for (int i = 0; i < n; i++) {
            double k = e[i];
            double half = Math.rint(k * 0.5);
            low[i] = Tanh.powerOfTwo(half);
            e[i] = Tanh.powerOfTwo(k - half);
        }
        for (int i = 0; i < n; i++) {
            double r = high[i];
            high[i] = 1 + (r + Tanh.expm1MinusR(r));
        }
        for (int i = 0; i < n; i++) {
            e[i] = high[i] * low[i] * e[i];
        }
    }

    private static double clamped(double y) {
        return Math.max(Math.min(y, 0), UNDERFLOW);
    }

    /** (1 + (r + c))·2^k₁·2^k₂, left to right. */
    private static double scaled(double r, double c, double k1, double k2) {
        return (1 + (r + c)) * Tanh.powerOfTwo(k1) * Tanh.powerOfTwo(k2);
    }
}
