package dev.losslab.core.net;

import static dev.losslab.core.net.TanhTest.ulps;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vectorizable e^y (y ≤ 0) against the JDK's {@link Math#exp} (correctly rounded to within an
 * ulp by its specification, so an independent truth here): within {@value #MAX_ULPS} ulp over every
 * regime from y = 0 to the underflow to 0, through the subnormals; the bulk form equal to the
 * scalar one bit for bit.
 */
class ExpTest {

    static final long MAX_ULPS = 1;

    @Test
    void aDenseGridFromZeroToTheUnderflowIsWithinAnUlpOfMathExp() {
        // 2²⁰ + 1 points on [−760, 0]: every 2^k, the subnormals below −708.4 and 0 below −745.1.
        long worst = 0;
        double worstAt = 0;
        int n = 1 << 20;
        for (int i = 0; i <= n; i++) {
            double y = -760.0 * i / n;
            long u = ulps(Exp.exp(y), Math.exp(y));
            if (u > worst) {
                worst = u;
                worstAt = y;
            }
        }
        assertThat(worst).as("worst at %s", worstAt).isLessThanOrEqualTo(MAX_ULPS);
    }

    @Test
    void smallMagnitudesAreWithinAnUlp() {
        SplittableRandom random = new SplittableRandom(3);
        long worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double y = -Math.scalb(random.nextDouble(1, 2), random.nextInt(-60, 10));
            worst = Math.max(worst, ulps(Exp.exp(y), Math.exp(y)));
        }
        assertThat(worst).isLessThanOrEqualTo(MAX_ULPS);
    }

    @Test
    void specialValues() {
        assertThat(Exp.exp(0)).isEqualTo(1.0);
        assertThat(Exp.exp(-0.0)).isEqualTo(1.0);
        assertThat(Exp.exp(-1)).isEqualTo(Math.exp(-1));
        assertThat(Exp.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Exp.exp(-745.2)).isEqualTo(0.0);
        assertThat(Exp.exp(-745)).isEqualTo(Double.MIN_VALUE); // e^−745 ≈ 4.9e−324 · 1.00…: the smallest subnormal
        assertThat(Exp.exp(Double.NaN)).isNaN();
    }

    @Test
    void theBulkFormEqualsTheScalarOneBitForBit() {
        // Long enough, and repeated, for C2 to compile the vectorized loops the test is about.
        SplittableRandom random = new SplittableRandom(8);
        int n = 100_003;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 1000 == 0 ? Double.NaN : -random.nextDouble(0, 800) * (i % 3 == 0 ? 1e-3 : 1);
        }
        y[7] = Double.NEGATIVE_INFINITY;
        y[9] = -0.0;
        double[] e = new double[n];
        for (int repeat = 0; repeat < 50; repeat++) {
            Exp.exp(y, e, n, new double[n], new double[n]);
        }
        for (int i = 0; i < n; i++) {
            assertThat(Double.doubleToLongBits(e[i])).as("e^%s", y[i]).isEqualTo(Double.doubleToLongBits(Exp.exp(y[i])));
        }
    }
}
