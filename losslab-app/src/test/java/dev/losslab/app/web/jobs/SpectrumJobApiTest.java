package dev.losslab.app.web.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.TestServer;
import dev.losslab.app.web.api.TrainWork;
import dev.losslab.core.data.Dataset;
import dev.losslab.core.data.Datasets;
import dev.losslab.core.linalg.SymmetricEigenvalues;
import dev.losslab.core.net.Curvature;
import dev.losslab.core.net.Training;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Job kind {@code spectrum} (the models page's "Look at the loss"): the Hessian's eigenvalues at a
 * trained racer's final weights. Checked against theory (a linear model's mean squared error has
 * the Hessian (2/n)·AᵀA whatever its weights), against the core's Lanczos sharpness computed
 * directly, and for the binned answer's exact counts; and each bad field is a 400 naming it.
 */
class SpectrumJobApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    @AfterEach
    void stopEverything() {
        JobsApiTest.cancelAll(lab);
    }

    private static JsonNode done(String body) {
        JsonNode job = JobsApiTest.submit(lab, body);
        JsonNode done = JobsApiTest.pollUntil(lab, job.get("id").asText(), j -> !j.get("state").asText().equals("running"));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
        return done.get("result");
    }

    /** The bins' counts add up to the exact counts, and each bin lies on one side of 0. */
    private static void binsAddUp(JsonNode s) {
        int negative = 0;
        int zero = 0;
        int positive = 0;
        for (JsonNode bin : s.get("histogram").get("bins")) {
            negative += bin.get("negative").asInt();
            zero += bin.get("zero").asInt();
            positive += bin.get("positive").asInt();
            assertThat(bin.get("from").asDouble() >= 0 || bin.get("to").asDouble() <= 0).as(bin.toString()).isTrue();
        }
        assertThat(negative).isEqualTo(s.get("negative").asInt());
        assertThat(zero).isEqualTo(s.get("zero").asInt());
        assertThat(positive).isEqualTo(s.get("positive").asInt());
    }

    @Test
    void aLinearModelsMseHessianIsTwoOverNTimesATransposeA() {
        JsonNode s = done("""
                {"kind": "spectrum", "data": "moons", "model": "linear", "loss": "mse", "steps": 30,
                 "racers": [{"optimizer": "gd", "params": {"lr": 0.1}}]}""");
        // by hand: L = (1/n)·Σ (w·x_r + b − y_r)², so H = (2/n)·AᵀA with the rows A_r = (x_r1, x_r2, 1)
        Dataset moons = Datasets.resolve("moons", false);
        int n = moons.rows();
        double[][] rows = new double[n][];
        for (int r = 0; r < n; r++) {
            rows[r] = new double[] {moons.feature(0)[r], moons.feature(1)[r], 1};
        }
        double[] h = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (double[] a : rows) {
                    h[3 * i + j] += 2.0 / n * a[i] * a[j];
                }
            }
        }
        double[] expected = SymmetricEigenvalues.of(h, 3);
        assertThat(s.get("full").asBoolean()).isTrue();
        assertThat(s.get("count").asInt()).isEqualTo(3);
        assertThat(s.get("bottom")).hasSize(3);
        for (int k = 0; k < 3; k++) {
            assertThat(s.get("bottom").get(k).asDouble()).isCloseTo(expected[k], within(1e-12 * expected[2]));
        }
        assertThat(s.get("negative").asInt()).isZero();
        assertThat(s.get("kind").asText()).isEqualTo("minimum");
        assertThat(s.get("twoOverLr").asDouble()).isEqualTo(20);
        binsAddUp(s);
    }

    @Test
    void anMlpsWholeSpectrumTopsAtTheCoresSharpness() throws Exception {
        String race = """
                "data": "moons", "model": "mlp", "hidden": "16,16", "activation": "tanh", "loss": "mse", "steps": 200, "seed": 2,
                "racers": [{"optimizer": "sgd", "params": {"lr": 0.1}}, {"optimizer": "gd", "params": {"lr": 0.1}}]""";
        JsonNode s = done("{\"kind\": \"spectrum\", " + race + ", \"racer\": \"gd\"}");
        assertThat(s.get("racer").asText()).isEqualTo("gd");
        assertThat(s.get("count").asInt()).isEqualTo(337);
        assertThat(s.get("negative").asInt() + s.get("zero").asInt() + s.get("positive").asInt()).isEqualTo(337);
        assertThat(s.get("index").asDouble()).isEqualTo(s.get("negative").asInt() / 337.0);
        assertThat(s.get("kind").asText()).isEqualTo(s.get("negative").asInt() > 0 ? "saddle"
                : s.get("zero").asInt() > 0 ? "degenerate" : "minimum");
        binsAddUp(s);
        // the core, directly: gd trained as the race trains it, then Lanczos's sharpness at its weights
        TrainWork work = TrainWork.parse(JsonViews.MAPPER.readTree("{" + race + "}"), Limits.DEFAULT.training());
        Training.Spec spec = work.racers().get(1).spec();
        double[] theta = Training.run(spec, st -> { }, k -> { }).parameters();
        double sharpness = new Curvature(spec.objective()).sharpness(theta);
        assertThat(s.get("largest").asDouble()).isCloseTo(sharpness, within(1e-8 * sharpness));
        assertThat(s.get("sharpness").asDouble()).isCloseTo(sharpness, within(1e-8 * sharpness));
        assertThat(s.get("top").get(0).asDouble()).isEqualTo(s.get("largest").asDouble());
        assertThat(s.get("bottom").get(0).asDouble()).isEqualTo(s.get("smallest").asDouble());
        assertThat(s.get("loss").asDouble()).isEqualTo(spec.objective().evaluate(theta, null));
        assertThat(s.get("step").asInt()).isEqualTo(200);
    }

    /** Under a schedule the edge is the last update's: step-size 10, γ 0.5, so step 29 takes 0.1 · 0.5² = 0.025. */
    @Test
    void underAScheduleTheEdgeIsTheLastUpdatesTwoOverLr() {
        JsonNode s = done("""
                {"kind": "spectrum", "data": "moons", "model": "linear", "loss": "mse", "steps": 30,
                 "racers": [{"optimizer": "gd", "params": {"lr": 0.1}, "schedule": {"name": "step", "params": {"step-size": 10, "gamma": 0.5}}}]}""");
        assertThat(s.get("schedule").asText()).isEqualTo("step");
        assertThat(s.get("lr").asDouble()).isEqualTo(0.025);
        assertThat(s.get("twoOverLr").asDouble()).isEqualTo(80);
    }

    @Test
    void beyondTwoThousandParametersOnlyTheTopEigenvaluesComeAndTheAnswerSaysWhy() {
        JsonNode s = done("""
                {"kind": "spectrum", "data": "digits", "model": "mlp", "hidden": "32", "steps": 3,
                 "racers": [{"optimizer": "adam", "params": {"lr": 0.01}}]}""");
        assertThat(s.get("parameters").asInt()).isEqualTo(64 * 32 + 32 + 32 * 10 + 10);
        assertThat(s.get("full").asBoolean()).isFalse();
        assertThat(s.get("why").asText()).contains("2,410 parameters").contains("up to 2,000").contains("top 10 eigenvalues");
        assertThat(s.get("top")).hasSize(10);
        assertThat(s.get("top").get(0).asDouble()).isEqualTo(s.get("sharpness").asDouble());
        assertThat(s.has("index")).isFalse();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            "data": "moons", "racer": "adam", "racers": [{"optimizer": "gd"}]    | racer | racer must be the id of one of the race's racers (gd), got "adam"
            "data": "moons", "racer": 0, "racers": [{"optimizer": "gd"}]         | racer | racer must be the id of one of the race's racers (gd), got 0
            "data": "moons", "size": 41, "racers": [{"optimizer": "gd"}]         | size  | a spectrum job takes kind, data, model, hidden, activation, loss, seed, steps, batch-size, sharpness-every, racers, racer; 'size' is not one of them
            "data": "digits", "hidden": "26", "steps": 10, "racers": [{"optimizer": "gd"}] | model | the 64-26-10 network's Hessian (1,960 parameters, 1,797 rows) may cost
            "data": "moons", "racers": []                                        | racers | racers must list 1 to 4 racers
            """)
    void badFieldsAreA400NamingThem(String fields, String field, String message) {
        HttpResponse<String> response = lab.post("/api/jobs", "{\"kind\": \"spectrum\", " + fields + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = TestServer.json(response);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("error").asText()).contains(message);
    }

    @Test
    void aDivergedRacerHasNoSpectrumAndTheJobSaysWhy() {
        JsonNode job = JobsApiTest.submit(lab, """
                {"kind": "spectrum", "data": "moons", "model": "linear", "loss": "mse", "steps": 200,
                 "racers": [{"optimizer": "gd", "params": {"lr": 50}}]}""");
        JsonNode done = JobsApiTest.pollUntil(lab, job.get("id").asText(), j -> !j.get("state").asText().equals("running"));
        assertThat(done.get("state").asText()).isEqualTo("failed");
        assertThat(done.get("error").get("field").asText()).isEqualTo("racer");
        assertThat(done.get("error").get("error").asText()).contains("gd diverged").contains("lower its lr");
    }
}
