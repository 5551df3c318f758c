package dev.losslab.core.field;

import java.util.List;

/**
 * Every curve where f equals {@code level}, as polylines in world coordinates: each path is
 * {@code [x0, y0, x1, y1, …]}; a closed curve repeats its first point at the end.
 *
 * @param level the contour value
 * @param shade the colour-scale shade of the level (0..255)
 * @param paths the polylines (arrays shared, not copied: do not modify)
 */
public record ContourLine(double level, int shade, List<double[]> paths) {

    public ContourLine {
        paths = List.copyOf(paths);
    }
}
