package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.Landscapes;
import dev.losslab.core.run.Engine;
import dev.losslab.core.run.Outcomes;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Runner;
import dev.losslab.core.run.Trajectory;
import dev.losslab.core.surface.Landscape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * bfgs, cg, nelder-mead and gd-armijo against SciPy itself: every run in {@code fixtures/scipy/}
 * (written by {@code tools/scipy-fixtures/generate.py} with SciPy 1.10.1 in float64: BFGS, CG and
 * Nelder–Mead by {@code scipy.optimize.minimize}, gd-armijo by a short loop of the textbook rule) is
 * replayed in the engine's three shapes:
 * <ul>
 *   <li>one 2-D point through {@link RunBuilder}, compared row by row;</li>
 *   <li>a batch: the fixtures of one optimizer, surface and settings, each from its own start, in
 *       one {@link Engine} batch; each point must end where SciPy's run ended (same step, stop and
 *       evaluation totals) and on its single run's last point bit for bit;</li>
 *   <li>N-D: the 4-D fixtures (two Rosenbrock functions summed, a genuinely 4-D problem for these
 *       methods: the line search and the simplex couple the copies) run as one point of four
 *       coordinates, compared at every step.</li>
 * </ul>
 *
 * <p>Tolerance: |θ_LossLab − θ_SciPy| ≤ 1e-7 · max(1, |θ_SciPy|) per coordinate and step, and the
 * same for f: relative for values of size 1 or more, absolute below (a converging run sends
 * coordinates to the minimum, where relative error of a small number means nothing). Both programs
 * evaluate bit-identical f and ∇f (the script writes the catalog's formulas in the same order), so
 * what differs is rounding inside the methods: NumPy's matrix products go through BLAS, which
 * fuses multiply-adds on this machine. The largest differences are printed after the run.
 *
 * <p>Evaluation counts must equal SciPy's exactly at every row (f_evals against {@code nfev},
 * g_evals against {@code njev}) and in total, a failed last line search included. Nelder–Mead
 * evaluates no gradient in SciPy; LossLab's engine evaluates ∇f once at every point it records, so
 * its g_evals are step + 1.
 *
 * <p>The runs end as SciPy's did: "converged" by the method's own test, "line-search-failed" where
 * SciPy reports precision loss; gd-armijo's runs stop at their step limit. LossLab's own gradient
 * tolerance is 0 here, so only the methods' tests stop them.
 */
class ScipyFixtureTest {

    static final double TOLERANCE = 1e-7;
    /** Steps past SciPy's last iterate the replay may take: a method that failed to stop would use them. */
    private static final int SPARE_STEPS = 20;
    private static final Map<String, double[]> MAX_ERRORS = new TreeMap<>();

    /** One fixture file: its settings (the "# run:" line), column names and SciPy's rows. */
    record Fixture(String file, Map<String, String> run, List<String> columns, double[][] rows) {
        @Override
        public String toString() {
            return file;
        }

        String optimizer() {
            return run.get("optimizer");
        }

        int dimension() {
            return columns.size() - 4;
        }

        double[] start() {
            return Arrays.stream(run.get("start").split(",")).mapToDouble(Double::parseDouble).toArray();
        }

        int lastStep() {
            return (int) rows[rows.length - 1][0];
        }

        String end() {
            return run.get("end");
        }

        /** Everything but the start: the fixtures that may share a batch. */
        String group() {
            return optimizer() + " " + run.get("surface") + " " + run.get("lr") + " " + run.get("params") + " "
                    + run.get("end").equals("max-steps") + " " + lastStepIfFixed();
        }

        private String lastStepIfFixed() {
            return end().equals("max-steps") ? Integer.toString(lastStep()) : "";
        }

        double coordinate(int row, int d) {
            return rows[row][1 + d];
        }

        double loss(int row) {
            return rows[row][1 + dimension()];
        }

        long functionEvaluations(int row) {
            return (long) rows[row][2 + dimension()];
        }

        long gradientEvaluations(int row) {
            return (long) rows[row][3 + dimension()];
        }
    }

