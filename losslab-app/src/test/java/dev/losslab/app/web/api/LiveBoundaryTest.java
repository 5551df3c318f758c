package dev.losslab.app.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.data.Datasets;
import dev.losslab.core.net.Architecture;
import dev.losslab.core.net.DecisionMap;
import dev.losslab.core.net.Examples;
import dev.losslab.core.net.Objective;
import dev.losslab.core.surface.Window;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link LiveBoundary}: the racer's thread copies θ at its first step, at most once per interval
 * after, and where it stops; a poll traces the latest copy (its step and its θ, not θ as training goes
 * on in it), once per copy however often it is asked; the grid shrinks with the networks' size.
 */
class LiveBoundaryTest {

    private static final Window WINDOW = Window.of(-1.5, 2.5, -1, 1.5);
    private static final int GRID = 31;

    private final Objective objective = Architecture.parse("mlp", "8", "tanh", null)
            .objective(Examples.of(Datasets.resolve("moons", false)));
    private final AtomicInteger made = new AtomicInteger();

    private LiveBoundary live(long copyEveryNanos) {
        return new LiveBoundary(() -> {
            made.incrementAndGet();
            return objective;
        }, WINDOW, GRID, copyEveryNanos);
    }

    private double[] theta(long seed) {
        return objective.network().initialParameters(seed);
    }

    @Test
    void nothingIsTracedBeforeTheFirstStep() {
        assertThat(live(0).traced()).isNull();
        assertThat(made).hasValue(0);
    }

    @Test
    void aPollTracesTheCopyAtItsStepNotTheThetaTrainingGoesOnIn() {
        LiveBoundary live = live(Long.MAX_VALUE);
        double[] theta = theta(1);
        double[] atStep0 = theta.clone();
        live.reached(0, theta);
        // training goes on in the same array; within the interval nothing is copied
        System.arraycopy(theta(2), 0, theta, 0, theta.length);
        live.reached(1, theta);
        LiveBoundary.Traced traced = live.traced();
        assertThat(traced.step()).isZero();
        assertThat(traced.lines()).isNotEmpty();
        assertThat(traced.lines()).usingRecursiveComparison()
                .isEqualTo(DecisionMap.of(objective, atStep0, WINDOW, GRID).boundary());
        // where the racer stops is always copied, within the interval too
        live.ended(1, theta);
        assertThat(live.traced().step()).isEqualTo(1);
        assertThat(live.traced().lines()).usingRecursiveComparison()
                .isEqualTo(DecisionMap.of(objective, theta(2), WINDOW, GRID).boundary());
    }

    /**
     * A racer that stops early (it diverged, converged, or was cancelled) while the others train
     * shows where it stopped: before, its boundary stayed at the last copy, step 0, for the rest of
     * the race.
     */
    @Test
    void aRacerThatStopsWithinTheIntervalIsTracedWhereItStopped() {
        LiveBoundary live = live(Long.MAX_VALUE);
        live.reached(0, theta(1));
        for (int k = 1; k <= 7; k++) {
            live.reached(k, theta(k + 1));
        }
        assertThat(live.traced().step()).as("within the interval: only the first step copied").isZero();
        live.ended(7, theta(8));
        LiveBoundary.Traced stopped = live.traced();
        assertThat(stopped.step()).isEqualTo(7);
        assertThat(stopped.lines()).usingRecursiveComparison()
                .isEqualTo(DecisionMap.of(objective, theta(8), WINDOW, GRID).boundary());
        // ended at the step already copied: nothing new to trace
        live.ended(7, theta(8));
        assertThat(live.traced()).isSameAs(stopped);
    }

    @Test
    void theSameCopyIsTracedOnceHoweverManyPollsAsk() {
        LiveBoundary live = live(0);
        live.reached(3, theta(1));
        LiveBoundary.Traced first = live.traced();
        assertThat(live.traced()).isSameAs(first);
        assertThat(live.traced()).isSameAs(first);
        live.reached(4, theta(2));
        LiveBoundary.Traced next = live.traced();
        assertThat(next).isNotSameAs(first);
        assertThat(next.step()).isEqualTo(4);
        assertThat(live.traced()).isSameAs(next);
        assertThat(made).as("one objective for the polls, made when first needed").hasValue(1);
    }

    @Test
    void withNoIntervalEveryStepIsCopied() {
        LiveBoundary live = live(0);
        for (int k = 0; k < 5; k++) {
            live.reached(k, theta(k));
            assertThat(live.traced().step()).isEqualTo(k);
        }
    }

    /** 2-16-16-1 (337 weights), 2-64-64-1 (4,417), 2-128-128-1 (17,025), 2-256-256-1 (66,817). */
    @Test
    void theGridShrinksWithTheNetworksAndIsNoneBeyondThePollsCap() {
        assertThat(LiveBoundary.grid(1, 337)).isEqualTo(LiveBoundary.MAX_GRID);
        assertThat(LiveBoundary.grid(3, 337)).isEqualTo(44);
        assertThat(LiveBoundary.grid(4, 4_417)).isEqualTo(LiveBoundary.MIN_GRID);
        assertThat(LiveBoundary.grid(1, 17_025)).isEqualTo(LiveBoundary.MIN_GRID);
        assertThat(LiveBoundary.grid(2, 17_025)).isZero();
        assertThat(LiveBoundary.grid(1, 66_817)).isZero();
    }
}
