package dev.losslab.core.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalog surface's batch methods honour the batch layout: point i of n is read from
 * {@code [i]} and {@code [n + i]}, and its f, ∇f and ∇²f are written to {@code f[i]},
 * {@code g[i]}, {@code g[n + i]}, {@code h[i]}, {@code h[n + i]}, {@code h[2n + i]}, bit for bit the
 * doubles a batch of one gives at that point (compared as {@link Double#equals}: −0.0 differs from
 * 0.0, NaN equals NaN). The points are a {@value #GRID}×{@value #GRID} grid over the window, the
 * known minima and points just off them, the default start and the origin with its neighbourhood
 * (Ackley's kink, the monkey saddle's flat point), so one batch mixes points on both sides of any
 * per-point branch. Whether those doubles are the right ones is {@link SurfaceDerivativesTest}'s and
 * {@link CatalogTest}'s business.
 */
class BatchEvaluationTest {

    /** Grid points per side over the window. */
    private static final int GRID = 7;

    /** What the output arrays hold before a call, so an entry the call must not write is recognised. */
    private static final double UNTOUCHED = -7777.25;

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void eachPointOfABatchGetsTheDoublesOfABatchOfOne(Landscape landscape) {
        Surface s = landscape.surface();
        double[][] points = batchPoints(landscape);
        int n = points.length;
        assertThat(n).isGreaterThanOrEqualTo(37);
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            p[i] = points[i][0];
            p[n + i] = points[i][1];
        }
        double[] f = new double[n];
        double[] g = new double[2 * n];
        double[] h = new double[3 * n];
        s.valueAndGradient(p, n, f, g);
        s.hessian(p, n, h);
        for (int i = 0; i < n; i++) {
            assertPoint(landscape, points[i], i, f[i], g[i], g[n + i], h[i], h[n + i], h[2 * n + i]);
        }
    }

    /**
     * With arrays longer than n (a buffer sized for a larger batch), the layout still follows n:
     * y of point i is read from {@code [n + i]}, not from half the array's length, and nothing past
     * the first n values, 2n gradient and 3n Hessian entries is written. The input is not written.
     */
    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void aBatchShorterThanItsArraysUsesTheFirstNEntriesOnly(Landscape landscape) {
        Surface s = landscape.surface();
        double[][] points = batchPoints(landscape);
        int capacity = points.length;
        for (int n : new int[] {0, 1, 2, 3, 8, capacity - 5}) {
            double[] p = new double[2 * capacity];
            for (int i = 0; i < n; i++) {
                p[i] = points[i][0];
                p[n + i] = points[i][1];
            }
            // The rest of the buffer holds other points of the window: a wrong offset reads them.
            for (int j = 2 * n; j < 2 * capacity; j++) {
                p[j] = points[(j * 7) % capacity][j % 2];
            }
            double[] input = p.clone();
            double[] f = filled(capacity);
            double[] g = filled(2 * capacity);
            double[] h = filled(3 * capacity);
            s.valueAndGradient(p, n, f, g);
            s.hessian(p, n, h);
            assertThat(p).as("the points, after evaluating a batch of %s", n).isEqualTo(input);
            for (int i = 0; i < n; i++) {
                assertPoint(landscape, points[i], i, f[i], g[i], g[n + i], h[i], h[n + i], h[2 * n + i]);
            }
            assertUntouched(f, n, "f", n);
            assertUntouched(g, 2 * n, "∇f", n);
            assertUntouched(h, 3 * n, "∇²f", n);
        }
    }

    /** f, f_x, f_y, f_xx, f_xy, f_yy of a batch of one at (x, y), in arrays of exactly its size. */
    private static double[] batchOfOne(Surface s, double x, double y) {
        double[] p = {x, y};
        double[] f = new double[1];
        double[] g = new double[2];
        double[] h = new double[3];
        s.valueAndGradient(p, 1, f, g);
        s.hessian(p, 1, h);
        return new double[] {f[0], g[0], g[1], h[0], h[1], h[2]};
    }

    private static void assertPoint(Landscape landscape, double[] point, int i, double... batch) {
        double[] one = batchOfOne(landscape.surface(), point[0], point[1]);
        String[] names = {"f", "f_x", "f_y", "f_xx", "f_xy", "f_yy"};
        for (int k = 0; k < names.length; k++) {
            assertThat(Double.valueOf(batch[k]))
                    .as("%s of %s at point %s (%s, %s): batch vs batch of one", names[k], landscape.name(), i,
                            point[0], point[1])
                    .isEqualTo(Double.valueOf(one[k]));
        }
    }

    private static void assertUntouched(double[] array, int from, String what, int n) {
        double[] tail = Arrays.copyOfRange(array, from, array.length);
        double[] expected = new double[tail.length];
        Arrays.fill(expected, UNTOUCHED);
        assertThat(tail).as("%s entries from %s on, after a batch of %s", what, from, n).isEqualTo(expected);
    }

    private static double[] filled(int length) {
        double[] a = new double[length];
        Arrays.fill(a, UNTOUCHED);
        return a;
    }

    /**
     * The batch for a landscape: the grid (corners and edges included), then each known minimum
     * and the four points 10⁻⁶·span from it along the axes, the default start, and the origin, −0.0
     * and points 10⁻⁹·span from the origin where the window contains it.
     */
    private static double[][] batchPoints(Landscape landscape) {
        Window w = landscape.window();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                points.add(new double[] {
                    w.xMin() + w.width() * i / (GRID - 1), w.yMin() + w.height() * j / (GRID - 1)});
            }
        }
        double near = 1e-6 * w.span();
        for (Minimum m : landscape.knownMinima()) {
            double x = m.at().x(), y = m.at().y();
            points.add(new double[] {x, y});
            points.add(new double[] {x + near, y});
            points.add(new double[] {x - near, y});
            points.add(new double[] {x, y + near});
            points.add(new double[] {x, y - near});
        }
        points.add(new double[] {landscape.defaultStart().x(), landscape.defaultStart().y()});
        if (w.contains(Vec2.ZERO)) {
            double tiny = 1e-9 * w.span();
            points.add(new double[] {0, 0});
            points.add(new double[] {-0.0, 0});
            points.add(new double[] {0, -0.0});
            points.add(new double[] {tiny, 0});
            points.add(new double[] {0, -tiny});
            points.add(new double[] {tiny, tiny});
        }
        return points.toArray(double[][]::new);
    }
}
