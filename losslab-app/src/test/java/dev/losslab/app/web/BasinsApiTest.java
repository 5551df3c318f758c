package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /api/basins: the map's layout and shares, and its bounds. */
class BasinsApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    @Test
    void himmelblauGradientDescentSplitsTheGridBetweenItsFourMinima() {
        var response = lab.get("/api/basins?surface=himmelblau&optimizer=gd&grid=40&steps=1000");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode map = TestServer.json(response);
        assertThat(map.get("surface").asText()).isEqualTo("himmelblau");
        assertThat(map.get("optimizer").asText()).isEqualTo("gd");
        assertThat(map.get("grid").asInt()).isEqualTo(40);
        assertThat(map.get("window").toString()).isEqualTo("[-5.0,5.0,-5.0,5.0]");
        assertThat(map.get("labels")).hasSize(40 * 40);
        assertThat(map.get("minima")).hasSize(4);
        assertThat(map.get("shares")).hasSize(4);
        double total = map.get("diverged").asDouble() + map.get("unconverged").asDouble();
        int[] counts = new int[4];
        for (JsonNode label : map.get("labels")) {
            int k = label.asInt();
            assertThat(k).isBetween(-2, 3);
            if (k >= 0) {
                counts[k]++;
            }
        }
        for (int m = 0; m < 4; m++) {
            double share = map.get("shares").get(m).get("share").asDouble();
            assertThat(share).as("share of minimum %d", m).isGreaterThan(0.1);
            assertThat(share).isCloseTo(counts[m] / 1600.0, within(1e-12));
            assertThat(map.get("shares").get(m).get("x").asDouble()).isEqualTo(map.get("minima").get(m).get("x").asDouble());
            total += share;
        }
        assertThat(total).isCloseTo(1.0, within(1e-12));
        assertThat(map.get("spec").get("lr").isNumber()).isTrue();
    }

    @Test
    void hyperParametersGoByTheirCliNames() {
        var response = lab.get("/api/basins?surface=himmelblau&optimizer=momentum&grid=10&steps=200&lr=0.001&momentum=0.5&noise=0.1&seed=3");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode spec = TestServer.json(response).get("spec");
        assertThat(spec.get("lr").asDouble()).isEqualTo(0.001);
        assertThat(spec.get("hyperParameters").get("momentum").asDouble()).isEqualTo(0.5);
        assertThat(spec.get("noise").asDouble()).isEqualTo(0.1);
        assertThat(spec.get("seed").asLong()).isEqualTo(3);
    }

    @Test
    void aMapPastTheComputeDeadlineIsStoppedWithA503AndTheServerKeepsServing() {
        try (TestServer hurried = TestServer.withComputeMillis(1)) {
            // Adam on Rosenbrock: 200² starts × 1250 steps, far beyond 1 ms.
            var slow = hurried.get("/api/basins?surface=rosenbrock&optimizer=adam&grid=200&steps=1250");
            assertThat(slow.statusCode()).as(slow.body()).isEqualTo(503);
            var ok = hurried.get("/api/basins?surface=himmelblau&optimizer=gd&grid=2&steps=0");
            assertThat(ok.statusCode()).as(ok.body()).isIn(200, 503);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            optimizer=gd                                        | surface
            surface=himmelblau                                  | optimizer
            surface=himmelblau&optimizer=gdd                    | optimizer
            surface=himmelblau&optimizer=gd&grid=201            | grid
            surface=himmelblau&optimizer=gd&grid=1              | grid
            surface=himmelblau&optimizer=gd&steps=5001          | steps
            surface=himmelblau&optimizer=gd&grid=200&steps=2000 | steps
            surface=himmelblau&optimizer=gd&lr=-1               | lr
            surface=himmelblau&optimizer=gd&lr=abc              | lr
            surface=himmelblau&optimizer=gd&momentum=0.9        | momentum
            surface=himmelblau&optimizer=gd&seed=1.5            | seed
            surface=himmelblau&optimizer=gd&window=1,1,0,1      | window
            surface=himmelblau&optimizer=gd&gird=10             | gird
            """)
    void badInputIsA400NamingTheField(String query, String field) {
        var response = lab.get("/api/basins?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = TestServer.json(response);
        assertThat(error.get("field").asText()).as(error.toString()).isEqualTo(field);
        assertThat(error.get("error").asText()).isNotBlank();
    }
}
