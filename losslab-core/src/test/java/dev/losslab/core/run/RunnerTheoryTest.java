package dev.losslab.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.optim.Schedules;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Minimum;
import dev.losslab.core.surface.Quadratic;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What theory predicts on quadratics, checked through the runner: gradient descent's stability
 * limit lr < 2/λmax, Newton's one-step convergence, and how first- and second-order methods behave
 * at a saddle. The landscapes are built here from {@link Quadratic}, independent of the catalog.
 */
class RunnerTheoryTest {

    /** f = x²/2 + 5y²: curvatures 1 and 10, so GD is stable for lr < 2/10. */
    static final Landscape BOWL = landscape("bowl", new Quadratic(1, 10), List.of(Minimum.at(0, 0, 0)));
    /** f = x² − y²: a saddle at the origin, curvature 2 along x and −2 along y. */
    static final Landscape SADDLE = landscape("saddle", new Quadratic(2, -2), List.of());
    /** f = x²/2: flat along y, so the Hessian diag(1, 0) is singular everywhere. */
    static final Landscape TROUGH = landscape("trough", new Quadratic(1, 0), List.of());

    static Landscape landscape(String name, Quadratic q, List<Minimum> minima) {
        return new Landscape(name, name, q.a() + "/2·x² + " + q.b() + "/2·y²", "", q, Window.of(-4, 4, -3, 3),
                Vec2.of(-3.5, 2.5), 0.1, 0.1, minima);
    }

    @Test
    void gradientDescentConvergesJustBelowTwoOverLambdaMax() {
        // |1 − lr·10| = 0.99 < 1: y shrinks by 1% a step, so ‖∇f‖ < 1e-8 takes about 2,200 steps.
        Run run = RunBuilder.on(BOWL).optimizer("gd").learningRate(0.199).steps(5000).run();
        assertThat(run.stopReason()).isInstanceOf(StopReason.Converged.class);
        assertThat(run.minimumReached()).isPresent();
    }

    @Test
    void gradientDescentDivergesJustAboveTwoOverLambdaMax() {
        // |1 − lr·10| = 1.01 > 1: y grows by 1% a step, with its sign flipping each time.
        Run run = RunBuilder.on(BOWL).optimizer("gd").learningRate(0.201).steps(5000).run();
        assertThat(run.stopReason()).isInstanceOf(StopReason.Diverged.class);
        // y_k = (1 − 2.01)^k · 2.5 = (−1.01)^k · 2.5
        assertThat(run.trajectory().y(1)).isCloseTo(-2.525, within(1e-12));
        assertThat(run.trajectory().y(2)).isCloseTo(2.55025, within(1e-12));
    }

    @Test
    void newtonReachesTheBowlsMinimumInOneStep() {
        Run run = RunBuilder.on(BOWL).optimizer("newton").run();
        assertThat(run.steps()).isEqualTo(1);
        assertThat(run.stopReason()).isInstanceOf(StopReason.Converged.class);
        assertThat(run.last().x()).isZero();
        assertThat(run.last().y()).isZero();
        assertThat(run.minimumReached()).contains(Minimum.at(0, 0, 0));
    }

    @Test
    void gradientDescentPlacedOnTheSaddleNeverMoves() {
        Run stopped = RunBuilder.on(SADDLE).optimizer("gd").start(0, 0).run();
        assertThat(stopped.steps()).isZero();
        assertThat(stopped.stopReason()).isInstanceOf(StopReason.Converged.class);

        Run forced = RunBuilder.on(SADDLE).optimizer("gd").start(0, 0).tolerance(0).steps(100).run();
        assertThat(forced.stopReason()).isEqualTo(new StopReason.MaxSteps(100));
        for (int k = 0; k <= 100; k++) {
            assertThat(forced.trajectory().x(k)).isZero();
            assertThat(forced.trajectory().y(k)).isZero();
        }
    }

    @Test
    void gradientDescentSlidesOffTheSaddleAlongTheNegativeCurvature() {
        // x ← (1 − 2·lr)·x = 0.8·x, y ← (1 + 2·lr)·y = 1.2·y: after 100 steps |y| = 1e-3·1.2¹⁰⁰ ≈ 8.3e4.
        Run run = RunBuilder.on(SADDLE).optimizer("gd").learningRate(0.1).start(1, 1e-3).steps(100).run();
        assertThat(Math.abs(run.last().y())).isGreaterThan(1e4);
        assertThat(Math.abs(run.last().x())).isLessThan(1e-9);
        assertThat(run.stopReason()).isInstanceOfAny(StopReason.MaxSteps.class, StopReason.Diverged.class);
        for (int k = 1; k <= run.steps(); k++) {
            assertThat(Math.abs(run.trajectory().y(k))).isGreaterThan(Math.abs(run.trajectory().y(k - 1)));
        }
    }

