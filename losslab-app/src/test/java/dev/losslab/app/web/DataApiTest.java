package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Surfaces made of data through the API: the catalog's group, the data picture, minibatch races, no files. */
class DataApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    @Test
    void theCatalogListsTheFeaturedDataSurfacesWithTheirExamples() {
        JsonNode catalog = TestServer.json(lab.get("/api/catalog"));
        JsonNode first = catalog.get("dataSurfaces").get(0);
        assertThat(first.get("name").asText()).isEqualTo("regression:diabetes:bmi");
        assertThat(first.get("examples").asInt()).isEqualTo(442);
        assertThat(first.at("/knownMinima/0/x").asDouble()).isCloseTo(10.233127870100779, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void sgdOnDataDefaultsToMinibatches() {
        JsonNode surface = TestServer.json(lab.get("/api/surface?surface=regression:diabetes:bmi"));
        assertThat(surface.at("/defaults/sgd/noise").asDouble()).isZero();
        assertThat(surface.at("/defaults/sgd/batchSize").asInt()).isEqualTo(16);
        assertThat(surface.at("/defaults/gd/batchSize").asInt()).isZero();
    }

    @Test
    void thePictureIsTheExamplesTheSurfaceIsMadeOf() {
        JsonNode line = TestServer.json(lab.get("/api/data?surface=regression:diabetes:bmi"));
        assertThat(line.get("model").asText()).isEqualTo("line");
        assertThat(line.at("/x/name").asText()).isEqualTo("bmi");
        assertThat(line.at("/y/name").asText()).isEqualTo("progression");
        assertThat(line.at("/x/values").size()).isEqualTo(442);
        // the first row of scikit-learn's raw diabetes data: bmi 32.1, progression 151
        assertThat(line.at("/x/values/0").asDouble()).isEqualTo(32.1);
        assertThat(line.at("/y/values/0").asDouble()).isEqualTo(151);
        JsonNode classes = TestServer.json(lab.get("/api/data?surface=logistic:iris:petal_length,petal_width:virginica"));
        assertThat(classes.get("model").asText()).isEqualTo("classifier");
        assertThat(classes.get("positive").asText()).isEqualTo("virginica");
        assertThat(classes.get("negative").asText()).isEqualTo("the rest");
        int positives = 0;
        for (JsonNode label : classes.get("labels")) {
            positives += label.asInt();
        }
        assertThat(positives).isEqualTo(50);
    }

    @Test
    void aMinibatchRaceIsTheLibrarysRun() {
        var response = lab.post("/api/race", """
                {"surface": "regression:diabetes:bmi:standardized", "steps": 50,
                 "racers": [{"optimizer": "sgd", "params": {"batch-size": 4, "lr": 0.1, "seed": 3}}]}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode run = TestServer.json(response).get("runs").get(0);
        Run library = RunBuilder.on("regression:diabetes:bmi:standardized").optimizer("sgd").batchSize(4)
                .learningRate(0.1).seed(3).steps(50).run();
        assertThat(run.toString()).isEqualTo(JsonViews.run(library).toString());
        assertThat(run.at("/spec/batchSize").asInt()).isEqualTo(4);
    }

    @Test
    void theServerReadsNoFilesAndSaysWhatWasWrong() {
        var file = lab.get("/api/surface?surface=regression:/etc/passwd");
        assertThat(file.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(file).get("error").asText()).contains("only the built-in datasets are accepted here");
        var notData = lab.get("/api/data?surface=bowl");
        assertThat(notData.statusCode()).isEqualTo(400);
        var badBatch = lab.post("/api/race", """
                {"surface": "bowl", "racers": [{"optimizer": "sgd", "params": {"batch-size": 4}}]}""");
        assertThat(badBatch.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(badBatch).get("field").asText()).isEqualTo("batch-size");
    }

    /**
     * A race on data costs its examples at every step: 8 racers × 100,000 full-batch steps on the 569
     * rows of breast-cancer would be 4.55e8 evaluations, past the race budget (2e8); the page's own
     * race (3 racers × 1,000 steps) is 1.7e6 and runs.
     */
    @Test
    void aRaceOnBigDataIsBoundedByItsWorkNotOnlyByTime() {
        String racers = "[" + String.join(",", java.util.Collections.nCopies(8, "{\"optimizer\": \"gd\"}")) + "]";
        var tooMuch = lab.post("/api/race", "{\"surface\": \"logistic:breast-cancer:mean_radius,mean_texture:standardized\", \"steps\": 100000, \"racers\": "
                + racers + "}");
        assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(400);
        JsonNode error = TestServer.json(tooMuch);
        assertThat(error.get("field").asText()).isEqualTo("steps");
        assertThat(error.get("error").asText()).startsWith("this race would cost up to ").contains("455200000").contains("8 racers × 100000 steps × about 569 per step")
                .contains("more than 200000000");
        var fine = lab.post("/api/race", """
                {"surface": "logistic:breast-cancer:mean_radius,mean_texture:standardized", "steps": 1000,
                 "racers": [{"optimizer": "gd"}, {"optimizer": "momentum"}, {"optimizer": "adam"}]}""");
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
        assertThat(TestServer.json(lab.get("/api/catalog")).at("/limits/maxRaceWork").asLong()).isEqualTo(200_000_000L);
    }
}
