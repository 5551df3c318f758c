package dev.losslab.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.Landscapes;
import dev.losslab.core.data.DataLandscapes;
import dev.losslab.core.data.DatasetCsv;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The gradient noise of a surface made of data: worked by hand on four rows, the samples' covariance
 * against the closed form Σ_B over many draws, and the samples as the very batches an SGD run draws.
 */
class GradientNoiseTest {

    /**
     * Four rows, x = 0, 1, 2, 3 and y = 1.5, 1.5, 3.5, 5.5 (not whole numbers, or the file's labels
     * would be read as classes); the line's loss (1/4)·Σ (w·x + b − y)² at (w, b) = (1, 0.5). By
     * hand: the residuals w·x + b − y are −1, 0, −1, −2, so the examples'
     * gradients 2·e·(x, 1) are
     * <pre>
     *   g₁ = (0, −2)   g₂ = (0, 0)   g₃ = (−4, −2)   g₄ = (−12, −4)
     *   G  = (−4, −2),  |G|² = 20
     *   deviations (4, 0), (4, 2), (0, 0), (−8, −2):  S = (1/4)·[[96, 24], [24, 8]] = [[24, 6], [6, 2]],  tr S = 26
     *   B_simple = 26/20 = 1.3
     * </pre>
     * The six batches of two and their means: {1,2} (0, −1), {1,3} (−2, −2), {1,4} (−6, −3),
     * {2,3} (−2, −1), {2,4} (−6, −2), {3,4} (−8, −3). Their deviations from G in x are 4, 2, −2, 2,
     * −2, −4 (variance 48/6 = 8), in y 1, 0, −1, 1, 0, −1 (variance 4/6 = 2/3), the products 4, 0,
     * 2, 2, 0, 4 (covariance 12/6 = 2): Σ₂ = [[8, 2], [2, 2/3]] = (4 − 2)/(2·3)·S, as the formula says.
     */
    private static final Landscape FOUR_ROWS = DataLandscapes.regression("four-rows",
            DatasetCsv.read(new StringReader("x,y\n0,1.5\n1,1.5\n2,3.5\n3,5.5\n"), "four-rows.csv"), null, false);

    private static final Vec2 AT = new Vec2(1, 0.5);

    @Test
    void fourRowsWorkedByHand() {
        GradientNoise one = GradientNoise.measure(FOUR_ROWS, AT, 1, 0, 1);
        assertThat(one.examples()).isEqualTo(4);
        assertThat(one.gradient().x()).isCloseTo(-4, within(1e-14));
        assertThat(one.gradient().y()).isCloseTo(-2, within(1e-14));
        assertSym(one.exampleCovariance(), 24, 6, 2, 1e-13);
        assertThat(one.noiseScale()).isCloseTo(1.3, within(1e-14));
        assertSym(one.batchCovariance(), 24, 6, 2, 1e-13); // one example: S itself
        GradientNoise two = GradientNoise.measure(FOUR_ROWS, AT, 2, 0, 1);
        assertSym(two.batchCovariance(), 8, 2, 2.0 / 3, 1e-13);
        assertThat(two.batchTrace()).isCloseTo(26.0 / 3, within(1e-13));
        GradientNoise all = GradientNoise.measure(FOUR_ROWS, AT, 4, 0, 1);
        assertSym(all.batchCovariance(), 0, 0, 0, 0); // every example: no noise at all
        assertThat(all.noiseScale()).as("B_simple does not depend on B").isEqualTo(one.noiseScale());
        assertThat(two.measuredCovariance()).as("no samples, nothing measured").isEmpty();
    }

    @Test
    void theSamplesAreMeansOfTwoDistinctRowsAndTheirCovarianceIsSigmaTwo() {
        GradientNoise two = GradientNoise.measure(FOUR_ROWS, AT, 2, GradientNoise.MAX_SAMPLES, 5);
        Set<Vec2> pairs = Set.of(new Vec2(0, -1), new Vec2(-2, -2), new Vec2(-6, -3), new Vec2(-2, -1),
                new Vec2(-6, -2), new Vec2(-8, -3));
        assertThat(two.samples()).hasSize(GradientNoise.MAX_SAMPLES);
        assertThat(two.samples().stream().map(s -> new Vec2(s.x() + 0.0, s.y() + 0.0)).collect(Collectors.toSet()))
                .as("each sample is the mean of one of the six pairs, and each pair turns up").isEqualTo(pairs);
        // 2,000 draws: a variance's relative standard error is about √(2/2000) ≈ 3 %
        Sym2 measured = two.measuredCovariance().orElseThrow();
        assertThat(measured.xx()).isCloseTo(8, within(0.15 * 8));
        assertThat(measured.xy()).isCloseTo(2, within(0.15 * 8));
        assertThat(measured.yy()).isCloseTo(2.0 / 3, within(0.15 * 2.0 / 3));
    }

