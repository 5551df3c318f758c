package dev.losslab.app.web.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.Limits;
import dev.losslab.app.cli.Main;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.TestServer;
import dev.losslab.app.web.api.TrainWork;
import dev.losslab.core.net.DecisionMap;
import dev.losslab.core.net.Training;
import dev.losslab.core.surface.Window;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Job kind {@code train} (the models page's Train) over HTTP: each racer's curve is the CLI's
 * {@code train} for the same options (the CLI's curves are torch's, TrainTorchFixtureTest), every
 * racer starts from the same θ₀, the answer stays bounded for long runs, the poll carries the curves
 * so far, Cancel stops it, sharpness comes when asked, and each bad field is a 400 naming it.
 */
class TrainJobApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    @AfterEach
    void stopEverything() {
        JobsApiTest.cancelAll(lab);
    }

    private static JsonNode trained(String body) {
        JsonNode job = JobsApiTest.submit(lab, body);
        JsonNode done = JobsApiTest.pollUntil(lab, job.get("id").asText(), j -> !j.get("state").asText().equals("running"));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
        return done.get("result");
    }

    /** {@code ./losslab train ARGS --format csv}'s rows, each split into its cells. */
    private static List<String[]> cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "csv"));
        int code = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        List<String[]> rows = new ArrayList<>();
        String[] lines = out.toString().strip().split("\\R");
        for (int i = 1; i < lines.length; i++) {
            rows.add(lines[i].split(",", -1));
        }
        return rows;
    }

    @Test
    void eachRacersCurveIsTheCommandLinesTrainWithTheSameOptions() {
        JsonNode result = trained("""
                {"kind": "train", "data": "moons", "model": "mlp", "hidden": "8", "activation": "tanh", "seed": 3,
                 "steps": 60, "batch-size": 20,
                 "racers": [{"optimizer": "sgd", "params": {"lr": 0.3}}, {"optimizer": "adam", "params": {"lr": 0.02, "beta2": 0.99}}]}""");
        assertThat(result.get("model").get("shape").asText()).isEqualTo("2-8-1");
        assertThat(result.get("model").get("loss").asText()).isEqualTo("bce");
        assertThat(result.get("batches").asText()).isEqualTo("minibatches of 20 (seed 3)");
        String[][] options = {{"--optimizer", "sgd", "--lr", "0.3"}, {"--optimizer", "adam", "--lr", "0.02", "--beta2", "0.99"}};
        for (int r = 0; r < 2; r++) {
            List<String> args = new ArrayList<>(List.of("--data", "moons", "--model", "mlp", "--hidden", "8", "--activation", "tanh",
                    "--seed", "3", "--steps", "60", "--batch-size", "20"));
            args.addAll(List.of(options[r]));
            List<String[]> rows = cli(args.toArray(String[]::new));
            JsonNode curve = result.get("racers").get(r).get("curve");
            assertThat(curve.get("step")).hasSize(61);
            for (int k = 0; k <= 60; k++) {
                assertThat(curve.get("step").get(k).asInt()).isEqualTo(k);
                assertThat(curve.get("loss").get(k).asDouble()).as("racer %d loss at step %d", r, k).isEqualTo(Double.parseDouble(rows.get(k)[1]));
                assertThat(curve.get("accuracy").get(k).asDouble()).isEqualTo(Double.parseDouble(rows.get(k)[3]));
                assertThat(curve.get("gradNorm").get(k).asDouble()).isEqualTo(Double.parseDouble(rows.get(k)[4]));
            }
        }
    }

    /** A racer's schedule is the command line's --schedule: the same rates (in the curve's lr) and the same losses. */
    @Test
    void aRacersScheduleIsTheCommandLinesWithTheSameOptions() {
        JsonNode result = trained("""
                {"kind": "train", "data": "moons", "model": "mlp", "hidden": "8", "seed": 3, "steps": 30,
                 "racers": [{"optimizer": "sgd", "params": {"lr": 0.3}, "schedule": {"name": "step", "params": {"step-size": 4, "gamma": 0.5}}},
                            {"optimizer": "sgd", "params": {"lr": 0.3}}]}""");
        JsonNode stepped = result.get("racers").get(0);
        assertThat(stepped.get("schedule").asText()).isEqualTo("step");
        assertThat(result.get("racers").get(1).get("schedule").asText()).isEqualTo("constant");
        List<String[]> rows = cli("--data", "moons", "--model", "mlp", "--hidden", "8", "--seed", "3", "--steps", "30",
                "--optimizer", "sgd", "--lr", "0.3", "--schedule", "step", "--step-size", "4", "--gamma", "0.5");
        JsonNode curve = stepped.get("curve");
        for (int k = 0; k < 30; k++) {
            // StepLR by hand: lr·γ^⌊k/4⌋
            assertThat(curve.get("lr").get(k).asDouble()).as("lr at step %d", k).isEqualTo(0.3 * Math.pow(0.5, k / 4));
            assertThat(curve.get("loss").get(k).asDouble()).as("loss at step %d", k).isEqualTo(Double.parseDouble(rows.get(k)[1]));
        }
        assertThat(curve.get("lr").get(30).isNull()).as("the last step takes no update").isTrue();
        assertThat(result.get("racers").get(1).get("curve").get("lr").get(29).asDouble()).isEqualTo(0.3);
    }

    /**
     * Same θ₀, same full batch: at step 0 every racer has the same loss; torch's momentum buffer
     * starts as the first gradient (b₁ = g₀), so momentum's first step is SGD's (θ₁ = θ₀ − lr·g₀) and
     * the two agree at step 1 too, and part from step 2 on.
     */
    @Test
    void theRacersStartFromTheSameWeightsAndMomentumsFirstStepIsSgds() {
        JsonNode result = trained("""
                {"kind": "train", "data": "circles", "steps": 5,
                 "racers": [{"optimizer": "sgd", "params": {"lr": 0.5}}, {"optimizer": "momentum", "params": {"lr": 0.5}},
                            {"optimizer": "adam"}]}""");
        JsonNode sgd = result.get("racers").get(0).get("curve").get("loss");
        JsonNode momentum = result.get("racers").get(1).get("curve").get("loss");
        JsonNode adam = result.get("racers").get(2).get("curve").get("loss");
        assertThat(momentum.get(0).asDouble()).isEqualTo(sgd.get(0).asDouble());
        assertThat(adam.get(0).asDouble()).isEqualTo(sgd.get(0).asDouble());
        assertThat(momentum.get(1).asDouble()).isEqualTo(sgd.get(1).asDouble());
        assertThat(momentum.get(2).asDouble()).isNotEqualTo(sgd.get(2).asDouble());
        assertThat(result.get("racers").get(2).get("lr").asDouble()).as("adam's default lr").isEqualTo(1e-3);
        assertThat(result.get("racers").get(2).get("stop").asText()).isEqualTo("max-steps");
    }

    /**
     * SGD at lr 1,000 on an MSE-trained net blows up: its curve ends at the last finite step and it
     * says so, while the other racer, from the same weights, runs every step.
     */
    @Test
    void aRacerThatBlowsUpEndsItsCurveThereAndSaysSo() {
        JsonNode result = trained("""
                {"kind": "train", "data": "moons", "loss": "mse", "steps": 200,
                 "racers": [{"optimizer": "sgd", "params": {"lr": 1000}}, {"optimizer": "sgd", "params": {"lr": 0.1}}]}""");
        JsonNode wild = result.get("racers").get(0);
        assertThat(wild.get("stop").asText()).isEqualTo("diverged");
        assertThat(wild.get("detail").asText()).contains("no longer a finite number at step " + (wild.get("reached").asInt() + 1));
        JsonNode steps = wild.get("curve").get("step");
        assertThat(steps.get(steps.size() - 1).asInt()).isEqualTo(wild.get("reached").asInt()).isLessThan(200);
        JsonNode tame = result.get("racers").get(1);
        assertThat(tame.get("id").asText()).isEqualTo("sgd:2");
        assertThat(tame.get("stop").asText()).isEqualTo("max-steps");
        assertThat(tame.get("reached").asInt()).isEqualTo(200);
    }

    /** 5,000 steps keep every third (⌈5001/2000⌉ = 3) and the last: at most 2,001 points. */
    @Test
    void longRunsAreThinnedToAtMostTwoThousandPointsEndingAtTheLastStep() {
        JsonNode result = trained("""
                {"kind": "train", "data": "xor", "model": "logistic", "steps": 5000, "racers": [{"optimizer": "gd", "params": {"lr": 0.5}}]}""");
        assertThat(result.get("every").asInt()).isEqualTo(3);
        JsonNode steps = result.get("racers").get(0).get("curve").get("step");
        assertThat(steps.size()).isLessThanOrEqualTo(2001);
        assertThat(steps.get(1).asInt()).isEqualTo(3);
        assertThat(steps.get(steps.size() - 1).asInt()).isEqualTo(5000);
    }

    /**
     * A logistic model's boundary is the line w·x + b = 0, and marching squares interpolates a linear
     * field exactly: every traced point lies on one straight line. It lies inside the data's window.
     */
    @Test
    void aLogisticModelsBoundaryIsOneStraightLineInsideTheDatasWindow() {
        JsonNode result = trained("""
                {"kind": "train", "data": "moons", "model": "logistic", "steps": 300, "racers": [{"optimizer": "gd", "params": {"lr": 1}}]}""");
        JsonNode window = result.get("data").get("window");
        assertThat(result.get("data").get("x")).hasSize(200);
        JsonNode lines = result.get("racers").get(0).get("boundary");
        assertThat(lines).isNotEmpty();
        List<double[]> points = new ArrayList<>();
        for (JsonNode line : lines) {
            for (int i = 0; i + 1 < line.size(); i += 2) {
                points.add(new double[] {line.get(i).asDouble(), line.get(i + 1).asDouble()});
            }
        }
        double[] a = points.getFirst();
        double[] b = points.getLast();
        double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
        assertThat(length).as("the line crosses the window").isGreaterThan(1);
        for (double[] p : points) {
            double offLine = Math.abs((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) / length;
            assertThat(offLine).isLessThan(1e-5);
            assertThat(p[0]).isBetween(window.get(0).asDouble() - 1e-6, window.get(1).asDouble() + 1e-6);
            assertThat(p[1]).isBetween(window.get(2).asDouble() - 1e-6, window.get(3).asDouble() + 1e-6);
        }
        assertThat(result.get("boundaryAt").asText()).isEqualTo("the last step");
        assertThat(result.get("racers").get(0).get("boundaryStep").asInt()).isEqualTo(300);
    }

    /**
     * While two racers train on moons, each poll carries each one's boundary traced at a recent step
     * (at most the step it has reached), made of finite x, y pairs, and a later poll's is from a later
     * step: the page redraws them as they train.
     */
    @Test
    void whileItTrainsOnTwoFeaturesThePollCarriesEachRacersBoundaryAtARecentStep() {
        JsonNode job = JobsApiTest.submit(lab, """
                {"kind": "train", "data": "moons", "hidden": "64,64", "steps": 10000,
                 "racers": [{"optimizer": "sgd", "params": {"lr": 0.1}}, {"optimizer": "adam", "params": {"lr": 0.01}}]}""");
        String id = job.get("id").asText();
        JsonNode running = JobsApiTest.pollUntil(lab, id, j -> j.has("partial")
                && j.get("partial").get("racers").get(0).has("boundary") && j.get("partial").get("racers").get(1).has("boundary"));
        assertThat(running.get("state").asText()).isEqualTo("running");
        int first = running.get("partial").get("racers").get(0).get("boundaryStep").asInt();
        for (JsonNode racer : running.get("partial").get("racers")) {
            assertThat(racer.get("boundaryStep").asInt()).as(racer.get("id").asText())
                    .isBetween(0, racer.get("reached").asInt());
            assertThat(racer.get("boundary")).as("a tanh net's first boundary crosses the window").isNotEmpty();
            for (JsonNode line : racer.get("boundary")) {
                assertThat(line.size() % 2).isZero();
                assertThat(line.size()).isGreaterThanOrEqualTo(4);
                for (JsonNode v : line) {
                    assertThat(v.isNumber()).as(line.toString()).isTrue();
                    assertThat(Double.isFinite(v.asDouble())).isTrue();
                }
            }
        }
        JsonNode later = JobsApiTest.pollUntil(lab, id, j -> !j.get("state").asText().equals("running")
                || j.get("partial").get("racers").get(0).get("boundaryStep").asInt() > first);
        assertThat(later.get("state").asText()).as("still training when its boundary moved on").isEqualTo("running");
        lab.delete("/api/jobs/" + id);
        JsonNode ended = JobsApiTest.pollUntil(lab, id, j -> !j.get("state").asText().equals("running"));
        assertThat(ended.get("state").asText()).isEqualTo("cancelled");
    }

    /**
     * A racer that blows up while another trains on: its poll says how it stopped, and its boundary
     * is where it last had a finite loss (it used to stay at the copy of step 0 for the rest of the
     * race); the answer's boundary is traced at those weights too, at the step it names.
     */
    @Test
    void aRacerThatDivergesWhileAnotherTrainsShowsWhereItStopped() throws Exception {
        String body = """
                {"kind": "train", "data": "moons", "hidden": "64,64", "loss": "mse", "steps": 10000,
                 "racers": [{"optimizer": "sgd", "params": {"lr": 1000}}, {"optimizer": "adam", "params": {"lr": 0.001}}]}""";
        JsonNode job = JobsApiTest.submit(lab, body);
        String id = job.get("id").asText();
        JsonNode running = JobsApiTest.pollUntil(lab, id, j -> !j.get("state").asText().equals("running")
                || j.has("partial") && j.get("partial").get("racers").get(0).has("stop"));
        assertThat(running.get("state").asText()).as("adam still trains").isEqualTo("running");
        JsonNode sgd = running.get("partial").get("racers").get(0);
        assertThat(sgd.get("stop").asText()).isEqualTo("diverged");
        assertThat(sgd.get("detail").asText()).contains("no longer a finite number");
        int reached = sgd.get("reached").asInt();
        assertThat(reached).as("lr 1000 overflows within a few dozen steps (and within the 60 below)").isBetween(1, 59);
        assertThat(running.get("partial").get("racers").get(1).has("stop")).as("adam has not stopped").isFalse();
        // a poll traces before it reads the curves, so the one that first says "diverged" may still
        // carry an earlier boundary; every poll after it has the boundary where sgd stopped
        JsonNode next = JobsApiTest.status(lab, id);
        assertThat(next.get("state").asText()).as("adam still trains").isEqualTo("running");
        assertThat(next.get("partial").get("racers").get(0).get("boundaryStep").asInt()).isEqualTo(reached);
        lab.delete("/api/jobs/" + id);
        JobsApiTest.pollUntil(lab, id, j -> !j.get("state").asText().equals("running"));

        String shorter = body.replace("\"steps\": 10000", "\"steps\": 60");
        JsonNode answer = trained(shorter);
        JsonNode diverged = answer.get("racers").get(0);
        assertThat(diverged.get("stop").asText()).isEqualTo("diverged");
        assertThat(diverged.get("boundaryStep").asInt()).isEqualTo(diverged.get("reached").asInt()).isEqualTo(reached);
        // the answer's boundary is the core's at θ of that last finite step, the step it names (here the
        // next θ, whose loss overflowed, is still finite and saturated alike, so it would draw the same lines)
        Training.Spec spec = TrainWork.parse(JsonViews.MAPPER.readTree(shorter), Limits.DEFAULT.training()).racers().getFirst().spec();
        double[] lastFinite = new double[spec.initial().length];
        Training.run(spec, (step, theta) -> System.arraycopy(theta, 0, lastFinite, 0, theta.length), k -> { });
        JsonNode w = answer.get("data").get("window");
        List<double[]> expected = DecisionMap.of(spec.objective(), lastFinite,
                Window.of(w.get(0).asDouble(), w.get(1).asDouble(), w.get(2).asDouble(), w.get(3).asDouble()), 121).boundary();
        assertThat(expected).as("the last finite weights draw a boundary").isNotEmpty();
        JsonNode lines = diverged.get("boundary");
        assertThat(lines).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(lines.get(i)).hasSize(expected.get(i).length);
            for (int j = 0; j < expected.get(i).length; j++) {
                assertThat(lines.get(i).get(j).asDouble()).isCloseTo(expected.get(i)[j], within(1e-6));
            }
        }
    }

    @Test
    void sharpnessComesEveryKStepsAndAtTheLast() {
        JsonNode result = trained("""
                {"kind": "train", "data": "moons", "hidden": "8", "loss": "mse", "steps": 25, "sharpness-every": 10,
                 "racers": [{"optimizer": "gd", "params": {"lr": 0.1}}]}""");
        JsonNode sharpness = result.get("racers").get(0).get("sharpness");
        assertThat(sharpness.get("step").toString()).isEqualTo("[0,10,20,25]");
        for (JsonNode v : sharpness.get("value")) {
            assertThat(v.asDouble()).as("the top eigenvalue of an MSE loss's Hessian").isPositive();
        }
        assertThat(result.get("sharpnessEvery").asInt()).isEqualTo(10);
    }

    @Test
    void whileItTrainsThePollCarriesTheCurvesSoFarAndCancelStopsIt() {
        JsonNode job = JobsApiTest.submit(lab, """
                {"kind": "train", "data": "digits", "hidden": "64", "steps": 2000, "racers": [{"optimizer": "adam"}]}""");
        String id = job.get("id").asText();
        JsonNode running = JobsApiTest.pollUntil(lab, id, j -> j.has("partial")
                && j.get("partial").get("racers").get(0).get("curve").get("step").size() >= 3);
        assertThat(running.get("state").asText()).isEqualTo("running");
        JsonNode partial = running.get("partial");
        assertThat(partial.get("racers").get(0).get("curve").get("step").size()).isLessThanOrEqualTo(501);
        assertThat(partial.get("racers").get(0).has("boundary")).as("64 features: no picture, no boundary").isFalse();
        assertThat(partial.get("racers").get(0).has("boundaryStep")).isFalse();
        assertThat(running.get("progress").asDouble()).isGreaterThan(0).isLessThan(1);
        lab.delete("/api/jobs/" + id);
        JsonNode ended = JobsApiTest.pollUntil(lab, id, j -> !j.get("state").asText().equals("running"));
        assertThat(ended.get("state").asText()).isEqualTo("cancelled");
        assertThat(ended.has("partial")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"racers": [{"optimizer": "sgd"}]}                                        | data             | | data is required
            {"data": "moon", "racers": [{"optimizer": "sgd"}]}                        | data             | | did you mean 'moons'
            {"data": "/etc/passwd", "racers": [{"optimizer": "sgd"}]}                 | data             | | only the built-in datasets
            {"data": "moons"}                                                         | racers           | | racers must list 1 to 4 racers, got none
            {"data": "moons", "racers": [{"optimizer":"sgd"},{"optimizer":"sgd"},{"optimizer":"sgd"},{"optimizer":"sgd"},{"optimizer":"sgd"}]} | racers | | got 5
            {"data": "moons", "model": "cnn", "racers": [{"optimizer": "sgd"}]}       | model            | | unknown model 'cnn'
            {"data": "moons", "hidden": "16,x", "racers": [{"optimizer": "sgd"}]}     | hidden           | | hidden takes widths from 1 to 4096
            {"data": "moons", "hidden": [16, 16], "racers": [{"optimizer": "sgd"}]}   | hidden           | | hidden must be text
            {"data": "moons", "activation": "swish", "racers": [{"optimizer": "sgd"}]} | activation      | | unknown activation 'swish'
            {"data": "moons", "loss": "mse", "model": "logistic", "racers": [{"optimizer": "sgd"}], "hidden": null} | loss | | logistic reads
            {"data": "diabetes", "loss": "bce", "racers": [{"optimizer": "sgd"}]}     | loss             | | bce needs labels of two classes
            {"data": "moons", "steps": 0, "racers": [{"optimizer": "sgd"}]}           | steps            | | steps must be in 1 … 20000, got 0
            {"data": "moons", "steps": 2.5, "racers": [{"optimizer": "sgd"}]}         | steps            | | steps must be a whole number
            {"data": "moons", "batch-size": 201, "racers": [{"optimizer": "sgd"}]}    | batch-size       | | batch-size must be in 1 … 200, got 201
            {"data": "moons", "sharpness-every": 0, "racers": [{"optimizer": "sgd"}]} | sharpness-every  | | sharpness-every must be in 1
            {"data": "digits", "hidden": "256,256", "steps": 20000, "racers": [{"optimizer": "sgd"}]} | steps | | more than the 2e+10 a training race may
            {"data": "moons", "racers": [{"optimizer": "sgd"}, {"optimizer": "adamm"}]} | optimizer      | 1 | did you mean 'adam'
            {"data": "moons", "racers": [{"optimizer": "sgd", "params": {"lr": -1}}]} | lr               | 0 | lr must be a number > 0
            {"data": "moons", "racers": [{"optimizer": "sgd", "params": {"momentum": 0.9}}]} | momentum  | 0 | sgd does not take momentum
            {"data": "moons", "racers": [{"optimizer": "adam", "params": {"beta1": 2}}]} | beta1         | 0 | beta1
            {"data": "moons", "racers": [{"optimizer": "sgd", "speed": 2}]}           | speed            | 0 | a racer takes optimizer, params and schedule
            {"data": "moons", "racers": [{"optimizer": "sgd"}, {"optimizer": "momentum", "params": {"momentum": {"v": 1}}}]} | momentum | 1 | racers[1].params.momentum must be a number, true/false
            {"data": "moons", "racers": [{"optimizer": "sgd", "schedule": {"name": "step", "params": {"gamma": [null]}}}]} | gamma | 0 | racers[0].schedule.params.gamma must list numbers
            {"data": "moons", "racers": [{"optimizer": "sgd", "schedule": "cosine"}]} | schedule         | 0 | racers[0].schedule must be an object
            {"data": "moons", "racers": [{"optimizer": "sgd"}, {"optimizer": "sgd", "schedule": {"params": {}}}]} | schedule | 1 | racers[1].schedule.name is required
            {"data": "moons", "racers": [{"optimizer": "sgd", "schedule": {"name": "cosin"}}]} | schedule | 0 | did you mean 'cosine'
            {"data": "moons", "racers": [{"optimizer": "sgd", "schedule": {"name": "step", "every": 3}}]} | schedule | 0 | a schedule takes name and params
            {"data": "moons", "racers": [{"optimizer": "sgd", "schedule": {"name": "step", "params": {"gamma": -1}}}]} | gamma | 0 | gamma
            {"data": "moons", "colour": "red", "racers": [{"optimizer": "sgd"}]}      | colour           | | 'colour' is not one of them
            """)
    void eachBadFieldIsA400NamingIt(String fields, String field, Integer racer, String message) {
        HttpResponse<String> response = lab.post("/api/jobs", "{\"kind\": \"train\", " + fields.strip().substring(1));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = TestServer.json(response);
        assertThat(error.get("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(error.get("error").asText()).contains(message);
        if (racer != null) {
            assertThat(error.get("racer").asInt()).isEqualTo(racer);
        }
    }
}
