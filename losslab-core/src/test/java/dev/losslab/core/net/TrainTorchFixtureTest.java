package dev.losslab.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.data.Datasets;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.run.Engine;
import dev.losslab.core.testing.MiniJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training curves against torch.nn + torch.optim (float64) from the same init and batches
 * ({@code tools/torch-fixtures/train.py}, torch 1.13): at every step the full-data loss, the batch
 * loss and the full-data gradient norm equal torch's to {@value #TOLERANCE} relative, and the
 * accuracy exactly. What remains is rounding: torch sums a batch's rows in its matrix kernels' order,
 * LossLab row by row, and LossLab's update rules round twice where torch fuses a multiply-add
 * (TorchFixtureTest says which); the largest relative error seen is printed after the run.
 */
class TrainTorchFixtureTest {

    static final double TOLERANCE = 1e-9;
    private static double maxError;
    private static String maxErrorWhere = "";

    @SuppressWarnings("unchecked")
    static Map<String, Object> fixtures() throws IOException {
        try (InputStream in = TrainTorchFixtureTest.class.getResourceAsStream("/fixtures/torch-train/train-cases.json")) {
            return (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> runs() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) fixtures().get("cases")) {
            for (Map<String, Object> r : (List<Map<String, Object>>) c.get("runs")) {
                all.add(Arguments.of(c.get("name") + " " + r.get("optimizer"), c, r));
            }
        }
        return all.stream();
    }

    @SuppressWarnings("unchecked")
    static Objective objective(Map<String, Object> c) {
        Examples examples = Examples.of(Datasets.get((String) c.get("data")), ((Double) c.get("rows")).intValue());
        List<Double> widths = (List<Double>) c.get("widths");
        int[] hidden = null;
        if (c.get("model").equals("mlp")) {
            hidden = widths.subList(1, widths.size() - 1).stream().mapToInt(Double::intValue).toArray();
        }
        Objective objective = ModelKind.parse((String) c.get("model")).objective(examples, hidden,
                Activation.valueOf(((String) c.get("activation")).toUpperCase()), Loss.valueOf(((String) c.get("loss")).toUpperCase()));
        assertThat(objective.network().shape()).isEqualTo(String.join("-", widths.stream().map(w -> "" + w.intValue()).toList()));
        return objective;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    @SuppressWarnings("unchecked")
    void theLossCurveIsTorchs(String name, Map<String, Object> c, Map<String, Object> r) {
        Objective objective = objective(c);
        double[] labels = objective.examples().labels();
        List<Double> torchLabels = (List<Double>) c.get("labels");
        for (int i = 0; i < labels.length; i++) {
            assertThat(labels[i]).as("label of row %d", i).isEqualTo(torchLabels.get(i));
        }
        double[] init = objective.network().parametersFrom((Map<String, ?>) c.get("init"), "init");
        Batches batches = new Batches.Full();
        if (c.get("batches") != null) {
            List<int[]> listed = new ArrayList<>();
            for (List<Double> b : (List<List<Double>>) c.get("batches")) {
                listed.add(b.stream().mapToInt(Double::intValue).toArray());
            }
            batches = new Batches.Listed(listed);
        }
        String optimizer = (String) r.get("optimizer");
        int steps = ((Double) r.get("steps")).intValue();
        TrainResult result = Training.run(new Training.Spec(objective,
                Optimizers.get(optimizer).configure((Map<String, ?>) r.get("settings")), optimizer, (Double) r.get("lr"),
                new Schedule.Constant(), steps, batches, init), s -> { }, Engine.Checkpoint.NONE);

        assertThat(result.stop()).isEqualTo("max-steps");
        assertThat(result.steps()).hasSize(steps + 1);
        List<Double> loss = (List<Double>) r.get("loss");
        List<Double> batchLoss = (List<Double>) r.get("batch_loss");
        List<Double> gradNorm = (List<Double>) r.get("grad_norm");
        List<Double> accuracy = (List<Double>) r.get("accuracy");
        for (TrainStep s : result.steps()) {
            int k = s.step();
            close(s.loss(), loss.get(k), name + " loss at step " + k);
            close(s.gradNorm(), gradNorm.get(k), name + " grad_norm at step " + k);
            if (k < steps) {
                close(s.batchLoss(), batchLoss.get(k), name + " batch_loss at step " + k);
                assertThat(s.lr()).isEqualTo((Double) r.get("lr"));
            } else {
                assertThat(s.batchLoss()).isNaN();
            }
            assertThat(s.accuracy()).as(name + " accuracy at step " + k).isEqualTo(accuracy.get(k));
        }
        // A curve that does not move would match a broken optimizer too: each run must learn.
        assertThat(result.last().loss()).as(name + " learns").isLessThan(0.9 * loss.getFirst());
    }

    private static void close(double actual, double expected, String where) {
        double error = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
        if (error > maxError) {
            maxError = error;
            maxErrorWhere = where;
        }
        assertThat(error).as("%s: %s vs torch %s", where, actual, expected).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void erfIsPythonsToTwoUlps() throws IOException {
        for (List<Double> p : (List<List<Double>>) fixtures().get("erf")) {
            double z = p.get(0);
            double want = p.get(1);
            assertThat(Math.abs(Erf.erf(z) - want)).as("erf(%s)", z).isLessThanOrEqualTo(2 * Math.ulp(want));
        }
    }

    @AfterAll
    static void report() {
        System.out.printf("TrainTorchFixtureTest: largest relative error %.3g (%s)%n", maxError, maxErrorWhere);
    }
}
