package dev.losslab.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.data.DataLandscapes;
import dev.losslab.core.data.Dataset;
import dev.losslab.core.data.LeastSquaresLine;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Vec2;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Steps on a surface made of data with true minibatch noise: full batch is plain gradient descent,
 * runs are reproducible, and the minibatch gradient has the mean and covariance that sampling
 * without replacement gives in theory.
 */
class MinibatchTest {

    private static final int N = 40;
    private static final double[] X = new double[N];
    private static final double[] Y = new double[N];

    static {
        // y = 3x − 1 plus a deterministic wobble, so single examples' gradients differ.
        for (int i = 0; i < N; i++) {
            X[i] = -2 + 4.0 * i / (N - 1) + 0.3 * Math.sin(7 * i);
            Y[i] = 3 * X[i] - 1 + Math.cos(5 * i);
        }
    }

    private static final Landscape LINE = DataLandscapes.regression("test-line",
            new Dataset("wobble", "a test line", "made up", List.of("x"), "y", new double[][] {X}, Y,
                    Dataset.LabelKind.REAL, List.of()), null, false);

    @Test
    void aBatchOfEveryExampleIsGradientDescentBitForBit() {
        Run full = RunBuilder.on(LINE).optimizer("sgd").noise(0).batchSize(N).learningRate(0.05).steps(200).run();
        Run exact = RunBuilder.on(LINE).optimizer("gd").learningRate(0.05).steps(200).run();
        assertThat(full.steps()).isEqualTo(exact.steps());
        for (int k = 0; k <= full.steps(); k++) {
            assertThat(full.trajectory().point(k)).isEqualTo(exact.trajectory().point(k));
        }
    }

    @Test
    void sgdOnDataDefaultsToMinibatchesNotGaussianNoise() {
        RunSpec spec = RunBuilder.on(LINE).optimizer("sgd").spec();
        assertThat(spec.noise()).isZero();
        assertThat(spec.batchSize()).isEqualTo(16);
        assertThat(spec.noisy()).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        RunBuilder b = RunBuilder.on(LINE).optimizer("sgd").batchSize(5).learningRate(0.05).steps(100);
        Run one = b.seed(7).run();
        Run again = b.seed(7).run();
        Run other = b.seed(8).run();
        assertThat(again.last()).isEqualTo(one.last());
        assertThat(other.last()).isNotEqualTo(one.last());
        assertThat(one.steps()).as("a noisy run takes its whole budget").isEqualTo(100);
    }

    @Test
    void eachEpochUsesEveryExampleOnceWhenTheBatchDividesTheData() {
        Minibatches batches = new Minibatches(12, 4, new SplittableRandom(3));
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] seen = new int[12];
            for (int b = 0; b < 3; b++) {
                int from = batches.next();
                for (int k = from; k < from + 4; k++) {
                    seen[batches.rows()[k]]++;
                }
            }
            assertThat(seen).as("epoch %d", epoch).containsOnly(1);
        }
    }

    @Test
    void aLeftoverShorterThanABatchWaitsForTheNextEpoch() {
        Minibatches batches = new Minibatches(10, 4, new SplittableRandom(3));
        assertThat(batches.next()).isZero();
        assertThat(batches.next()).isEqualTo(4);
        assertThat(batches.next()).as("rows 8, 9 are left: a new permutation starts").isZero();
    }

    /**
     * One SGD step from θ with lr 1 moves by −ĝ. Over many seeds the minibatch gradient ĝ has mean
     * ∇f(θ) and covariance (n − B)/(B·(n − 1))·S, S = (1/n)·Σ (gᵢ − ḡ)(gᵢ − ḡ)ᵀ the covariance of
     * the single examples' gradients (sampling without replacement from a finite population).
     */
    @Test
    void theMinibatchGradientsCovarianceIsSamplingWithoutReplacements() {
        int samples = 20_000;
        int batch = 6;
        Vec2 at = new Vec2(0.5, 2);
        RunSpec spec = RunBuilder.on(LINE).optimizer("sgd").noise(0).batchSize(batch).learningRate(1).steps(1)
                .tolerance(0).start(at).spec();
        double[] starts = new double[2 * samples];
        Arrays.fill(starts, 0, samples, at.x());
        Arrays.fill(starts, samples, 2 * samples, at.y());
        long[] seeds = new long[samples];
        for (int s = 0; s < samples; s++) {
            seeds[s] = 1000 + s;
        }
        Outcomes out = Engine.run(spec, starts, samples, seeds, Engine.Checkpoint.NONE);
        double[][] g = new double[samples][];
        for (int s = 0; s < samples; s++) {
            g[s] = new double[] {at.x() - out.end(s, 0), at.y() - out.end(s, 1)};
        }
        double[][] singles = new double[N][2];
        LeastSquaresLine line = (LeastSquaresLine) LINE.surface();
        int[] all = new int[N];
        for (int i = 0; i < N; i++) {
            all[i] = i;
        }
        for (int i = 0; i < N; i++) {
            line.batchGradient(new double[] {at.x(), at.y()}, 1, 0, all, i, 1, singles[i]);
        }
        double[] population = covariance(singles);
        double factor = (N - batch) / (batch * (N - 1.0));
        double[] sample = covariance(g);
        Vec2 exact = line.gradient(at);
        double[] mean = mean(g);
        assertThat(mean[0]).isCloseTo(exact.x(), org.assertj.core.api.Assertions.within(4 * Math.sqrt(factor * population[0] / samples)));
        assertThat(mean[1]).isCloseTo(exact.y(), org.assertj.core.api.Assertions.within(4 * Math.sqrt(factor * population[2] / samples)));
        for (int k = 0; k < 3; k++) {
            // a variance from 20,000 samples has a relative standard error of about √(2/20000) = 1 %
            assertThat(sample[k]).as("covariance entry %d", k)
                    .isCloseTo(factor * population[k], org.assertj.core.api.Assertions.withinPercentage(5));
        }
    }

    @Test
    void aBatchSizeNeedsData() {
        assertThatThrownBy(() -> RunBuilder.on("bowl").optimizer("sgd").batchSize(4).spec())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("batch-size needs a surface made of data");
        assertThatThrownBy(() -> RunBuilder.on(LINE).optimizer("sgd").batchSize(41).spec())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("batch-size must be in [1, 40]");
    }

    private static double[] mean(double[][] v) {
        double[] m = new double[2];
        for (double[] p : v) {
            m[0] += p[0] / v.length;
            m[1] += p[1] / v.length;
        }
        return m;
    }

    /** (var x, cov xy, var y) with divisor n. */
    private static double[] covariance(double[][] v) {
        double[] m = mean(v);
        double[] c = new double[3];
        for (double[] p : v) {
            c[0] += (p[0] - m[0]) * (p[0] - m[0]) / v.length;
            c[1] += (p[0] - m[0]) * (p[1] - m[1]) / v.length;
            c[2] += (p[1] - m[1]) * (p[1] - m[1]) / v.length;
        }
        return c;
    }
}
