package dev.losslab.core.maps;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Window;
import java.util.Objects;

/**
 * The starts of a map: {@code columns × rows} points of a window that include both edges, spaced as
 * {@code numpy.linspace} spaces them:
 * <pre>
 *   x_i = xMin + i·(xMax − xMin)/(columns − 1)   for i &lt; columns − 1,   x_{columns−1} = xMax exactly
 *   y_j likewise
 * </pre>
 * (numpy computes {@code i·step + start} and then sets the last point to {@code stop}; so does this.)
 * Cells are numbered row by row: cell {@code j·columns + i} is (x_i, y_j), j = 0 at yMin.
 */
public record Grid(Window window, int columns, int rows) {

    public Grid {
        Objects.requireNonNull(window, "window");
        if (columns < 2 || rows < 2) {
            throw new InvalidInputException("grid", "grid needs at least 2 points a side, got " + columns + "×" + rows);
        }
    }

    /** A G×G grid. */
    public static Grid square(Window window, int size) {
        return new Grid(window, size, size);
    }

    public int cells() {
        return columns * rows;
    }

    public double x(int i) {
        return i == columns - 1 ? window.xMax() : i * ((window.xMax() - window.xMin()) / (columns - 1)) + window.xMin();
    }

    public double y(int j) {
        return j == rows - 1 ? window.yMax() : j * ((window.yMax() - window.yMin()) / (rows - 1)) + window.yMin();
    }
}
