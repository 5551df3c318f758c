package dev.losslab.core.maps;

import static dev.losslab.core.maps.MomentumRegime.DIVERGENT;
import static dev.losslab.core.maps.MomentumRegime.MONOTONE;
import static dev.losslab.core.maps.MomentumRegime.OSCILLATING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.optim.Sgd;
import dev.losslab.core.optim.Stepper;
import dev.losslab.core.surface.Quadratic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The iteration matrix's verdict against what heavy-ball runs on h·θ²/2 actually do. */
class MomentumRegimeTest {

    private static final int STEPS = 3000;

    /** What a run from θ = 1 does: divergent if it has not shrunk below 1e-6, else oscillating if θ changed sign twice. */
    static MomentumRegime measured(double lr, double momentum, double h) {
        Quadratic q = new Quadratic(h, h);
        Stepper stepper = new Sgd(momentum, 0, false, 0, false).newStepper();
        double[] theta = {1, 0};  // one point: x at [0], y at [1]
        double[] g = new double[2];
        int signChanges = 0;
        double previous = theta[0];
        for (int k = 1; k <= STEPS; k++) {
            q.valueAndGradient(theta[0], theta[1], g);
            stepper.step(theta, g, 1, lr, k, q, new boolean[1]);
            if (!Double.isFinite(theta[0])) {
                return DIVERGENT;
            }
            if (theta[0] != 0 && previous != 0 && Math.signum(theta[0]) != Math.signum(previous)) {
                signChanges++;
            }
            if (theta[0] != 0) {
                previous = theta[0];
            }
        }
        if (!(Math.abs(theta[0]) < 1e-6)) {
            return DIVERGENT;
        }
        return signChanges >= 2 ? OSCILLATING : MONOTONE;
    }

    @ParameterizedTest(name = "lr {0}, μ {1}, h {2}: {3}")
    @CsvSource(textBlock = """
            0.1,   0,     1,   MONOTONE
            1.0,   0,     1,   MONOTONE
            1.5,   0,     1,   OSCILLATING
            2.0,   0,     1,   DIVERGENT
            2.1,   0,     1,   DIVERGENT
            0.25,  0.25,  1,   MONOTONE
            0.26,  0.25,  1,   OSCILLATING
            0.05,  0.5,   1,   MONOTONE
            0.1,   0.5,   1,   OSCILLATING
            0.1,   0.9,   1,   OSCILLATING
            0.002, 0.9,   1,   MONOTONE
            0.01,  0.9,   1,   OSCILLATING
            0.1,   0.9,   10,  OSCILLATING
            3.0,   0.5,   1,   DIVERGENT
            2.9,   0.5,   1,   OSCILLATING
            0.1,   1.0,   1,   DIVERGENT
            0.01,  0.5,   -1,  DIVERGENT
            0.02,  0.9,   10,  OSCILLATING
            0.19,  0,     10,  OSCILLATING
            0.2,   0,     10,  DIVERGENT
            """)
    void theoryMatchesTheMeasuredRun(double lr, double momentum, double h, MomentumRegime expected) {
        assertThat(MomentumRegime.of(lr, momentum, h)).isEqualTo(expected);
        assertThat(measured(lr, momentum, h)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "lr {0}, μ {1}")
    @CsvSource(textBlock = """
            0.05, 0.5
            0.5,  0
            0.3,  0.81
            0.01, 0.99
            """)
    void withoutMomentumOrWithTheEigenvaluesAreTheTextbookOnes(double lr, double momentum) {
        var e = MomentumRegime.eigenvalues(lr, momentum, 1);
        // λ₁ + λ₂ = trace, λ₁·λ₂ = det = μ
        if (e.real()) {
            assertThat(e.re1() + e.re2()).isCloseTo(1 - lr + momentum, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(e.re1() * e.re2()).isCloseTo(momentum, org.assertj.core.data.Offset.offset(1e-12));
        } else {
            assertThat(2 * e.re1()).isCloseTo(1 - lr + momentum, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(e.spectralRadius()).isCloseTo(Math.sqrt(momentum), org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @ParameterizedTest(name = "lr {0}, μ {1} on the bowl: {2}")
    @CsvSource(textBlock = """
            0.05, 0,   MONOTONE
            0.15, 0,   OSCILLATING
            0.21, 0,   DIVERGENT
            0.1,  0.9, OSCILLATING
            """)
    void aQuadraticWithSeveralCurvaturesTakesTheWorstRegime(double lr, double momentum, MomentumRegime expected) {
        assertThat(MomentumRegime.of(lr, momentum, new double[] {1, 10})).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void predictionsApplyToHeavyBallOnQuadraticsOnly() {
        var bowl = dev.losslab.core.run.RunBuilder.on("bowl");
        assertThat(MomentumRegime.predict(bowl.optimizer("momentum").set("lr", 0.1).spec())).contains(OSCILLATING);
        assertThat(MomentumRegime.predict(dev.losslab.core.run.RunBuilder.on("bowl").optimizer("gd").set("lr", 0.05).spec()))
                .contains(MONOTONE);
        assertThat(MomentumRegime.predict(dev.losslab.core.run.RunBuilder.on("bowl").optimizer("nesterov").spec())).isEmpty();
        assertThat(MomentumRegime.predict(dev.losslab.core.run.RunBuilder.on("himmelblau").optimizer("gd").spec())).isEmpty();
        assertThat(MomentumRegime.predict(dev.losslab.core.run.RunBuilder.on("saddle").optimizer("gd").spec())).contains(DIVERGENT);
    }
}
