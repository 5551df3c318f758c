package dev.losslab.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Surface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine with a rule whose gradient point is not the point it reports (the schedule-free ones,
 * {@link dev.losslab.core.optim.Stepper#gradientPoints}): each recorded point is the reported x with
 * f(x), beside ∇f at the gradient point y, the gradient the next step uses and the stop rules
 * measure; bit for bit what the surface gives at those points.
 */
class GradientPointTest {

    private static final Surface HIMMELBLAU = Catalog.get("himmelblau").surface();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"schedule-free-adamw, 0.1", "schedule-free-sgd, 0.01"})
    void eachPointIsXWithFOfXBesideTheGradientAtY(String optimizer, double lr) {
        Trajectory t = RunBuilder.on("himmelblau").optimizer(optimizer).learningRate(lr).start(0.5, -1).steps(60)
                .tolerance(0).recording(Recording.INTERNALS).run().trajectory();
        Internals in = t.internals();
        int apart = 0;
        for (int k = 0; k < t.size(); k++) {
            Trajectory.Point p = t.point(k);
            double[] atX = evaluate(p.x(), p.y());
            double[] atY = k == 0 ? atX : evaluate(in.x("gradientPoint", k), in.y("gradientPoint", k));
            assertThat(p.loss()).as("f(x) at %d", k).isEqualTo(atX[0]);
            assertThat(new double[] {p.gradientX(), p.gradientY()}).as("∇f(y) at %d", k)
                    .containsExactly(atY[1], atY[2]);
            if (atX[1] != atY[1] || atX[2] != atY[2]) {
                apart++;
            }
        }
        // x and y are one point at the start and after the first step (c₁ = 1: x₁ = y₁ = z₁), and
        // different points after that, so the checks above tell them apart.
        assertThat(apart).isEqualTo(t.size() - 2);
    }

    @Test
    void convergenceIsMeasuredOnTheGradientAtY() {
        Run run = RunBuilder.on("himmelblau").optimizer("schedule-free-sgd").learningRate(0.01).start(0.5, -1)
                .tolerance(1e-3).recording(Recording.INTERNALS).run();
        assertThat(run.stopReason()).isInstanceOf(StopReason.Converged.class);
        Trajectory.Point last = run.last();
        Internals in = run.trajectory().internals();
        double[] atY = evaluate(in.x("gradientPoint", last.step()), in.y("gradientPoint", last.step()));
        double[] atX = evaluate(last.x(), last.y());
        assertThat(((StopReason.Converged) run.stopReason()).measure()).isEqualTo(Math.hypot(atY[1], atY[2]))
                .isLessThan(1e-3);
        assertThat(Math.hypot(atX[1], atX[2])).as("‖∇f(x)‖, not what was measured")
                .isNotEqualTo(Math.hypot(atY[1], atY[2]));
    }

    /** f and ∇f at one point, as the engine's batch of one evaluates them: {f, ∂f/∂x, ∂f/∂y}. */
    private static double[] evaluate(double x, double y) {
        double[] value = new double[1];
        double[] gradient = new double[2];
        HIMMELBLAU.valueAndGradient(new double[] {x, y}, 1, value, gradient);
        return new double[] {value[0], gradient[0], gradient[1]};
    }
}