    /**
     * On real data (442 rows of diabetes, BMI standardized), 20 seeds × 2,000 draws: the samples'
     * covariance about G is Σ_B within sampling error (a relative standard error of about 1 % for
     * 40,000 draws) for small, middling and large batches, and their mean is G.
     */
    @Test
    void manyDrawsHaveTheCovarianceOfTheClosedForm() {
        Landscape bmi = Landscapes.resolve("regression:diabetes:bmi:standardized");
        Vec2 at = new Vec2(40, 135);
        for (int batch : new int[] {1, 8, 100, 400}) {
            double[] sum = new double[3];
            double mx = 0;
            double my = 0;
            int seeds = 20;
            GradientNoise first = null;
            for (int seed = 1; seed <= seeds; seed++) {
                GradientNoise g = GradientNoise.measure(bmi, at, batch, GradientNoise.MAX_SAMPLES, seed);
                first = first == null ? g : first;
                Sym2 m = g.measuredCovariance().orElseThrow();
                sum[0] += m.xx() / seeds;
                sum[1] += m.xy() / seeds;
                sum[2] += m.yy() / seeds;
                for (Vec2 s : g.samples()) {
                    mx += s.x() / (seeds * GradientNoise.MAX_SAMPLES);
                    my += s.y() / (seeds * GradientNoise.MAX_SAMPLES);
                }
            }
            Sym2 exact = first.batchCovariance();
            assertThat(sum[0]).as("B %d: var x", batch).isCloseTo(exact.xx(), within(0.05 * exact.xx()));
            assertThat(sum[2]).as("B %d: var y", batch).isCloseTo(exact.yy(), within(0.05 * exact.yy()));
            double scale = Math.sqrt(exact.xx() * exact.yy());
            assertThat(sum[1]).as("B %d: cov xy", batch).isCloseTo(exact.xy(), within(0.05 * scale));
            double draws = seeds * GradientNoise.MAX_SAMPLES;
            assertThat(mx).as("B %d: mean x", batch).isCloseTo(first.gradient().x(), within(4 * Math.sqrt(exact.xx() / draws)));
            assertThat(my).as("B %d: mean y", batch).isCloseTo(first.gradient().y(), within(4 * Math.sqrt(exact.yy() / draws)));
        }
    }

    /**
     * The samples are the batches an SGD run with the same seed draws: with lr 1 each step moves by
     * exactly −ĝ, so θ_{k+1} = θ_k − (sample k of the noise measured at θ_k), bit for bit, for
     * every step of the run (the k-th sample is the k-th batch of that seed's stream).
     */
    @Test
    void theSamplesAreTheBatchesAnSgdRunWithTheSameSeedDraws() {
        Landscape bmi = Landscapes.resolve("regression:diabetes:bmi:standardized");
        Vec2 start = new Vec2(40, 135);
        int steps = 60; // past the first epoch's 442/16 = 27 batches: the reshuffle too
        for (long seed : new long[] {1, 2, 99}) {
            Run run = RunBuilder.on(bmi).optimizer("sgd").batchSize(16).learningRate(1).steps(steps).seed(seed)
                    .start(start).run();
            assertThat(run.steps()).isEqualTo(steps);
            for (int k = 0; k < steps; k++) {
                Trajectory t = run.trajectory();
                Vec2 theta = new Vec2(t.x(k), t.y(k));
                Vec2 sample = GradientNoise.measure(bmi, theta, 16, k + 1, seed).samples().get(k);
                assertThat(new Vec2(t.x(k + 1), t.y(k + 1))).as("seed %d, step %d", seed, k + 1).isEqualTo(theta.minus(sample));
            }
        }
    }

    @Test
    void aBatchOfEveryExampleIsTheExactGradientAsInARun() {
        GradientNoise all = GradientNoise.measure(FOUR_ROWS, AT, 4, 3, 1);
        assertThat(all.samples()).containsOnly(all.gradient());
        assertSym(all.measuredCovariance().orElseThrow(), 0, 0, 0, 0);
    }

    @Test
    void theNoiseScaleIsInfiniteWhereTheGradientVanishes() {
        GradientNoise still = new GradientNoise(AT, 4, 2, 1, Vec2.ZERO, new Sym2(1, 0, 1), List.of());
        assertThat(still.noiseScale()).isInfinite();
    }

    @Test
    void badInputNamesItsField() {
        assertThatThrownBy(() -> GradientNoise.measure(Landscapes.resolve("bowl"), AT, 1, 0, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a surface made of data")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("surface");
        for (int b : new int[] {0, 5, -3}) {
            assertThatThrownBy(() -> GradientNoise.measure(FOUR_ROWS, AT, b, 0, 1))
                    .isInstanceOf(InvalidInputException.class).hasMessage("batch-size must be in [1, 4] (the examples in four-rows), got " + b)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("batch-size");
        }
        for (int k : new int[] {-1, GradientNoise.MAX_SAMPLES + 1}) {
            assertThatThrownBy(() -> GradientNoise.measure(FOUR_ROWS, AT, 2, k, 1))
                    .isInstanceOf(InvalidInputException.class).hasMessage("samples must be in [0, 2000], got " + k)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("samples");
        }
        for (Vec2 p : List.of(new Vec2(Double.NaN, 0), new Vec2(0, Double.POSITIVE_INFINITY), new Vec2(2e6, 0))) {
            assertThatThrownBy(() -> GradientNoise.measure(FOUR_ROWS, p, 2, 0, 1))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 1000000")
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("at");
        }
    }

    private static void assertSym(Sym2 m, double xx, double xy, double yy, double tolerance) {
        assertThat(new double[] {m.xx(), m.xy(), m.yy()}).as(Arrays.toString(new double[] {xx, xy, yy}))
                .containsExactly(new double[] {xx, xy, yy}, within(tolerance));
    }
}
