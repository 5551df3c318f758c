package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.Recording;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.StopReason;
import dev.losslab.core.run.Trajectory;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Surface;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the SciPy fixtures do not show: LossLab's own choices around SciPy's methods (what lr means,
 * how a method's own stop reads, the internals for step mode, the limits), each checked against
 * the fixture's numbers or against arithmetic.
 */
class ClassicalMethodsTest {

    private static ScipyFixtureTest.Fixture fixture(String file) throws Exception {
        return ScipyFixtureTest.read(Path.of(ClassicalMethodsTest.class.getResource("/fixtures/scipy/" + file).toURI()));
    }

    @Test
    void bfgsAndCgMultiplyTheAcceptedStepByLr() throws Exception {
        for (String file : new String[] {"bfgs-rosenbrock-1.csv", "cg-rosenbrock-1.csv"}) {
            ScipyFixtureTest.Fixture f = fixture(file);
            Run half = RunBuilder.on("rosenbrock").optimizer(f.optimizer()).set("lr", 0.5).start(-1.2, 1).steps(1)
                    .tolerance(0).run();
            // The first line search is the same (it does not see lr): half of SciPy's first step.
            double dx = f.coordinate(1, 0) - f.coordinate(0, 0);
            double dy = f.coordinate(1, 1) - f.coordinate(0, 1);
            assertThat(half.last().x()).as(file).isCloseTo(-1.2 + 0.5 * dx, within(1e-15));
            assertThat(half.last().y()).as(file).isCloseTo(1 + 0.5 * dy, within(1e-15));
            // The engine's evaluation is now at a point the search did not try: counted on top.
            assertThat(half.last().functionEvaluations()).as(file).isEqualTo(f.functionEvaluations(1) + 1);
            assertThat(half.last().gradientEvaluations()).as(file).isEqualTo(f.gradientEvaluations(1) + 1);
        }
    }

    @Test
    void nelderMeadsLrScalesItsInitialSimplex() {
        // The bowl 0.5x² + 5y² from (1, 1). Initial simplex (1, 1), (1 + δ, 1), (1, 1 + δ) with
        // δ = 0.05·lr, sorted in that order; x̄ = (1 + δ/2, 1); the reflection (1 + δ, 1 − δ) is
        // below f(1, 1), so it expands to (1 + 1.5δ, 1 − 2δ), lower still, which is kept and best.
        for (double lr : new double[] {1, 0.2}) {
            double delta = 0.05 * lr;
            Run run = RunBuilder.on("bowl").optimizer("nelder-mead").set("lr", lr).start(1, 1).steps(1).tolerance(0)
                    .recording(Recording.INTERNALS).run();
            double[][] v = vertices(run.trajectory(), 1);
            assertThat(v[0][0]).as("lr %s", lr).isCloseTo(1 + 1.5 * delta, within(1e-12));
            assertThat(v[0][1]).as("lr %s", lr).isCloseTo(1 - 2 * delta, within(1e-12));
            assertThat(v[1]).containsExactly(1, 1);
            assertThat(v[2][0]).isCloseTo(1 + delta, within(1e-15));
            assertThat(v[2][1]).isEqualTo(1);
            // Two new vertices and two trials, as SciPy counts them.
            assertThat(run.last().functionEvaluations()).isEqualTo(5);
        }
    }

    @Test
    void nelderMeadReportsItsSimplexBestFirstAndItsBestVertexIsThePoint() {
        Run run = RunBuilder.on("rosenbrock").optimizer("nelder-mead").steps(30).tolerance(0)
                .recording(Recording.INTERNALS).run();
        Trajectory t = run.trajectory();
        Surface f = Catalog.get("rosenbrock").surface();
        assertThat(t.internals().names()).containsExactly("vertex1", "vertex2", "vertex3");
        for (int k = 1; k < t.size(); k++) {
            double[][] v = vertices(t, k);
            assertThat(v[0]).containsExactly(t.x(k), t.y(k));
            assertThat(f.value(v[0][0], v[0][1])).isLessThanOrEqualTo(f.value(v[1][0], v[1][1]));
            assertThat(f.value(v[1][0], v[1][1])).isLessThanOrEqualTo(f.value(v[2][0], v[2][1]));
        }
    }

    private static double[][] vertices(Trajectory t, int step) {
        double[][] v = new double[3][];
        for (int j = 0; j < 3; j++) {
            String name = "vertex" + (j + 1);
            v[j] = new double[] {t.internals().x(name, step), t.internals().y(name, step)};
        }
        return v;
    }

    @Test
    void bfgsReportsItsDirectionAndTheInverseHessianItUsed() {
        Run run = RunBuilder.on("rosenbrock").optimizer("bfgs").steps(3).tolerance(0).recording(Recording.INTERNALS).run();
        Trajectory t = run.trajectory();
        // Step 1: H₀ = I, so p = −∇f(θ₀).
        assertThat(t.internals().x("inverseHessianRow1", 1)).isEqualTo(1);
        assertThat(t.internals().y("inverseHessianRow1", 1)).isEqualTo(0);
        assertThat(t.internals().x("inverseHessianRow2", 1)).isEqualTo(0);
        assertThat(t.internals().y("inverseHessianRow2", 1)).isEqualTo(1);
        assertThat(t.internals().x("direction", 1)).isEqualTo(-t.point(0).gradientX());
        assertThat(t.internals().y("direction", 1)).isEqualTo(-t.point(0).gradientY());
        // Step 2: H₁ satisfies the secant condition H₁·y₀ = s₀, and p = −H₁∇f(θ₁).
        double sx = t.x(1) - t.x(0), sy = t.y(1) - t.y(0);
        double yx = t.point(1).gradientX() - t.point(0).gradientX();
        double yy = t.point(1).gradientY() - t.point(0).gradientY();
        double h11 = t.internals().x("inverseHessianRow1", 2), h12 = t.internals().y("inverseHessianRow1", 2);
        double h21 = t.internals().x("inverseHessianRow2", 2), h22 = t.internals().y("inverseHessianRow2", 2);
        assertThat(h11 * yx + h12 * yy).isCloseTo(sx, within(1e-12));
        assertThat(h21 * yx + h22 * yy).isCloseTo(sy, within(1e-12));
        assertThat(h12).isCloseTo(h21, within(1e-15));
        double gx = t.point(1).gradientX(), gy = t.point(1).gradientY();
        assertThat(t.internals().x("direction", 2)).isCloseTo(-(h11 * gx + h12 * gy), within(1e-12));
        assertThat(t.internals().y("direction", 2)).isCloseTo(-(h21 * gx + h22 * gy), within(1e-12));
    }

    @Test
    void theMethodsOwnStopsReadAsConvergedWithTheirTest() {
        Run bfgs = RunBuilder.on("bowl").optimizer("bfgs").run();
        assertThat(bfgs.stopReason()).isInstanceOf(StopReason.Converged.class);
        StopReason.Converged c = (StopReason.Converged) bfgs.stopReason();
        assertThat(c.tolerance()).isEqualTo(1e-5);
        assertThat(c.measure()).isLessThanOrEqualTo(1e-5)
                .isEqualTo(Math.max(Math.abs(bfgs.last().gradientX()), Math.abs(bfgs.last().gradientY())));
        assertThat(c.explanation()).startsWith("the largest gradient component ").contains("gtol = 1.0E-5");

        Run nm = RunBuilder.on("bowl").optimizer("nelder-mead").run();
        assertThat(nm.stopReason().code()).isEqualTo("converged");
        assertThat(nm.stopReason().explanation()).startsWith("the simplex collapsed").contains("xatol 1.0E-4");
        // The engine's own test is unchanged, and wins when it is met first.
        Run loose = RunBuilder.on("bowl").optimizer("bfgs").tolerance(1).run();
        assertThat(loose.stopReason().explanation()).startsWith("gradient norm ");
    }

    @Test
    void gdArmijoIsGdWhereGdsStepLowersFEnough() {
        // On the bowl at lr 0.05 every gd step passes Armijo's test at once: the same doubles.
        Run gd = RunBuilder.on("bowl").optimizer("gd").set("lr", 0.05).steps(40).tolerance(0).run();
        Run armijo = RunBuilder.on("bowl").optimizer("gd-armijo").set("lr", 0.05).steps(40).tolerance(0).run();
        for (int k = 0; k <= 40; k++) {
            assertThat(armijo.trajectory().point(k)).isEqualTo(gd.trajectory().point(k));
        }
    }

    @Test
    void gdArmijoStopsWhereNoStepChangesTheta() {
        // At the bowl's minimum ∇f = 0: every trial is θ itself.
        Run run = RunBuilder.on("bowl").optimizer("gd-armijo").start(0, 0).tolerance(0).run();
        assertThat(run.stopReason().code()).isEqualTo("line-search-failed");
        assertThat(run.stopReason().explanation()).contains("too small to change θ");
        assertThat(run.steps()).isZero();
        // Past lr = 2/λmax plain gd diverges; backtracking shrinks the steps instead.
        assertThat(RunBuilder.on("bowl").optimizer("gd").set("lr", 0.3).run().stopReason().code()).isEqualTo("diverged");
        assertThat(RunBuilder.on("bowl").optimizer("gd-armijo").set("lr", 0.3).run().stopReason().code())
                .isEqualTo("converged");
    }

    @Test
    void noiseReachesTheFirstDirectionAndRunsStayReproducible() {
        Run a = RunBuilder.on("himmelblau").optimizer("bfgs").noise(1).seed(3).steps(20).run();
        Run b = RunBuilder.on("himmelblau").optimizer("bfgs").noise(1).seed(3).steps(20).run();
        Run exact = RunBuilder.on("himmelblau").optimizer("bfgs").steps(20).run();
        assertThat(a.last()).isEqualTo(b.last());
        assertThat(a.trajectory().point(1)).isNotEqualTo(exact.trajectory().point(1));
    }

    @Test
    void bfgsAndNelderMeadRefuseDimensionsTheirPerPointMatricesCannotHold() {
        assertThatThrownBy(() -> new Bfgs(1e-5, 1e-4, 0.9).newStepper(1001, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("bfgs keeps a 1001×1001 inverse Hessian per point; it takes at most 1000 dimensions");
        assertThatThrownBy(() -> new NelderMead(1e-4, 1e-4, false).newStepper(1001, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("nelder-mead keeps 1002 vertices");
        assertThat(new ConjugateGradient(1e-5, 1e-4, 0.4).newStepper(100_000, 1)).isNotNull();
    }

    @Test
    void aCallerWithoutTheLossesGetsTheSameStep() {
        // The engine hands f(θ) to the step; another caller may not: the stepper evaluates it then.
        Surface s = Catalog.get("rosenbrock").surface();
        double[] viaEngine = {-1.2, 1};
        double[] alone = {-1.2, 1};
        double[] loss = new double[1];
        double[] g = new double[2];
        s.valueAndGradient(viaEngine, 1, loss, g);
        Stepper a = new Bfgs(1e-5, 1e-4, 0.9).newStepper();
        Stepper b = new Bfgs(1e-5, 1e-4, 0.9).newStepper();
        a.step(viaEngine, loss, g, 1, 1, 1, s, new boolean[1]);
        b.step(alone, g, 1, 1, 1, s, new boolean[1]);
        assertThat(alone).containsExactly(viaEngine);
    }
}
