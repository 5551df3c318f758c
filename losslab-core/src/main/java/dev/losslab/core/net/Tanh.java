package dev.losslab.core.net;

/**
 * tanh x to within an ulp of {@link Math#tanh} (measured by {@code TanhTest}; 1.06 ulp at most from
 * the exact value on 100,000 points checked with mpmath, against Math.tanh's 0.51), in plain
 * arithmetic the JIT vectorizes: the bulk form over a layer costs about 1.8 ns a value where
 * {@code Math.tanh} costs about 9.5 (JDK 25, x86 with AVX-512), and that was half of a small
 * network's training step. The scalar form is no faster than Math.tanh; it is here so that one
 * value and a layer of values agree bit for bit.
 *
 * <p>With a = |x| and t = e^(−2a) − 1 ∈ (−1, 0]:
 * <pre>
 *   tanh a = (1 − e^(−2a)) / (1 + e^(−2a)) = −t / (2 + t),     tanh x = sign(x)·tanh a
 * </pre>
 * t is expm1, not exp minus one: for small a, e^(−2a) is near 1 and subtracting 1 would cancel
 * its leading bits. For y = −2a ∈ [−44, 0], by range reduction as fdlibm does it:
 * <pre>
 *   y = k·ln2 + r,  k = round(y/ln2) ∈ [−64, 0],  |r| ≤ ln2/2   (k·ln2 in two parts, the high one exact)
 *   c = e^r − 1 − r = r²·(1/2! + r/3! + … + r¹¹/13!)           (the next term is below 1e-17·|r|)
 *   t = e^y − 1 = 2^k·(1 + r + c) − 1 = (2^k − 1) + 2^k·r + 2^k·c
 * </pre>
 * (2^k − 1 and 2^k·r are exact), summed into hi + lo with lo the rounding error hi left out.
 * Then −t/(2 + t) as the quotient q of the leading parts with one Newton correction for q's exact
 * remainder (by fma) and for the low parts: q + (−hi − q·d − lo − q·d_lo)/d, d = 2 + hi.
 * a is clamped to 22, where tanh already rounds to 1 (1 − tanh a ≈ 2e^(−2a) &lt; 2e^(−44)); NaN
 * stays NaN through every step; ±0 keeps its sign through sign(x).
 *
 * <p>The bulk form runs the steps as separate loops (fission): C2 vectorizes a loop only after
 * unrolling it, and it does not unroll a body as large as the whole formula, which then ran scalar
 * at about 11 ns a value. Both forms compose the same helper methods, so they agree bit for bit.
 */
final class Tanh {

    /**
     * ln 2 as fdlibm splits it: the high part has 32 significant bits, so k·LN2_HI is exact for
     * |k| &lt; 2²¹ (tanh needs 64, {@link Exp} 1076).
     */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    /** From here on tanh rounds to ±1. */
    private static final double SATURATED = 22;
    /** k + 1.5·2⁵² holds the integer k in its low mantissa bits, two's complement. */
    private static final double INTEGER_SHIFTER = 0x1.8p52;

    private Tanh() {}

    /** tanh x. */
    static double tanh(double x) {
        double y = exponent(x);
        double k = multipleOfLn2(y);
        double r = reduced(y, k);
        double c = expm1MinusR(r);
        double s = powerOfTwo(k);
        double hi = expm1High(s, r, c);
        return quotient(hi, expm1Low(s, r, c, hi)) * Math.signum(x);
    }

    /**
     * a[i] = tanh z[i] for i in [from, to), equal bit for bit to {@link #tanh(double)}. Every array
     * is read and written at the same index i: with that, the JIT vectorizes each loop even though
     * it cannot tell whether the arrays are distinct (one scratch array at two offsets, it did not).
     *
     * @param high scratch, at least {@code to} long, overwritten
     * @param low  scratch, at least {@code to} long, overwritten
     */
    static void tanh(double[] z, double[] a, int from, int to, double[] high, double[] low) {
        // a holds k, then 2^k, then tanh; high holds r, then hi; low holds c, then lo.
        for (int i = from; i < to; i++) {
            double y = exponent(z[i]);
            double k = multipleOfLn2(y);
            a[i] = k;
            high[i] = reduced(y, k);
        }
        for (int i = from; i < to; i++) {
            low[i] = expm1MinusR(high[i]);
        }
        for (int i = from; i < to; i++) {
            a[i] = powerOfTwo(a[i]);
        }
        for (int i = from; i < to; i++) {
            double s = a[i];
            double r = high[i];
            double c = low[i];
            double hi = expm1High(s, r, c);
            high[i] = hi;
            low[i] = expm1Low(s, r, c, hi);
        }
        for (int i = from; i < to; i++) {
            a[i] = quotient(high[i], low[i]) * Math.signum(z[i]);
        }
    }

    /** y = −2·min(|x|, 22). */
    private static double exponent(double x) {
        return -2 * Math.min(Math.abs(x), SATURATED);
    }

    /** k = round(y/ln2). */
    static double multipleOfLn2(double y) {
        return Math.rint(y * INV_LN2);
    }

    /** r = y − k·ln2. */
    static double reduced(double y, double k) {
        return (y - k * LN2_HI) - k * LN2_LO;
    }

    /** c = e^r − 1 − r = r²·(1/2! + r/3! + … + r¹¹/13!), Horner with fused multiply-adds. */
    static double expm1MinusR(double r) {
        double p = Math.fma(r, 1.0 / 6227020800L, 1.0 / 479001600);
        p = Math.fma(r, p, 1.0 / 39916800);
        p = Math.fma(r, p, 1.0 / 3628800);
        p = Math.fma(r, p, 1.0 / 362880);
        p = Math.fma(r, p, 1.0 / 40320);
        p = Math.fma(r, p, 1.0 / 5040);
        p = Math.fma(r, p, 1.0 / 720);
        p = Math.fma(r, p, 1.0 / 120);
        p = Math.fma(r, p, 1.0 / 24);
        p = Math.fma(r, p, 1.0 / 6);
        p = Math.fma(r, p, 1.0 / 2);
        return r * r * p;
    }

    /**
     * 2^k for an integer k in [−1022, 1023] (tanh needs [−64, 0]), by its bits: k's low bits plus the
     * bias 1023, shifted into the exponent field.
     */
    static double powerOfTwo(double k) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(k + INTEGER_SHIFTER) + 1023) << 52);
    }

    /** hi of t = (s − 1) + s·r + s·c. */
    private static double expm1High(double s, double r, double c) {
        double u = s - 1;
        double v = s * r;
        double sum = u + v;
        double rest = (u - sum) + v + s * c; // (u − sum) + v is the sum's rounding error, exact as |u| ≥ |v| or u = 0
        return sum + rest;
    }

    /** lo of t: what hi left out, |lo| ≤ half an ulp of hi. */
    private static double expm1Low(double s, double r, double c, double hi) {
        double u = s - 1;
        double v = s * r;
        double sum = u + v;
        double rest = (u - sum) + v + s * c;
        return (sum - hi) + rest; // exact: |rest| ≤ |sum|
    }

    /** −t/(2 + t) for t = hi + lo ∈ (−1, 0]: tanh a ≥ 0. */
    private static double quotient(double hi, double lo) {
        double d = 2 + hi;
        double dlo = (2 - d) + hi + lo; // 2 + hi's rounding error (exact, |hi| < 2), plus lo
        double inverse = 1 / d;
        double q = -hi * inverse;
        double remainder = Math.fma(-q, d, -hi); // −hi − q·d, exactly
        return q + (remainder - lo - q * dlo) * inverse;
    }
}
