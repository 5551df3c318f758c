package dev.losslab.app.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.web.TestServer;
import dev.losslab.app.web.http.ResponseCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/landscape: the picture's numbers, its layout, and the cache. */
class LandscapeApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    static JsonNode landscape(String query) {
        var response = lab.get("/api/landscape?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response);
    }

    @Test
    void himmelblauHasItsMinimumNearZeroAndItsContoursInTheWindow() {
        JsonNode picture = landscape("surface=himmelblau&grid=161");
        assertThat(picture.get("surface").asText()).isEqualTo("himmelblau");
        assertThat(picture.get("window").toString()).isEqualTo("[-5.0,5.0,-5.0,5.0]");
        assertThat(picture.get("grid").asInt()).isEqualTo(161);
        JsonNode scale = picture.get("scale");
        assertThat(scale.get("min").asDouble()).isBetween(0.0, 0.05);
        assertThat(scale.get("max").asDouble()).isEqualTo(890.0);
        assertThat(scale.get("log").isBoolean()).isTrue();
        assertThat(picture.get("shades")).hasSize(161 * 161);
        int contourPoints = 0;
        for (JsonNode line : picture.get("contours")) {
            double level = line.get("level").asDouble();
            assertThat(level).isBetween(scale.get("min").asDouble(), 890.0);
            assertThat(line.get("shade").asInt()).isBetween(1, 254);
            for (JsonNode path : line.get("paths")) {
                assertThat(path.size() % 2).isZero();
                for (int k = 0; k < path.size(); k += 2) {
                    double x = path.get(k).asDouble();
                    double y = path.get(k + 1).asDouble();
                    assertThat(x).isBetween(-5.0, 5.0);
                    assertThat(y).isBetween(-5.0, 5.0);
                    double f = Math.pow(x * x + y - 11, 2) + Math.pow(x + y * y - 7, 2);
                    assertThat(f).as("Himmelblau on its %s contour", level).isCloseTo(level, org.assertj.core.data.Offset.offset(0.02 * level + 1));
                    contourPoints++;
                }
            }
        }
        assertThat(picture.get("contours").size()).isBetween(12, 16);
        assertThat(contourPoints).isGreaterThan(1000);
        JsonNode colorbar = picture.get("colorbar");
        assertThat(colorbar.get(0).get("shade").asInt()).isZero();
        assertThat(colorbar.get(colorbar.size() - 1).toString()).isEqualTo("{\"shade\":255,\"value\":890.0}");
        assertThat(picture.get("minima")).hasSize(4);
        assertThat(picture.get("minima").get(0).toString()).isEqualTo("{\"x\":3.0,\"y\":2.0,\"value\":0.0}");
    }

    @Test
    void shadesAreRowMajorFromTheBottomLeft() {
        // The bowl 0.5x² + 5y² on [-4, 4]×[-3, 3], 3×3: corners 53, edge middles 45 and 8, centre 0.
        JsonNode picture = landscape("surface=bowl&grid=3");
        assertThat(picture.get("scale").get("log").asBoolean()).isFalse();
        assertThat(picture.get("shades").toString()).isEqualTo("[255,217,255,38,0,38,255,217,255]");
        // A window [0, 4]×[0, 3] makes row 0 (y = 0) low and the top-right corner the highest.
        JsonNode corner = landscape("surface=bowl&grid=2&window=0,4,0,3");
        assertThat(corner.get("shades").toString()).isEqualTo("[0,38,217,255]");
    }

    @Test
    void goldsteinPriceGetsALogScale() {
        JsonNode picture = landscape("surface=goldstein-price&grid=100");
        JsonNode scale = picture.get("scale");
        assertThat(scale.get("log").asBoolean()).isTrue();
        assertThat(scale.get("min").asDouble()).isBetween(3.0, 3.5);
        assertThat(scale.get("max").asDouble()).isGreaterThan(1e5);
        assertThat(scale.get("offset").asDouble()).isPositive();
        double[] levels = new double[picture.get("contours").size()];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = picture.get("contours").get(k).get("level").asDouble();
        }
        double min = scale.get("min").asDouble();
        double offset = scale.get("offset").asDouble();
        double ratio = (levels[1] - min + offset) / (levels[0] - min + offset);
        assertThat((levels[levels.length - 1] - min + offset) / (levels[levels.length - 2] - min + offset))
                .as("log-spaced levels").isCloseTo(ratio, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theSaddleHasNegativeValues() {
        JsonNode scale = landscape("surface=saddle&grid=41").get("scale");
        assertThat(scale.get("min").asDouble()).isEqualTo(-4.0);
        assertThat(scale.get("max").asDouble()).isEqualTo(4.0);
    }

    @Test
    void aWindowMovesTheMinimaAndTheGridDefaultsTo160() {
        JsonNode picture = landscape("surface=himmelblau&window=0,5,0,5");
        assertThat(picture.get("grid").asInt()).isEqualTo(160);
        assertThat(picture.get("window").toString()).isEqualTo("[0.0,5.0,0.0,5.0]");
        assertThat(picture.get("minima")).hasSize(1);
    }

    @Test
    void answersAreCachedPerSurfaceGridAndWindow() {
        ResponseCache<LandscapeEndpoint.Key> cache = lab.landscapes().cache;
        long hits = cache.hits();
        long misses = cache.misses();
        String first = lab.get("/api/landscape?surface=ackley&grid=50").body();
        String again = lab.get("/api/landscape?surface=ackley&grid=50").body();
        String moved = lab.get("/api/landscape?surface=ackley&grid=50&window=-5,5,-5,5.001").body();
        assertThat(again).isEqualTo(first);
        assertThat(moved).isNotEqualTo(first);
        assertThat(cache.hits() - hits).isEqualTo(1);
        assertThat(cache.misses() - misses).isEqualTo(2);
    }
}
