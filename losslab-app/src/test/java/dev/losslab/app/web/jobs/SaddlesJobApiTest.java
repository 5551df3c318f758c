package dev.losslab.app.web.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.cli.Main;
import dev.losslab.app.web.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Job kind {@code saddles} (the tour's saddles section): the CLI's {@code saddles} over HTTP, and its refusals. */
class SaddlesJobApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    @AfterEach
    void stopEverything() {
        JobsApiTest.cancelAll(lab);
    }

    @Test
    void theJobFindsWhatTheCommandLineFinds() {
        // seed 1: run 0 from seed 1, run 1 from seed 2, as the CLI's --seed 1 (not seeds 1 and 1)
        JsonNode job = JobsApiTest.submit(lab, """
                {"kind": "saddles", "data": "xor", "model": "mlp", "hidden": "4", "loss": "mse", "steps": 120, "seed": 1,
                 "racers": [{"optimizer": "gd", "params": {"lr": 0.3}}], "runs": 2, "starts-every": 60}""");
        JsonNode done = JobsApiTest.pollUntil(lab, job.get("id").asText(), j -> !j.get("state").asText().equals("running"));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
        JsonNode points = done.get("result").get("points");
        assertThat(points).hasSize(6);

        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"saddles", "--data", "xor", "--model", "mlp", "--hidden", "4", "--loss", "mse",
                "--steps", "120", "--seed", "1", "--optimizer", "gd", "--lr", "0.3", "--runs", "2", "--starts-every", "60", "--search-steps", "100",
                "--format", "csv"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        String[] rows = out.toString().strip().split("\\R");
        for (int i = 0; i < points.size(); i++) {
            String[] cells = rows[i + 1].split(",", -1);
            JsonNode p = points.get(i);
            assertThat(p.get("run").asInt()).isEqualTo(Integer.parseInt(cells[0]));
            assertThat(p.get("step").asInt()).isEqualTo(Integer.parseInt(cells[1]));
            assertThat(p.get("loss").asDouble()).isEqualTo(Double.parseDouble(cells[3]));
            assertThat(p.get("critical").asBoolean()).isEqualTo(Boolean.parseBoolean(cells[5]));
            assertThat(p.get("negative").asInt()).isEqualTo(Integer.parseInt(cells[8]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "data": "xor", "runs": 13, "racers": [{"optimizer": "gd"}]                                  | runs         | runs must be a whole number in 1 … 12
            "data": "xor", "search-steps": 0, "racers": [{"optimizer": "gd"}]                           | search-steps | search-steps must be a whole number in 1 … 200
            "data": "xor", "racers": [{"optimizer": "gd"}, {"optimizer": "adam"}]                       | racers       | racers must list one, got 2
            "data": "digits", "hidden": "64", "steps": 1000, "racers": [{"optimizer": "gd"}]            | model        | up to 2,000 parameters
            "data": "digits", "hidden": "16", "steps": 1000, "racers": [{"optimizer": "gd"}]            | search-steps | cost up to
            """)
    void badFieldsAreA400NamingThem(String fields, String field, String message) {
        HttpResponse<String> response = lab.post("/api/jobs", "{\"kind\": \"saddles\", \"model\": \"mlp\", " + fields + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = TestServer.json(response);
        assertThat(error.get("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(error.get("error").asText()).contains(message);
    }
}
