package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Schedules;
import dev.losslab.core.surface.Catalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/catalog and GET /api/surface: the registries, as the page reads them. */
class CatalogApiTest {

    static TestServer lab;

    @BeforeAll
    static void start() {
        lab = TestServer.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

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
    void schedulesAndLimits() {
        JsonNode catalog = TestServer.json(lab.get("/api/catalog"));
        JsonNode step = find(catalog.get("schedules"), "step");
        assertThat(names(step.get("params"))).containsExactly("step-size", "gamma");
        assertThat(find(step.get("params"), "gamma").get("default").asDouble()).isEqualTo(0.1);
        assertThat(catalog.get("limits").toString())
                .isEqualTo("{\"maxSteps\":100000,\"maxInternalsSteps\":5000,\"maxRacers\":8,\"maxGrid\":400,\"maxBodyBytes\":65536,"
                        + "\"basins\":{\"maxGrid\":200,\"maxSteps\":5000,\"maxWork\":50000000},"
                        + "\"sweep\":{\"maxCount\":100,\"maxSteps\":5000,\"maxWork\":50000000},"
                        + "\"sgdStats\":{\"maxLevels\":8,\"maxRuns\":200,\"maxSteps\":2000},"
                        + "\"jobs\":{\"maxRunning\":2,\"maxSeconds\":60.0,\"keepSeconds\":300.0}}");
    }

    @Test
    void surfaceEndpointAddsEachOptimizersDefaults() {
        var response = lab.get("/api/surface?surface=bowl");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode bowl = TestServer.json(response);
        assertThat(bowl.get("name").asText()).isEqualTo("bowl");
        JsonNode defaults = bowl.get("defaults");
        assertThat(names(defaults)).isEqualTo(Optimizers.names());
        assertThat(defaults.get("gd").toString()).isEqualTo("{\"lr\":0.18,\"noise\":0.0}");
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