    static Stream<Fixture> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(ScipyFixtureTest.class.getResource("/fixtures/scipy").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".csv")).sorted().map(ScipyFixtureTest::read).toList().stream();
        }
    }

    static Stream<Fixture> planar() throws Exception {
        return fixtures().filter(f -> f.dimension() == 2);
    }

    static Stream<Fixture> fourDimensional() throws Exception {
        return fixtures().filter(f -> f.dimension() == 4);
    }

    static Stream<List<Fixture>> batches() throws Exception {
        return planar().collect(Collectors.groupingBy(Fixture::group, TreeMap::new, Collectors.toList())).values().stream();
    }

    static Fixture read(Path path) {
        try {
            Map<String, String> run = new LinkedHashMap<>();
            List<String> columns = List.of();
            List<double[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(path)) {
                if (line.startsWith("# run: ")) {
                    for (String kv : line.substring("# run: ".length()).split(" ")) {
                        int eq = kv.indexOf('=');
                        run.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                } else if (line.startsWith("step,")) {
                    columns = List.of(line.split(","));
                } else if (!line.startsWith("#")) {
                    rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
                }
            }
            return new Fixture(path.getFileName().toString(), run, columns, rows.toArray(double[][]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's run, with room to go on past SciPy's end (none for a fixed number of steps). */
    static RunSpec spec(Fixture f, int steps) {
        double[] start = f.start();
        RunBuilder builder = RunBuilder.on(landscape(f.run().get("surface")))
                .optimizer(f.optimizer())
                .learningRate(Double.parseDouble(f.run().get("lr")))
                .start(start[0], start[f.dimension() / 2])
                .steps(steps)
                .tolerance(0);
        TorchFixtureTest.params(f.run().get("params")).forEach(builder::set);
        return builder.spec();
    }

    static int steps(Fixture f) {
        return f.end().equals("max-steps") ? f.lastStep() : f.lastStep() + SPARE_STEPS;
    }

    /** A catalog surface, or "name*k": k copies summed, one point of 2k coordinates ({@link ShapesTest.Copies}). */
    static Landscape landscape(String name) {
        int star = name.indexOf('*');
        if (star < 0) {
            return Landscapes.resolve(name);
        }
        Landscape plane = Landscapes.resolve(name.substring(0, star));
        int k = Integer.parseInt(name.substring(star + 1));
        return new Landscape(name, plane.title(), plane.formula(), plane.description(),
                new ShapesTest.Copies(plane.surface(), k), plane.window(), plane.defaultStart(), plane.learningRate(),
                plane.adaptiveLearningRate(), plane.knownMinima());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planar")
    void onePointMatchesScipyAtEveryStep(Fixture f) {
        Run run = runOf(f);
        Trajectory t = run.trajectory();
        assertThat(run.stopReason().code()).as("stop: %s", run.stopReason().explanation()).isEqualTo(f.end());
        assertThat(t.size()).as("points").isEqualTo(f.rows().length);
        for (int k = 0; k < f.rows().length; k++) {
            Trajectory.Point p = t.point(k);
            check(f, k, "x", p.x(), f.coordinate(k, 0));
            check(f, k, "y", p.y(), f.coordinate(k, 1));
            check(f, k, "loss", p.loss(), f.loss(k));
            checkCounts(f, k, k, p.functionEvaluations(), p.gradientEvaluations());
        }
        assertThat(run.functionEvaluations()).as("nfev").isEqualTo(Long.parseLong(f.run().get("nfev")));
        long njev = f.optimizer().equals("nelder-mead") ? f.lastStep() + 1 : Long.parseLong(f.run().get("njev"));
        assertThat(run.gradientEvaluations()).as("njev").isEqualTo(njev);
    }

    private static Run runOf(Fixture f) {
        return Runner.run(spec(f, steps(f)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void aBatchOfDifferentStartsEndsWhereEachScipyRunEnded(List<Fixture> group) {
        int count = group.size();
        double[] starts = new double[2 * count];
        int steps = 0;
        for (int c = 0; c < count; c++) {
            starts[c] = group.get(c).start()[0];
            starts[count + c] = group.get(c).start()[1];
            steps = Math.max(steps, steps(group.get(c)));
        }
        Outcomes batch = Engine.run(spec(group.getFirst(), steps), starts, count, null, Engine.Checkpoint.NONE);
        for (int c = 0; c < count; c++) {
            Fixture f = group.get(c);
            Run alone = runOf(f);
            int last = f.rows().length - 1;
            assertThat(batch.stop(c).code()).as("%s stop", f).isEqualTo(f.end());
            assertThat(batch.steps(c)).as("%s steps", f).isEqualTo(f.lastStep());
            check(f, last, "batch x", batch.end(c, 0), f.coordinate(last, 0));
            check(f, last, "batch y", batch.end(c, 1), f.coordinate(last, 1));
            assertThat(batch.end(c, 0)).as("%s x as alone", f).isEqualTo(alone.last().x());
            assertThat(batch.end(c, 1)).as("%s y as alone", f).isEqualTo(alone.last().y());
            checkTotals(f, batch, c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fourDimensional")
    void anNDimensionalPointMatchesScipyAtEveryStep(Fixture f) {
        double[] start = f.start();
        for (int k = 0; k < f.rows().length; k++) {
            Outcomes point = Engine.run(spec(f, k), start, 1, null, Engine.Checkpoint.NONE);
            assertThat(point.steps(0)).as("%s step %d", f, k).isEqualTo(k);
            for (int d = 0; d < 4; d++) {
                check(f, k, "theta" + d, point.end(0, d), f.coordinate(k, d));
            }
            check(f, k, "loss", point.loss(0), f.loss(k));
            checkCounts(f, k, k, point.functionEvaluations(0), point.gradientEvaluations(0));
        }
        Outcomes whole = Engine.run(spec(f, steps(f)), start, 1, null, Engine.Checkpoint.NONE);
        assertThat(whole.stop(0).code()).as("%s stop", f).isEqualTo(f.end());
        assertThat(whole.steps(0)).as("%s steps", f).isEqualTo(f.lastStep());
        checkTotals(f, whole, 0);
    }

    /** The counts at row k (the point after {@code step} steps). */
    private static void checkCounts(Fixture f, int k, int step, long fEvals, long gEvals) {
        assertThat(fEvals).as("%s step %d f_evals", f, step).isEqualTo(f.functionEvaluations(k));
        long expectedG = f.optimizer().equals("nelder-mead") ? step + 1 : f.gradientEvaluations(k);
        assertThat(gEvals).as("%s step %d g_evals", f, step).isEqualTo(expectedG);
    }

    /** SciPy's nfev and njev at the end, a failed last line search included. */
    private static void checkTotals(Fixture f, Outcomes outcomes, int point) {
        assertThat(outcomes.functionEvaluations(point)).as("%s nfev", f).isEqualTo(Long.parseLong(f.run().get("nfev")));
        long njev = f.optimizer().equals("nelder-mead") ? f.lastStep() + 1 : Long.parseLong(f.run().get("njev"));
        assertThat(outcomes.gradientEvaluations(point)).as("%s njev", f).isEqualTo(njev);
    }

    private static void check(Fixture f, int step, String what, double actual, double expected) {
        double error = Math.abs(actual - expected);
        double scaled = error / Math.max(1, Math.abs(expected));
        double relative = expected == 0 ? (error == 0 ? 0 : Double.POSITIVE_INFINITY) : error / Math.abs(expected);
        synchronized (MAX_ERRORS) {
            double[] max = MAX_ERRORS.computeIfAbsent(f.optimizer(), o -> new double[3]);
            max[0] = Math.max(max[0], error);
            if (Math.abs(expected) >= 1e-3) {
                max[1] = Math.max(max[1], relative);
            }
            max[2] = Math.max(max[2], scaled);
        }
        assertThat(scaled)
                .as("%s step %d %s: LossLab %s, SciPy %s", f, step, what, actual, expected)
                .isLessThanOrEqualTo(TOLERANCE);
    }

    /** Every classical optimizer has fixtures, in each shape, and each way a run can end is covered. */
    @Test
    void coverEveryClassicalOptimizerAndEveryEnd() throws Exception {
        Set<String> planar = new TreeSet<>();
        Set<String> nd = new TreeSet<>();
        Set<String> ends = new TreeSet<>();
        fixtures().forEach(f -> {
            (f.dimension() == 2 ? planar : nd).add(f.optimizer());
            ends.add(f.optimizer() + " " + f.end());
        });
        Set<String> classical = Set.of("bfgs", "cg", "nelder-mead", "gd-armijo");
        assertThat(planar).containsExactlyInAnyOrderElementsOf(classical);
        assertThat(nd).containsExactlyInAnyOrderElementsOf(classical);
        assertThat(ends).contains("bfgs converged", "bfgs line-search-failed", "cg converged", "cg line-search-failed",
                "nelder-mead converged", "gd-armijo max-steps");
        assertThat(batches().filter(g -> g.size() > 1).map(g -> g.getFirst().optimizer()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(classical);
    }

    @AfterAll
    static void report() {
        MAX_ERRORS.forEach((optimizer, max) -> System.out.printf(
                "ScipyFixtureTest: %-12s max |error| %.3g, max relative error %.3g (values ≥ 1e-3), max error/max(1, |value|) %.3g%n",
                optimizer, max[0], max[1], max[2]));
    }
}
