package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every endpoint that takes {@code surface} takes a formula in x and y too. */
class TypedFormulaApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    private static String encoded(String formula) {
        return URLEncoder.encode(formula, StandardCharsets.UTF_8);
    }

    @Test
    void aFormulaIsALandscapeWithDefaults() {
        JsonNode surface = TestServer.json(lab.get("/api/surface?surface=" + encoded("x^2 + 3*y^2 - x*y")));
        assertThat(surface.get("name").asText()).isEqualTo("x^2 + 3*y^2 - x*y");
        assertThat(surface.get("window").toString()).isEqualTo("[-5.0,5.0,-5.0,5.0]");
        assertThat(surface.at("/defaultStart/x").asDouble()).isEqualTo(-4.0);
        assertThat(surface.at("/defaults/gd/lr").asDouble()).isPositive();
    }

    @Test
    void itsLandscapeAnalysisAndRaceUseTheFormula() {
        String f = encoded("(x - 1)^2 + (y + 2)^2");
        JsonNode picture = TestServer.json(lab.get("/api/landscape?grid=41&surface=" + f));
        assertThat(picture.at("/scale/min").asDouble()).isZero(); // (1, -2) is a grid point
        JsonNode analysis = TestServer.json(lab.get("/api/analyze?at=1,-2&surface=" + f));
        assertThat(analysis.get("kind").asText()).isEqualTo("minimum");
        assertThat(analysis.get("eigenvalues").toString()).isEqualTo("[2.0,2.0]");
        var race = lab.post("/api/race", "{\"surface\": \"(x - 1)^2 + (y + 2)^2\", \"racers\": [{\"optimizer\": \"newton\"}]}");
        JsonNode run = TestServer.json(race).get("runs").get(0);
        assertThat(run.at("/stop/reason").asText()).isEqualTo("converged");
        assertThat(run.at("/points/1/x").asDouble()).isEqualTo(1.0);
        assertThat(run.at("/points/1/y").asDouble()).isEqualTo(-2.0);
    }

    @Test
    void aMalformedFormulaIs400PointingAtTheColumn() {
        var response = lab.get("/api/surface?surface=" + encoded("(1 - x"));
        JsonNode error = ApiAssertions.assertError(response, 400, null, "surface");
        assertThat(error.get("error").asText()).startsWith("surface: expected ')' after '(1 - x' at column 7")
                .contains("\n  (1 - x\n        ^");
    }

    @Test
    void aFormulaWhoseRangeOverflowsIs400NotInfinity() {
        var response = lab.get("/api/landscape?grid=11&surface=" + encoded("x*3e307"));
        JsonNode error = ApiAssertions.assertError(response, 400, null, "surface");
        assertThat(error.get("error").asText()).contains("too wide a range to colour; choose a smaller window");
    }

    @Test
    void aCatalogNameWithStraySpacesIsStillTheCatalogEntry() {
        JsonNode surface = TestServer.json(lab.get("/api/surface?surface=" + encoded(" bowl ")));
        assertThat(surface.get("name").asText()).isEqualTo("bowl");
    }
}
