package dev.losslab.core.field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Contour lines of a {@link SampledField} by marching squares, joined into polylines in world
 * coordinates.
 *
 * <p>The algorithm, for one level L:
 * <ol>
 *   <li>Each grid cell has corners a = (i, j), b = (i+1, j), c = (i+1, j+1), d = (i, j+1)
 *       (bottom-left, bottom-right, top-right, top-left). A corner is "above" when its value ≥ L;
 *       the four above-bits give one of 16 cases. A cell with an undefined (NaN) corner is skipped,
 *       so lines end where f becomes undefined.</li>
 *   <li>The line crosses each cell edge whose ends differ, at the point found by linear
 *       interpolation: p + (L − f(p))/(f(q) − f(p))·(q − p). Cases with two crossings give one
 *       segment; the saddle cases 5 (a, c above) and 10 (b, d above) have four crossings and two
 *       segments, paired by the value at the cell centre (the mean of the corners): if the centre is
 *       above, the two above corners are joined through the middle and the segments cut off the two
 *       below corners; otherwise they cut off the two above corners.</li>
 *   <li>A crossing is named by the grid edge it lies on, so the two cells that share an edge share
 *       the crossing exactly. Each edge touches at most two segments; following segment to segment
 *       through shared edges joins them into polylines. Chains that end (at the window's border or
 *       next to undefined values) are walked first from one end; what remains are closed loops,
 *       whose first point is repeated at the end.</li>
 * </ol>
 * Crossing points are recomputed from their edge when written, so nothing is stored per crossing.
 * One instance holds scratch arrays sized for its field; it is not thread-safe.
 */
public final class MarchingSquares {

    private final SampledField field;
    private final int n;
    /** For each edge id, the first and second segment through it, or −1. */
    private final int[] first;
    private final int[] second;
    private int[] segmentEdges = new int[256];
    private int segments;

    public MarchingSquares(SampledField field) {
        this.field = field;
        this.n = field.size();
        this.first = new int[2 * n * n];
        this.second = new int[2 * n * n];
        Arrays.fill(first, -1);
        Arrays.fill(second, -1);
    }

    /** The contour lines at each of {@code levels}, in that order, with their shades on {@code scale}. */
    public static List<ContourLine> contours(SampledField field, double[] levels, ColorScale scale) {
        MarchingSquares tracer = new MarchingSquares(field);
        List<ContourLine> lines = new ArrayList<>(levels.length);
        for (double level : levels) {
            lines.add(new ContourLine(level, scale.shade(level), tracer.trace(level)));
        }
        return lines;
    }

    /** The polylines where f = level, each {@code [x0, y0, x1, y1, …]}. */
    public List<double[]> trace(double level) {
        segments = 0;
        double[] v = field.values();
        for (int j = 0; j + 1 < n; j++) {
            for (int i = 0; i + 1 < n; i++) {
                double a = v[j * n + i];
                double b = v[j * n + i + 1];
                double c = v[(j + 1) * n + i + 1];
                double d = v[(j + 1) * n + i];
                if (a != a || b != b || c != c || d != d) {
                    continue;
                }
                int index = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
                if (index == 0 || index == 15) {
                    continue;
                }
                int bottom = horizontal(i, j);
                int right = vertical(i + 1, j);
                int top = horizontal(i, j + 1);
                int left = vertical(i, j);
                boolean centreAbove = (a + b + c + d) / 4 >= level;
                switch (index) {
                    case 1, 14 -> segment(left, bottom);
                    case 2, 13 -> segment(bottom, right);
                    case 3, 12 -> segment(left, right);
                    case 4, 11 -> segment(right, top);
                    case 6, 9 -> segment(bottom, top);
                    case 7, 8 -> segment(left, top);
                    case 5 -> {
                        if (centreAbove) {
                            segment(bottom, right);
                            segment(left, top);
                        } else {
                            segment(left, bottom);
                            segment(right, top);
                        }
                    }
                    case 10 -> {
                        if (centreAbove) {
                            segment(left, bottom);
                            segment(right, top);
                        } else {
                            segment(bottom, right);
                            segment(left, top);
                        }
                    }
                    default -> throw new AssertionError("case " + index);
                }
            }
        }
        List<double[]> paths = join(level);
        for (int s = 0; s < segments; s++) {
            first[segmentEdges[2 * s]] = second[segmentEdges[2 * s]] = -1;
            first[segmentEdges[2 * s + 1]] = second[segmentEdges[2 * s + 1]] = -1;
        }
        return paths;
    }

    /** The edge from grid point (i, j) to (i+1, j). */
    private int horizontal(int i, int j) {
        return 2 * (j * n + i);
    }

    /** The edge from grid point (i, j) to (i, j+1). */
    private int vertical(int i, int j) {
        return 2 * (j * n + i) + 1;
    }

    private void segment(int edgeA, int edgeB) {
        if (2 * segments + 2 > segmentEdges.length) {
            segmentEdges = Arrays.copyOf(segmentEdges, segmentEdges.length * 2);
        }
        int s = segments++;
        segmentEdges[2 * s] = edgeA;
        segmentEdges[2 * s + 1] = edgeB;
        link(edgeA, s);
        link(edgeB, s);
    }

    private void link(int edge, int s) {
        if (first[edge] < 0) {
            first[edge] = s;
        } else {
            second[edge] = s;
        }
    }

    private List<double[]> join(double level) {
        List<double[]> paths = new ArrayList<>();
        boolean[] used = new boolean[segments];
        // Open chains first, from an edge that only one segment touches.
        for (int s = 0; s < segments; s++) {
            for (int end = 0; end < 2 && !used[s]; end++) {
                int edge = segmentEdges[2 * s + end];
                if (second[edge] < 0) {
                    paths.add(walk(s, edge, used, level, false));
                }
            }
        }
        for (int s = 0; s < segments; s++) {
            if (!used[s]) {
                paths.add(walk(s, segmentEdges[2 * s], used, level, true));
            }
        }
        return paths;
    }

    /** Follows segments from {@code start}, entering through {@code edge}, until the chain ends or closes. */
    private double[] walk(int start, int edge, boolean[] used, double level, boolean closed) {
        double[] xy = new double[16];
        int count = 0;
        int startEdge = edge;
        xy = put(xy, count++, edge, level);
        int s = start;
        while (s >= 0 && !used[s]) {
            used[s] = true;
            int next = segmentEdges[2 * s] == edge ? segmentEdges[2 * s + 1] : segmentEdges[2 * s];
            xy = put(xy, count++, next, level);
            edge = next;
            if (closed && edge == startEdge) {
                break;
            }
            s = first[edge] == s ? second[edge] : first[edge];
        }
        return Arrays.copyOf(xy, 2 * count);
    }

    private double[] put(double[] xy, int index, int edge, double level) {
        if (2 * index + 2 > xy.length) {
            xy = Arrays.copyOf(xy, xy.length * 2);
        }
        int cell = edge >> 1;
        int i = cell % n;
        int j = cell / n;
        int i2 = (edge & 1) == 0 ? i + 1 : i;
        int j2 = (edge & 1) == 0 ? j : j + 1;
        double p = field.value(i, j);
        double q = field.value(i2, j2);
        double t = (level - p) / (q - p);
        double x = field.x(i), y = field.y(j);
        xy[2 * index] = x + t * (field.x(i2) - x);
        xy[2 * index + 1] = y + t * (field.y(j2) - y);
        return xy;
    }
}
