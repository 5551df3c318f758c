package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /api/race: the same runs as the library, in racer order, with every setting applied. */
class RaceApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    static JsonNode race(String body) {
        var response = lab.post("/api/race", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return TestServer.json(response);
    }

    @Test
    void gdOnTheBowlFromOneOneMatchesTheLibraryAndHandArithmetic() {
        JsonNode race = race("""
                {"surface": "bowl", "start": [1, 1], "racers": [{"optimizer": "gd"}]}""");
        assertThat(race.get("surface").asText()).isEqualTo("bowl");
        JsonNode run = race.get("runs").get(0);
        // lr 0.18 (the bowl's): x ← x − 0.18·x, y ← y − 0.18·10·y.
        JsonNode first = run.get("points").get(1);
        assertThat(first.get("x").asDouble()).isCloseTo(0.82, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(first.get("y").asDouble()).isCloseTo(-0.8, org.assertj.core.data.Offset.offset(1e-15));
        Run library = RunBuilder.on("bowl").optimizer("gd").start(1, 1).run();
        assertThat(run.toString()).isEqualTo(JsonViews.run(library).toString());
        assertThat(run.get("stop").get("reason").asText()).isEqualTo("converged");
        assertThat(run.get("minimumReached").toString()).isEqualTo("{\"x\":0.0,\"y\":0.0,\"value\":0.0}");
    }

    /**
     * Issue 14: the bowl's GD is stable below 2/10; racing it at 0.19 against 0.21 shows the edge.
     * The racers are labelled gd and gd:2 in the JSON and the CSV.
     */
    @Test
    void anOptimizerMayRaceTwiceWithOtherSettingsAndIsLabelledApart() {
        String body = """
                {"surface": "bowl", "racers": [{"optimizer": "gd", "params": {"lr": 0.19}},
                                               {"optimizer": "gd", "params": {"lr": 0.21}}]}""";
        JsonNode race = race(body);
        assertThat(race.get("racers").toString()).isEqualTo("[\"gd\",\"gd:2\"]");
        assertThat(race.at("/runs/0/stop/reason").asText()).isEqualTo("converged");
        assertThat(race.at("/runs/1/stop/reason").asText()).isEqualTo("diverged");
        var csv = lab.post("/api/race?format=csv", body);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList())
                .containsExactly("gd", "gd:2");
    }

    @Test
    void racersKeepTheirOrderAndSettings() {
        JsonNode race = race("""
                {"surface": "himmelblau", "start": [0, 0], "steps": 50, "tol": 0,
                 "racers": [
                   {"optimizer": "momentum", "params": {"lr": 0.01, "momentum": 0.5}},
                   {"optimizer": "sgd", "params": {"noise": 2, "seed": 7},
                    "schedule": {"name": "inverse-time", "params": {"tau": 50}}},
                   {"optimizer": "adam", "params": {"amsgrad": true, "beta1": 0.8}},
                   {"optimizer": "rmsprop", "params": {"centered": 1}}
                 ]}""");
        JsonNode runs = race.get("runs");
        assertThat(runs).hasSize(4);
        JsonNode momentum = runs.get(0).get("spec");
        assertThat(momentum.get("optimizer").asText()).isEqualTo("momentum");
        assertThat(momentum.get("lr").asDouble()).isEqualTo(0.01);
        assertThat(momentum.get("hyperParameters").get("momentum").asDouble()).isEqualTo(0.5);
        assertThat(momentum.get("maxSteps").asInt()).isEqualTo(50);
        assertThat(runs.get(0).get("points")).hasSize(51);
        JsonNode sgd = runs.get(1).get("spec");
        assertThat(sgd.get("noise").asDouble()).isEqualTo(2);
        assertThat(sgd.get("seed").asLong()).isEqualTo(7);
        assertThat(sgd.get("schedule").asText()).isEqualTo("inverse-time");
        Run library = RunBuilder.on("himmelblau").optimizer("sgd").start(0, 0).steps(50).tolerance(0)
                .noise(2).seed(7).schedule("inverse-time", Map.of("tau", 50.0)).run();
        assertThat(runs.get(1).toString()).isEqualTo(JsonViews.run(library).toString());
        assertThat(runs.get(2).get("spec").get("hyperParameters").get("amsgrad").asBoolean()).isTrue();
        assertThat(runs.get(2).get("spec").get("hyperParameters").get("beta1").asDouble()).isEqualTo(0.8);
        assertThat(runs.get(3).get("spec").get("hyperParameters").get("centered").asBoolean()).isTrue();
    }

