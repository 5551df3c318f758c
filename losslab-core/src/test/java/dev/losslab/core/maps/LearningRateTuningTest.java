package dev.losslab.core.maps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Catalog;
import org.junit.jupiter.api.Test;

class LearningRateTuningTest {

    @Test
    void gradientDescentOnTheBowlIsTunedCloseToTwoOverTheSumOfCurvatures() {
        // For GD on a quadratic with curvatures 1 and 10 the fastest constant lr is 2/(1 + 10) ≈ 0.18
        // and anything ≥ 2/10 fails; the tuned lr must sit just below that edge and converge.
        var tuned = LearningRateTuning.tune(0.18,
                lr -> RunBuilder.on("bowl").optimizer("gd").set("lr", lr).spec(), Job.untracked());
        assertThat(tuned.found()).isTrue();
        assertThat(tuned.learningRate()).isBetween(0.15, 0.2);
        assertThat(tuned.outcome().converged()).isTrue();
        var atDefault = RunBuilder.on("bowl").optimizer("gd").set("lr", 0.18).run();
        assertThat(tuned.outcome().steps()).isLessThanOrEqualTo(atDefault.steps());
    }

    @Test
    void theTunedLrIsAmongTheCandidatesAndBeatsEveryOtherCandidateThatConverged() {
        var landscape = Catalog.get("ravine");
        double lr0 = Optimizers.get("momentum").defaultLearningRate(landscape);
        var tuned = LearningRateTuning.tune(lr0, lr -> RunBuilder.on(landscape).optimizer("momentum").set("lr", lr).spec(),
                Job.untracked());
        assertThat(tuned.candidates()).contains(tuned.learningRate()).contains(lr0).hasSize(37);
        for (double lr : tuned.candidates()) {
            var run = RunBuilder.on(landscape).optimizer("momentum").set("lr", lr).run();
            if (run.stopReason().code().equals("converged") && run.minimumReached().isPresent()) {
                assertThat(tuned.outcome().steps()).as("lr %s", lr).isLessThanOrEqualTo(run.steps());
            }
        }
    }

    @Test
    void newtonIsNotTunedIntoTheMaximumItFindsFromTheOrigin() {
        // From (0, 0) Newton at lr 1 converges to Himmelblau's maximum in 4 steps: fast, but not a minimum.
        var tuned = LearningRateTuning.tune(1, lr -> RunBuilder.on("himmelblau").optimizer("newton").set("lr", lr).start(0, 0).spec(),
                Job.untracked());
        var landscape = Catalog.get("himmelblau");
        var end = new dev.losslab.core.surface.Vec2(tuned.outcome().x(), tuned.outcome().y());
        if (tuned.outcome().converged()) {
            assertThat(landscape.minimumReachedFrom(end)).isPresent();
        } else {
            assertThat(tuned.outcome().loss()).isLessThan(181);
        }
    }
}
