package dev.losslab.app.web.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Eigenvalues counted in bins along a symmetric-log axis, small enough to send whatever the
 * number of eigenvalues: a trained network's Hessian has a bulk of near-zero eigenvalues spread
 * over decades, a few large ones (the sharpness) and, at a saddle, some negative ones; a linear
 * axis would show one spike at 0. On the axis
 * <pre>
 *   s(λ) = sign(λ)·log₁₀(1 + |λ|/c)        λ(s) = sign(s)·c·(10^|s| − 1)
 * </pre>
 * each decade of |λ| above the linear width c is as wide as the next, and the sign is kept. c is the
 * tolerance within which an eigenvalue counts as flat, so the flat ones sit within |s| ≤ log₁₀ 2.
 * The bins are equally wide in s and 0 is an edge, so no bin mixes signs; each bin still counts its
 * negative, flat and positive eigenvalues apart (a bin just below 0 holds flat ones), so the counts
 * of all bins add up exactly to the spectrum's.
 *
 * @param linear c, the linear width
 * @param bins   in ascending order, empty ones included
 */
record SpectrumHistogram(double linear, List<Bin> bins) {

    /** About this many bins span the eigenvalues. */
    static final int BINS = 48;

    /**
     * Eigenvalues from {@code from} to {@code to} (in λ), {@code negative} below −tolerance,
     * {@code zero} within ±tolerance and {@code positive} above it.
     */
    record Bin(double from, double to, int negative, int zero, int positive) {
        int count() {
            return negative + zero + positive;
        }
    }

    /**
     * @param ascending the eigenvalues, smallest first, all finite
     * @param tolerance the flat band's half-width (≥ 0)
     */
    static SpectrumHistogram of(double[] ascending, double tolerance) {
        // Without a tolerance, a millionth of the largest |λ|; 1 when every eigenvalue is 0 (or that underflows).
        double top = Math.max(Math.abs(ascending[0]), Math.abs(ascending[ascending.length - 1])) * 1e-6;
        double c = tolerance > 0 ? tolerance : top > 0 ? top : 1;
        double lo = s(ascending[0], c);
        double hi = s(ascending[ascending.length - 1], c);
        double width = hi > lo ? (hi - lo) / BINS : 1;
        long first = (long) Math.floor(lo / width);
        long last = Math.max(first + 1, (long) Math.ceil(hi / width));
        int count = (int) (last - first);
        int[][] counts = new int[count][3];
        for (double v : ascending) {
            int k = (int) Math.min(count - 1, Math.max(0, (long) Math.floor(s(v, c) / width) - first));
            counts[k][v < -tolerance ? 0 : v <= tolerance ? 1 : 2]++;
        }
        List<Bin> bins = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            bins.add(new Bin(lambda((first + k) * width, c), lambda((first + k + 1) * width, c), counts[k][0], counts[k][1],
                    counts[k][2]));
        }
        return new SpectrumHistogram(c, bins);
    }

    /** s(λ) = sign(λ)·log₁₀(1 + |λ|/c). */
    static double s(double lambda, double c) {
        return Math.signum(lambda) * Math.log10(1 + Math.abs(lambda) / c);
    }

    /** λ(s) = sign(s)·c·(10^|s| − 1), the inverse of {@link #s}. */
    static double lambda(double s, double c) {
        return Math.signum(s) * c * (Math.pow(10, Math.abs(s)) - 1);
    }
}
