package dev.losslab.core.field;

import dev.losslab.core.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How a field's values map to 256 shades (0 lowest, 255 highest), and the contour levels and colour
 * bar ticks that go with it. With R = max − min:
 * <pre>
 *   linear   t(f) = (f − min) / R
 *   log      t(f) = log(1 + (f − min)/δ) / log(1 + R/δ)          (δ > 0: the offset)
 *   shade    round(255 · t), or −1 where f is undefined
 * </pre>
 * The log scale is a log of f − min + δ, so it works for negative values (a saddle's x² − y²) and
 * for ranges that start at 0. {@link #fit} chooses it when a linear scale would paint half the
 * picture in the lowest 15 % of the colours: q₅₀ − min < 0.15·R, with q₅₀ the median value. The
 * minima, which are what a person looks for, would then hide in a few dark shades. The offset is
 * δ = q₁ − min (the 1 % quantile), so the lowest 1 % of the picture still gets log 2 / log(1 + R/δ)
 * of the shades and, below δ, the scale is nearly linear. Rosenbrock, the ravine, Himmelblau, Beale,
 * Booth, Matyas, McCormick and Goldstein–Price (3 to 10⁶) get a log scale; the bowl, the saddles,
 * Rastrigin and Ackley stay linear.
 *
 * @param min    the lowest finite value (shade 0)
 * @param max    the highest finite value (shade 255); equal to min for a flat field
 * @param log    whether the scale is logarithmic in f − min + offset
 * @param offset δ, > 0 when log (unused and 0 when linear)
 */
public record ColorScale(double min, double max, boolean log, double offset) {

    /** The quantile whose place on a linear scale decides: the median. */
    public static final double DECIDING_QUANTILE = 0.50;

    /** The quantile whose distance above min is the log scale's offset δ. */
    public static final double OFFSET_QUANTILE = 0.01;

    /** Log scale when the median would sit below this fraction of a linear scale. */
    public static final double LOG_WHEN_MEDIAN_BELOW = 0.15;

    /** The smallest offset as a fraction of R, so a flat floor covering a tenth of the window stays drawable. */
    static final double MIN_OFFSET_FRACTION = 1e-6;

    /** Most values sorted to estimate the quantile (a strided, deterministic subset beyond that). */
    static final int QUANTILE_SAMPLES = 1 << 12;

    public ColorScale {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
            throw new IllegalArgumentException("need finite min <= max, got " + min + ", " + max);
        }
        if (log ? !(offset > 0 && Double.isFinite(offset)) : offset != 0) {
            throw new IllegalArgumentException("offset must be > 0 for a log scale and 0 for a linear one, got " + offset);
        }
    }

    public static ColorScale linear(double min, double max) {
        return new ColorScale(min, max, false, 0);
    }

    public static ColorScale logarithmic(double min, double max, double offset) {
        return new ColorScale(min, max, true, offset);
    }

    /**
     * The scale for these values (NaN ones ignored): min and max of the rest, log or linear by the
     * rule above. All-undefined values give the linear scale [0, 0].
     */
    public static ColorScale fit(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (double v : values) {
            if (v == v) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                finite++;
            }
        }
        if (finite == 0) {
            return linear(0, 0);
        }
        double range = max - min;
        if (!(range > 0)) {
            return linear(min, max);
        }
        if (range == Double.POSITIVE_INFINITY) {
            // Two finite doubles whose difference overflows: no scale in doubles spans them.
            throw new InvalidInputException("surface", "f runs from " + min + " to " + max
                    + " over this window, too wide a range to colour; choose a smaller window");
        }
        double[] sorted = sortedSample(values, finite);
        if (!(quantile(sorted, DECIDING_QUANTILE) - min < LOG_WHEN_MEDIAN_BELOW * range)) {
            return linear(min, max);
        }
        return logarithmic(min, max, Math.max(quantile(sorted, OFFSET_QUANTILE) - min, range * MIN_OFFSET_FRACTION));
    }

    /** The finite values, sorted; a strided subset when there are more than QUANTILE_SAMPLES. */
    static double[] sortedSample(double[] values, int finite) {
        int stride = Math.max(1, finite / QUANTILE_SAMPLES);
        double[] sample = new double[(finite + stride - 1) / stride];
        int n = 0;
        int seen = 0;
        for (double v : values) {
            if (v == v) {
                if (seen % stride == 0 && n < sample.length) {
                    sample[n++] = v;
                }
                seen++;
            }
        }
        Arrays.sort(sample, 0, n);
        return n == sample.length ? sample : Arrays.copyOf(sample, n);
    }

    /** The q-quantile of sorted values, interpolated between neighbours (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** t(f) in [0, 1] (clamped); 0 on a flat scale; NaN for NaN. */
    public double position(double f) {
        double range = max - min;
        if (!(range > 0)) {
            return f == f ? 0 : Double.NaN;
        }
        double t = log ? Math.log1p((f - min) / offset) / Math.log1p(range / offset) : (f - min) / range;
        return t != t ? (f == f ? 0 : Double.NaN) : Math.clamp(t, 0.0, 1.0);
    }

    /** round(255·t(f)), or −1 where f is NaN or infinite. */
    public int shade(double f) {
        if (!Double.isFinite(f)) {
            return -1;
        }
        return (int) Math.round(255 * position(f));
    }

    /** The value at position t: the inverse of {@link #position}. */
    public double valueAt(double t) {
        double range = max - min;
        if (t <= 0) {
            return min;
        }
        if (t >= 1) {
            return max;
        }
        return log ? min + offset * Math.expm1(t * Math.log1p(range / offset)) : min + t * range;
    }

    /**
     * {@code count} contour levels evenly spaced in t: t_k = k/(count + 1), k = 1..count. So each
     * band between two lines spans the same number of shades: evenly spaced values on a linear
     * scale, log-spaced values of f − min + δ on a log scale. None for a flat field.
     */
    public double[] levels(int count) {
        if (!(max > min) || count <= 0) {
            return new double[0];
        }
        double[] levels = new double[count];
        for (int k = 1; k <= count; k++) {
            levels[k - 1] = valueAt((double) k / (count + 1));
        }
        return levels;
    }

    /**
     * Colour-bar ticks, lowest first: min and max, and between them round values at least
     * {@value #MIN_TICK_GAP} of the bar apart. Linear: multiples of a 1–2–2.5–5 step giving about six
     * ticks. Log: values m·10^k (m = 1, then 5, then 2), powers of ten placed first.
     */
    public List<Tick> ticks() {
        List<Double> values = new ArrayList<>();
        values.add(min);
        if (max > min) {
            values.add(max);
            if (log) {
                logTicks(values);
            } else {
                linearTicks(values);
            }
        }
        values.sort(Comparator.naturalOrder());
        return values.stream().map(v -> new Tick(v, shade(v))).toList();
    }

    static final double MIN_TICK_GAP = 0.08;

    private void linearTicks(List<Double> values) {
        double raw = (max - min) / 6;
        int exponent = (int) Math.floor(Math.log10(raw));
        BigDecimal step = null;
        for (String m : new String[] {"1", "2", "2.5", "5", "10"}) {
            step = new BigDecimal(m).scaleByPowerOfTen(exponent);
            if (step.doubleValue() >= raw) {
                break;
            }
        }
        BigDecimal first = BigDecimal.valueOf(Math.ceil(min / step.doubleValue())).multiply(step);
        for (BigDecimal v = first; v.doubleValue() <= max; v = v.add(step)) {
            addIfApart(values, v.doubleValue());
        }
    }

    private void logTicks(List<Double> values) {
        double largest = Math.max(Math.abs(min), Math.abs(max));
        int top = (int) Math.floor(Math.log10(largest));
        int bottom = (int) Math.floor(Math.log10(Math.max(offset, largest * 1e-12)));
        addIfApart(values, 0);
        for (String m : new String[] {"1", "5", "2"}) {
            for (int e = top; e >= bottom; e--) {
                double v = new BigDecimal(m).scaleByPowerOfTen(e).doubleValue();
                addIfApart(values, v);
                addIfApart(values, -v);
            }
        }
    }

    private void addIfApart(List<Double> values, double v) {
        if (!(v > min && v < max)) {
            return;
        }
        double t = position(v);
        for (double other : values) {
            if (Math.abs(position(other) - t) < MIN_TICK_GAP) {
                return;
            }
        }
        values.add(v);
    }
}
