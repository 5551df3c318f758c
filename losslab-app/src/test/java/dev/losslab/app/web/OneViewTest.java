package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.cli.Main;
import dev.losslab.app.output.JsonViews;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One result, one view: the command line's {@code --format json} and the API's answer for the same
 * request are the same JSON, key for key and number for number; asked with the settings left out,
 * too, so that the CLI and the API cannot keep different defaults.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneViewTest {

    private TestServer lab;

    @BeforeAll
    void start() {
        lab = TestServer.start();
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            basins --surface himmelblau --optimizer gd --grid 12 --steps 300                 | /api/basins?surface=himmelblau&optimizer=gd&grid=12&steps=300
            basins --surface rosenbrock --optimizer adam --lr 0.05 --grid 9 --steps 200       | /api/basins?surface=rosenbrock&optimizer=adam&lr=0.05&grid=9&steps=200
            sgd-stats --surface himmelblau --start=0,0 --noise 0:20:3 --runs 12 --steps 300  | /api/sgd-stats?surface=himmelblau&start=0,0&noise=0:20:3&runs=12&steps=300
            sweep --surface bowl --optimizer momentum --vary lr=0.05:0.3:4,momentum=0:0.9:3  | /api/sweep?surface=bowl&optimizer=momentum&vary=lr=0.05:0.3:4,momentum=0:0.9:3
            analyze --surface himmelblau --at=0.5,-1                                          | /api/analyze?surface=himmelblau&at=0.5,-1
            critical-points --surface himmelblau                                              | /api/critical-points?surface=himmelblau
            basins --surface himmelblau --optimizer gd                                        | /api/basins?surface=himmelblau&optimizer=gd
            sgd-stats --surface himmelblau --start=0,0 --noise 0:20:2                        | /api/sgd-stats?surface=himmelblau&start=0,0&noise=0:20:2
            sweep --surface bowl --optimizer gd --vary lr=0.05:0.3:3                         | /api/sweep?surface=bowl&optimizer=gd&vary=lr=0.05:0.3:3
            sgd-stats --surface regression:diabetes:bmi:standardized --batch-sizes 1,16,442 --lr 0.9 --runs 12 --steps 300 | /api/sgd-stats?surface=regression:diabetes:bmi:standardized&batch-sizes=1,16,442&lr=0.9&runs=12&steps=300
            sgd-stats --surface regression:diabetes:bmi --batch-sizes 4                      | /api/sgd-stats?surface=regression:diabetes:bmi&batch-sizes=4
            """)
    void theCommandLineAndTheApiAnswerWithTheSameJson(String command, String path) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = (command.strip() + " --format json").split(" ");
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        JsonNode cli = JsonViews.MAPPER.readTree(out.toString());
        var response = lab.get(path.strip());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(cli).isEqualTo(TestServer.json(response));
        assertThat(cli.size()).as("a real answer, not an empty object or list").isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ravine    | gd,momentum,adam | 40
            himmelblau | newton,rmsprop  | 25
            """)
    void aRaceIsTheSameJsonFromTheCommandLineAndTheApi(String surface, String optimizers, int steps) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"race", "--surface", surface.strip(), "--optimizers", optimizers.strip(),
                "--steps", Integer.toString(steps), "--format", "json"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        StringBuilder racers = new StringBuilder();
        for (String name : optimizers.strip().split(",")) {
            racers.append(racers.isEmpty() ? "" : ",").append("{\"optimizer\":\"").append(name).append("\"}");
        }
        var response = lab.post("/api/race", "{\"surface\":\"" + surface.strip() + "\",\"steps\":" + steps
                + ",\"racers\":[" + racers + "]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode cli = JsonViews.MAPPER.readTree(out.toString());
        assertThat(cli).isEqualTo(TestServer.json(response));
        assertThat(cli.get("runs")).hasSize(optimizers.split(",").length);
    }

    @org.junit.jupiter.api.Test
    void theOptimizersAreTheSameInTheCommandLineAndTheCatalog() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"optimizers", "--format", "json"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        JsonNode cli = JsonViews.MAPPER.readTree(out.toString());
        var catalog = (com.fasterxml.jackson.databind.node.ArrayNode) TestServer.json(lab.get("/api/catalog")).get("optimizers");
        catalog.forEach(o -> ((com.fasterxml.jackson.databind.node.ObjectNode) o).remove("mathml"));
        assertThat(cli).isEqualTo(catalog);
        assertThat(cli.get(0).get("params").get(0).has("symbol")).isTrue();
    }
}
