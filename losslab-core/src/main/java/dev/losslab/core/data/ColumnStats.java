package dev.losslab.core.data;

/**
 * The spread of one column of numbers: its least and greatest value, its mean and its population
 * standard deviation (NumPy's {@code np.std}, ddof = 0), the scale that standardizing divides by.
 *
 * @param min  the least value
 * @param max  the greatest value
 * @param mean μ = (1/n) Σ xᵢ
 * @param sd   σ = √((1/n) Σ (xᵢ − μ)²), computed from the deviations (two passes), not from
 *             E[x²] − μ², which loses every digit when the mean is large next to the spread
 */
public record ColumnStats(double min, double max, double mean, double sd) {

    /** The stats of at least one finite value. */
    public static ColumnStats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            double d = v - mean;
            squares += d * d;
        }
        return new ColumnStats(min, max, mean, Math.sqrt(squares / values.length));
    }
}
