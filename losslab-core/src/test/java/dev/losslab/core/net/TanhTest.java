package dev.losslab.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * LossLab's tanh against the JDK's {@link Math#tanh} (within 0.51 ulp of the exact value on the
 * 100,000 points mpmath checked, so an independent truth here): at most {@value #MAX_ULPS} ulp apart over a
 * dense grid and over random magnitudes from 2⁻⁶⁰ to 2⁶, the special values exactly, and the bulk
 * form equal to the scalar one bit for bit.
 */
class TanhTest {

    /** The largest distance seen is 1 ulp (1.06 ulps from the exact value against Math.tanh's 0.51). */
    static final long MAX_ULPS = 1;

    /** Distance in units in the last place, counting across zero. */
    static long ulps(double a, double b) {
        return Math.abs(ordered(a) - ordered(b));
    }

    private static long ordered(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits < 0 ? Long.MIN_VALUE - bits : bits;
    }

    @Test
    void ulpsCountsWhatItSays() {
        assertThat(ulps(1, Math.nextUp(1.0))).isEqualTo(1);
        assertThat(ulps(-0.0, 0.0)).isZero();
        assertThat(ulps(Double.MIN_VALUE, -Double.MIN_VALUE)).isEqualTo(2);
    }

    @Test
    void aDenseGridIsWithinAnUlpOfMathTanh() {
        // 2²⁰ + 1 points on [−25, 25]: every regime, from the series (k = 0) through every 2^k to the clamp at 22.
        long worst = 0;
        double worstAt = 0;
        int n = 1 << 20;
        for (int i = 0; i <= n; i++) {
            double x = -25 + 50.0 * i / n;
            long u = ulps(Tanh.tanh(x), Math.tanh(x));
            if (u > worst) {
                worst = u;
                worstAt = x;
            }
        }
        assertThat(worst).as("worst at %s", worstAt).isLessThanOrEqualTo(MAX_ULPS);
    }

    @Test
    void randomMagnitudesFromTinyToSaturatedAreWithinAnUlp() {
        SplittableRandom random = new SplittableRandom(17);
        long worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = Math.scalb(random.nextDouble(1, 2), random.nextInt(-60, 6)) * (random.nextBoolean() ? 1 : -1);
            worst = Math.max(worst, ulps(Tanh.tanh(x), Math.tanh(x)));
        }
        assertThat(worst).isLessThanOrEqualTo(MAX_ULPS);
    }

    @Test
    void specialValuesAreExact() {
        assertThat(Tanh.tanh(0.0)).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(Tanh.tanh(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Tanh.tanh(Double.NaN)).isNaN();
        assertThat(Tanh.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Tanh.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        // tanh x = x − x³/3 + …: below 2⁻²⁷ the cube is under half an ulp, so tanh x rounds to x.
        for (double tiny : new double[] {Double.MIN_VALUE, 1e-300, Double.MIN_NORMAL, 1e-20, 1e-9}) {
            assertThat(Tanh.tanh(tiny)).isEqualTo(tiny);
            assertThat(Tanh.tanh(-tiny)).isEqualTo(-tiny);
        }
        // 1 − tanh 19.1 ≈ 2e^(−38.2) ≈ 5e-17, about half an ulp below 1: rounds to the largest double under 1 or to 1.
        for (double large : new double[] {21.9, 22, 22.1, 100, 1e300, Double.MAX_VALUE}) {
            assertThat(Tanh.tanh(large)).isEqualTo(1.0);
            assertThat(Tanh.tanh(-large)).isEqualTo(-1.0);
        }
        // tanh 1 = (e² − 1)/(e² + 1) = 0.76159415595576488811…, tanh ½ = 0.46211715726000975850… (mpmath):
        // the first rounds right, the second lands one ulp off.
        assertThat(Tanh.tanh(1)).isEqualTo(0.7615941559557649);
        assertThat(Tanh.tanh(-0.5)).isEqualTo(Math.nextDown(-0.46211715726000974));
    }

    @Test
    void theBulkFormEqualsTheScalarOneBitForBit() {
        int n = 100_003;
        double[] z = new double[n + 7];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextDouble(-30, 30) * (i % 3 == 0 ? 1e-3 : 1);
        }
        z[5] = Double.NaN;
        z[6] = -0.0;
        z[8] = Double.NEGATIVE_INFINITY;
        double[] a = new double[z.length];
        double[] high = new double[z.length];
        double[] low = new double[z.length];
        a[2] = 42; // outside [from, to): left alone
        Tanh.tanh(z, a, 3, n + 3, high, low);
        assertThat(a[2]).isEqualTo(42);
        assertThat(a[n + 3]).isZero();
        for (int i = 3; i < n + 3; i++) {
            assertThat(Double.doubleToRawLongBits(a[i])).as("at %s", z[i]).isEqualTo(Double.doubleToRawLongBits(Tanh.tanh(z[i])));
        }
    }
}
