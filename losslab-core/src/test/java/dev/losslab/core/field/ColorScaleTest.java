package dev.losslab.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which scale a field gets, the shades it maps to, its contour levels and ticks. */
class ColorScaleTest {

    static ColorScale fitted(String surface) {
        Landscape l = Catalog.get(surface);
        return ColorScale.fit(SampledField.sample(l.surface(), l.window(), 161).values());
    }

    @ParameterizedTest(name = "{0}: log {1}")
    @CsvSource({
            "goldstein-price, true", "rosenbrock, true", "ravine, true", "beale, true",
            "bowl, false", "booth, false", "matyas, false", "himmelblau, false", "saddle, false", "ackley, false",
            "rastrigin, false", "easom, false"})
    void logWhenFMinusMinSpansMoreThanTwoDecades(String surface, boolean log) {
        assertThat(fitted(surface).log()).isEqualTo(log);
    }

    @Test
    void goldsteinPriceSpansThreeToAMillionWithAPositiveOffset() {
        ColorScale scale = fitted("goldstein-price");
        assertThat(scale.min()).isBetween(3.0, 3.2);
        assertThat(scale.max()).isGreaterThan(1e6);
        assertThat(scale.offset()).isPositive().isLessThan(scale.max() / 1000);
    }

    @Test
    void negativeValuesNeedNoSpecialCase() {
        ColorScale saddle = fitted("saddle"); // x² − y² on [-2, 2]²
        assertThat(saddle.min()).isEqualTo(-4);
        assertThat(saddle.max()).isEqualTo(4);
        assertThat(saddle.shade(-4)).isZero();
        assertThat(saddle.shade(0)).isEqualTo(128);
        assertThat(saddle.shade(4)).isEqualTo(255);
        ColorScale logOfNegatives = ColorScale.fit(new double[] {-1000, -999.9, -999.99, -999.999, -999.9999, -999.99999,
                -999.999999, -999.99999, -999.9999, -999.999, -999.99, 0});
        assertThat(logOfNegatives.log()).isTrue();
        assertThat(logOfNegatives.shade(-1000)).isZero();
        assertThat(logOfNegatives.shade(0)).isEqualTo(255);
    }

    @Test
    void linearShadesFollowTheFormula() {
        ColorScale scale = ColorScale.linear(10, 20);
        assertThat(scale.shade(10)).isZero();
        assertThat(scale.shade(20)).isEqualTo(255);
        assertThat(scale.shade(15)).isEqualTo(128); // round(127.5)
        assertThat(scale.shade(12)).isEqualTo(51);
        assertThat(scale.shade(Double.NaN)).isEqualTo(-1);
        assertThat(scale.shade(Double.POSITIVE_INFINITY)).isEqualTo(-1);
        assertThat(scale.shade(5)).as("below the range: clamped").isZero();
    }

    @Test
    void logShadesFollowTheFormula() {
        ColorScale scale = ColorScale.logarithmic(0, 999, 1); // t = log(1 + f)/log(1000)
        assertThat(scale.shade(0)).isZero();
        assertThat(scale.shade(9)).isEqualTo(85);   // 255·log 10/log 1000 = 85
        assertThat(scale.shade(99)).isEqualTo(170);
        assertThat(scale.shade(999)).isEqualTo(255);
        assertThat(scale.valueAt(1.0 / 3)).isCloseTo(9, within(1e-12));
    }

    @Test
    void linearLevelsAreEvenlySpacedStrictlyInsideTheRange() {
        double[] levels = ColorScale.linear(0, 150).levels(14);
        assertThat(levels).hasSize(14);
        for (int k = 0; k < 14; k++) {
            assertThat(levels[k]).isCloseTo(10.0 * (k + 1), within(1e-12));
        }
    }

    @Test
    void logLevelsAreGeometricInFMinusMinPlusOffset() {
        ColorScale scale = ColorScale.logarithmic(3, 3 + 1e6 - 1, 1); // f − min + δ from 1 to 10⁶
        double[] levels = scale.levels(14);
        double ratio = (levels[1] - 3 + 1) / (levels[0] - 3 + 1);
        assertThat(ratio).isCloseTo(Math.pow(1e6, 1.0 / 15), within(1e-9));
        for (int k = 1; k < levels.length; k++) {
            assertThat((levels[k] - 3 + 1) / (levels[k - 1] - 3 + 1)).isCloseTo(ratio, within(1e-9));
        }
    }

    @Test
    void aFlatFieldHasOneShadeAndNoLevels() {
        ColorScale flat = ColorScale.fit(new double[] {2, 2, 2, Double.NaN});
        assertThat(flat).isEqualTo(ColorScale.linear(2, 2));
        assertThat(flat.shade(2)).isZero();
        assertThat(flat.levels(14)).isEmpty();
        assertThat(flat.ticks()).containsExactly(new Tick(2, 0));
        assertThat(ColorScale.fit(new double[] {Double.NaN, Double.NaN})).isEqualTo(ColorScale.linear(0, 0));
    }

    @Test
    void ticksStartAtMinEndAtMaxAndAreRoundBetween() {
        List<Tick> ticks = ColorScale.linear(0.3, 890).ticks();
        assertThat(ticks.getFirst()).isEqualTo(new Tick(0.3, 0));
        assertThat(ticks.getLast()).isEqualTo(new Tick(890, 255));
        assertThat(ticks.subList(1, ticks.size() - 1)).extracting(Tick::value).containsExactly(200.0, 400.0, 600.0, 800.0);
        List<Tick> logTicks = ColorScale.logarithmic(3, 1e6, 20).ticks();
        assertThat(logTicks).extracting(Tick::value).contains(100.0, 1000.0, 10000.0, 100000.0);
        assertThat(logTicks).extracting(Tick::shade).isSorted();
        assertThat(ColorScale.linear(0, 0.6).ticks()).extracting(Tick::value).contains(0.1, 0.2, 0.3);
    }
}
