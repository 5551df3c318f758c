package dev.losslab.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Step mode's internals, against the first steps worked by hand on the bowl f = x²/2 + 5y²
 * (∇f = (x, 10y)) from (−3.5, 2.5), or against the trajectory itself (ASGD's average); and the
 * default run records none.
 */
class InternalsTest {

    private static final Offset<Double> TIGHT = within(1e-9);

    private static Run run(String optimizer, double lr, Recording recording) {
        return RunBuilder.on(RunnerTheoryTest.BOWL).optimizer(optimizer).learningRate(lr).start(-3.5, 2.5).steps(5)
                .recording(recording).run();
    }

    @Test
    void momentumBufferStartsAsTheFirstGradientThenAccumulates() {
        Internals in = run("momentum", 0.01, Recording.INTERNALS).trajectory().internals();
        assertThat(in.names()).containsExactly("buffer");
        assertThat(in.has(0)).isFalse();
        // b₁ = g₀ = (−3.5, 25); θ₁ = θ₀ − 0.01·b₁ = (−3.465, 2.25); g₁ = (−3.465, 22.5)
        assertThat(in.x("buffer", 1)).isCloseTo(-3.5, TIGHT);
        assertThat(in.y("buffer", 1)).isCloseTo(25, TIGHT);
        // b₂ = 0.9·b₁ + g₁ = (−3.15 − 3.465, 22.5 + 22.5)
        assertThat(in.x("buffer", 2)).isCloseTo(-6.615, TIGHT);
        assertThat(in.y("buffer", 2)).isCloseTo(45, TIGHT);
    }

    @Test
    void adamMomentsAndBiasCorrectedRootOfV() {
        Trajectory t = run("adam", 0.1, Recording.INTERNALS).trajectory();
        Internals in = t.internals();
        assertThat(in.names()).containsExactly("m", "mHat", "vHatSqrt");
        // step 1: m₁ = 0.1·g₀, m̂₁ = g₀, √v̂₁ = √(0.001·g₀²/0.001) = |g₀|
        assertThat(in.x("m", 1)).isCloseTo(-0.35, TIGHT);
        assertThat(in.y("m", 1)).isCloseTo(2.5, TIGHT);
        assertThat(in.x("mHat", 1)).isCloseTo(-3.5, TIGHT);
        assertThat(in.y("mHat", 1)).isCloseTo(25, TIGHT);
        assertThat(in.x("vHatSqrt", 1)).isCloseTo(3.5, TIGHT);
        assertThat(in.y("vHatSqrt", 1)).isCloseTo(25, TIGHT);
        // θ₁ ≈ θ₀ − 0.1·sign(g₀) = (−3.4, 2.4), so g₁ = (−3.4, 24)
        assertThat(t.x(1)).isCloseTo(-3.4, TIGHT);
        assertThat(t.y(1)).isCloseTo(2.4, TIGHT);
        double mx = 0.9 * -0.35 + 0.1 * -3.4, my = 0.9 * 2.5 + 0.1 * 24;    // (−0.655, 4.65)
        double vx = 0.999 * 0.001 * 3.5 * 3.5 + 0.001 * 3.4 * 3.4;
        double vy = 0.999 * 0.001 * 25 * 25 + 0.001 * 24 * 24;
        double bc1 = 1 - 0.9 * 0.9, bc2 = 1 - 0.999 * 0.999;
        assertThat(in.x("m", 2)).isCloseTo(-0.655, TIGHT).isCloseTo(mx, TIGHT);
        assertThat(in.y("m", 2)).isCloseTo(4.65, TIGHT).isCloseTo(my, TIGHT);
        assertThat(in.x("mHat", 2)).isCloseTo(mx / bc1, TIGHT);
        assertThat(in.y("mHat", 2)).isCloseTo(my / bc1, TIGHT);
        assertThat(in.x("vHatSqrt", 2)).isCloseTo(Math.sqrt(vx / bc2), TIGHT);
        assertThat(in.y("vHatSqrt", 2)).isCloseTo(Math.sqrt(vy / bc2), TIGHT);
    }

    @Test
    void newtonReportsItsStepAndTheHessiansEigenDirections() {
        Internals in = run("newton", 1, Recording.INTERNALS).trajectory().internals();
        // H = diag(1, 10): H⁻¹g₀ = (−3.5, 2.5), the whole way to the minimum
        assertThat(in.x("newtonStep", 1)).isCloseTo(-3.5, TIGHT);
        assertThat(in.y("newtonStep", 1)).isCloseTo(2.5, TIGHT);
        assertThat(in.x("eigenvalues", 1)).isCloseTo(10, TIGHT);
        assertThat(in.y("eigenvalues", 1)).isCloseTo(1, TIGHT);
        assertThat(Math.abs(in.y("eigenvector1", 1))).isCloseTo(1, TIGHT);
        assertThat(Math.abs(in.x("eigenvector2", 1))).isCloseTo(1, TIGHT);
    }

    /** The newer rules report what their classes document, finite after a step. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            lion      | m c
            adabelief | mHat sHatSqrt
            adan      | mHat vHat nHatSqrt
            yogi      | mHat vHatSqrt
            lamb      | mHat u trustRatio
            prodigy   | m vSqrt d
            ademamix  | mHat m2 vHatSqrt
            schedule-free-adamw | gradientPoint z vHatSqrt
            schedule-free-sgd   | gradientPoint z
            """)
    void newerRulesReportTheirDocumentedState(String optimizer, String names) {
        Internals in = run(optimizer, 0.1, Recording.INTERNALS).trajectory().internals();
        assertThat(in.names()).containsExactly(names.split(" "));
        for (String name : in.names()) {
            assertThat(in.x(name, 3)).as(name).isFinite();
            assertThat(in.y(name, 3)).as(name).isFinite();
        }
    }

    @Test
    void prodigysEstimateStartsAtD0AndGrowsAsTheRunMoves() {
        Internals in = RunBuilder.on(RunnerTheoryTest.BOWL).optimizer("prodigy").start(-3.5, 2.5).steps(30)
                .recording(Recording.INTERNALS).run().trajectory().internals();
        // step 1: θ = θ₀, so ⟨g, θ₀ − θ⟩ = 0 and d stays d₀
        assertThat(in.x("d", 1)).isEqualTo(1e-6);
        assertThat(in.x("d", 30)).isGreaterThan(1e-3);
        for (int k = 2; k <= 30; k++) {
            assertThat(in.x("d", k)).as("d never shrinks").isGreaterThanOrEqualTo(in.x("d", k - 1));
        }
    }

    @Test
    void adadeltaReportsTheRootsOfItsTwoAverages() {
        Internals in = run("adadelta", 1, Recording.INTERNALS).trajectory().internals();
        assertThat(in.names()).containsExactly("squareAvgSqrt", "accDeltaSqrt");
        // step 1: v₁ = 0.1·g₀²; δ₁ = √ε/√(v₁ + ε)·g₀; u₁ = 0.1·δ₁²
        double dx = Math.sqrt(1e-6) / Math.sqrt(0.1 * 3.5 * 3.5 + 1e-6) * -3.5;
        double dy = Math.sqrt(1e-6) / Math.sqrt(0.1 * 25 * 25 + 1e-6) * 25;
        assertThat(in.x("squareAvgSqrt", 1)).isCloseTo(Math.sqrt(0.1) * 3.5, TIGHT);
        assertThat(in.y("squareAvgSqrt", 1)).isCloseTo(Math.sqrt(0.1) * 25, TIGHT);
        assertThat(in.x("accDeltaSqrt", 1)).isCloseTo(Math.sqrt(0.1) * Math.abs(dx), TIGHT);
        assertThat(in.y("accDeltaSqrt", 1)).isCloseTo(Math.sqrt(0.1) * Math.abs(dy), TIGHT);
    }

    @Test
    void adamaxNadamAndRadamStartFromTheFirstGradient() {
        // step 1, g₀ = (−3.5, 25): m₁ = 0.1·g₀, and every bias-corrected moment is g₀ or |g₀|
        Internals adamax = run("adamax", 0.1, Recording.INTERNALS).trajectory().internals();
        assertThat(adamax.names()).containsExactly("m", "mHat", "u");
        assertThat(adamax.x("mHat", 1)).isCloseTo(-3.5, TIGHT);
        assertThat(adamax.y("u", 1)).isCloseTo(25 + 1e-8, TIGHT);
        Internals nadam = run("nadam", 0.1, Recording.INTERNALS).trajectory().internals();
        assertThat(nadam.names()).containsExactly("m", "vHatSqrt");
        assertThat(nadam.x("m", 1)).isCloseTo(-0.35, TIGHT);
        assertThat(nadam.y("vHatSqrt", 1)).isCloseTo(25, TIGHT);
        Trajectory radam = run("radam", 0.01, Recording.INTERNALS).trajectory();
        assertThat(radam.internals().names()).containsExactly("m", "mHat", "vHatSqrt");
        assertThat(radam.internals().y("mHat", 1)).isCloseTo(25, TIGHT);
        // ρ₁ ≤ 5: RAdam's first step is plain SGD, θ₁ = θ₀ − lr·g₀
        assertThat(radam.x(1)).isCloseTo(-3.5 + 0.01 * 3.5, TIGHT);
        assertThat(radam.y(1)).isCloseTo(2.5 - 0.01 * 25, TIGHT);
    }

    @Test
    void asgdAveragesTheIteratesFromStepT0PlusTwo() {
        Trajectory t = RunBuilder.on(RunnerTheoryTest.BOWL).optimizer("asgd").learningRate(0.05).set("t0", 0)
                .start(-3.5, 2.5).steps(8).recording(Recording.INTERNALS).run().trajectory();
        Internals in = t.internals();
        assertThat(in.names()).containsExactly("ax");
        assertThat(in.x("ax", 1)).isEqualTo(t.x(1));
        assertThat(in.y("ax", 1)).isEqualTo(t.y(1));
        for (int k = 2; k <= 8; k++) {
            double sumX = 0, sumY = 0;
            for (int j = 2; j <= k; j++) {
                sumX += t.x(j);
                sumY += t.y(j);
            }
            assertThat(in.x("ax", k)).as("ax at %d", k).isCloseTo(sumX / (k - 1), TIGHT);
            assertThat(in.y("ax", k)).as("ax at %d", k).isCloseTo(sumY / (k - 1), TIGHT);
        }
        assertThat(in.x("ax", 8)).isNotCloseTo(t.x(8), TIGHT);
    }

    @Test
    void adafactorsFirstStepIsRmsOfThetaTimesLrAgainstTheGradientsSign() {
        Trajectory t = run("adafactor", 0.1, Recording.INTERNALS).trajectory();
        // t = 1: β̂₂ = 0 so v₁ = g₀²; U = sign(g₀), RMS 1, no clipping; ρ₁ = min(0.1, 1) = 0.1
        assertThat(t.internals().names()).containsExactly("varianceSqrt");
        assertThat(t.internals().x("varianceSqrt", 1)).isCloseTo(3.5, TIGHT);
        assertThat(t.internals().y("varianceSqrt", 1)).isCloseTo(25, TIGHT);
        double rms = Math.sqrt((3.5 * 3.5 + 2.5 * 2.5) / 2);
        assertThat(t.x(1)).isCloseTo(-3.5 + 0.1 * rms, TIGHT);
        assertThat(t.y(1)).isCloseTo(2.5 - 0.1 * rms, TIGHT);
    }

    @Test
    void scheduleFreeSgdAveragesItsZsAndTakesTheGradientBetweenTheAverageAndZ() {
        Trajectory t = run("schedule-free-sgd", 0.01, Recording.INTERNALS).trajectory();
        Internals in = t.internals();
        // step 1: c₁ = 1, so x₁ = y₁ = z₁ = θ₀ − 0.01·g₀ = (−3.465, 2.25)
        assertThat(in.x("z", 1)).isCloseTo(-3.465, TIGHT);
        assertThat(in.y("z", 1)).isCloseTo(2.25, TIGHT);
        assertThat(t.x(1)).isCloseTo(-3.465, TIGHT);
        assertThat(in.y("gradientPoint", 1)).isCloseTo(2.25, TIGHT);
        // step 2, g₁ = ∇f(y₁) = (−3.465, 22.5): z₂ = (−3.43035, 2.025); equal weights at a constant lr,
        // so c₂ = ½ and x₂ = (x₁ + z₂)/2 = (−3.447675, 2.1375); y₂ = 0.9·x₂ + 0.1·z₂
        assertThat(in.x("z", 2)).isCloseTo(-3.43035, TIGHT);
        assertThat(in.y("z", 2)).isCloseTo(2.025, TIGHT);
        assertThat(t.x(2)).isCloseTo(-3.447675, TIGHT);
        assertThat(t.y(2)).isCloseTo(2.1375, TIGHT);
        assertThat(in.x("gradientPoint", 2)).isCloseTo(-3.4459425, TIGHT);
        assertThat(in.y("gradientPoint", 2)).isCloseTo(2.12625, TIGHT);
    }

    @Test
    void scheduleFreeAdamWsFirstStepIsLrAgainstTheGradientsSign() {
        Trajectory t = run("schedule-free-adamw", 0.1, Recording.INTERNALS).trajectory();
        Internals in = t.internals();
        // t = 1: √(v/(1 − β₂)) = |g₀|, so z₁ = θ₀ − 0.1·g₀/(|g₀| + ε) ≈ (−3.4, 2.4) = x₁ = y₁
        assertThat(in.x("vHatSqrt", 1)).isCloseTo(3.5, TIGHT);
        assertThat(in.y("vHatSqrt", 1)).isCloseTo(25, TIGHT);
        for (String name : new String[] {"z", "gradientPoint"}) {
            assertThat(in.x(name, 1)).as(name).isCloseTo(-3.4, TIGHT);
            assertThat(in.y(name, 1)).as(name).isCloseTo(2.4, TIGHT);
        }
        assertThat(t.x(1)).isCloseTo(-3.4, TIGHT);
        assertThat(t.y(1)).isCloseTo(2.4, TIGHT);
    }

    @Test
    void theDefaultRunRecordsNone() {
        assertThat(run("adam", 0.1, Recording.POINTS).trajectory().internals()).isNull();
        assertThat(RunBuilder.on(RunnerTheoryTest.BOWL).optimizer("adam").run().trajectory().internals()).isNull();
        assertThat(Runner.run(RunBuilder.on(RunnerTheoryTest.BOWL).optimizer("momentum").spec())
                .trajectory().internals()).isNull();
    }
}
