package dev.losslab.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.optim.Stepper;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Window;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against a plain reference: every point of a batch ends exactly where the same run ends
 * when stepped alone by the straightforward loop below (one point, every rule checked every step, no
 * screen, no packing) — same reason, same step, same doubles.
 */
class EngineTest {

    static Stream<RunBuilder> runs() {
        return Stream.of(
                RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.01),
                RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.021),                  // some diverge
                RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.01).steps(40),         // some run out of steps
                RunBuilder.on("himmelblau").optimizer("momentum").set("lr", 0.004).set("momentum", 0.5).set("dampening", 0.3),
                RunBuilder.on("himmelblau").optimizer("nesterov").set("lr", 0.003).set("weight-decay", 0.01),
                RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.01).tolerance(1e-3),
                RunBuilder.on("ravine").optimizer("adam").steps(300),
                RunBuilder.on("ravine").optimizer("adamw").set("amsgrad", 1).steps(300),
                RunBuilder.on("rosenbrock").optimizer("rmsprop").set("centered", 1).set("momentum", 0.5).steps(300),
                RunBuilder.on("rosenbrock").optimizer("rmsprop").set("weight-decay", 0.1).steps(300),
                RunBuilder.on("bumpy").optimizer("adagrad").set("lr-decay", 0.01).set("weight-decay", 0.01),
                RunBuilder.on("bowl").optimizer("gd").set("lr", 0.21),                        // diverges
                RunBuilder.on("bowl").optimizer("gd").set("lr", 0.2),                         // orbits: max-steps
                RunBuilder.on("himmelblau").optimizer("sgd").set("lr", 0.01).noise(3).seed(7),
                RunBuilder.on("himmelblau").optimizer("newton"),                              // maxima, saddles, minima
                RunBuilder.on("saddle").optimizer("saddle-free-newton"),
                RunBuilder.on("bowl").optimizer("newton").start(0, 0),                        // already at the minimum
                RunBuilder.on("max(x, 0)^2 + y^2").optimizer("newton"),                       // singular where x < 0
                RunBuilder.on("rosenbrock").optimizer("nesterov").set("lr", 0.001).schedule("cosine", Map.of()),
                RunBuilder.on("booth").optimizer("gd").set("lr", 0.5).tolerance(0).steps(50), // diverges fast
                RunBuilder.on("bowl").optimizer("gd").tolerance(0).steps(40),                 // tol 0: never converged
                RunBuilder.on("log(x) + y^2").optimizer("gd").set("lr", 1).start(0.5, 1),     // leaves the domain
                RunBuilder.on("bowl").optimizer("gd").steps(0));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void eachPointOfABatchEndsWhereItsOwnPlainRunEnds(RunBuilder builder) {
        RunSpec spec = builder.spec();
        int count = 61;
        double[] starts = starts(spec, count);
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = 100 + 7L * i;
        }
        Outcomes batch = Engine.run(spec, starts, count, seeds, Engine.Checkpoint.NONE);
        for (int i = 0; i < count; i++) {
            Outcome plain = Reference.run(spec, starts[i], starts[count + i], seeds[i]);
            // Record equality compares the doubles bit for bit (NaN equals NaN, 0.0 differs from -0.0).
            assertThat(batch.get(i)).as("point %d", i).isEqualTo(plain);
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void aRunIsItsBatchOfOneAndKeepsEveryPoint(RunBuilder builder) {
        RunSpec spec = builder.spec();
        Run run = Runner.run(spec);
        Outcome plain = Reference.run(spec, spec.start().x(), spec.start().y(), spec.seed());
        Trajectory.Point last = run.last();
        assertThat(new Outcome(run.stopReason(), run.steps(), last.x(), last.y(), last.loss())).isEqualTo(plain);
    }

    @Test
    void theMixOfOutcomesAboveIsReallyMixed() {
        // The batches above must contain every kind of stop, or the comparison proves less than it says.
        var seen = new java.util.HashSet<String>();
        runs().forEach(b -> {
            RunSpec spec = b.spec();
            Outcomes o = Engine.run(spec, starts(spec, 61), 61, null, Engine.Checkpoint.NONE);
            for (int i = 0; i < 61; i++) {
                seen.add(o.stop(i).code());
            }
        });
        assertThat(seen).contains("converged", "diverged", "max-steps", "singular-hessian", "left-domain");
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

    /** count starts spread over the spec's window, the spec's own start first. */
    static double[] starts(RunSpec spec, int count) {
        Window w = spec.landscape().window();
        SplittableRandom r = new SplittableRandom(3);
        double[] starts = new double[2 * count];
        starts[0] = spec.start().x();
        starts[count] = spec.start().y();
        for (int i = 1; i < count; i++) {
            starts[i] = w.xMin() + r.nextDouble() * (w.xMax() - w.xMin());
            starts[count + i] = w.yMin() + r.nextDouble() * (w.yMax() - w.yMin());
        }
        return starts;
    }

    /** The rules of the engine's class comment, one point at a time, as plainly as they can be written. */
    static final class Reference {
        static Outcome run(RunSpec spec, double x0, double y0, long seed) {
            Surface surface = spec.landscape().surface();
            Stepper stepper = spec.optimizer().newStepper(2, 1);
            SplittableRandom random = new SplittableRandom(seed);
            double[] theta = {x0, y0};
            double[] grad = new double[2];
            double[] seen = new double[2];
            double loss = surface.valueAndGradient(theta[0], theta[1], grad);
            StopReason stop = check(theta[0], theta[1], loss, grad[0], grad[1]);
            int k = 0;
            while (stop == null) {
                double norm = Math.hypot(grad[0], grad[1]);
                if (norm < spec.tolerance()) {
                    stop = new StopReason.Converged(norm, spec.tolerance());
                    break;
                }
                if (k == spec.maxSteps()) {
                    stop = new StopReason.MaxSteps(spec.maxSteps());
                    break;
                }
                double lr = spec.schedule().learningRate(spec.learningRate(), k);
                seen[0] = grad[0];
                seen[1] = grad[1];
                if (spec.noise() > 0) {
                    seen[0] += spec.noise() * random.nextGaussian();
                    seen[1] += spec.noise() * random.nextGaussian();
                }
                if (stepper.step(theta, seen, 1, lr, k + 1L, surface, new boolean[1]) > 0) {
                    stop = new StopReason.SingularHessian();
                    break;
                }
                loss = surface.valueAndGradient(theta[0], theta[1], grad);
                k++;
                stop = check(theta[0], theta[1], loss, grad[0], grad[1]);
            }
            return new Outcome(stop, k, theta[0], theta[1], loss);
        }

        /** The README's point check, written out: coordinates, then the loss, then the gradient. */
        static StopReason check(double x, double y, double f, double gx, double gy) {
            if (Double.isNaN(x) || Double.isInfinite(x) || Double.isNaN(y) || Double.isInfinite(y)) {
                return new StopReason.Diverged("a coordinate is no longer a finite number");
            }
            if (Math.abs(x) > 1e6 || Math.abs(y) > 1e6) {
                return new StopReason.Diverged("a coordinate went beyond 1e6");
            }
            if (Double.isNaN(f)) {
                return new StopReason.LeftDomain();
            }
            if (Math.abs(f) > 1e12) {
                return new StopReason.Diverged("|loss| went beyond 1e12");
            }
            if (Double.isNaN(gx) || Double.isInfinite(gx) || Double.isNaN(gy) || Double.isInfinite(gy)) {
                return new StopReason.Diverged("the gradient is no longer finite");
            }
            return null;
        }
    }

    @Test
    void referenceSanity() {
        // The reference itself against a hand-worked case: GD on the bowl 0.5x² + 5y² (∇f = (x, 10y))
        // from (1, 1) at lr 0.05: x ← 0.95x, y ← 0.5y each step.
        RunSpec spec = RunBuilder.on("bowl").optimizer("gd").set("lr", 0.05).steps(2).tolerance(0).spec();
        Outcome o = Reference.run(spec, 1, 1, 1);
        assertThat(o.x()).isCloseTo(0.9025, within(1e-15));
        assertThat(o.y()).isCloseTo(0.25, within(1e-15));
        assertThat(o.loss()).isCloseTo(0.5 * 0.9025 * 0.9025 + 5 * 0.0625, within(1e-15));
        assertThat(o.stop()).isEqualTo(new StopReason.MaxSteps(2));
    }
}
