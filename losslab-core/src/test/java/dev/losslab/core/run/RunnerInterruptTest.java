package dev.losslab.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.analysis.CriticalPoints;
import dev.losslab.core.surface.Catalog;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Long work stops when its thread is interrupted: how the web server bounds a request's time. */
class RunnerInterruptTest {

    @AfterEach
    void clearTheFlag() {
        Thread.interrupted();
    }

    @Test
    void aRunStopsWhenItsThreadIsInterrupted() {
        RunSpec spec = RunBuilder.on("rosenbrock").steps(100_000).tolerance(0).spec();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> Runner.run(spec)).isInstanceOf(CancellationException.class)
                .hasMessage("the run was interrupted after 0 steps");
    }

    @Test
    void aRunWithoutInterruptTakesEveryStep() {
        RunSpec spec = RunBuilder.on("rosenbrock").steps(10_000).tolerance(0).spec();
        assertThat(Runner.run(spec).steps()).isEqualTo(10_000);
    }

    @Test
    void theCriticalPointSearchStopsWhenItsCallerIsInterrupted() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> CriticalPoints.find(Catalog.get("himmelblau")))
                .isInstanceOf(CancellationException.class);
    }
}
