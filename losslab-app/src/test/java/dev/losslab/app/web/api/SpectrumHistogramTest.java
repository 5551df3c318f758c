package dev.losslab.app.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpectrumHistogramTest {

    @Test
    void theSymmetricLogAxisIsInvertedByItsLambda() {
        // s(λ) = sign(λ)·log₁₀(1 + |λ|/c): with c = 0.1, λ = 9.9 is s = 2 and λ = −0.9 is s = −1
        assertThat(SpectrumHistogram.s(9.9, 0.1)).isCloseTo(2, within(1e-15));
        assertThat(SpectrumHistogram.s(-0.9, 0.1)).isCloseTo(-1, within(1e-15));
        assertThat(SpectrumHistogram.s(0, 0.1)).isZero();
        for (double lambda : new double[] {-1234.5, -1e-3, 0, 2e-7, 42}) {
            assertThat(SpectrumHistogram.lambda(SpectrumHistogram.s(lambda, 1e-4), 1e-4))
                    .isCloseTo(lambda, within(1e-12 * Math.max(1, Math.abs(lambda))));
        }
    }

    @Test
    void everyEigenvalueIsCountedOnceOnItsSideOfZero() {
        double tolerance = 1e-3;
        double[] ascending = {-5, -0.2, -5e-4, 0, 1e-4, 9e-4, 0.5, 3, 3, 80};
        SpectrumHistogram h = SpectrumHistogram.of(ascending, tolerance);
        assertThat(h.linear()).isEqualTo(tolerance);
        int negative = 0;
        int zero = 0;
        int positive = 0;
        for (SpectrumHistogram.Bin bin : h.bins()) {
            negative += bin.negative();
            zero += bin.zero();
            positive += bin.positive();
            // 0 is an edge: no bin reaches across it
            assertThat(bin.from() >= 0 || bin.to() <= 0).as("bin %s", bin).isTrue();
            assertThat(bin.to()).isGreaterThan(bin.from());
        }
        assertThat(negative).isEqualTo(2);
        assertThat(zero).isEqualTo(4);
        assertThat(positive).isEqualTo(4);
        assertThat(h.bins().getFirst().from()).isLessThanOrEqualTo(-5);
        assertThat(h.bins().getLast().to()).isGreaterThanOrEqualTo(80);
        // the bins follow one another
        for (int k = 1; k < h.bins().size(); k++) {
            assertThat(h.bins().get(k).from()).isCloseTo(h.bins().get(k - 1).to(), within(1e-9));
        }
    }

    @Test
    void withoutAToleranceTheLinearWidthIsAMillionthOfTheLargestMagnitude() {
        // the most negative eigenvalue is the largest in size
        assertThat(SpectrumHistogram.of(new double[] {-200, 1, 50}, 0).linear()).isCloseTo(2e-4, within(1e-18));
        // a spectrum of zeros alone still gets an axis, and its bins count every eigenvalue as flat
        SpectrumHistogram zeros = SpectrumHistogram.of(new double[] {0, 0, 0}, 0);
        assertThat(zeros.linear()).isEqualTo(1);
        assertThat(zeros.bins().stream().mapToInt(SpectrumHistogram.Bin::zero).sum()).isEqualTo(3);
        assertThat(zeros.bins().stream().mapToInt(SpectrumHistogram.Bin::count).sum()).isEqualTo(3);
    }
}
