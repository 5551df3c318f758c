package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.Landscapes;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Quadratic;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Adam's first update, worked by hand on the bowl f = x²/2 + 5y² (Quadratic(1, 10)) from (1, 1),
 * where g = ∇f = (1, 10). At t = 1, m₁ = (1 − β₁)·g and v₁ = (1 − β₂)·g², so
 * <pre>
 *   with the corrections   Δ = −lr/(1 − β₁) · m₁ / (√v₁/√(1 − β₂) + ε) = −lr·g/(|g| + ε)
 *   without them           Δ = −lr · m₁ / (√v₁ + ε)                   = −lr·(1 − β₁)·g/(√(1 − β₂)·|g| + ε)
 * </pre>
 * Tolerance 1e-12 absolute where the value is a few operations on numbers of size 1; ratios that
 * leave ε out hold to 1e-6 (ε/(√(1 − β₂)·|g|) ≈ 3e-7 here).
 */
class AdamFirstStepTest {

    /** The bowl with an adaptive lr (0.1) unlike its gradient-descent lr (0.2), to see which is used. */
    static final Landscape BOWL = new Landscape("bowl", "bowl", "0.5*x^2 + 5*y^2", "", new Quadratic(1, 10),
            Window.of(-4, 4, -3, 3), Vec2.of(1, 1), 0.2, 0.1, List.of());
    static final Vec2 FROM = Vec2.of(1, 1);

    @Test
    void correctedItMovesLrPerCoordinateUncorrectedAbout316TimesThat() {
        AdamFirstStep s = AdamFirstStep.on(BOWL, FROM, Map.of());
        // Δ = −0.1·(1/(1 + 1e-8), 10/(10 + 1e-8)): 0.1 per coordinate, less ε's share
        assertThat(s.withCorrection().move().x()).isCloseTo(-0.1 / (1 + 1e-8), within(1e-12));
        assertThat(s.withCorrection().move().y()).isCloseTo(-1 / (10 + 1e-8), within(1e-12));
        assertThat(s.withCorrection().to().x()).isCloseTo(0.900000001, within(1e-12));
        assertThat(s.withCorrection().to().y()).isCloseTo(0.9000000001, within(1e-12));
        assertThat(s.withCorrection().length()).isCloseTo(0.1 * Math.sqrt(2), within(1e-8));
        // Δ = −0.1·0.1·(1/(√0.001 + 1e-8), 10/(10·√0.001 + 1e-8)) = −(0.31622767, 0.31622776)
        assertThat(s.withoutCorrection().to().x()).isCloseTo(1 - 0.01 / (Math.sqrt(0.001) + 1e-8), within(1e-12));
        assertThat(s.withoutCorrection().to().y()).isCloseTo(1 - 0.1 / (10 * Math.sqrt(0.001) + 1e-8), within(1e-12));
        // (1 − 0.9)/√(1 − 0.999) = 0.1/0.0316228 = 3.16228 (to 1e-14: 1 − 0.9 is not 0.1 in binary)
        assertThat(s.predictedRatio()).isCloseTo(0.1 / Math.sqrt(0.001), within(1e-14));
        assertThat(s.ratio()).isCloseTo(3.16227766, within(1e-6));
    }

    @Test
    void whatIsNotGivenIsTheRegistrysDefaultAndAdamsLrOnTheLandscape() {
        AdamFirstStep s = AdamFirstStep.on(BOWL, FROM, Map.of());
        assertThat(s.learningRate()).isEqualTo(BOWL.adaptiveLearningRate());
        Map<String, Object> defaults = new java.util.HashMap<>();
        Optimizers.get("adam").params().forEach(p -> defaults.put(p.name(), p.defaultValue()));
        assertThat(s.beta1()).isEqualTo(defaults.get("beta1")).isEqualTo(0.9);
        assertThat(s.beta2()).isEqualTo(defaults.get("beta2")).isEqualTo(0.999);
        assertThat(AdamFirstStep.on(BOWL, FROM, Map.of("lr", 0.05, "beta1", 0.5)).learningRate()).isEqualTo(0.05);
        assertThat(AdamFirstStep.on(BOWL, FROM, Map.of("lr", 0.05, "beta1", 0.5)).beta1()).isEqualTo(0.5);
    }

    @Test
    void whenOneMinusBeta1IsRootOfOneMinusBeta2TheCorrectionsCancel() {
        // (1 − 0.9)/√(1 − 0.99) = 0.1/0.1 = 1: both updates are −lr·g/(|g| + ε), ε weighing 10 times more uncorrected
        AdamFirstStep s = AdamFirstStep.on(BOWL, FROM, Map.of("beta2", 0.99));
        assertThat(s.predictedRatio()).isCloseTo(1, within(1e-15));
        assertThat(s.ratio()).isCloseTo(1, within(1e-6));
        assertThat(s.withoutCorrection().to().x()).isCloseTo(1 - 0.01 / (0.1 + 1e-8), within(1e-12));
    }

    @Test
    void aZeroGradientMovesNeither() {
        AdamFirstStep s = AdamFirstStep.on(BOWL, Vec2.ZERO, Map.of());
        assertThat(s.withCorrection().length()).isZero();
        assertThat(s.withoutCorrection().length()).isZero();
        assertThat(s.ratio()).isNaN();
    }

    @ParameterizedTest
    @CsvSource({"himmelblau, 0, 0, 0.9, 0.999", "rosenbrock, -1.5, 2, 0.9, 0.999", "bowl, -3.5, 2.5, 0.5, 0.99"})
    void bothAreTheFirstStepOfARunBitForBit(String surface, double x, double y, double beta1, double beta2) {
        Landscape landscape = Landscapes.resolve(surface);
        Vec2 from = Vec2.of(x, y);
        AdamFirstStep s = AdamFirstStep.on(landscape, from, Map.of("beta1", beta1, "beta2", beta2));
        for (boolean corrected : new boolean[] {true, false}) {
            Run run = RunBuilder.on(landscape).optimizer("adam").start(from).steps(1).tolerance(0)
                    .set("beta1", beta1).set("beta2", beta2).set("no-bias-correction", corrected ? 0 : 1).run();
            Vec2 to = (corrected ? s.withCorrection() : s.withoutCorrection()).to();
            assertThat(to).as("corrected: %s", corrected).isEqualTo(new Vec2(run.trajectory().x(1), run.trajectory().y(1)));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            beta1    | 1   | beta1 must be in [0, 1), got 1
            beta2    | -1  | beta2 must be in [0, 1), got -1
            lr       | 0   | lr must be > 0, got 0
            momentum | 0.9 | adam does not take momentum; it takes: lr, beta1, beta2, eps, amsgrad, weight-decay, no-bias-correction, maximize
            """)
    void badSettingsAreRefusedNamingThem(String name, double value, String message) {
        assertThatThrownBy(() -> AdamFirstStep.on(BOWL, FROM, Map.of(name, value)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(name))
                .hasMessage(message);
    }
}
