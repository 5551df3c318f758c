package dev.losslab.core.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.Outcome;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SweepTest {

    private static Function<Map<String, Double>, RunSpec> on(String surface, String optimizer) {
        return values -> {
            RunBuilder b = RunBuilder.on(surface).optimizer(optimizer).steps(2000);
            values.forEach(b::set);
            return b.spec();
        };
    }

    @Test
    void anLrSweepOnTheBowlFindsTheTwoOverHDivergenceBoundary() {
        // The bowl's steep direction has curvature h = 10: GD converges for lr < 2/h = 0.2 and not above.
        SweepResult sweep = Sweep.run(List.of(Axis.linear("lr", 0.1, 0.3, 41)), on("bowl", "gd"), Job.untracked());
        double lastConverged = 0;
        double firstNotConverged = Double.POSITIVE_INFINITY;
        for (int i = 0; i < sweep.columns(); i++) {
            double lr = sweep.axes().getFirst().value(i);
            Outcome o = sweep.outcome(i, 0);
            if (o.converged()) {
                lastConverged = Math.max(lastConverged, lr);
            } else {
                firstNotConverged = Math.min(firstNotConverged, lr);
                assertThat(o.diverged() || o.stop().code().equals("max-steps")).isTrue();
            }
        }
        assertThat(lastConverged).isLessThan(0.2).isGreaterThan(0.19);
        assertThat(firstNotConverged).isGreaterThanOrEqualTo(0.2 - 1e-12).isLessThan(0.2051);
        assertThat(sweep.outcome(40, 0).diverged()).isTrue();
    }

    @Test
    void eachCellIsTheRunOfItsSettingsWithTheFirstAxisFastest() {
        SweepResult sweep = Sweep.run(List.of(Axis.linear("lr", 0.01, 0.05, 3), Axis.linear("momentum", 0, 0.8, 2)),
                on("bowl", "momentum"), Job.untracked());
        assertThat(sweep.columns()).isEqualTo(3);
        assertThat(sweep.rows()).isEqualTo(2);
        var run = RunBuilder.on("bowl").optimizer("momentum").steps(2000).set("lr", 0.05).set("momentum", 0.8).run();
        Outcome o = sweep.outcome(2, 1);
        assertThat(sweep.spec(2, 1).learningRate()).isEqualTo(0.05);
        assertThat(o.steps()).isEqualTo(run.steps());
        assertThat(o.x()).isEqualTo(run.last().x());
    }

    @Test
    void aBadValueFailsBeforeAnyRunNamingTheParameter() {
        assertThatThrownBy(() -> Sweep.run(List.of(Axis.linear("momentum", -1, 0.5, 4)), on("bowl", "momentum"), Job.untracked()))
                .isInstanceOf(InvalidInputException.class).hasMessage("momentum must be >= 0, got -1");
        assertThatThrownBy(() -> Sweep.run(List.of(Axis.linear("lr", 0.1, 0.2, 2), Axis.linear("lr", 0.1, 0.2, 2)),
                on("bowl", "gd"), Job.untracked())).hasMessage("the two swept hyper-parameters must differ, got lr twice");
        assertThatThrownBy(() -> Sweep.run(List.of(), on("bowl", "gd"), Job.untracked()))
                .hasMessage("a sweep varies one or two hyper-parameters, got 0");
    }

    @Test
    void aPlanIsCheckedWhenMadeAndRunsLikeRun() {
        assertThatThrownBy(() -> Sweep.plan(List.of(Axis.linear("lr", -0.1, 0.1, 3)), on("bowl", "gd")))
                .isInstanceOf(InvalidInputException.class).hasMessage("lr must be > 0, got -0.1");
        List<Axis> axes = List.of(Axis.linear("lr", 0.05, 0.25, 5));
        Sweep.Plan plan = Sweep.plan(axes, on("bowl", "gd"));
        assertThat(plan.cells()).isEqualTo(5);
        SweepResult direct = Sweep.run(axes, on("bowl", "gd"), Job.untracked());
        SweepResult planned = plan.run(Job.untracked());
        assertThat(planned.outcomes()).isEqualTo(direct.outcomes());
        assertThat(plan.run(Job.untracked()).outcomes()).isEqualTo(direct.outcomes());
    }
}
