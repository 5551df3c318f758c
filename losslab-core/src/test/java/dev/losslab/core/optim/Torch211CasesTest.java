package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Trajectory;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.testing.MiniJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimizers torch 1.13 lacks against torch 2.11 itself: {@code fixtures/torch-2.11-cases.json}
 * (Adafactor, and NAdam and RAdam with {@code decoupled_weight_decay}; trajectories made outside the
 * project with torch 2.11 in float64, on catalog surfaces), replayed in the engine's three shapes,
 * every step compared:
 * <ul>
 *   <li>one 2-D point through {@link RunBuilder}: x, y, the loss and the lr of every row;</li>
 *   <li>a batch of {@value ShapesTest#COPIES} copies of the start, stepped by one stepper;</li>
 *   <li>one point of 2·{@value ShapesTest#COPIES} coordinates on {@value ShapesTest#COPIES} copies
 *       of the surface ({@link ShapesTest.Copies}).</li>
 * </ul>
 * Tolerance: |LossLab − torch| ≤ 1e-7 · max(1, |torch|), the bound the reference file was made
 * for. The gradients here come from the catalog's surfaces, not from bit-matched fixture surfaces,
 * and torch's CPU kernels fuse some multiply-adds, so a few ulps per step are expected; the largest
 * error of each case and shape is printed after the run (about 5e-16 when this was written). The
 * shapes need not agree bit for bit for Adafactor: its N-D point takes RMS(θ) and RMS(U) over all
 * six coordinates, for identical copies the same numbers summed in another order.
 */
class Torch211CasesTest {

    static final double TOLERANCE = 1e-7;
    private static final Map<String, double[]> MAX_ERRORS = new TreeMap<>();

    /** One reference trajectory: the run's settings and torch's rows, by column name. */
    record Case(String surface, String optimizer, Map<String, Object> flags, double[] start, int steps,
                List<String> columns, double[][] rows) {
        @Override
        public String toString() {
            return optimizer + " on " + surface + " " + flags;
        }

        double at(int row, String column) {
            return rows[row][columns.indexOf(column)];
        }

        double learningRate() {
            return at(0, "lr");
        }
    }

    @SuppressWarnings("unchecked")
    static List<Case> cases() {
        try (InputStream in = Torch211CasesTest.class.getResourceAsStream("/fixtures/torch-2.11-cases.json")) {
            List<Object> all = (List<Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return all.stream().map(o -> {
                Map<String, Object> c = (Map<String, Object>) o;
                List<Object> start = (List<Object>) c.get("start");
                List<String> columns = ((List<Object>) c.get("columns")).stream().map(String.class::cast).toList();
                double[][] rows = ((List<Object>) c.get("rows")).stream()
                        .map(r -> ((List<Object>) r).stream().mapToDouble(v -> (Double) v).toArray())
                        .toArray(double[][]::new);
                return new Case((String) c.get("surface"), (String) c.get("optimizer"),
                        (Map<String, Object>) c.get("flags"),
                        new double[] {(Double) start.get(0), (Double) start.get(1)},
                        ((Double) c.get("steps")).intValue(), columns, rows);
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case as a LossLab run: lr from the rows (torch's default when the flags give none). */
    static RunBuilder builder(Case c) {
        RunBuilder builder = RunBuilder.on(c.surface()).optimizer(c.optimizer()).learningRate(c.learningRate())
                .start(c.start()[0], c.start()[1]).steps(c.steps()).tolerance(0);
        c.flags().forEach((name, value) -> {
            if (!name.equals("lr")) {
                builder.set(name, value instanceof Boolean flag ? (flag ? 1 : 0) : (Double) value);
            }
        });
        return builder;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onePointMatchesTorchAtEveryStep(Case c) {
        assertThat(c.learningRate()).isEqualTo(((Number) c.flags().getOrDefault("lr", 0.01)).doubleValue());
        Run run = builder(c).run();
        Trajectory t = run.trajectory();
        assertThat(run.stopReason().code()).isEqualTo("max-steps");
        assertThat(t.size()).isEqualTo(c.rows().length).isEqualTo(c.steps() + 1);
        for (int k = 0; k < c.rows().length; k++) {
            assertThat((int) c.at(k, "step")).isEqualTo(k);
            Trajectory.Point p = t.point(k);
            check(c, "point", k, "x", p.x(), c.at(k, "x"));
            check(c, "point", k, "y", p.y(), c.at(k, "y"));
            check(c, "point", k, "loss", p.loss(), c.at(k, "loss"));
            check(c, "point", k, "lr", p.lr(), c.at(k, "lr"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBatchOfCopiesMatchesTorchAtEveryStep(Case c) {
        int copies = ShapesTest.COPIES;
        RunSpec spec = builder(c).spec();
        Surface surface = spec.landscape().surface();
        stepAndCompare(c, "batch", spec, surface, spec.optimizer().newStepper(2, copies), copies);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anNDimensionalPointOfCopiesMatchesTorchAtEveryStep(Case c) {
        int copies = ShapesTest.COPIES;
        RunSpec spec = builder(c).spec();
        Surface surface = new ShapesTest.Copies(spec.landscape().surface(), copies);
        stepAndCompare(c, "N-D", spec, surface, spec.optimizer().newStepper(2 * copies, 1), 1);
    }

    /**
     * Steps {@link ShapesTest#COPIES} copies of the case's start, laid out as a batch of n points
     * (n = copies) or as one point of 2·copies coordinates (n = 1): the same array either way.
     */
    private static void stepAndCompare(Case c, String shape, RunSpec spec, Surface surface, Stepper stepper, int n) {
        int copies = ShapesTest.COPIES;
        double[] theta = new double[2 * copies];
        for (int i = 0; i < copies; i++) {
            theta[i] = c.start()[0];
            theta[copies + i] = c.start()[1];
        }
        double[] values = new double[n];
        double[] gradient = new double[2 * copies];
        boolean[] stuck = new boolean[n];
        for (int k = 0; k < c.steps(); k++) {
            surface.valueAndGradient(theta, n, values, gradient);
            double lr = spec.schedule().learningRate(spec.learningRate(), k);
            assertThat(stepper.step(theta, gradient, n, lr, k + 1L, surface, stuck)).isZero();
            for (int i = 0; i < copies; i++) {
                check(c, shape, k + 1, "x" + i, theta[i], c.at(k + 1, "x"));
                check(c, shape, k + 1, "y" + i, theta[copies + i], c.at(k + 1, "y"));
            }
        }
    }

    private static void check(Case c, String shape, int step, String what, double actual, double expected) {
        double absolute = Math.abs(actual - expected);
        double error = absolute / Math.max(1, Math.abs(expected));
        synchronized (MAX_ERRORS) {
            double[] max = MAX_ERRORS.computeIfAbsent(c + " [" + shape + "]", key -> new double[2]);
            max[0] = Math.max(max[0], absolute);
            max[1] = Math.max(max[1], error);
        }
        assertThat(error)
                .as("%s [%s] step %d %s: LossLab %s, torch 2.11 %s", c, shape, step, what, actual, expected)
                .isLessThanOrEqualTo(TOLERANCE);
    }

    @AfterAll
    static void report() {
        MAX_ERRORS.forEach((where, max) ->
                System.out.printf("Torch211CasesTest: %s max error %.3g absolute, %.3g relative%n", where, max[0], max[1]));
    }
}
