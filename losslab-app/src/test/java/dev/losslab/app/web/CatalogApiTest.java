package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.Limits;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Schedules;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Catalog;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/catalog and GET /api/surface: the registries, as the page reads them. */
class CatalogApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    @Test
    void catalogListsEveryRegistryEntryInOrder() {
        var response = lab.get("/api/catalog");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode catalog = TestServer.json(response);
        assertThat(names(catalog.get("surfaces"))).isEqualTo(Catalog.names());
        assertThat(names(catalog.get("optimizers"))).isEqualTo(Optimizers.names());
        assertThat(names(catalog.get("schedules"))).isEqualTo(Schedules.names());
    }

    @Test
    void surfacesHaveTheLandscapeShape() {
        JsonNode bowl = TestServer.json(lab.get("/api/catalog")).get("surfaces").get(0);
        assertThat(bowl.get("name").asText()).isEqualTo("bowl");
        assertThat(bowl.get("formula").asText()).isEqualTo("0.5*x^2 + 5*y^2");
        assertThat(bowl.get("window").toString()).isEqualTo("[-4.0,4.0,-3.0,3.0]");
        assertThat(bowl.get("defaultStart").toString()).isEqualTo("{\"x\":-3.5,\"y\":2.5}");
        assertThat(bowl.get("learningRate").asDouble()).isEqualTo(0.18);
        assertThat(bowl.get("knownMinima").toString()).isEqualTo("[{\"x\":0.0,\"y\":0.0,\"value\":0.0}]");
    }

    @Test
    void optimizersCarryRuleMathMlDefaultsAndRanges() {
        JsonNode adam = find(TestServer.json(lab.get("/api/catalog")).get("optimizers"), "adam");
        assertThat(adam.get("title").asText()).isEqualTo("Adam");
        assertThat(adam.get("updateRule").asText()).isEqualTo(Optimizers.get("adam").updateRule());
        assertThat(adam.get("mathml").asText()).startsWith("<math display=\"block\">").contains("<mi>β</mi>");
        assertThat(adam.get("learningRateDefault").asText()).isEqualTo("adaptive");
        assertThat(adam.get("defaultNoise").asDouble()).isZero();
        JsonNode beta1 = find(adam.get("params"), "beta1");
        assertThat(beta1.get("default").asDouble()).isEqualTo(0.9);
        assertThat(beta1.get("flag").asBoolean()).isFalse();
        assertThat(beta1.get("allowed").asText()).isEqualTo("in [0, 1)");
        assertThat(beta1.get("min").asDouble()).isZero();
        assertThat(beta1.get("max").asDouble()).isEqualTo(1);
        JsonNode amsgrad = find(adam.get("params"), "amsgrad");
        assertThat(amsgrad.get("flag").asBoolean()).isTrue();
        JsonNode eps = find(adam.get("params"), "eps");
        assertThat(eps.get("max").isNull()).as("an unbounded max is null, not Infinity").isTrue();
        JsonNode sgd = find(TestServer.json(lab.get("/api/catalog")).get("optimizers"), "sgd");
        assertThat(sgd.get("defaultNoise").asDouble()).isEqualTo(1);
    }

    @Test
    void schedules() {
        JsonNode catalog = TestServer.json(lab.get("/api/catalog"));
        JsonNode step = find(catalog.get("schedules"), "step");
        assertThat(names(step.get("params"))).containsExactly("step-size", "gamma");
        assertThat(find(step.get("params"), "gamma").get("default").asDouble()).isEqualTo(0.1);
        assertThat(find(step.get("params"), "step-size").get("whole").asBoolean()).isTrue();
    }

    /** Each kind of parameter carries what a form needs to show it; a default is never missing. */
    @Test
    void parametersOfEveryKindCarryTheirDefaultAndShape() {
        JsonNode catalog = TestServer.json(lab.get("/api/catalog"));
        JsonNode etas = find(find(catalog.get("optimizers"), "rprop").get("params"), "etas");
        assertThat(etas.get("kind").asText()).isEqualTo("numbers");
        assertThat(etas.get("default").toString()).isEqualTo("[0.5,1.2]");
        assertThat(etas.get("minLength").asInt()).isEqualTo(2);
        assertThat(etas.get("maxLength").asInt()).isEqualTo(2);
        JsonNode milestones = find(find(catalog.get("schedules"), "multi-step").get("params"), "milestones");
        assertThat(milestones.get("default").toString()).isEqualTo("[]");
        assertThat(milestones.get("whole").asBoolean()).isTrue();
        assertThat(find(find(catalog.get("optimizers"), "adam").get("params"), "amsgrad").get("kind").asText())
                .isEqualTo("flag");
        for (String list : List.of("optimizers", "schedules")) {
            for (JsonNode entry : catalog.get(list)) {
                for (JsonNode p : entry.get("params")) {
                    assertThat(p.has("default")).as(entry.get("name") + " " + p.get("name")).isTrue();
                    assertThat(p.get("kind").asText()).isIn("real", "flag", "numbers", "choice");
                }
            }
        }
    }

    /**
     * Where the catalog shows each {@link Limits} value, as "group.limit" → JSON pointer. A race's, a
     * landscape's and a request's limits sit at the top, where pages first read them.
     */
    private static final Map<String, String> SHOWN_AT = Map.ofEntries(
            Map.entry("requests.maxBodyBytes", "/maxBodyBytes"),
            Map.entry("requests.maxQueryLength", "/maxQueryLength"),
            Map.entry("requests.maxConcurrentWork", "/maxConcurrentWork"),
            Map.entry("requests.maxWaitingPerClient", "/maxWaitingPerClient"),
            Map.entry("requests.maxComputeMillis", "/maxComputeSeconds"),
            Map.entry("connections.maxHeadBytes", "/connections/maxHeadBytes"),
            Map.entry("connections.requestMillis", "/connections/requestSeconds"),
            Map.entry("connections.responseMillis", "/connections/responseSeconds"),
            Map.entry("connections.idleMillis", "/connections/idleSeconds"),
            Map.entry("race.maxSteps", "/maxSteps"),
            Map.entry("race.maxRacers", "/maxRacers"),
            Map.entry("race.maxInternalsSteps", "/maxInternalsSteps"),
            Map.entry("race.maxWork", "/maxRaceWork"),
            Map.entry("landscape.maxGrid", "/maxGrid"),
            Map.entry("basins.maxGrid", "/basins/maxGrid"),
            Map.entry("basins.maxSteps", "/basins/maxSteps"),
            Map.entry("basins.maxWork", "/basins/maxWork"),
            Map.entry("sweep.maxCount", "/sweep/maxCount"),
            Map.entry("sweep.maxSteps", "/sweep/maxSteps"),
            Map.entry("sweep.maxWork", "/sweep/maxWork"),
            Map.entry("sgdStats.maxLevels", "/sgdStats/maxLevels"),
            Map.entry("sgdStats.maxRuns", "/sgdStats/maxRuns"),
            Map.entry("sgdStats.maxSteps", "/sgdStats/maxSteps"),
            Map.entry("tuning.maxSteps", "/tuning/maxSteps"),
            Map.entry("tuning.maxWork", "/tuning/maxWork"),
            Map.entry("jobs.maxRunning", "/jobs/maxRunning"),
            Map.entry("jobs.maxKept", "/jobs/maxKept"),
            Map.entry("jobs.maxMillis", "/jobs/maxSeconds"),
            Map.entry("jobs.keepMillis", "/jobs/keepSeconds"),
            Map.entry("training.maxSteps", "/training/maxSteps"),
            Map.entry("training.maxRacers", "/training/maxRacers"),
            Map.entry("training.maxWork", "/training/maxWork"));

    @Test
    void theCatalogShowsEveryLimitWithTheValueTheServerEnforces() throws Exception {
        JsonNode limits = TestServer.json(lab.get("/api/catalog")).get("limits");
        Set<String> expected = new TreeSet<>();
        for (RecordComponent group : Limits.class.getRecordComponents()) {
            Object values = group.getAccessor().invoke(Limits.DEFAULT);
            for (RecordComponent limit : group.getType().getRecordComponents()) {
                String name = group.getName() + "." + limit.getName();
                String pointer = SHOWN_AT.get(name);
                assertThat(pointer).as("where the catalog shows " + name + " (add it to the catalog and here)").isNotNull();
                double value = ((Number) limit.getAccessor().invoke(values)).doubleValue();
                // Durations are kept in milliseconds and shown in seconds.
                double shown = limit.getName().endsWith("Millis") ? value / 1000 : value;
                assertThat(limits.at(pointer).isNumber()).as(name + " at " + pointer).isTrue();
                assertThat(limits.at(pointer).asDouble()).as(name + " at " + pointer).isEqualTo(shown);
                expected.add(pointer);
            }
        }
        assertThat(limits.get("maxJsonNesting").asInt()).isEqualTo(Limits.MAX_JSON_NESTING);
        expected.add("/maxJsonNesting");
        assertThat(leaves(limits, "")).as("nothing shown that Limits does not hold").isEqualTo(expected);
    }

    /** The JSON pointers of every number under {@code node}. */
    private static Set<String> leaves(JsonNode node, String at) {
        Set<String> found = new TreeSet<>();
        if (node.isObject()) {
            node.properties().forEach(field -> found.addAll(leaves(field.getValue(), at + "/" + field.getKey())));
        } else {
            found.add(at);
        }
        return found;
    }

    @Test
    void defaultsAreWhatARequestLeavingTheFieldOutGets() {
        JsonNode defaults = TestServer.json(lab.get("/api/catalog")).get("defaults");
        assertThat(defaults.get("steps").asInt()).isEqualTo(RunSpec.DEFAULT_STEPS);
        assertThat(defaults.get("seed").asLong()).isEqualTo(RunSpec.DEFAULT_SEED);
        assertThat(defaults.get("schedule").asText()).isEqualTo(Schedules.DEFAULT).isIn(Schedules.names());
        assertThat(defaults.get("basins").get("grid").asInt()).isEqualTo(dev.losslab.core.maps.Basins.DEFAULT_GRID);
        assertThat(defaults.get("basins").get("steps").asInt()).isEqualTo(RunSpec.DEFAULT_STEPS);
        assertThat(defaults.get("sgdStats").get("runs").asInt()).isEqualTo(dev.losslab.core.maps.SgdStats.DEFAULT_RUNS);
        assertThat(defaults.get("sgdStats").get("steps").asInt()).isEqualTo(RunSpec.DEFAULT_STEPS);
    }

    @Test
    void surfaceEndpointAddsEachOptimizersDefaults() {
        var response = lab.get("/api/surface?surface=bowl");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode bowl = TestServer.json(response);
        assertThat(bowl.get("name").asText()).isEqualTo("bowl");
        JsonNode defaults = bowl.get("defaults");
        assertThat(names(defaults)).isEqualTo(Optimizers.names());
        assertThat(defaults.get("gd").toString()).isEqualTo("{\"lr\":0.18,\"noise\":0.0,\"batchSize\":0}");
        assertThat(defaults.get("adam").get("lr").asDouble()).isEqualTo(0.1);
        assertThat(defaults.get("newton").get("lr").asDouble()).isEqualTo(1.0);
        assertThat(defaults.get("sgd").get("noise").asDouble()).isEqualTo(1.0);
    }

    @Test
    void surfaceEndpointSuggestsTheNameMeant() {
        var response = lab.get("/api/surface?surface=rosenbrok");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"error\":\"unknown surface 'rosenbrok': did you mean 'rosenbrock'?\",\"field\":\"surface\"}");
    }

    static List<String> names(JsonNode listOrObject) {
        List<String> names = new ArrayList<>();
        if (listOrObject.isArray()) {
            listOrObject.forEach(n -> names.add(n.get("name").asText()));
        } else {
            listOrObject.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    static JsonNode find(JsonNode list, String name) {
        for (JsonNode n : list) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no entry named " + name + " in " + list);
    }
}