    @Test
    void newtonIsDrawnToTheSaddleButSaddleFreeNewtonEscapesIt() {
        // Newton: H⁻¹∇f = (x, y), one step lands on the saddle and "converges" there.
        Run newton = RunBuilder.on(SADDLE).optimizer("newton").start(1, 1e-3).run();
        assertThat(newton.steps()).isEqualTo(1);
        assertThat(newton.stopReason()).isInstanceOf(StopReason.Converged.class);
        assertThat(newton.last().x()).isZero();
        assertThat(newton.last().y()).isZero();

        // Saddle-free: |H| = diag(2, 2), |H|⁻¹∇f = (x, −y): x goes to 0 at once, y doubles each step.
        Run saddleFree = RunBuilder.on(SADDLE).optimizer("saddle-free-newton").start(1, 1e-3).steps(20).run();
        Trajectory t = saddleFree.trajectory();
        assertThat(saddleFree.steps()).isEqualTo(20);
        for (int k = 1; k <= 20; k++) {
            assertThat(t.x(k)).isZero();
            assertThat(t.y(k)).isEqualTo(2 * t.y(k - 1));
            assertThat(t.loss(k)).isLessThan(t.loss(k - 1));
        }
        assertThat(t.y(20)).isCloseTo(1e-3 * (1 << 20), within(1e-9));
    }

    @Test
    void newtonStopsWhereTheHessianIsSingular() {
        for (String optimizer : List.of("newton", "saddle-free-newton")) {
            Run run = RunBuilder.on(TROUGH).optimizer(optimizer).start(1, 1).run();
            assertThat(run.stopReason()).as(optimizer).isEqualTo(new StopReason.SingularHessian());
            assertThat(run.stopReason().code()).isEqualTo("singular-hessian");
            assertThat(run.steps()).isZero();
        }
    }

    @Test
    void noiseIsReproducibleFromItsSeed() {
        Run a = RunBuilder.on(BOWL).optimizer("sgd").seed(7).steps(50).run();
        Run b = RunBuilder.on(BOWL).optimizer("sgd").seed(7).steps(50).run();
        Run c = RunBuilder.on(BOWL).optimizer("sgd").seed(8).steps(50).run();
        Run quiet = RunBuilder.on(BOWL).optimizer("gd").steps(50).run();
        assertThat(a.spec().noise()).isEqualTo(1.0);
        for (int k = 0; k <= 50; k++) {
            assertThat(b.trajectory().x(k)).isEqualTo(a.trajectory().x(k));
            assertThat(b.trajectory().y(k)).isEqualTo(a.trajectory().y(k));
        }
        assertThat(c.trajectory().x(50)).isNotEqualTo(a.trajectory().x(50));
        assertThat(quiet.trajectory().x(50)).isNotEqualTo(a.trajectory().x(50));
    }

    @Test
    void noiseWorksWithAnyOptimizer() {
        Run a = RunBuilder.on(BOWL).optimizer("adam").noise(0.5).seed(3).steps(20).run();
        Run b = RunBuilder.on(BOWL).optimizer("adam").noise(0.5).seed(3).steps(20).run();
        Run quiet = RunBuilder.on(BOWL).optimizer("adam").steps(20).run();
        assertThat(b.last()).isEqualTo(a.last());
        assertThat(quiet.last().x()).isNotEqualTo(a.last().x());
    }

    static Stream<Arguments> schedules() {
        // base lr 0.01; k counts updates already taken, so point k (k ≥ 1) was made with lr(k − 1).
        return Stream.of(
                Arguments.of("constant", Map.of(), (LongToDoubleFunction) k -> 0.01),
                Arguments.of("step", Map.of("step-size", 10.0, "gamma", 0.5),
                        (LongToDoubleFunction) k -> 0.01 * Math.pow(0.5, k / 10)),
                Arguments.of("exponential", Map.of("gamma", 0.9), (LongToDoubleFunction) k -> 0.01 * Math.pow(0.9, k)),
                Arguments.of("inverse-time", Map.of("tau", 5.0), (LongToDoubleFunction) k -> 0.01 / (1 + k / 5.0)),
                // t-max defaults to the 40-step budget: lr falls to 0 at k = 40, half-way at k = 20
                Arguments.of("cosine", Map.of(),
                        (LongToDoubleFunction) k -> 0.01 * (1 + Math.cos(Math.PI * k / 40)) / 2));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("schedules")
    void schedulesGiveTheDocumentedLearningRatePerStep(String name, Map<String, Double> params, LongToDoubleFunction lr) {
        Run run = RunBuilder.on(BOWL).optimizer("gd").learningRate(0.01).start(1, 1).tolerance(0).steps(40)
                .schedule(Schedules.create(name, params, 40)).run();
        Trajectory t = run.trajectory();
        assertThat(t.point(0).lr()).isEqualTo(0.01);
        for (int k = 1; k <= 40; k++) {
            assertThat(t.point(k).lr()).as("%s at point %d", name, k).isCloseTo(lr.applyAsDouble(k - 1), within(1e-17));
        }
    }

    @Test
    void scheduleLandmarks() {
        var step = RunBuilder.on(BOWL).learningRate(0.01).tolerance(0).steps(40)
                .schedule(Schedules.create("step", Map.of("step-size", 10.0, "gamma", 0.5), 40)).run().trajectory();
        assertThat(step.point(10).lr()).isEqualTo(0.01);    // the 10th update still uses lr
        assertThat(step.point(11).lr()).isEqualTo(0.005);   // the 11th is the first after a decay
        var cosine = RunBuilder.on(BOWL).learningRate(0.01).tolerance(0).steps(40)
                .schedule(Schedules.create("cosine", Map.of(), 40)).run().trajectory();
        assertThat(cosine.point(21).lr()).isCloseTo(0.005, within(1e-17));
        assertThat(cosine.point(40).lr()).isCloseTo(0.01 * (1 + Math.cos(Math.PI * 39 / 40)) / 2, within(1e-18));
    }
}
