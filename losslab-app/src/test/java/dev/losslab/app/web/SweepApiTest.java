package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /api/sweep: the CLI's sweep as JSON, with the momentum regimes on a quadratic, and its bounds. */
class SweepApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    @Test
    void gradientDescentOnTheBowlDivergesExactlyPastTwoOverTheSteepCurvature() {
        // The bowl is 0.5·x² + 5·y²: curvatures 1 and 10, so GD is stable for lr < 2/10.
        var response = lab.get("/api/sweep?surface=bowl&optimizer=gd&vary=lr%3D0.01:0.25:25");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode sweep = TestServer.json(response);
        assertThat(sweep.get("axes")).hasSize(1);
        assertThat(sweep.get("axes").get(0).get("name").asText()).isEqualTo("lr");
        assertThat(sweep.get("spec").has("lr")).as("the swept setting is not in spec").isFalse();
        JsonNode cells = sweep.get("cells");
        assertThat(cells).hasSize(25);
        for (JsonNode cell : cells) {
            double lr = cell.get("lr").asDouble();
            String stop = cell.get("stop").asText();
            assertThat(stop.equals("diverged")).as("lr %s: %s", lr, cell).isEqualTo(lr > 0.2 + 1e-9);
            // Theory: monotone while lr·h ≤ 1, oscillating below 2, divergent from 2 on (h = 10, the worse
            // direction). A cell on a boundary may fall either side of it by rounding.
            double lrh = lr * 10;
            String regime = cell.get("regime").asText();
            if (Math.abs(lrh - 1) < 1e-9) {
                assertThat(regime).isIn("monotone", "oscillating");
            } else if (Math.abs(lrh - 2) < 1e-9) {
                assertThat(regime).isIn("oscillating", "divergent");
            } else {
                assertThat(regime).as("lr %s", lr).isEqualTo(lrh < 1 ? "monotone" : lrh < 2 ? "oscillating" : "divergent");
            }
            if (stop.equals("diverged")) {
                assertThat(cell.get("loss").isNull() || cell.get("loss").isNumber()).isTrue();
            }
        }
    }

    @Test
    void twoAxesGoFirstAxisFastestAndTheoryIsLeftOutWhereItDoesNotApply() {
        var response = lab.get("/api/sweep?surface=himmelblau&optimizer=momentum&vary=lr%3D0.001:0.01:3,momentum%3D0:0.9:2&log=lr&steps=200");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode sweep = TestServer.json(response);
        JsonNode cells = sweep.get("cells");
        assertThat(cells).hasSize(6);
        assertThat(cells.get(1).get("lr").asDouble()).isCloseTo(Math.sqrt(0.001 * 0.01), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(cells.get(1).get("momentum").asDouble()).isEqualTo(0.0);
        assertThat(cells.get(3).get("momentum").asDouble()).isEqualTo(0.9);
        assertThat(sweep.get("axes").get(0).get("log").asBoolean()).isTrue();
        assertThat(cells.get(0).has("regime")).as("Himmelblau is not a quadratic").isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            optimizer=gd&vary=lr%3D0.1:0.2:3                         | surface
            surface=bowl&vary=lr%3D0.1:0.2:3                         | optimizer
            surface=bowl&optimizer=gd                                | vary
            surface=bowl&optimizer=gd&vary=lr%3D0.1:0.2              | vary
            surface=bowl&optimizer=gd&vary=seed%3D1:5:5              | vary
            surface=bowl&optimizer=gd&vary=lr%3D0.1:0.2:3&steps=5001 | steps
            surface=bowl&optimizer=gd&vary=lr%3D0.1:0.2:3&start=1    | start
            surface=bowl&optimizer=gd&vary=lr%3D0.1:0.2:3&lr=0.1     | lr
            surface=bowl&optimizer=gd&vary=lr%3D0.1:0.2:3&varry=1    | varry
            """)
    void badInputIsA400NamingTheField(String query, String field) {
        var response = lab.get("/api/sweep?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(TestServer.json(response).get("field").asText()).isEqualTo(field);
    }

    @ParameterizedTest
    @CsvSource({"101", "500", "2000"})
    void tooManyValuesNamesTheWebsBoundNotTheCores(int count) {
        // The core's Axis takes up to 1024 values; the web takes 100, and says so, whatever the count.
        var response = lab.get("/api/sweep?surface=bowl&optimizer=gd&vary=lr%3D0.1:0.2:" + count);
        ApiAssertions.assertError(response, 400, "lr count must be in [1, 100], got " + count, "vary");
    }
}
