package dev.losslab.app.web.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.web.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * /api/jobs over HTTP with real maps: a job ends with the same answer as its GET endpoint, its
 * progress only grows, DELETE stops it (or finds it done), bad input is a 400 naming the field, and
 * unknown ids are 404s. The lifecycle in detail (cancel, the time limit, the cap, how long finished
 * jobs are kept) is {@link JobsTest}'s, with work it steers. Waits poll the server with a generous
 * bound; no assertion depends on how fast anything runs.
 */
class JobsApiTest {

    /** Far more than any job here needs on a loaded machine; reached only when something is wrong. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    /** No test leaves work behind for the next one's concurrency cap. */
    @AfterEach
    void stopEverything() {
        cancelAll(lab);
    }

    static void cancelAll(TestServer server) {
        for (String id : started) {
            server.delete("/api/jobs/" + id);
        }
        started.clear();
        waitFor(() -> server.jobs().running() == 0, "every job to stop");
    }

    private static final List<String> started = new ArrayList<>();

    static JsonNode submit(TestServer server, String body) {
        HttpResponse<String> response = server.post("/api/jobs", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode job = TestServer.json(response);
        started.add(job.get("id").asText());
        return job;
    }

    static JsonNode status(TestServer server, String id) {
        HttpResponse<String> response = server.get("/api/jobs/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response);
    }

    /** Polls job {@code id} until {@code until} holds; every status seen goes to {@code seen}. */
    static JsonNode pollUntil(TestServer server, String id, Predicate<JsonNode> until, List<JsonNode> seen) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonNode job = status(server, id);
            seen.add(job);
            if (until.test(job)) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " never got there; last seen " + job);
            }
            pause();
        }
    }

    static JsonNode pollUntil(TestServer server, String id, Predicate<JsonNode> until) {
        return pollUntil(server, id, until, new ArrayList<>());
    }

    static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE + " for " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(40);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean ended(JsonNode job) {
        return !job.get("state").asText().equals("running");
    }

    /** Runs a job to its end and checks its answer is the GET endpoint's for the same parameters. */
    private static void sameAnswerAsGet(String body, String getPath) {
        JsonNode created = submit(lab, body);
        assertThat(created.get("state").asText()).isIn("running", "done");
        assertThat(created.get("id").asText()).matches("[0-9a-f]{16}");
        List<JsonNode> seen = new ArrayList<>();
        JsonNode done = pollUntil(lab, created.get("id").asText(), JobsApiTest::ended, seen);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        double last = 0;
        for (JsonNode s : seen) {
            double p = s.get("progress").asDouble();
            assertThat(p).as("progress never goes back").isGreaterThanOrEqualTo(last).isBetween(0.0, 1.0);
            last = p;
        }
        var direct = lab.get(getPath);
        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(200);
        assertThat(done.get("result")).isEqualTo(TestServer.json(direct));
    }

    @Test
    void aBasinsJobEndsWithTheGetEndpointsAnswer() {
        sameAnswerAsGet("{\"kind\":\"basins\",\"surface\":\"himmelblau\",\"optimizer\":\"gd\",\"grid\":40,\"steps\":1000}",
                "/api/basins?surface=himmelblau&optimizer=gd&grid=40&steps=1000");
    }

    @Test
    void aSweepJobEndsWithTheGetEndpointsAnswer() {
        sameAnswerAsGet("{\"kind\":\"sweep\",\"surface\":\"bowl\",\"optimizer\":\"momentum\","
                        + "\"vary\":\"lr=0.02:0.3:8,momentum=0:0.9:4\",\"start\":[-3.5,2.5]}",
                "/api/sweep?surface=bowl&optimizer=momentum&vary=lr%3D0.02:0.3:8,momentum%3D0:0.9:4&start=-3.5,2.5");
    }

    @Test
    void anSgdStatsJobEndsWithTheGetEndpointsAnswer() {
        sameAnswerAsGet("{\"kind\":\"sgd-stats\",\"surface\":\"himmelblau\",\"start\":[0,0],\"noise\":\"0:20:3\",\"runs\":20}",
                "/api/sgd-stats?surface=himmelblau&start=0,0&noise=0:20:3&runs=20");
    }

    @Test
    void anSgdStatsJobOverBatchSizesEndsWithTheGetEndpointsAnswer() {
        sameAnswerAsGet("{\"kind\":\"sgd-stats\",\"surface\":\"regression:diabetes:bmi:standardized\",\"batch-sizes\":[1,16,442],"
                        + "\"lr\":0.9,\"runs\":20,\"steps\":300}",
                "/api/sgd-stats?surface=regression:diabetes:bmi:standardized&batch-sizes=1,16,442&lr=0.9&runs=20&steps=300");
    }

    /**
     * Batch sizes are the levels, labelled batchSize in the answer. On the standardized diabetes line ∇²f = 2·I,
     * so at lr 0.9 &lt; 2/λmax = 1 the full batch (B = n = 442) is stable gradient descent: every seed ends at the
     * minimum; one example's step multiplies the error along (xᵢ, 1) by 1 − 1.8·(1 + xᵢ²), beyond −1 for most
     * examples, so B = 1 mostly blows up.
     */
    @Test
    void anSgdStatsJobOverBatchSizesLabelsItsLevelsByBatchSize() {
        JsonNode job = submit(lab, "{\"kind\":\"sgd-stats\",\"surface\":\"regression:diabetes:bmi:standardized\","
                + "\"batch-sizes\":\"442,1\",\"lr\":0.9,\"runs\":30,\"steps\":400}");
        JsonNode done = pollUntil(lab, job.get("id").asText(), JobsApiTest::ended);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
        JsonNode result = done.get("result");
        assertThat(result.get("varies").asText()).isEqualTo("batchSize");
        JsonNode levels = result.get("levels");
        assertThat(levels.findValuesAsText("batchSize")).containsExactly("442", "1");
        assertThat(levels.findValues("noise")).isEmpty();
        assertThat(levels.get(0).at("/shares/0").asDouble()).isEqualTo(1.0);
        assertThat(levels.get(1).get("diverged").asDouble()).isGreaterThan(0.9);
    }

    /**
     * A real map cancelled at once: however fast the machine, it ends either cancelled (on request,
     * short of done, its progress final) or done, and either way it no longer holds a slot.
     */
    /**
     * "Tune all" on the lab page: the race as POST /api/race takes it, without the lr tuning chooses;
     * the answer is the race at the chosen settings, as {@code race --tune --format json} prints it.
     */
    @Test
    void aTuneJobTunesEachRacerAndRacesItAtItsBest() {
        JsonNode job = submit(lab, """
                {"kind": "tune", "tune": "lr", "race": {"surface": "bowl", "steps": 1000,
                 "racers": [{"optimizer": "gd"}, {"optimizer": "adam", "params": {"beta1": 0.8}}]}}""");
        JsonNode done = pollUntil(lab, job.get("id").asText(), JobsApiTest::ended);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("kind").asText()).isEqualTo("tune");
        JsonNode result = done.get("result");
        assertThat(result.get("surface").asText()).isEqualTo("bowl");
        JsonNode gd = result.at("/tuned/0");
        assertThat(gd.get("optimizer").asText()).isEqualTo("gd");
        // The bowl's curvatures are 1 and 10: stable below 2/10, fastest near 2/(1 + 10) ≈ 0.18.
        assertThat(gd.get("lr").asDouble()).isBetween(0.15, 0.2);
        assertThat(gd.get("configurations").asInt()).isEqualTo(37);
        assertThat(result.at("/tuned/1/optimizer").asText()).isEqualTo("adam");
        for (int k = 0; k < 2; k++) {
            JsonNode run = result.at("/runs/" + k);
            assertThat(run.at("/spec/lr").asDouble()).isEqualTo(result.at("/tuned/" + k + "/lr").asDouble());
            assertThat(run.at("/stop/reason").asText()).isEqualTo("converged");
        }
        // The racer's own settings are kept: only lr was tuned.
        assertThat(result.at("/runs/1/spec/hyperParameters/beta1").asDouble()).isEqualTo(0.8);
    }

    @Test
    void deleteStopsARealMapOrFindsItDone() {
        String id = submit(lab, "{\"kind\":\"basins\",\"surface\":\"rosenbrock\",\"optimizer\":\"adam\",\"grid\":200,\"steps\":1000}")
                .get("id").asText();
        var cancel = lab.delete("/api/jobs/" + id);
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        JsonNode asked = TestServer.json(cancel);
        assertThat(asked.get("state").asText()).isIn("running", "cancelled", "done");
        if (asked.get("state").asText().equals("running")) {
            assertThat(asked.get("cancelling").asBoolean()).isTrue();
        }
        JsonNode ended = asked.get("state").asText().equals("running") ? pollUntil(lab, id, JobsApiTest::ended) : asked;
        assertThat(lab.jobs().running()).isZero();
        if (ended.get("state").asText().equals("cancelled")) {
            assertThat(ended.get("reason").asText()).isEqualTo("request");
            assertThat(ended.get("message").asText()).isEqualTo("cancelled on request");
            assertThat(ended.has("result")).isFalse();
            assertThat(ended.get("progress").asDouble()).isLessThan(1);
            // Cancelled means stopped: the progress no longer moves.
            assertThat(status(lab, id).get("progress")).isEqualTo(ended.get("progress"));
        } else {
            assertThat(ended.get("state").asText()).isEqualTo("done");
        }
    }

    @Test
    void unknownJobsAre404sNamingTheId() {
        for (HttpResponse<String> response : List.of(lab.get("/api/jobs/0123456789abcdef"),
                lab.delete("/api/jobs/0123456789abcdef"), lab.get("/api/jobs/no-such-job"))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            JsonNode error = TestServer.json(response);
            assertThat(error.get("field").asText()).isEqualTo("id");
            assertThat(error.get("error").asText()).startsWith("no job '").contains("kept for 300 s");
        }
        assertThat(lab.get("/api/jobs/").statusCode()).isEqualTo(404);
        assertThat(lab.get("/api/jobs").statusCode()).isEqualTo(405);
        assertThat(lab.post("/api/jobs/0123456789abcdef", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void deleteForgetsAJobThatHasEnded() {
        String id = submit(lab, "{\"kind\":\"basins\",\"surface\":\"bowl\",\"optimizer\":\"gd\",\"grid\":4,\"steps\":10}")
                .get("id").asText();
        pollUntil(lab, id, JobsApiTest::ended);
        var forget = lab.delete("/api/jobs/" + id);
        assertThat(forget.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(forget).get("state").asText()).isEqualTo("done");
        assertThat(lab.get("/api/jobs/" + id).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                                                      | kind
            {"kind": 5}                                                                             | kind
            {"kind": "basin"}                                                                       | kind
            {"kind": "basins", "optimizer": "gd"}                                                   | surface
            {"kind": "basins", "surface": "himmelblau"}                                             | optimizer
            {"kind": "basins", "surface": "himmelblau", "optimizer": "gd", "grid": 201}             | grid
            {"kind": "basins", "surface": "himmelblau", "optimizer": "gd", "grid": 60.5}            | grid
            {"kind": "basins", "surface": "himmelblau", "optimizer": "gd", "grid": 200, "steps": 2000} | steps
            {"kind": "basins", "surface": "himmelblau", "optimizer": "gd", "gird": 10}              | gird
            {"kind": "basins", "surface": "himmelblau", "optimizer": "gd", "lr": -1}                | lr
            {"kind": "basins", "surface": "himmelblau", "optimizer": "gd", "lr": "fast"}            | lr
            {"kind": "basins", "surface": "himmelblau", "optimizer": "gd", "lr": null}              | lr
            {"kind": "basins", "surface": "himmelblau", "optimizer": "gd", "lr": {"x": 1}}          | lr
            {"kind": "basins", "surface": "himmelblau", "optimizer": "adam", "amsgrad": 0.5}        | amsgrad
            {"kind": "basins", "surface": "himmelblau", "optimizer": "gd", "window": [1, 1, 0, 1]}  | window
            {"kind": "sweep", "surface": "bowl", "optimizer": "gd"}                                 | vary
            {"kind": "sweep", "surface": "bowl", "optimizer": "gd", "vary": "lr=0.1:0.2"}           | vary
            {"kind": "sweep", "surface": "bowl", "optimizer": "gd", "vary": "momentum=0:0.9:4"}     | vary
            {"kind": "sweep", "surface": "bowl", "optimizer": "gd", "vary": "lr=0.1:0.2:101"}       | vary
            {"kind": "sweep", "surface": "bowl", "optimizer": "gd", "vary": "lr=-1:0.2:3"}          | lr
            {"kind": "sweep", "surface": "bowl", "optimizer": "gd", "vary": "lr=0.1:0.2:3", "lr": 0.1} | lr
            {"kind": "sweep", "surface": "bowl", "optimizer": "gd", "vary": "lr=0.1:0.2:3", "log": "momentum"} | log
            {"kind": "sweep", "surface": "bowl", "optimizer": "gd", "vary": "lr=0x1p-4:0.2:3"}      | vary
            {"kind": "sweep", "surface": "bowl", "optimizer": "gd", "vary": "lr=0.1:1d:3"}          | vary
            {"kind": "sgd-stats", "surface": "himmelblau"}                                          | noise
            {"kind": "sgd-stats", "surface": "himmelblau", "noise": "0:20:99"}                      | noise
            {"kind": "sgd-stats", "surface": "himmelblau", "noise": "-5:20:3"}                      | noise
            {"kind": "sgd-stats", "surface": "himmelblau", "noise": "0:20:3", "runs": 100000}       | runs
            {"kind": "sgd-stats", "surface": "himmelblau", "noise": "0:0x14p0:3"}                   | noise
            {"kind": "sgd-stats", "surface": "himmelblau", "noise": "0:20d:3"}                      | noise
            {"kind": "sgd-stats", "surface": "himmelblau", "noise": "0:20:3", "start": [0]}         | start
            {"kind": "sgd-stats", "surface": "himmelblau", "batch-sizes": [1, 4]}                   | batch-sizes
            {"kind": "sgd-stats", "surface": "regression:diabetes:bmi", "batch-sizes": [1, 443]}    | batch-sizes
            {"kind": "sgd-stats", "surface": "regression:diabetes:bmi", "batch-sizes": [0]}         | batch-sizes
            {"kind": "sgd-stats", "surface": "regression:diabetes:bmi", "batch-sizes": "1,x"}       | batch-sizes
            {"kind": "sgd-stats", "surface": "regression:diabetes:bmi", "batch-sizes": [1,2,3,4,5,6,7,8,9]} | batch-sizes
            {"kind": "sgd-stats", "surface": "regression:diabetes:bmi", "batch-sizes": [4], "noise": "0:1:2"} | batch-sizes
            {"kind": "sgd-stats", "surface": "regression:diabetes:bmi", "batch-size": [4]}          | batch-size
            {"kind": "tune", "race": {"surface": "bowl", "racers": [{"optimizer": "gd"}]}}          | tune
            {"kind": "tune", "tune": "all", "race": {"surface": "bowl", "racers": [{"optimizer": "gd"}]}} | tune
            {"kind": "tune", "tune": "lr"}                                                          | race
            {"kind": "tune", "tune": "lr", "race": [1]}                                             | race
            {"kind": "tune", "tune": "lr", "race": {"surface": "bowl", "racers": [{"optimizer": "gd"}]}, "steps": 9} | steps
            {"kind": "tune", "tune": "lr", "race": {"surface": "bowl", "racers": [{"optimizer": "gd", "params": {"lr": 0.1}}]}} | lr
            {"kind": "tune", "tune": "lr,momentum", "race": {"surface": "bowl", "racers": [{"optimizer": "momentum", "params": {"momentum": 0.5}}]}} | momentum
            {"kind": "tune", "tune": "lr", "race": {"surface": "bowl", "steps": 5001, "racers": [{"optimizer": "gd"}]}} | steps
            {"kind": "tune", "tune": "lr", "race": {"surface": "bowl", "racers": [{"optimizer": "nope"}]}} | optimizer
            {"kind": "tune", "tune": "lr", "race": {"surface": "bowl", "racers": [{"optimizer": "gd"}], "internals": true}} | internals
            {"kind": "tune", "tune": "lr", "race": {"surface": "bowl", "racers": [{"optimizer": "gd"}], "speed": 3}} | speed
            """)
    void badInputIsA400NamingTheFieldAndStartsNothing(String body, String field) {
        var response = lab.post("/api/jobs", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = TestServer.json(response);
        assertThat(error.get("field").asText()).as(error.toString()).isEqualTo(field);
        assertThat(error.get("error").asText()).isNotBlank();
        assertThat(lab.jobs().running()).isZero();
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsA400AndOnlyJsonIsTaken() {
        for (String body : List.of("", "[1, 2]", "{\"kind\": \"basins\"", "{\"kind\": \"basins\", \"kind\": \"sweep\"}")) {
            var response = lab.post("/api/jobs", body);
            assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(400);
            assertThat(TestServer.json(response).get("error").asText()).isNotBlank();
        }
        var form = lab.send(HttpRequest.newBuilder(lab.uri("/api/jobs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("kind=basins")).build());
        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void flagsTakeTrueAndFalse() {
        JsonNode job = submit(lab, "{\"kind\":\"basins\",\"surface\":\"himmelblau\",\"optimizer\":\"adam\",\"amsgrad\":true,"
                + "\"grid\":4,\"steps\":10}");
        JsonNode done = pollUntil(lab, job.get("id").asText(), JobsApiTest::ended);
        assertThat(done.get("result").get("spec").get("hyperParameters").get("amsgrad").asBoolean()).isTrue();
    }
}
