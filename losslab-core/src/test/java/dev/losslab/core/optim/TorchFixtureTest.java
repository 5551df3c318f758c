package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.run.Recording;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.Trajectory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Optimizer × surface × settings against torch.optim itself: every run in
 * {@code fixtures/torch/} (written by {@code tools/torch-fixtures/generate.py} with torch 1.13.1 in
 * float64) is replayed through {@link RunBuilder} and compared point by point.
 *
 * <p>Tolerance: |x_LossLab − x_torch| ≤ 1e-12 · max(1, |x_torch|) for every coordinate and every
 * step. That is relative for coordinates of size 1 or more; below 1 it is 1e-12 absolute, since a
 * run that converges sends coordinates to 0, where a relative error means nothing. The lr column is
 * held to 1e-12 of the run's base lr (a schedule's own scale; some end at exactly 0). The gradients are bit-identical in both programs (see {@link FixtureSurfaces}), so
 * what differences remain come from rounding inside the update rules, and they are known:
 * <ul>
 *   <li>torch's CPU kernels compute {@code a.add_(b, alpha=c)} (and addcmul/addcdiv) as one fused
 *       multiply-add when the machine has FMA (checked on torch 1.13: 0 of 2000 random cases differ
 *       from a correctly rounded a + c·b, 423 differ from the twice-rounded one). LossLab rounds
 *       twice, as the formula reads, because torch's choice depends on the CPU it runs on and
 *       {@code Math.fma} is slow where there is no FMA instruction. With {@code Math.fma} in
 *       {@link Sgd} the gd fixtures match to the last bit, which confirms the cause.</li>
 *   <li>torch's schedulers are mostly stepped recursively (lr ← lr·γ each step); LossLab uses
 *       their closed forms ({@link Schedule}). Both agree to an ulp or so per step, which the
 *       recursion accumulates: the largest lr error is 4e-14 of the base lr (warmup-cosine over
 *       300 steps). CosineAnnealingWarmRestarts is not recursive and matches to the bit.</li>
 * </ul>
 * Each is an ulp per operation; over 50 steps the largest seen is 6e-14 (centered RMSProp with
 * momentum on Rosenbrock, where rounding grows along the valley), printed after the run.
 */
class TorchFixtureTest {

    static final double TOLERANCE = 1e-12;
    private static double maxError;
    private static String maxErrorWhere = "";
    private static double maxLrError;
    private static String maxLrErrorWhere = "";
    /** Per setting (the file name before "--surface"): the largest absolute and relative error. */
    private static final Map<String, double[]> MAX_BY_SETTING = new java.util.TreeMap<>();

    /**
     * One fixture file: its settings (from the "# run:" header line), its column names and torch's
     * rows. Columns past {@code step,x,y,lr} come in pairs {@code name_x,name_y}: an internal vector
     * torch keeps (ASGD's averaged point {@code ax}), compared with what LossLab reports by that name;
     * or they are {@code f_evals,g_evals}, the evaluations so far (L-BFGS's closure calls). The run
     * line's {@code end} says how the run ends ({@code max-steps} when it has none).
     */
    record Fixture(String file, Map<String, String> run, List<String> columns, double[][] rows) {

        /** The internal vectors this fixture holds, by name. */
        List<String> internals() {
            return columns.stream().skip(4).filter(c -> c.endsWith("_x"))
                    .map(c -> c.substring(0, c.length() - 2)).toList();
        }

        /** The stop reason's code. */
        String end() {
            return run.getOrDefault("end", "max-steps");
        }

