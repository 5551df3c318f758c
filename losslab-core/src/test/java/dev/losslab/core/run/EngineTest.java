package dev.losslab.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.surface.Window;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against the code it replaced: every point of a batch ends exactly where the same run
 * ended under the scalar steppers and run loop of before ({@link ScalarReference}: one point, every
 * rule checked every step, no screen, no packing) — same reason, same step, same doubles.
 */
class EngineTest {

    static Stream<RunBuilder> runs() {
        return Stream.of(
                RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.01),
                RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.021),                  // some diverge
                RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.01).steps(40),         // some run out of steps
                RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.01).tolerance(1e-3),
                RunBuilder.on("himmelblau").optimizer("momentum").set("lr", 0.004).set("momentum", 0.5).set("dampening", 0.3),
                RunBuilder.on("himmelblau").optimizer("nesterov").set("lr", 0.003).set("weight-decay", 0.01),
                RunBuilder.on("himmelblau").optimizer("adam").set("lr", 0.3).steps(600).tolerance(1e-3),
                RunBuilder.on("himmelblau").optimizer("adam").set("lr", 0.3).set("no-bias-correction", 1)
                        .set("weight-decay", 0.1).steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("adamw").set("lr", 0.3).set("amsgrad", 1).steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("adamw").set("lr", 0.3).set("weight-decay", 0).steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("rmsprop").set("lr", 0.05).steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("rmsprop").set("lr", 0.05).set("centered", 1).steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("rmsprop").set("lr", 0.02).set("momentum", 0.5)
                        .set("weight-decay", 0.01).steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("adagrad").set("lr", 0.5).set("lr-decay", 0.01).steps(600).tolerance(1e-2),
                RunBuilder.on("ravine").optimizer("adam").steps(300),
                RunBuilder.on("rosenbrock").optimizer("rmsprop").set("centered", 1).set("momentum", 0.5).steps(300),
                RunBuilder.on("bumpy").optimizer("adagrad").set("lr-decay", 0.01).set("weight-decay", 0.01),
                RunBuilder.on("himmelblau").optimizer("sgd").set("lr", 0.01).noise(3).seed(7),
                RunBuilder.on("himmelblau").optimizer("adam").set("lr", 0.1).noise(2).steps(500).tolerance(0.5),
                RunBuilder.on("himmelblau").optimizer("momentum").set("lr", 0.01).noise(5).steps(500).tolerance(0.5),
                RunBuilder.on("himmelblau").optimizer("newton").noise(1).steps(200).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("newton"),                              // maxima, saddles, minima
                RunBuilder.on("saddle").optimizer("saddle-free-newton"),
                RunBuilder.on("bowl").optimizer("newton").start(0, 0),                        // already at the minimum
                RunBuilder.on("max(x, 0)^2 + y^2").optimizer("newton"),                       // singular where x < 0
                RunBuilder.on("x^4 + y^4 + sin(3*x)*cos(2*y)").optimizer("newton").steps(200),
                RunBuilder.on("x^4 + y^4 + sin(3*x)*cos(2*y)").optimizer("adam").steps(300).tolerance(1e-3),
                RunBuilder.on("log(x) + y^2").optimizer("gd").set("lr", 1).start(0.5, 1),     // leaves the domain
                RunBuilder.on("sqrt(x) + y^2").optimizer("momentum").set("lr", 0.3),
                RunBuilder.on("rosenbrock").optimizer("nesterov").set("lr", 0.001).schedule("cosine", Map.of()),
                RunBuilder.on("rosenbrock").optimizer("newton").steps(100),
                RunBuilder.on("ackley").optimizer("adam").set("lr", 0.2).steps(400).tolerance(1e-3),
                RunBuilder.on("goldstein-price").optimizer("gd").set("lr", 1e-4).steps(400),
                RunBuilder.on("easom").optimizer("saddle-free-newton").steps(100),
                RunBuilder.on("levi").optimizer("rmsprop").steps(300).tolerance(1e-3),
                RunBuilder.on("mccormick").optimizer("adagrad").set("lr", 0.5).steps(300),
                RunBuilder.on("booth").optimizer("gd").set("lr", 0.5).tolerance(0).steps(50), // diverges fast
                RunBuilder.on("bowl").optimizer("gd").set("lr", 0.21),                        // diverges
                RunBuilder.on("bowl").optimizer("gd").set("lr", 0.2),                         // orbits: max-steps
                RunBuilder.on("bowl").optimizer("gd").set("lr", 0.2).tolerance(1e300),        // converged at once
                RunBuilder.on("bowl").optimizer("gd").tolerance(1e-151),                      // tol² not a normal double
                RunBuilder.on("bowl").optimizer("gd").tolerance(0).steps(40),                 // tol 0: never converged
                RunBuilder.on("bowl").optimizer("gd").steps(0));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void eachPointOfABatchEndsWhereItsOwnScalarRunEnded(RunBuilder builder) {
        RunSpec spec = builder.spec();
        int count = 97;
        double[] starts = starts(spec, count);
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = 100 + 7L * i;
        }
        Outcomes batch = Engine.run(spec, starts, count, seeds, Engine.Checkpoint.NONE);
        Outcomes sameSeed = Engine.run(spec, starts, count, null, Engine.Checkpoint.NONE);
        for (int i = 0; i < count; i++) {
            // Record equality compares the doubles bit for bit (NaN equals NaN, 0.0 differs from -0.0).
            assertThat(batch.get(i)).as("point %d", i)
                    .isEqualTo(ScalarReference.run(spec, starts[i], starts[count + i], seeds[i]));
            assertThat(sameSeed.get(i)).as("point %d, the spec's seed", i)
                    .isEqualTo(ScalarReference.run(spec, starts[i], starts[count + i], spec.seed()));
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void aRunIsItsBatchOfOneAndKeepsEveryPoint(RunBuilder builder) {
        RunSpec spec = builder.spec();
        Run run = Runner.run(spec);
        Outcome plain = ScalarReference.run(spec, spec.start().x(), spec.start().y(), spec.seed());
        Trajectory.Point last = run.last();
        assertThat(new Outcome(run.stopReason(), run.steps(), last.x(), last.y(), last.loss())).isEqualTo(plain);
    }

    /**
     * The rules added after the engine (adadelta … adafactor, the schedule-free ones) and the
     * maximize flag have no pre-engine code for {@link ScalarReference} to freeze, so the comparison
     * above cannot take them. What it guards, that finishing points drop out of every per-point
     * buffer without disturbing the others, is checked here another way: each point of a batch of
     * 97 ends where the same start ends alone, in a batch of one (so never compacted). Each spec
     * mixes converged runs with diverged or unfinished ones (checked below).
     */
    static Stream<RunBuilder> laterRules() {
        return Stream.of(
                RunBuilder.on("himmelblau").optimizer("adadelta").set("lr", 4).set("rho", 0.95).steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("adamax").set("lr", 0.3).steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("nadam").set("lr", 0.3).set("weight-decay", 1e-4)
                        .set("decoupled-weight-decay", 1).steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("radam").set("lr", 0.02).steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("asgd").set("lr", 0.015).set("lambd", 0.1).set("t0", 50)
                        .steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("adafactor").set("lr", 0.2).set("weight-decay", 1e-4).steps(600).tolerance(1e-2),
                // Per-point pairs in a ring, compacted as points finish (by L-BFGS's own tests too).
                RunBuilder.on("himmelblau").optimizer("lbfgs").set("history-size", 3).set("max-iter", 2).steps(12)
                        .tolerance(1e-3),
                RunBuilder.on("rosenbrock").optimizer("lbfgs").set("line-search", "strong-wolfe").set("max-iter", 3).steps(10)
                        .tolerance(0),
                RunBuilder.on("himmelblau").optimizer("adam").set("lr", 0.3).set("maximize", 1).steps(300).tolerance(1e-3),
                RunBuilder.on("himmelblau").optimizer("momentum").set("lr", 0.004).set("maximize", 1).tolerance(1e-3),
                // Their gradient points are a per-point buffer too, and must move with the points.
                RunBuilder.on("himmelblau").optimizer("schedule-free-adamw").set("lr", 0.3).set("warmup-steps", 10)
                        .steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("schedule-free-sgd").set("lr", 0.02).steps(600).tolerance(1e-2),
                RunBuilder.on("himmelblau").optimizer("schedule-free-sgd").set("lr", 0.01).noise(2).steps(400).tolerance(0.5));
    }

    @ParameterizedTest
    @MethodSource("laterRules")
    void laterRulesEndInABatchWhereEachStartEndsAlone(RunBuilder builder) {
        RunSpec spec = builder.spec();
        int count = 97;
        double[] starts = starts(spec, count);
        Outcomes batch = Engine.run(spec, starts, count, null, Engine.Checkpoint.NONE);
        var stops = new java.util.TreeMap<String, Integer>();
        for (int i = 0; i < count; i++) {
            Outcome alone = Engine.run(spec, new double[] {starts[i], starts[count + i]}, 1, null,
                    Engine.Checkpoint.NONE).get(0);
            assertThat(batch.get(i)).as("point %d", i).isEqualTo(alone);
            stops.merge(batch.stop(i).code(), 1, Integer::sum);
        }
        assertThat(stops).as("stop reasons of %s %s", spec.optimizerName(), spec.hyperParameters()).hasSizeGreaterThan(1);
    }

    @Test
    void theMixOfOutcomesAboveIsReallyMixed() {
        // The batches above must contain every kind of stop, or the comparison proves less than it says.
        var seen = new java.util.HashSet<String>();
        runs().forEach(b -> {
            RunSpec spec = b.spec();
            Outcomes o = Engine.run(spec, starts(spec, 97), 97, null, Engine.Checkpoint.NONE);
            for (int i = 0; i < 97; i++) {
                seen.add(o.stop(i).code());
            }
        });
        assertThat(seen).contains("converged", "diverged", "max-steps", "singular-hessian", "left-domain");
    }

    /**
     * Noisy SGD dropped exactly on a critical point is moved by its noise, never stopped there by the
     * exact gradient it does not see; the same run without noise is converged at step 0.
     */
    @Test
    void aNoisyRunFromACriticalPointIsMovedByItsNoise() {
        Run clean = RunBuilder.on("himmelblau").optimizer("gd").start(3, 2).run();
        assertThat(clean.stopReason().code()).isEqualTo("converged");
        assertThat(clean.steps()).isZero();
        Run noisy = RunBuilder.on("himmelblau").optimizer("sgd").start(3, 2).noise(0.5).steps(200).run();
        assertThat(noisy.stopReason().code()).isEqualTo("max-steps");
        assertThat(noisy.steps()).isEqualTo(200);
        assertThat(noisy.last().x()).isNotEqualTo(3.0);
    }

    @Test
    void noiseDependsOnlyOnEachPointsSeedNotOnWhoElseIsInTheBatch() {
        RunSpec spec = RunBuilder.on("himmelblau").optimizer("sgd").set("lr", 0.01).noise(2).spec();
        double[] alone = {0.5, 0.5};
        Outcome single = Engine.run(spec, alone, 1, new long[] {42}, Engine.Checkpoint.NONE).get(0);
        double[] three = {3, 0.5, -3, 3, 0.5, -3};
        Outcome middle = Engine.run(spec, three, 3, new long[] {1, 42, 2}, Engine.Checkpoint.NONE).get(1);
        assertThat(middle).isEqualTo(single);
    }

    /** count starts spread over the spec's window (the last sixth over three times it), the spec's own first. */
    static double[] starts(RunSpec spec, int count) {
        Window w = spec.landscape().window();
        SplittableRandom r = new SplittableRandom(3);
        double[] starts = new double[2 * count];
        starts[0] = spec.start().x();
        starts[count] = spec.start().y();
        for (int i = 1; i < count; i++) {
            double spread = i < count - count / 6 ? 1 : 3;
            starts[i] = spread * (w.xMin() + r.nextDouble() * (w.xMax() - w.xMin()));
            starts[count + i] = spread * (w.yMin() + r.nextDouble() * (w.yMax() - w.yMin()));
        }
        return starts;
    }

    @Test
    void pointsLeavingOnTheLastStepDoNotShiftTheOthersLossOrNoise() {
        // Points that diverge on the very step the others run out of steps: a missing compaction of
        // the losses, or of the noise generators, would hand a neighbour's value to a survivor.
        int count = 200;
        double[] starts = new double[2 * count];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < count; i++) {
            starts[i] = r.nextDouble(-3, 3);
            starts[count + i] = r.nextDouble(-3, 3);
        }
        for (int steps = 120; steps <= 160; steps += 5) {
            RunSpec spec = RunBuilder.on("bowl").optimizer("gd").set("lr", 0.21).tolerance(0).steps(steps).spec();
            Outcomes batch = Engine.run(spec, starts, count, null, Engine.Checkpoint.NONE);
            for (int i = 0; i < count; i++) {
                assertThat(batch.get(i)).as("steps %d point %d", steps, i)
                        .isEqualTo(ScalarReference.run(spec, starts[i], starts[count + i], spec.seed()));
            }
        }
        RunSpec noisy = RunBuilder.on("himmelblau").optimizer("sgd").set("lr", 0.025).noise(4).steps(300).spec();
        int n = 64;
        double[] from = new double[2 * n];
        long[] seeds = new long[n];
        var codes = new java.util.HashSet<String>();
        for (int i = 0; i < n; i++) {
            from[i] = -5 + 10.0 * i / n;
            from[n + i] = 5 - 10.0 * ((i * 37) % n) / n;
            seeds[i] = 1000 + i;
        }
        Outcomes batch = Engine.run(noisy, from, n, seeds, Engine.Checkpoint.NONE);
        for (int i = 0; i < n; i++) {
            Outcome alone = ScalarReference.run(noisy, from[i], from[n + i], seeds[i]);
            codes.add(alone.stop().code());
            assertThat(batch.get(i)).as("noisy point %d", i).isEqualTo(alone);
        }
        assertThat(codes).as("some leave early, some run to the end").contains("diverged", "max-steps");
    }

    @Test
    void convergedWinsOverMaxStepsOnTheLastStep() {
        RunSpec spec = RunBuilder.on("bowl").optimizer("gd").start(0, 0).steps(0).spec();
        assertThat(Engine.outcome(spec, Engine.Checkpoint.NONE).stop().code()).isEqualTo("converged");
        assertThat(Runner.run(spec).stopReason().code()).isEqualTo("converged");
    }

    @Test
    void referenceSanity() {
        // The reference itself against a hand-worked case: GD on the bowl 0.5x² + 5y² (∇f = (x, 10y))
        // from (1, 1) at lr 0.05: x ← 0.95x, y ← 0.5y each step.
        RunSpec spec = RunBuilder.on("bowl").optimizer("gd").set("lr", 0.05).steps(2).tolerance(0).spec();
        Outcome o = ScalarReference.run(spec, 1, 1, 1);
        assertThat(o.x()).isCloseTo(0.9025, within(1e-15));
        assertThat(o.y()).isCloseTo(0.25, within(1e-15));
        assertThat(o.loss()).isCloseTo(0.5 * 0.9025 * 0.9025 + 5 * 0.0625, within(1e-15));
        assertThat(o.stop()).isEqualTo(new StopReason.MaxSteps(2));
    }
}