    /** Pairs and lists arrive as JSON arrays or as the CLI's text, and the run is the library's. */
    @Test
    void pairsAndListsAreArraysOrText() {
        JsonNode race = race("""
                {"surface": "himmelblau", "steps": 30, "racers": [
                  {"optimizer": "rprop", "params": {"etas": [0.3, 1.5], "step-sizes": "0.001,0.4"},
                   "schedule": {"name": "multi-step", "params": {"milestones": [5, 12], "gamma": 0.5}}}]}""");
        JsonNode spec = race.get("runs").get(0).get("spec");
        assertThat(spec.get("hyperParameters").get("etas").toString()).isEqualTo("[0.3,1.5]");
        assertThat(spec.get("hyperParameters").get("step-sizes").toString()).isEqualTo("[0.001,0.4]");
        assertThat(spec.get("scheduleParameters").get("milestones").toString()).isEqualTo("[5.0,12.0]");
        Run library = RunBuilder.on("himmelblau").optimizer("rprop").set("etas", (Object) "0.3,1.5")
                .set("step-sizes", List.of(0.001, 0.4)).schedule("multi-step", Map.of("milestones", "5,12", "gamma", 0.5))
                .steps(30).run();
        assertThat(race.get("runs").get(0).toString()).isEqualTo(JsonViews.run(library).toString());
    }

    /** A schedule that cycles momentum shows it per point, as the schedule gives it for that update. */
    @Test
    void cycledMomentumIsShownPerPoint() {
        JsonNode points = race("""
                {"surface": "himmelblau", "steps": 12, "racers": [
                  {"optimizer": "momentum", "schedule": {"name": "cyclic", "params": {"step-size-up": 4}}},
                  {"optimizer": "gd"}]}""").get("runs");
        double[] expected = {0.9, 0.9, 0.875, 0.85, 0.825, 0.8, 0.825};
        for (int k = 0; k < expected.length; k++) {
            assertThat(points.get(0).get("points").get(k).get("momentum").asDouble()).as("step %d", k)
                    .isCloseTo(expected[k], org.assertj.core.data.Offset.offset(1e-15));
        }
        assertThat(points.get(1).get("points").get(3).has("momentum")).isFalse();
    }

    @Test
    void defaultsComeFromTheSurface() {
        JsonNode run = race("""
                {"surface": "ravine", "racers": [{"optimizer": "adam"}]}""").get("runs").get(0);
        assertThat(run.get("spec").get("start").toString()).isEqualTo("{\"x\":-1.5,\"y\":2.0}");
        assertThat(run.get("spec").get("lr").asDouble()).isEqualTo(0.04);
        assertThat(run.get("spec").get("maxSteps").asInt()).isEqualTo(1000);
        assertThat(run.get("spec").get("tol").asDouble()).isEqualTo(1e-8);
    }

    @Test
    void zeroStepsIsJustTheStart() {
        JsonNode run = race("""
                {"surface": "bowl", "steps": 0, "racers": [{"optimizer": "newton"}]}""").get("runs").get(0);
        assertThat(run.get("points")).hasSize(1);
        assertThat(run.get("points").get(0).get("loss").asDouble()).isEqualTo(0.5 * 3.5 * 3.5 + 5 * 2.5 * 2.5);
    }

    @Test
    void aDivergedRunHasNullsNotNaN() {
        var response = lab.post("/api/race", """
                {"surface": "bowl", "racers": [{"optimizer": "gd", "params": {"lr": 5}}], "steps": 100000, "tol": 0}""");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("NaN", "Infinity");
        assertThat(TestServer.json(response).get("runs").get(0).get("stop").get("reason").asText()).isEqualTo("diverged");
    }

    @Test
    void internalsWhenAskedOnEveryPointAfterTheStart() {
        JsonNode race = race("""
                {"surface": "bowl", "start": [-3.5, 2.5], "steps": 20, "internals": true,
                 "racers": [{"optimizer": "momentum"}, {"optimizer": "adam"}]}""");
        JsonNode momentum = race.get("runs").get(0).get("points");
        assertThat(momentum.get(0).has("internals")).isFalse();
        // the buffer starts as the first gradient ∇f(−3.5, 2.5) = (−3.5, 25), whatever lr is
        assertThat(momentum.get(1).get("internals").toString()).isEqualTo("{\"buffer\":[-3.5,25.0]}");
        JsonNode adam = race.get("runs").get(1).get("points").get(1).get("internals");
        assertThat(adam.fieldNames()).toIterable().containsExactly("m", "mHat", "vHatSqrt");
        assertThat(adam.get("mHat").get(0).asDouble()).isCloseTo(-3.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(adam.get("vHatSqrt").get(1).asDouble()).isCloseTo(25, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(race("""
                {"surface": "bowl", "steps": 5, "racers": [{"optimizer": "momentum"}]}""")
                .get("runs").get(0).get("points").get(1).has("internals")).isFalse();
    }

    @Test
    void internalsAreRefusedForLongRaces() {
        var response = lab.post("/api/race", """
                {"surface": "bowl", "steps": 5001, "internals": true, "racers": [{"optimizer": "adam"}]}""");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = TestServer.json(response);
        assertThat(error.get("field").asText()).isEqualTo("internals");
        assertThat(error.get("error").asText()).isEqualTo("internals are only sent for races of at most 5000 steps, got steps=5001");
    }
}
