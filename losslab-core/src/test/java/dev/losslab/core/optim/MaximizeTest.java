package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Surface;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code maximize}, as every torch optimizer has it: the rule sees −∇f in place of ∇f, before weight
 * decay or anything else touches it. So climbing f must be descending −f, to the bit: −1·g is exact.
 * This covers every optimizer that takes the flag, NAdam, RAdam and Adafactor included (torch 1.13
 * has no maximize for the first two, and no Adafactor; the torch fixtures cover the others'
 * maximize against torch itself). Weight decay is on wherever the optimizer takes it, since the
 * order of negation and decay is what a wrong implementation would get wrong.
 */
class MaximizeTest {

    static Stream<OptimizerKind> takers() {
        return Optimizers.all().stream().filter(k -> k.takes("maximize"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("takers")
    void climbingFIsDescendingMinusFBitForBit(OptimizerKind kind) {
        Landscape himmelblau = Catalog.get("himmelblau");
        Landscape negated = new Landscape("-himmelblau", "", "", "", new Negated(himmelblau.surface()),
                himmelblau.window(), himmelblau.defaultStart(), himmelblau.learningRate(),
                himmelblau.adaptiveLearningRate(), himmelblau.knownMinima());
        // Near Himmelblau's local maximum (−0.27, −0.92), so that both runs stay on the map.
        Run climbed = run(kind, himmelblau).set("maximize", 1).run();
        Run descended = run(kind, negated).run();
        Run plain = run(kind, himmelblau).run();

        assertThat(climbed.steps()).isEqualTo(50);
        for (int k = 0; k <= 50; k++) {
            assertThat(climbed.trajectory().x(k)).as("step %d x", k).isEqualTo(descended.trajectory().x(k));
            assertThat(climbed.trajectory().y(k)).as("step %d y", k).isEqualTo(descended.trajectory().y(k));
        }
        // And the flag does something: climbing ends higher than descending.
        assertThat(climbed.last().loss()).isGreaterThan(plain.last().loss());
    }

    private static RunBuilder run(OptimizerKind kind, Landscape landscape) {
        RunBuilder builder = RunBuilder.on(landscape).optimizer(kind.name()).start(0.5, -1).steps(50).tolerance(0)
                .noise(0);
        if (kind.takes("weight-decay")) {
            builder.set("weight-decay", 0.1);
        }
        return builder;
    }

    /** −f, with −∇f and −∇²f: exact negations of the surface's own numbers. */
    record Negated(Surface surface) implements Surface {

        @Override
        public void valueAndGradient(double[] points, int n, double[] values, double[] gradients) {
            surface.valueAndGradient(points, n, values, gradients);
            negate(values, n);
            negate(gradients, 2 * n);
        }

        @Override
        public void hessian(double[] points, int n, double[] hessians) {
            surface.hessian(points, n, hessians);
            negate(hessians, 3 * n);
        }

        private static void negate(double[] a, int length) {
            for (int i = 0; i < length; i++) {
                a[i] = -a[i];
            }
        }
    }
}
