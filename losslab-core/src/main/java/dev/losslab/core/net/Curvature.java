package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.linalg.Lanczos;
import dev.losslab.core.linalg.SymmetricEigenvalues;
import dev.losslab.core.run.Engine;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The curvature of a network's full-data loss at θ, from exact Hessian-vector products
 * ({@link HessianVector}): its top eigenvalues by {@link Lanczos} (the sharpness, tracked along
 * training), and for small models the whole Hessian, its spectrum and its index.
 *
 * <p>Successive calls start Lanczos from the last top eigenvector, which along a training run
 * changes little from one check to the next, so a tracked sharpness costs a few products. The
 * first call starts from a fixed Gaussian direction, so a run's numbers are reproducible.
 */
public final class Curvature {

    /** Most parameters whose whole Hessian is formed: N² doubles (32 MB) and about N³ operations. */
    public static final int MAX_FULL_PARAMETERS = 2_000;
    /** Most Hessian-vector products one Lanczos run takes. */
    public static final int MAX_LANCZOS_ITERATIONS = 300;
    /** Stop when each Ritz pair's residual is below this times the largest |eigenvalue|. */
    public static final double TOLERANCE = 1e-9;
    /** Relative residual within which a sharpness is still reported when Lanczos stopped short of {@link #TOLERANCE}. */
    public static final double SHARPNESS_TOLERANCE = 1e-6;
    /** The fixed seed of the first start direction. */
    private static final long START_SEED = 17;

    private final HessianVector products;
    private final Engine.Checkpoint checkpoint;
    private double[] lastTop;

    public Curvature(Objective objective) {
        this(objective, Engine.Checkpoint.NONE);
    }

    /**
     * @param checkpoint looked at before every Hessian-vector product and every reflection of the
     *                   whole Hessian's eigenvalues (throws to cancel): a large model's spectrum is
     *                   seconds of work. It is told the Hessian-vector products so far, not a
     *                   training step: it is here to cancel, not to report progress.
     */
    public Curvature(Objective objective, Engine.Checkpoint checkpoint) {
        this.products = new HessianVector(objective);
        this.checkpoint = checkpoint;
    }

    /** H(θ)·v into {@code out}, after a look at the checkpoint. */
    private void times(double[] theta, double[] v, double[] out) {
        checkpoint.reached(products.products());
        products.times(theta, v, out);
    }

    /** Row·parameter products spent so far. */
    public double work() {
        return products.products() * products.work();
    }

    /** Row·parameter products of one Hessian-vector product. */
    public double workPerProduct() {
        return products.work();
    }

    /** The {@code k} largest eigenvalues of ∇²L(θ), descending, with their vectors, by Lanczos. */
    public Lanczos.Result top(double[] theta, int k) {
        int n = products.network().parameterCount();
        double[] start = lastTop;
        if (start == null) {
            SplittableRandom random = new SplittableRandom(START_SEED);
            start = new double[n];
            for (int i = 0; i < n; i++) {
                start[i] = random.nextGaussian();
            }
        }
        Lanczos.Result result = Lanczos.largest((v, out) -> times(theta, v, out), n, k, start,
                MAX_LANCZOS_ITERATIONS, TOLERANCE);
        lastTop = result.vectors()[0];
        return result;
    }

    /**
     * The sharpness: the largest eigenvalue of ∇²L(θ); NaN in the rare case that Lanczos has not
     * pinned it to {@link #SHARPNESS_TOLERANCE} within {@link #MAX_LANCZOS_ITERATIONS} products
     * (a cluster of nearly equal top eigenvalues in a large model).
     */
    public double sharpness(double[] theta) {
        return top(theta, 1).topWithin(SHARPNESS_TOLERANCE);
    }

    /**
     * ∇²L(θ) itself, N×N row-major: column j is H·eⱼ.
     *
     * @throws InvalidInputException when the model has more than {@link #MAX_FULL_PARAMETERS} parameters
     */
    public double[] hessian(double[] theta) {
        Network network = products.network();
        int n = network.parameterCount();
        if (n > MAX_FULL_PARAMETERS) {
            throw new InvalidInputException("model", String.format(Locale.ROOT, "the whole Hessian is formed for models of "
                    + "up to %,d parameters; the %s network has %,d (its top eigenvalues come from Lanczos instead)",
                    MAX_FULL_PARAMETERS, network.shape(), n));
        }
        double[] h = new double[n * n];
        double[] e = new double[n];
        double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            times(theta, e, column);
            e[j] = 0;
            for (int i = 0; i < n; i++) {
                h[i * n + j] = column[i];
            }
        }
        return h;
    }

    /** Every eigenvalue of ∇²L(θ), ascending, and what they say. */
    public Spectrum spectrum(double[] theta) {
        int n = products.network().parameterCount();
        double[] hessian = hessian(theta);
        return Spectrum.of(SymmetricEigenvalues.of(hessian, n, () -> checkpoint.reached(products.products())));
    }

    /**
     * A Hessian's eigenvalues and its index.
     *
     * @param eigenvalues ascending
     * @param negative    eigenvalues below −tolerance
     * @param zero        eigenvalues within ±tolerance: flat directions (a network has many, from
     *                    symmetries and dead units), counted apart so that rounding does not decide
     *                    the index
     * @param tolerance   1e-6 of the largest |eigenvalue|: a critical point found to ‖∇L‖ ≤ 1e-7 sits
     *                    that far from the exact one, which moves its zero eigenvalues by about as much
     *                    (measured on xor: 1e-10 to 2e-9 of the largest; true descent directions there
     *                    are 1e-4 and more)
     */
    public record Spectrum(double[] eigenvalues, int negative, int zero, double tolerance) {

        static Spectrum of(double[] eigenvalues) {
            double largest = 0;
            for (double v : eigenvalues) {
                largest = Math.max(largest, Math.abs(v));
            }
            double tolerance = 1e-6 * largest;
            int negative = 0;
            int zero = 0;
            for (double v : eigenvalues) {
                if (v < -tolerance) {
                    negative++;
                } else if (v <= tolerance) {
                    zero++;
                }
            }
            return new Spectrum(eigenvalues, negative, zero, tolerance);
        }

        /**
         * What a critical point with this Hessian is: {@code saddle} with a direction down,
         * {@code minimum} with every direction up, and {@code degenerate} with none down but some
         * flat, where the Hessian alone cannot tell a minimum from a saddle (higher derivatives decide).
         */
        public String kind() {
            return negative > 0 ? "saddle" : zero > 0 ? "degenerate" : "minimum";
        }

        /** The index: the fraction of eigenvalues that are negative (Dauphin et al. 2014's α). */
        public double index() {
            return (double) negative / eigenvalues.length;
        }

        public double largest() {
            return eigenvalues[eigenvalues.length - 1];
        }

        public double smallest() {
            return eigenvalues[0];
        }
    }
}