        /** The column of f's evaluation count, or −1 when the fixture does not count them. */
        int functionEvaluationsColumn() {
            return columns.indexOf("f_evals");
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Fixture> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(TorchFixtureTest.class.getResource("/fixtures/torch").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".csv")).sorted().map(TorchFixtureTest::read).toList().stream();
        }
    }

    static Fixture read(Path path) {
        try {
            Map<String, String> run = new LinkedHashMap<>();
            List<String> columns = List.of();
            List<double[]> rows = new java.util.ArrayList<>();
            for (String line : Files.readAllLines(path)) {
                if (line.startsWith("# run: ")) {
                    for (String kv : line.substring("# run: ".length()).split(" ")) {
                        int eq = kv.indexOf('=');
                        run.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                } else if (line.startsWith("step")) {
                    columns = List.of(line.split(","));
                } else if (!line.startsWith("#")) {
                    rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
                }
            }
            return new Fixture(path.getFileName().toString(), run, columns, rows.toArray(double[][]::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "name:value;…" as the generator writes it; each value as text, read by its Param as the CLI's. */
    static Map<String, Object> params(String text) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (!text.equals("-")) {
            for (String kv : text.split(";")) {
                String[] parts = kv.split(":");
                params.put(parts[0], parts[1]);
            }
        }
        return params;
    }

    static Run replay(Fixture f) {
        int steps = Integer.parseInt(f.run().get("steps"));
        String[] start = f.run().get("start").split(",");
        RunBuilder builder = RunBuilder.on(FixtureSurfaces.landscape(f.run().get("surface")))
                .optimizer(f.run().get("optimizer"))
                .learningRate(Double.parseDouble(f.run().get("lr")))
                .start(Double.parseDouble(start[0]), Double.parseDouble(start[1]))
                .schedule(Schedules.create(f.run().get("schedule"), params(f.run().get("schedule-params")), steps))
                .steps(steps)
                .tolerance(0)
                .recording(f.internals().isEmpty() ? Recording.POINTS : Recording.INTERNALS);
        params(f.run().get("params")).forEach((name, value) -> builder.set(name, value));
        return builder.run();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesTorch(Fixture f) {
        Run run = replay(f);
        Trajectory t = run.trajectory();
        assertThat(run.stopReason().code()).as("stop reason: %s", run.stopReason().explanation()).isEqualTo(f.end());
        assertThat(t.size()).isEqualTo(f.rows().length);
        int evaluations = f.functionEvaluationsColumn();
        double baseLr = f.rows()[0][3];
        for (double[] row : f.rows()) {
            int k = (int) row[0];
            Trajectory.Point p = t.point(k);
            check(f, k, "x", p.x(), row[1], Math.max(1, Math.abs(row[1])));
            check(f, k, "y", p.y(), row[2], Math.max(1, Math.abs(row[2])));
            check(f, k, "lr", p.lr(), row[3], baseLr);
            if (evaluations >= 0) {
                assertThat(p.functionEvaluations()).as("%s step %d f_evals", f, k).isEqualTo((long) row[evaluations]);
                assertThat(p.gradientEvaluations()).as("%s step %d g_evals", f, k).isEqualTo((long) row[evaluations + 1]);
            }
            for (String name : k > 0 ? f.internals() : List.<String>of()) {
                int column = f.columns().indexOf(name + "_x");
                check(f, k, name + ".x", t.internals().x(name, k), row[column], Math.max(1, Math.abs(row[column])));
                check(f, k, name + ".y", t.internals().y(name, k), row[column + 1],
                        Math.max(1, Math.abs(row[column + 1])));
            }
        }
    }

    /** |actual − expected| ≤ {@value #TOLERANCE}·scale, recording the largest error/scale seen. */
    private static void check(Fixture f, int step, String what, double actual, double expected, double scale) {
        double absolute = Math.abs(actual - expected);
        double error = absolute / scale;
        synchronized (TorchFixtureTest.class) {
            if (error > maxError) {
                maxError = error;
                maxErrorWhere = f.file() + " step " + step + " " + what;
            }
            if (what.equals("lr") && error > maxLrError) {
                maxLrError = error;
                maxLrErrorWhere = f.file() + " step " + step;
            }
            double[] max = MAX_BY_SETTING.computeIfAbsent(f.file().substring(0, f.file().indexOf("--")),
                    key -> new double[2]);
            max[0] = Math.max(max[0], absolute);
            max[1] = Math.max(max[1], error);
        }
        assertThat(error)
                .as("%s step %d %s: LossLab %s, torch %s", f.file(), step, what, actual, expected)
                .isLessThanOrEqualTo(TOLERANCE);
    }

    /**
     * The fixtures, with torch 2.11's cases for what torch 1.13 lacks ({@link Torch211CasesTest}),
     * cover every optimizer PyTorch has, every maximize flag and every schedule, so none can go
     * untested.
     */
    @Test
    void coverEveryTorchOptimizerAndEverySchedule() throws Exception {
        Set<String> optimizers = new TreeSet<>();
        Set<String> maximized = new TreeSet<>();
        Set<String> schedules = new TreeSet<>();
        fixtures().forEach(f -> {
            optimizers.add(f.run().get("optimizer"));
            schedules.add(f.run().get("schedule"));
            if (params(f.run().get("params")).containsKey("maximize")) {
                maximized.add(f.run().get("optimizer"));
            }
        });
        Set<String> torch211 = new TreeSet<>();
        Torch211CasesTest.cases().forEach(c -> torch211.add(c.optimizer()));
        Set<String> expected = new TreeSet<>(Optimizers.names());
        // noise; not in torch; SciPy's methods (ScipyFixtureTest)
        expected.removeAll(Set.of("sgd", "newton", "saddle-free-newton", "bfgs", "cg", "nelder-mead", "gd-armijo"));
        // Not in torch.optim: replayed against optax and their authors' rules by OptaxCasesTest.
        expected.removeAll(OptaxCasesTest.MATCHING.keySet());
        expected.removeAll(OptaxCasesTest.DIFFERENT);
        assertThat(optimizers).doesNotContainAnyElementsOf(Set.of("adafactor")); // not in torch 1.13
        assertThat(torch211).containsExactlyInAnyOrder("adafactor", "nadam", "radam");
        Set<String> covered = new TreeSet<>(optimizers);
        covered.addAll(torch211);
        assertThat(covered).containsExactlyInAnyOrderElementsOf(expected);
        // maximize: torch 1.13 has it on all but NAdam and RAdam (2.x added it; MaximizeTest covers those).
        Set<String> withMaximize = new TreeSet<>();
        Optimizers.all().stream().filter(k -> k.takes("maximize")).forEach(k -> withMaximize.add(k.name()));
        withMaximize.removeAll(Set.of("sgd", "nadam", "radam", "adafactor"));
        assertThat(maximized).containsExactlyInAnyOrderElementsOf(withMaximize);
        assertThat(schedules).containsExactlyInAnyOrderElementsOf(Schedules.names());
    }

    @AfterAll
    static void report() {
        MAX_BY_SETTING.forEach((setting, max) -> System.out.printf(
                "TorchFixtureTest: %s max error %.3g absolute, %.3g relative%n", setting, max[0], max[1]));
        System.out.printf("TorchFixtureTest: max error vs torch %.3g at %s%n", maxError, maxErrorWhere);
        System.out.printf("TorchFixtureTest: max lr error vs torch %.3g of the base lr at %s%n", maxLrError, maxLrErrorWhere);
    }
}
