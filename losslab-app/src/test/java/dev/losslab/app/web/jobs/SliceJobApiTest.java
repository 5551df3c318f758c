package dev.losslab.app.web.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.TestServer;
import dev.losslab.app.web.api.TrainWork;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.Plane;
import dev.losslab.core.net.SliceDirections;
import dev.losslab.core.net.Training;
import java.net.http.HttpResponse;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Job kind {@code slice} (the models page's "Look at the loss"): the loss on a plane through a
 * trained racer's final weights, each racer's path projected. Checked against what Train answers
 * for the same body (the centre is the trained point, the paths' losses are the curves) and
 * against the core computed directly (a grid value is L(θ* + α·d₁ + β·d₂) for the same plane).
 */
class SliceJobApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    private static final String RACE = """
            "data": "moons", "model": "mlp", "hidden": "6", "activation": "tanh", "seed": 4, "steps": 120,
            "racers": [{"optimizer": "sgd", "params": {"lr": 0.3}}, {"optimizer": "adam", "params": {"lr": 0.02}}]""";

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

    @Test
    void theCentreIsTheTrainedPointAndEachPathsLossIsItsTrainingCurve() {
        JsonNode trained = done("{\"kind\": \"train\", " + RACE + "}");
        JsonNode slice = done("{\"kind\": \"slice\", " + RACE + ", \"racer\": \"adam\", \"size\": 21}");
        assertThat(slice.get("racer").asText()).isEqualTo("adam");
        assertThat(slice.get("centreStep").asInt()).isEqualTo(120);
        assertThat(slice.get("plane").get("kind").asText()).as("pca by default").isEqualTo("pca");
        assertThat(slice.get("plane").get("description").asText()).contains("paths of sgd, adam");
        JsonNode adamCurve = trained.get("racers").get(1).get("curve").get("loss");
        double trainedLoss = adamCurve.get(adamCurve.size() - 1).asDouble();
        assertThat(slice.get("centreLoss").asDouble()).isCloseTo(trainedLoss, within(1e-12 * trainedLoss));
        // α_10 = β_10 = 0 exactly for G = 21: the grid's middle value is L(θ*) itself
        assertThat(slice.get("alpha").get(10).asDouble()).isZero();
        assertThat(slice.get("loss").get(10).get(10).asDouble()).isEqualTo(slice.get("centreLoss").asDouble());
        assertThat(slice.get("alpha").get(20).asDouble()).isEqualTo(slice.get("span").asDouble());
        assertThat(slice.get("picture").get("shades")).hasSize(21 * 21);
        assertThat(slice.get("picture").get("window").get(1).asDouble()).isEqualTo(slice.get("span").asDouble());
        for (int r = 0; r < 2; r++) {
            JsonNode path = slice.get("racers").get(r).get("path");
            JsonNode curve = trained.get("racers").get(r).get("curve");
            assertThat(path.get("step")).as("every step of 120: the recorder keeps them all").hasSize(121);
            for (int k = 0; k <= 120; k++) {
                assertThat(path.get("loss").get(k).asDouble()).as("racer %d step %d", r, k)
                        .isEqualTo(curve.get("loss").get(k).asDouble());
            }
            // both start from the same θ₀, so their shadows start at the same point
            assertThat(path.get("alpha").get(0).asDouble()).isCloseTo(
                    slice.get("racers").get(0).get("path").get("alpha").get(0).asDouble(), within(1e-12));
        }
        JsonNode adam = slice.get("racers").get(1).get("path");
        // adam's last point is the centre: on the plane, at (0, 0), its plane loss its loss
        assertThat(adam.get("alpha").get(120).asDouble()).isCloseTo(0, within(1e-12));
        assertThat(adam.get("beta").get(120).asDouble()).isCloseTo(0, within(1e-12));
        assertThat(adam.get("residual").get(120).asDouble()).isCloseTo(0, within(1e-12));
        assertThat(adam.get("planeLoss").get(120).asDouble()).isCloseTo(trainedLoss, within(1e-12));
        // the PCA span holds every point of the paths
        double span = slice.get("span").asDouble();
        for (JsonNode racer : slice.get("racers")) {
            for (JsonNode a : racer.get("path").get("alpha")) {
                assertThat(Math.abs(a.asDouble())).isLessThanOrEqualTo(span);
            }
        }
    }

    @Test
    void aDivergedRacersSliceIsCentredOnItsLastFiniteWeightsAndSaysAtWhichStep() {
        // least squares with lr 5 on moons: |1 − 5·λ| > 1, so sgd's weights grow geometrically and overflow
        String race = """
                "data": "moons", "model": "linear", "loss": "mse", "steps": 2000,
                "racers": [{"optimizer": "sgd", "params": {"lr": 5}}, {"optimizer": "adam", "params": {"lr": 0.05}}]""";
        JsonNode slice = done("{\"kind\": \"slice\", " + race + ", \"racer\": \"sgd\", \"size\": 5}");
        JsonNode sgd = slice.get("racers").get(0);
        assertThat(sgd.get("stop").asText()).isEqualTo("diverged");
        assertThat(sgd.get("fitted").asBoolean()).as("a diverged path would be the whole plane").isFalse();
        assertThat(slice.get("plane").get("description").asText())
                .startsWith("the plane through sgd's last finite weights closest to the path of adam");
        int centreStep = slice.get("centreStep").asInt();
        assertThat(centreStep).isBetween(1, 1999);
        // the centre is the last point of sgd's path: its step, its finite loss
        JsonNode steps = sgd.get("path").get("step");
        assertThat(steps.get(steps.size() - 1).asInt()).isEqualTo(centreStep);
        JsonNode losses = sgd.get("path").get("loss");
        assertThat(slice.get("centreLoss").asDouble()).isFinite().isEqualTo(losses.get(losses.size() - 1).asDouble());
    }

    @Test
    void aRandomPlanesGridIsTheCoresLossOnThatPlane() throws Exception {
        String body = "{\"kind\": \"slice\", " + RACE + ", \"plane\": \"random\", \"span\": 0.5, \"size\": 5}";
        JsonNode slice = done(body);
        assertThat(slice.get("plane").get("seed").asLong()).isEqualTo(4);
        assertThat(slice.get("plane").get("description").asText()).contains("filter-normalised");
        // the same race in the core: sgd's final weights, the random plane of seed 4 through them
        TrainWork race = TrainWork.parse(JsonViews.MAPPER.readTree("{" + RACE + "}"), Limits.DEFAULT.training());
        Training.Spec spec = race.racers().getFirst().spec();
        double[] centre = Training.run(spec, s -> { }, k -> { }).parameters();
        Objective o = spec.objective();
        Plane plane = new SliceDirections.Random(4).plane(o.network(), centre, List.of());
        double[] theta = new double[centre.length];
        double[] alphas = {-0.5, -0.25, 0, 0.25, 0.5};
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 5; i++) {
                assertThat(slice.get("alpha").get(i).asDouble()).isEqualTo(alphas[i]);
                plane.point(alphas[i], alphas[j], theta);
                double expected = o.evaluate(theta, null);
                assertThat(slice.get("loss").get(j).get(i).asDouble()).as("L(α_%d, β_%d)", i, j)
                        .isCloseTo(expected, Offset.offset(1e-13 * expected));
            }
        }
        assertThat(slice.get("centreLoss").asDouble()).isEqualTo(o.evaluate(centre, null));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            "plane": "pcaa"                                       | plane | plane must be pca (the plane closest to the paths) or random
            "span": -1                                            | span  | span must be a number > 0
            "span": "1"                                           | span  | span must be a number > 0
            "size": 2                                             | size  | size must be a whole number of points per side in 3 … 101, got 2
            "size": 102                                           | size  | in 3 … 101, got 102
            "size": 4.5                                           | size  | in 3 … 101, got 4.5
            "racer": "nadam"                                      | racer | racer must be the id of one of the race's racers (sgd, adam), got "nadam"
            "grid": 41                                            | grid  | a slice job takes kind, data, model, hidden, activation, loss, seed, steps, batch-size, sharpness-every, racers, plane, span, size, racer; 'grid' is not one of them
            "batch-size": 0                                       | batch-size | batch-size must be in 1 … 200, got 0
            """)
    void badFieldsAreA400NamingThem(String field, String name, String message) {
        HttpResponse<String> response = lab.post("/api/jobs", "{\"kind\": \"slice\", " + RACE + ", " + field + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = TestServer.json(response);
        assertThat(error.get("field").asText()).isEqualTo(name);
        assertThat(error.get("error").asText()).contains(message);
    }

    @Test
    void aSliceTooCostlyIsRefusedBeforeItStarts() {
        HttpResponse<String> response = lab.post("/api/jobs", """
                {"kind": "slice", "data": "digits", "hidden": "64", "steps": 10, "size": 101, "racers": [{"optimizer": "sgd"}]}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = TestServer.json(response);
        assertThat(error.get("field").asText()).isEqualTo("size");
        assertThat(error.get("error").asText()).contains("a 101×101 slice of the 64-64-10 network (4,810 parameters) over all 1,797 rows costs");
    }
}
