package dev.losslab.app.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.core.net.TrainStep;
import org.junit.jupiter.api.Test;

/**
 * {@link TrainCurves}: whatever the steps, a curve keeps at most about 2,000 points, evenly spaced,
 * always with step 0 and the last step reached; sharpness checks likewise; a poll's copy at most 500.
 */
class TrainCurvesTest {

    private static TrainStep step(int k, boolean checked) {
        return new TrainStep(k, 1.0 / (k + 1), Double.NaN, 0.5, 2.0, 0.1, checked ? k : Double.NaN);
    }

    private static JsonNode run(int steps, int every, int reached, int points) {
        TrainCurves curves = new TrainCurves(steps, every, true);
        for (int k = 0; k <= reached; k++) {
            curves.reached(step(k, every > 0 && (k % every == 0 || k == steps)));
        }
        curves.ended();
        ObjectNode node = JsonViews.object();
        curves.write(node, points);
        return node;
    }

    @Test
    void everyThirdOfFiveThousandStepsAndTheLast() {
        JsonNode steps = run(5000, 0, 5000, TrainCurves.MAX_POINTS).get("curve").get("step");
        // 0, 3, …, 4998 (1,667 of them) and 5000
        assertThat(steps).hasSize(1668);
        assertThat(steps.get(1).asInt()).isEqualTo(3);
        assertThat(steps.get(1666).asInt()).isEqualTo(4998);
        assertThat(steps.get(1667).asInt()).isEqualTo(5000);
    }

    @Test
    void sharpnessAtEveryStepOfTwentyThousandKeepsEveryEleventhCheck() {
        JsonNode sharpness = run(20_000, 1, 20_000, TrainCurves.MAX_POINTS).get("sharpness").get("step");
        // ⌈20,002 / 2,000⌉ = 11: 0, 11, …, 19,998 (1,819) and 20,000
        assertThat(sharpness).hasSize(1820);
        assertThat(sharpness.get(1).asInt()).isEqualTo(11);
        assertThat(sharpness.get(1819).asInt()).isEqualTo(20_000);
    }

    @Test
    void aRunThatStopsEarlyEndsAtItsLastStepAndAPollCarriesAtMostFiveHundredPoints() {
        JsonNode early = run(1000, 0, 417, TrainCurves.MAX_POINTS).get("curve").get("step");
        assertThat(early).hasSize(418);
        assertThat(early.get(417).asInt()).isEqualTo(417);
        JsonNode poll = run(2000, 0, 1999, TrainCurves.PARTIAL_POINTS).get("curve").get("step");
        assertThat(poll.size()).isLessThanOrEqualTo(TrainCurves.PARTIAL_POINTS + 1);
        assertThat(poll.get(0).asInt()).isZero();
        assertThat(poll.get(poll.size() - 1).asInt()).isEqualTo(1999);
    }

    @Test
    void aCheckLanczosCouldNotPinIsKeptAsNullNotDropped() {
        TrainCurves curves = new TrainCurves(25, 10, true);
        for (int k = 0; k <= 25; k++) {
            // checks at 0, 10, 20 and the last step 25; the one at 20 (and at the end) not pinned: NaN
            double sharpness = k == 0 || k == 10 ? k + 1 : Double.NaN;
            curves.reached(new TrainStep(k, 1, Double.NaN, 0.5, 2, 0.1, sharpness));
        }
        curves.ended();
        ObjectNode node = JsonViews.object();
        curves.write(node, TrainCurves.MAX_POINTS);
        JsonNode sharpness = node.get("sharpness");
        assertThat(sharpness.get("step").toString()).isEqualTo("[0,10,20,25]");
        assertThat(sharpness.get("value").toString()).isEqualTo("[1.0,11.0,null,null]");
    }
}
