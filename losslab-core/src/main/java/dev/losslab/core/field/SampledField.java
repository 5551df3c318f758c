package dev.losslab.core.field;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Window;
import java.util.Objects;

/**
 * A surface's values on a {@code size × size} grid that includes both window edges, like
 * {@code numpy.linspace} on each axis: x_i = x0 + i·(x1 − x0)/(size − 1), y_j likewise. Values are
 * row-major with row j = 0 at y0 (the bottom): {@code values[j·size + i] = f(x_i, y_j)}. Where f is
 * not finite (undefined, or overflowing to ±∞) the value is NaN, which everything downstream treats
 * as "no value here".
 *
 * <p>The array is shared, not copied (a 400 × 400 field is 1.3 MB): callers must not modify it.
 *
 * @param window where the grid lies
 * @param size   points per side, at least 2
 * @param values {@code size²} values, NaN where undefined
 */
public record SampledField(Window window, int size, double[] values) {

    /** Most points per side: 4096² doubles is already 128 MB. */
    public static final int MAX_SIZE = 4096;

    public SampledField {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(values, "values");
        if (size < 2 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be in [2, " + MAX_SIZE + "], got " + size);
        }
        if (values.length != size * size) {
            throw new IllegalArgumentException("expected " + size * size + " values, got " + values.length);
        }
    }

    /** Samples {@code surface} at every grid point. */
    public static SampledField sample(Surface surface, Window window, int size) {
        if (size < 2 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be in [2, " + MAX_SIZE + "], got " + size);
        }
        double[] values = new double[size * size];
        for (int j = 0; j < size; j++) {
            double y = coordinate(window.yMin(), window.yMax(), j, size);
            for (int i = 0; i < size; i++) {
                double v = surface.value(coordinate(window.xMin(), window.xMax(), i, size), y);
                values[j * size + i] = Double.isFinite(v) ? v : Double.NaN;
            }
        }
        return new SampledField(window, size, values);
    }

    /** lo + k·(hi − lo)/(n − 1), exactly hi at k = n − 1. */
    static double coordinate(double lo, double hi, int k, int n) {
        return k == n - 1 ? hi : lo + k * (hi - lo) / (n - 1);
    }

    public double x(int i) {
        return coordinate(window.xMin(), window.xMax(), i, size);
    }

    public double y(int j) {
        return coordinate(window.yMin(), window.yMax(), j, size);
    }

    /** f(x_i, y_j), NaN where undefined. */
    public double value(int i, int j) {
        return values[j * size + i];
    }
}
