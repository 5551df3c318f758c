package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/analyze and GET /api/critical-points: the CLI's JSON, over HTTP. */
class AnalyzeApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    @Test
    void theSaddleAtPointZeroFiveCurvesUpAndDown() {
        var response = lab.get("/api/analyze?surface=saddle&at=0.05,0.05");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode a = TestServer.json(response);
        assertThat(a.get("eigenvalues").toString()).isEqualTo("[2.0,-2.0]");
        assertThat(a.get("kind").asText()).isEqualTo("saddle");
        assertThat(a.get("gradient").toString()).isEqualTo("[0.1,-0.1]");
        assertThat(a.get("hessian").toString()).isEqualTo("[[2.0,0.0],[0.0,-2.0]]");
        assertThat(a.get("value").asDouble()).isZero();
        assertThat(a.get("maxStableLearningRate").asDouble()).isEqualTo(1.0);
        assertThat(a.get("at").toString()).isEqualTo("{\"x\":0.05,\"y\":0.05}");
        // Newton's step H⁻¹∇f = (0.1/2, −0.1/−2) = (0.05, 0.05), 0.0707 long: more than the runs' reach,
        // 1 % of the window [−2, 2]²'s span 4 = 0.04 — saddle-shaped ground, not the saddle point
        assertThat(a.get("critical").asBoolean()).isFalse();
        JsonNode near = TestServer.json(lab.get("/api/analyze?surface=saddle&at=0.02,0.02"));
        assertThat(near.get("critical").asBoolean()).as("0.028 from the saddle point").isTrue();
    }

    @Test
    void analyzeNeedsAPoint() {
        var missing = lab.get("/api/analyze?surface=saddle");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("{\"error\":\"at is required\",\"field\":\"at\"}");
        var bad = lab.get("/api/analyze?surface=saddle&at=1");
        assertThat(TestServer.json(bad).get("error").asText())
                .isEqualTo("at must be x,y (two numbers, e.g. 0.05,0.05), got '1'");
    }

    @Test
    void himmelblauHasNineCriticalPoints() {
        var response = lab.get("/api/critical-points?surface=himmelblau");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode points = TestServer.json(response);
        assertThat(points).hasSize(9);
        assertThat(points.get(0).toString()).isEqualTo("{\"x\":3.0,\"y\":2.0,\"value\":0.0,\"kind\":\"minimum\"}");
        long minima = 0, saddles = 0, maxima = 0;
        for (JsonNode p : points) {
            switch (p.get("kind").asText()) {
                case "minimum" -> minima++;
                case "saddle" -> saddles++;
                case "maximum" -> maxima++;
                default -> throw new AssertionError(p.toString());
            }
        }
        assertThat(new long[] {minima, saddles, maxima}).containsExactly(4, 4, 1);
    }

    @Test
    void criticalPointsInAWindow() {
        JsonNode points = TestServer.json(lab.get("/api/critical-points?surface=himmelblau&window=2,4,1,3"));
        assertThat(points).hasSize(1);
        assertThat(points.get(0).get("kind").asText()).isEqualTo("minimum");
    }
}
