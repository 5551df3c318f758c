package dev.losslab.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.analysis.CurvatureKind;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Minimum;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where runs end, told by the Hessian at the critical point they reached (issue 14): a local
 * minimum that is not listed is a minimum, numbered after the listed ones; a saddle or a maximum is
 * named as such; a noisy run that keeps moving about a minimum is near it, not at it.
 */
class DestinationsTest {

    @Test
    void aRunThatFindsAListedMinimumEndsAtItsNumber() {
        Run run = RunBuilder.on("himmelblau").optimizer("gd").start(2.5, 2.5).run();
        EndPoint end = run.endPoint();
        assertThat(end).isInstanceOf(EndPoint.AtMinimum.class);
        EndPoint.AtMinimum at = (EndPoint.AtMinimum) end;
        assertThat(at.listed()).isTrue();
        // Himmelblau lists (3, 2) first.
        assertThat(at.number()).isEqualTo(1);
        assertThat(at.minimum().at().x()).isEqualTo(3.0);
    }

    /**
     * Rastrigin's local minima sit near the integer points, where f = x² + y² − 10cos 2πx − 10cos 2πy
     * + 20 has ∂f/∂x = 2x + 20π sin 2πx = 0: for x near 2, x ≈ 2 − 2/(2 + 40π²) ≈ 1.98991 (one Newton
     * step from 2; the minimum itself is 1.98991 to five digits). GD from (2.2, 0.9) settles there.
     */
    @Test
    void aLocalMinimumThatIsNotListedIsStillAMinimumAndNumberedAfterTheListedOnes() {
        Run run = RunBuilder.on("rastrigin").optimizer("gd").start(2.2, 0.9).run();
        assertThat(run.stopReason()).isInstanceOf(StopReason.Converged.class);
        EndPoint.AtMinimum at = (EndPoint.AtMinimum) run.endPoint();
        assertThat(at.listed()).isFalse();
        Destinations places = Destinations.of(run.spec().landscape());
        assertThat(at.number()).isGreaterThan(places.listedCount());
        assertThat(at.minimum().at().x()).isCloseTo(1.98991, within(1e-5));
        assertThat(at.minimum().at().y()).isCloseTo(0.99496, within(1e-5));
        assertThat(places.minima().get(at.number() - 1)).isEqualTo(at.minimum());
        // 11 × 11 local minima in [−5.12, 5.12]²: the listed global one and 120 others, by value.
        List<Minimum> minima = places.minima();
        assertThat(minima).hasSize(121);
        for (int k = places.listedCount() + 1; k < minima.size(); k++) {
            assertThat(minima.get(k).value()).isGreaterThanOrEqualTo(minima.get(k - 1).value());
        }
    }

    @Test
    void aRunStartedOnASaddlesStableLineConvergesToTheSaddleAndIsToldSo() {
        // f = x² − y²: along y = 0, gradient descent rolls into the saddle at the origin.
        Run run = RunBuilder.on("saddle").optimizer("gd").learningRate(0.1).start(1, 0).run();
        assertThat(run.stopReason()).isInstanceOf(StopReason.Converged.class);
        EndPoint.AtCriticalPoint at = (EndPoint.AtCriticalPoint) run.endPoint();
        assertThat(at.kind()).isEqualTo(CurvatureKind.SADDLE);
        assertThat(at.converged()).isTrue();
        assertThat(at.at().norm()).isLessThan(1e-9);
    }

    @Test
    void aRunStartedOnAMaximumStopsThereAndIsToldItIsAMaximum() {
        // Himmelblau's one maximum, (−0.270845, −0.923039), where ∇f vanishes to 1e-5: Newton sits still.
        Run run = RunBuilder.on("himmelblau").optimizer("newton").start(-0.270845, -0.923039).run();
        EndPoint.AtCriticalPoint at = (EndPoint.AtCriticalPoint) run.endPoint();
        assertThat(at.kind()).isEqualTo(CurvatureKind.MAXIMUM);
        assertThat(at.value()).isCloseTo(181.617, within(1e-3));
    }

    @Test
    void aNoisyRunNeverConvergesButHoversAroundItsMinimum() {
        Run run = RunBuilder.on("bowl").optimizer("sgd").noise(0.5).steps(500).run();
        assertThat(run.stopReason()).isInstanceOf(StopReason.MaxSteps.class);
        EndPoint.NearMinimum near = (EndPoint.NearMinimum) run.endPoint();
        assertThat(near.number()).isEqualTo(1);
        assertThat(near.listed()).isTrue();
    }

    @Test
    void divergedAndUnsettledRunsEndNowhere() {
        assertThat(RunBuilder.on("bowl").optimizer("gd").learningRate(0.3).run().endPoint())
                .isInstanceOf(EndPoint.Diverged.class);
        assertThat(RunBuilder.on("rosenbrock").optimizer("gd").steps(5).run().endPoint())
                .isInstanceOf(EndPoint.Unsettled.class);
    }

    /**
     * Setosa's sepal width and petal length are split by a line through the origin, so the logistic
     * loss has no minimum: it falls towards 0 as the weights grow along the split. Newton drives the
     * slope under the tolerance within 20 steps at |w| ≈ 25, loss ≈ 1e-8, but from there its own next
     * step (H⁻¹∇f) is still about as long as the weights' scale: no critical point is near, and the run is
     * not told it reached one.
     */
    @Test
    void aSlopeThatOnlyFadesIsNotACriticalPoint() {
        Run run = RunBuilder.on("logistic:iris:sepal_width,petal_length:setosa").optimizer("newton").run();
        assertThat(run.stopReason()).isInstanceOf(StopReason.Converged.class);
        assertThat(run.trajectory().last().loss()).isLessThan(1e-6);
        assertThat(run.endPoint()).isInstanceOf(EndPoint.Unsettled.class);
    }

    @Test
    void aMinimumOutsideTheWindowIsStillFoundByItsHessian() {
        // a typed bowl whose bottom (8, −7) lies outside the [−5, 5]² window typed formulas get
        Run run = RunBuilder.on("(x-8)^2 + 2*(y+7)^2").optimizer("newton").start(0, 0).run();
        EndPoint.AtCriticalPoint at = (EndPoint.AtCriticalPoint) run.endPoint();
        assertThat(at.kind()).isEqualTo(CurvatureKind.MINIMUM);
        assertThat(at.at().x()).isCloseTo(8, within(1e-9));
        assertThat(at.at().y()).isCloseTo(-7, within(1e-9));
    }

    @Test
    void theNumberingIsTheSameWhoeverAsksFirst() {
        var landscape = Catalog.get("himmelblau");
        List<Minimum> minima = Destinations.of(landscape).minima();
        assertThat(minima.subList(0, landscape.knownMinima().size())).isEqualTo(landscape.knownMinima());
        assertThat(Destinations.of(landscape).minima()).isSameAs(minima);
    }
}
