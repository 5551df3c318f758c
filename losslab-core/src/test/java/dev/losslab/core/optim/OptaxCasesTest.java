package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.optim.ReferenceCases.Case;
import dev.losslab.core.run.Internals;
import dev.losslab.core.run.Recording;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Surface;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lion, AdaBelief, Adan, Yogi, LAMB, Prodigy, AdEMAMix and the schedule-free AdamW and SGD against
 * reference trajectories, in the engine's three shapes:
 * <ul>
 *   <li>optax 0.2.8's own runs ({@code optax-0.2.8-cases.json}), with the options that make each
 *       authors' rule optax's ({@link #MATCHING}); adan, yogi and the schedule-free rules have none
 *       (their classes say why: for the schedule-free ones, optax's warm-up reaches the z step a
 *       step late, and both optax runs warm up), so their optax runs must differ, and the same runs
 *       under the authors' rules are in the other files;</li>
 *   <li>the authors' rules ({@code authors-cases.json}, written by
 *       {@code tools/torch-fixtures/modern.py}, and {@code schedule-free-cases.json}, written by
 *       {@code tools/torch-fixtures/schedule_free.py}; each checks its reading of optax against
 *       optax's own file), for those runs and the defaults and options optax cannot show.</li>
 * </ul>
 * For the schedule-free rules each row holds two points: the reported x (the run's θ) and the
 * gradient point y; both are compared, y through the one-point run's internals
 * ({@code gradientPoint}) and the steppers' {@link Stepper#gradientPoints}, and the one-point run's
 * recorded loss against f(x).
 * Each run is replayed as one point through {@link RunBuilder} (every step compared), as one point
 * of a batch of {@value #BATCH} whose others start elsewhere (every step compared, and each other
 * point equal bit for bit to its own run alone: per-point sums such as LAMB's norms and Prodigy's
 * dot products must not mix points), and as one N-D point made of {@value #COPIES} copies of the run
 * (every copy, every step). The copies share one set of norms and sums, √k (or k) times the 2-D
 * run's since they are identical, so the rules' ratios are the 2-D run's up to rounding; settings
 * that are themselves norms ({@link #NORMS}) are scaled by √k for that shape.
 *
 * <p>Tolerance: |x − x_ref| ≤ 1e-7·max(1, |x_ref|) for both coordinates at every step. optax's
 * gradients come from jax.grad, LossLab's from the catalog's closed forms, so inputs differ by
 * ulps; the update rules then differ in rounding order. The largest errors are printed after the
 * run.
 */
class OptaxCasesTest {

    static final double TOLERANCE = 1e-7;
    static final int BATCH = 4;
    static final int COPIES = 3;

    /** For each optax case LossLab reproduces, the options that make the authors' rule optax's. */
    static final Map<String, Map<String, Double>> MATCHING = Map.of(
            "lion", Map.of(),
            "lamb", Map.of(),
            "adabelief", Map.of("no-rectify", 1.0),
            "prodigy", Map.of("use-bias-correction", 1.0),
            "ademamix", Map.of("alpha", 5.0));

    /** The optax cases no setting reproduces: optax's rule differs from the authors' (see each class). */
    static final Set<String> DIFFERENT = Set.of("adan", "yogi", "schedule-free-adamw", "schedule-free-sgd");

    /**
     * Settings that are lengths of a whole point (a gradient norm, bounds on ‖θ‖): for the N-D point
     * of k identical copies, whose norms are √k times the 2-D run's, they are scaled by √k too.
     */
    static final Set<String> NORMS = Set.of("max-grad-norm", "gamma-l", "gamma-u");

    private static final Map<String, double[]> ERRORS = new java.util.concurrent.ConcurrentSkipListMap<>();

    static Stream<Case> optaxCases() {
        return ReferenceCases.read("optax-0.2.8-cases.json").stream();
    }

    static Stream<Case> reproducible() {
        return optaxCases().filter(c -> MATCHING.containsKey(c.optimizer()));
    }

    static Stream<Case> needingOptions() {
        return reproducible().filter(c -> !MATCHING.get(c.optimizer()).isEmpty());
    }

    static Stream<Case> different() {
        return optaxCases().filter(c -> DIFFERENT.contains(c.optimizer()));
    }

    static Stream<Case> authorsCases() {
        return Stream.concat(ReferenceCases.read("authors-cases.json").stream(),
                ReferenceCases.read("schedule-free-cases.json").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reproducible")
    void matchesOptaxWithTheMatchingOptions(Case c) {
        Map<String, Double> options = new LinkedHashMap<>(c.options());
        options.putAll(MATCHING.get(c.optimizer()));
        replayInThreeShapes(c, options);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorsCases")
    void matchesTheAuthorsRule(Case c) {
        replayInThreeShapes(c, c.options());
    }

    /** The options are needed: the authors' defaults give another trajectory than optax's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("needingOptions")
    void withTheAuthorsDefaultsTheRunDepartsFromOptax(Case c) {
        assertThat(largestGap(c, c.options())).isGreaterThan(1e-4);
    }

    /**
     * adan, yogi and the schedule-free rules on optax's runs: the authors' rule ends far from
     * optax's trajectory (optax's differences are in the classes' docs, and modern.py and
     * schedule_free.py check that optax's rule read that way is the file's), while the same run
     * under the authors' rule is matched in the other files.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("different")
    void optaxsOtherRulesDepartFromOptaxAndTheSameRunMatchesTheAuthorsRule(Case c) {
        assertThat(largestGap(c, c.options())).isGreaterThan(1e-4);
        assertThat(authorsCases().filter(a -> a.optimizer().equals(c.optimizer()) && a.surface().equals(c.surface())
                && a.flags().equals(c.flags()) && java.util.Arrays.equals(a.start(), c.start()) && a.steps() == c.steps()))
                .as("the optax run under the authors' rule").hasSize(1);
    }

    @Test
    void everyOptaxCaseIsReplayedAndEveryNewOptimizerHasAuthorsCases() {
        Set<String> optax = new TreeSet<>();
        optaxCases().forEach(c -> optax.add(c.optimizer()));
        Set<String> expected = new TreeSet<>(MATCHING.keySet());
        expected.addAll(DIFFERENT);
        assertThat(optax).isEqualTo(expected);
        Set<String> authors = new TreeSet<>();
        authorsCases().forEach(c -> authors.add(c.optimizer()));
        assertThat(authors).isEqualTo(expected);
    }

    private static void replayInThreeShapes(Case c, Map<String, Double> options) {
        double[][] rows = c.rows();
        assertThat(rows.length).isEqualTo(c.steps() + 1);

        int gp = c.gradientPointColumn();
        RunBuilder builder = RunBuilder.on(c.surface()).optimizer(c.optimizer()).learningRate(c.lr())
                .start(c.start()[0], c.start()[1]).steps(c.steps()).tolerance(0)
                .recording(gp < 0 ? Recording.POINTS : Recording.INTERNALS);
        options.forEach(builder::set);
        Run run = builder.run();
        assertThat(run.stopReason().code()).as("stop reason").isEqualTo("max-steps");
        for (double[] row : rows) {
            int k = (int) row[0];
            check(c, "one point", k, run.trajectory().x(k), run.trajectory().y(k), row, 1);
            if (gp >= 0) {
                Internals in = run.trajectory().internals();
                check(c, "one point", k, k == 0 ? c.start()[0] : in.x("gradientPoint", k),
                        k == 0 ? c.start()[1] : in.y("gradientPoint", k), row, gp);
                check(c, "one point", k, run.trajectory().loss(k), Double.NaN, row, 3);
            }
        }

        Optimizer optimizer = Optimizers.get(c.optimizer()).configure(options);
        Surface surface = Catalog.get(c.surface()).surface();
        double[][] others = {{c.start()[0] + 0.25, c.start()[1] - 0.25}, null, {c.start()[0] - 0.5, c.start()[1] + 0.3},
                {-c.start()[0], 0.5 * c.start()[1]}};
        double[] batch = new double[2 * BATCH];
        double[][] alone = new double[BATCH][];
        Stepper[] aloneSteppers = new Stepper[BATCH];
        for (int i = 0; i < BATCH; i++) {
            double[] p = others[i] == null ? c.start() : others[i];
            batch[i] = p[0];
            batch[BATCH + i] = p[1];
            alone[i] = p.clone();
            aloneSteppers[i] = optimizer.newStepper(2, 1);
        }
        Stepper batchStepper = optimizer.newStepper(2, BATCH);
        double[] nd = new double[2 * COPIES];
        for (int k = 0; k < COPIES; k++) {
            nd[k] = c.start()[0];
            nd[COPIES + k] = c.start()[1];
        }
        Map<String, Double> ndOptions = new LinkedHashMap<>(options);
        NORMS.forEach(name -> ndOptions.computeIfPresent(name, (ignored, v) -> v * Math.sqrt(COPIES)));
        Stepper ndStepper = Optimizers.get(c.optimizer()).configure(ndOptions).newStepper(2 * COPIES, 1);
        Surface copies = new ShapesTest.Copies(surface, COPIES);
        for (int k = 1; k <= c.steps(); k++) {
            step(batchStepper, surface, batch, BATCH, c.lr(), k);
            step(ndStepper, copies, nd, 1, c.lr(), k);
            check(c, "in a batch", k, batch[1], batch[BATCH + 1], rows[k], 1);
            double[] batchY = batchStepper.gradientPoints();
            if (gp >= 0) {
                check(c, "in a batch", k, batchY[1], batchY[BATCH + 1], rows[k], gp);
            }
            for (int i = 0; i < BATCH; i++) {
                step(aloneSteppers[i], surface, alone[i], 1, c.lr(), k);
                if (i != 1) {
                    assertThat(new double[] {batch[i], batch[BATCH + i]}).as("%s: batch point %d step %d", c, i, k)
                            .containsExactly(alone[i]);
                    if (gp >= 0) {
                        double[] aloneY = aloneSteppers[i].gradientPoints();
                        assertThat(new double[] {batchY[i], batchY[BATCH + i]})
                                .as("%s: batch point %d's gradient point, step %d", c, i, k)
                                .containsExactly(aloneY[0], aloneY[1]);
                    }
                }
            }
            for (int copy = 0; copy < COPIES; copy++) {
                check(c, "N-D copy " + copy, k, nd[copy], nd[COPIES + copy], rows[k], 1);
                if (gp >= 0) {
                    double[] ndY = ndStepper.gradientPoints();
                    check(c, "N-D copy " + copy, k, ndY[copy], ndY[COPIES + copy], rows[k], gp);
                }
            }
        }
    }

    /**
     * One update of n points by the stepper, with the gradient where the engine takes it: at their
     * current place, or, once a schedule-free stepper has stepped, at its gradient points.
     */
    private static void step(Stepper stepper, Surface surface, double[] theta, int n, double lr, long k) {
        double[] gradient = new double[theta.length];
        double[] at = k == 1 || stepper.gradientPoints() == null ? theta : stepper.gradientPoints();
        surface.valueAndGradient(at, n, new double[n], gradient);
        stepper.step(theta, gradient, n, lr, k, surface, new boolean[n]);
    }

    /** The largest coordinate gap over the run between LossLab's single run and the reference's. */
    private static double largestGap(Case c, Map<String, Double> options) {
        RunBuilder builder = RunBuilder.on(c.surface()).optimizer(c.optimizer()).learningRate(c.lr())
                .start(c.start()[0], c.start()[1]).steps(c.steps()).tolerance(0);
        options.forEach(builder::set);
        Run run = builder.run();
        double gap = 0;
        for (int k = 0; k < run.trajectory().size(); k++) {
            gap = Math.max(gap, Math.abs(run.trajectory().x(k) - c.rows()[k][1]));
            gap = Math.max(gap, Math.abs(run.trajectory().y(k) - c.rows()[k][2]));
        }
        return gap;
    }

    /**
     * (x, y) against the row's columns {@code column} and {@code column + 1}: the point (1), the
     * gradient point, or, with y NaN, the loss (3) alone.
     */
    private static void check(Case c, String shape, int step, double x, double y, double[] row, int column) {
        assertThat((int) row[0]).isEqualTo(step);
        String what = c.columns().get(column).replace("_x", "");
        double[] absolute = {Math.abs(x - row[column]), Double.isNaN(y) ? 0 : Math.abs(y - row[column + 1])};
        double[] expected = {row[column], Double.isNaN(y) ? 0 : row[column + 1]};
        String key = c.file().replace("-cases.json", "") + " " + c.optimizer() + " " + c.surface() + " " + c.flags()
                + " [" + shape.replaceAll(" \\d+$", "") + (column == 1 ? "" : ", " + what) + "]";
        double[] worst = ERRORS.computeIfAbsent(key, ignored -> new double[3]);
        for (int a = 0; a < 2; a++) {
            double scaled = absolute[a] / Math.max(1, Math.abs(expected[a]));
            synchronized (worst) {
                worst[0] = Math.max(worst[0], absolute[a]);
                worst[1] = Math.max(worst[1], scaled);
                if (expected[a] != 0) {
                    worst[2] = Math.max(worst[2], absolute[a] / Math.abs(expected[a]));
                }
            }
            assertThat(scaled).as("%s, %s, step %d, %s %s: LossLab %s, reference %s", c, shape, step, what,
                    a == 0 ? "x" : "y", a == 0 ? x : y, expected[a]).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @AfterAll
    static void report() {
        ERRORS.forEach((key, e) -> System.out.printf("OptaxCasesTest: %-100s max |Δ| %.2g, |Δ|/max(1,|x|) %.2g, |Δ|/|x| %.2g%n",
                key, e[0], e[1], e[2]));
    }
}
