package dev.losslab.core.run;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.MinibatchSurface;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How noisy a minibatch gradient is at one point θ of a surface made of data, and how the noise
 * shrinks as the batch grows. With gᵢ = ∇ℓᵢ(θ) the gradient of example i's term (i = 1 … n):
 * <pre>
 *   G         = ∇f(θ) = (1/n)·Σ gᵢ                          the full gradient (the surface's own)
 *   S         = (1/n)·Σ (gᵢ − ḡ)(gᵢ − ḡ)ᵀ,  ḡ = (1/n)·Σ gᵢ   the per-example covariance
 *   Σ_B       = (n − B)/(B·(n − 1))·S                       the covariance of the mean gradient of B
 *                                                           examples drawn without replacement
 *   B_simple  = tr S / |G|²                                 the simple noise scale
 * </pre>
 * Σ_B is exact, not an approximation: it is the finite-population variance of a sample mean
 * (Cochran, Sampling Techniques, thm 2.2), which is why S divides by n and not n − 1: then a batch
 * of one example has covariance S itself, and a batch of all n has none. For B ≪ n it is S/B.
 *
 * <p>B_simple is McCandlish, Kaplan, Amodei et al. (2018), "An empirical model of large-batch
 * training": the batch size at which the noise's expected squared size tr Σ_B ≈ tr S/B equals the
 * signal's |G|². Much smaller batches mostly add noise (each step is nearly a random direction);
 * much larger ones waste examples on a gradient already known well. It grows as θ nears a minimum,
 * where G shrinks and S does not; it is +∞ where G = 0.
 *
 * <p>The {@link #samples()} are real draws, not a picture of a Gaussian: the batches a run with
 * this seed and no Gaussian noise draws in its first K steps ({@link Minibatches}, from the same
 * seeded generator as {@link Engine}), each one's mean gradient taken at θ. Batches of one epoch are
 * disjoint, not independent, but each alone is a uniform draw of B distinct examples, so
 * {@link #measuredCovariance()}, taken about the known G, estimates Σ_B without bias. With B = n a
 * run uses the exact gradient, and so does every sample.
 *
 * @param at                where the gradients are taken
 * @param examples          n
 * @param batchSize         B, in [1, n]
 * @param seed              the generator the samples were drawn from, as a run's seed
 * @param gradient          G
 * @param exampleCovariance S
 * @param samples           K minibatch gradients at θ
 */
public record GradientNoise(Vec2 at, int examples, int batchSize, long seed, Vec2 gradient, Sym2 exampleCovariance,
        List<Vec2> samples) {

    /** The most samples one measurement draws: enough for a cloud and a covariance within a few percent. */
    public static final int MAX_SAMPLES = 2_000;

    /** The samples drawn when none are asked for. */
    public static final int DEFAULT_SAMPLES = 200;

    public GradientNoise {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(exampleCovariance, "exampleCovariance");
        if (batchSize < 1 || batchSize > examples) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not in [1, " + examples + "]");
        }
        samples = List.copyOf(samples);
    }

    /**
     * Measures the gradient noise of {@code landscape} at {@code at}.
     *
     * @param batchSize B, in [1, n]
     * @param samples   K, in [0, {@link #MAX_SAMPLES}]
     * @param seed      as a run's seed: the samples are the batches that run would draw
     * @throws InvalidInputException naming {@code surface} (a surface not made of data),
     *                               {@code batch-size}, {@code samples}, or {@code at} (a coordinate
     *                               that is not finite or beyond a run's bound
     *                               {@link Runner#COORDINATE_LIMIT}, or gradients that are not finite there)
     */
    public static GradientNoise measure(Landscape landscape, Vec2 at, int batchSize, int samples, long seed) {
        if (!(landscape.surface() instanceof MinibatchSurface data)) {
            throw new InvalidInputException("surface", "the gradient noise needs a surface made of data (regression:…, "
                    + "logistic:…), whose gradient is a mean over examples; " + landscape.name() + " is a formula");
        }
        int n = data.examples();
        if (batchSize < 1 || batchSize > n) {
            throw InvalidInputException.outOfRange(RunBuilder.BATCH_SIZE, "in [1, " + n + "] (the examples in "
                    + landscape.name() + ")", batchSize);
        }
        if (samples < 0 || samples > MAX_SAMPLES) {
            throw InvalidInputException.outOfRange("samples", "in [0, " + MAX_SAMPLES + "]", samples);
        }
        if (!at.isFinite() || Math.abs(at.x()) > Runner.COORDINATE_LIMIT || Math.abs(at.y()) > Runner.COORDINATE_LIMIT) {
            throw new InvalidInputException("at", "at must be a point with |x| and |y| at most "
                    + (long) Runner.COORDINATE_LIMIT + " (where runs count as diverged), got (" + at.x() + ", " + at.y() + ")");
        }
        double[] point = {at.x(), at.y()};
        double[] g = new double[2];
        data.valueAndGradient(point, 1, new double[1], g);
        Vec2 gradient = new Vec2(g[0], g[1]);
        Sym2 covariance = exampleCovariance(data, point);
        if (!gradient.isFinite() || !covariance.isFinite()) {
            throw new InvalidInputException("at", "the examples' gradients are not finite numbers at (" + at.x() + ", "
                    + at.y() + ")");
        }
        return new GradientNoise(at, n, batchSize, seed, gradient, covariance, draw(data, point, gradient, batchSize, samples, seed));
    }

    /** S, in two passes (the mean first, then the squares about it), so nothing cancels. */
    private static Sym2 exampleCovariance(MinibatchSurface data, double[] point) {
        int n = data.examples();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        double[] gx = new double[n];
        double[] gy = new double[n];
        double[] one = new double[2];
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            data.batchGradient(point, 1, 0, rows, i, 1, one);
            gx[i] = one[0];
            gy[i] = one[1];
            mx += one[0];
            my += one[1];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = gx[i] - mx;
            double dy = gy[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        return new Sym2(sxx / n, sxy / n, syy / n);
    }

    /** The first K batches a run with this seed draws (the engine's generator and order), each's mean gradient at θ. */
    private static List<Vec2> draw(MinibatchSurface data, double[] point, Vec2 gradient, int batchSize, int count,
            long seed) {
        List<Vec2> drawn = new ArrayList<>(count);
        if (batchSize == data.examples()) {
            // RunSpec.minibatched() is false: such a run steps with the exact gradient
            for (int k = 0; k < count; k++) {
                drawn.add(gradient);
            }
            return drawn;
        }
        Minibatches batches = new Minibatches(data.examples(), batchSize, new SplittableRandom(seed));
        double[] g = new double[2];
        for (int k = 0; k < count; k++) {
            int from = batches.next();
            data.batchGradient(point, 1, 0, batches.rows(), from, batchSize, g);
            drawn.add(new Vec2(g[0], g[1]));
        }
        return drawn;
    }

    /** The finite-population factor (n − B)/(B·(n − 1)): 1 for one example, 0 for all of them (and for n = 1). */
    public double batchFactor() {
        return examples == 1 ? 0 : (examples - batchSize) / (batchSize * (examples - 1.0));
    }

    /** Σ_B = (n − B)/(B·(n − 1))·S, the covariance of a size-B minibatch gradient. */
    public Sym2 batchCovariance() {
        double c = batchFactor();
        return new Sym2(c * exampleCovariance.xx(), c * exampleCovariance.xy(), c * exampleCovariance.yy());
    }

    /** tr Σ_B: the expected squared distance of a minibatch gradient from G. */
    public double batchTrace() {
        return batchCovariance().trace();
    }

    /** B_simple = tr S / |G|², in examples; +∞ where G = 0. */
    public double noiseScale() {
        double g2 = gradient.dot(gradient);
        return g2 > 0 ? exampleCovariance.trace() / g2 : Double.POSITIVE_INFINITY;
    }

    /** (1/K)·Σ (ĝ_k − G)(ĝ_k − G)ᵀ over the samples, an unbiased estimate of Σ_B; empty without samples. */
    public Optional<Sym2> measuredCovariance() {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        double xx = 0;
        double xy = 0;
        double yy = 0;
        for (Vec2 s : samples) {
            double dx = s.x() - gradient.x();
            double dy = s.y() - gradient.y();
            xx += dx * dx;
            xy += dx * dy;
            yy += dy * dy;
        }
        int k = samples.size();
        return Optional.of(new Sym2(xx / k, xy / k, yy / k));
    }
}
