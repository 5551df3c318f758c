package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.core.Landscapes;
import dev.losslab.core.run.GradientNoise;
import dev.losslab.core.surface.Vec2;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /api/gradient-noise} (docs/API.md): the core's numbers as they are, NumPy's values, the defaults, the errors. */
class GradientNoiseApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    private static final String BMI = "regression:diabetes:bmi:standardized";

    @Test
    void answersTheCoresMeasurementAsItIs() {
        JsonNode a = TestServer.json(lab.get("/api/gradient-noise?surface=" + BMI + "&at=40,135&batch-size=8&samples=50&seed=3"));
        GradientNoise core = GradientNoise.measure(Landscapes.resolve(BMI), new Vec2(40, 135), 8, 50, 3);
        assertThat(a.get("examples").asInt()).isEqualTo(442);
        assertThat(a.get("batchSize").asInt()).isEqualTo(8);
        assertThat(a.get("seed").asLong()).isEqualTo(3);
        assertThat(a.at("/at/x").asDouble()).isEqualTo(40);
        assertThat(a.at("/gradient/0").asDouble()).isEqualTo(core.gradient().x());
        assertThat(a.at("/gradient/1").asDouble()).isEqualTo(core.gradient().y());
        assertThat(a.at("/covariance/0/0").asDouble()).isEqualTo(core.batchCovariance().xx());
        assertThat(a.at("/covariance/0/1").asDouble()).isEqualTo(core.batchCovariance().xy());
        assertThat(a.at("/covariance/1/0").asDouble()).isEqualTo(core.batchCovariance().xy());
        assertThat(a.at("/covariance/1/1").asDouble()).isEqualTo(core.batchCovariance().yy());
        assertThat(a.at("/exampleCovariance/0/0").asDouble()).isEqualTo(core.exampleCovariance().xx());
        assertThat(a.get("trace").asDouble()).isEqualTo(core.batchTrace());
        assertThat(a.get("noiseScale").asDouble()).isEqualTo(core.noiseScale());
        assertThat(a.get("samples")).hasSize(50);
        for (int k = 0; k < 50; k++) {
            assertThat(a.at("/samples/" + k + "/0").asDouble()).isEqualTo(core.samples().get(k).x());
            assertThat(a.at("/samples/" + k + "/1").asDouble()).isEqualTo(core.samples().get(k).y());
        }
        assertThat(a.get("measuredTrace").asDouble()).isEqualTo(core.measuredCovariance().orElseThrow().trace());
    }

    /** NumPy on the shipped CSV (tools/data-fixtures/gradient_noise.py): B_simple 23.76, tr Σ₈ = 3743.9. */
    @Test
    void theNumbersAreNumPys() {
        JsonNode a = TestServer.json(lab.get("/api/gradient-noise?surface=" + BMI + "&at=40,135&batch-size=8&samples=0"));
        assertThat(a.get("noiseScale").asDouble()).isCloseTo(23.763406078844856, within(1e-9));
        assertThat(a.get("trace").asDouble()).isCloseTo(3743.9238244965536, within(1e-8));
        assertThat(a.get("exampleTrace").asDouble()).isCloseTo(30434.477541068758, within(1e-7));
        assertThat(a.at("/gradient/0").asDouble()).isCloseTo(-10.32006004092581, within(1e-10));
        // |G|² = 10.32006004092581² + 34.26696832579186²
        assertThat(a.get("gradientSquared").asDouble()).isCloseTo(1280.7287574891618, within(1e-8));
        assertThat(a.get("samples")).isEmpty();
        assertThat(a.get("measuredTrace").isNull()).as("nothing drawn, nothing measured").isTrue();
    }

    @Test
    void defaultsAreTwoHundredSamplesFromSeedOne() {
        JsonNode a = TestServer.json(lab.get("/api/gradient-noise?surface=" + BMI + "&at=0,0&batch-size=16"));
        assertThat(a.get("samples")).hasSize(GradientNoise.DEFAULT_SAMPLES);
        assertThat(a.get("seed").asLong()).isEqualTo(1);
        GradientNoise core = GradientNoise.measure(Landscapes.resolve(BMI), Vec2.ZERO, 16, GradientNoise.DEFAULT_SAMPLES, 1);
        assertThat(a.at("/samples/199/0").asDouble()).isEqualTo(core.samples().get(199).x());
    }

    @Test
    void aBatchOfEveryExampleHasNoNoise() {
        JsonNode a = TestServer.json(lab.get("/api/gradient-noise?surface=" + BMI + "&at=40,135&batch-size=442&samples=3"));
        assertThat(a.get("trace").asDouble()).isZero();
        assertThat(a.get("measuredTrace").asDouble()).isZero();
        assertThat(a.at("/samples/2")).isEqualTo(a.get("gradient"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "surface=bowl&at=0,0&batch-size=1 | surface | needs a surface made of data",
            "surface=regression:/etc/passwd&at=0,0&batch-size=1 | surface | only the built-in datasets",
            "at=0,0&batch-size=1 | surface | surface is required",
            "surface=" + BMI + "&batch-size=1 | at | at is required",
            "surface=" + BMI + "&at=0,0 | batch-size | batch-size is required",
            "surface=" + BMI + "&at=0,0&batch-size=0 | batch-size | batch-size must be in [1, 442] (the examples in " + BMI + "), got 0",
            "surface=" + BMI + "&at=0,0&batch-size=443 | batch-size | batch-size must be in [1, 442]",
            "surface=" + BMI + "&at=0,0&batch-size=99999999999 | batch-size | got 99999999999",
            "surface=" + BMI + "&at=0,0&batch-size=2.5 | batch-size | must be a whole number",
            "surface=" + BMI + "&at=0,0&batch-size=8&samples=2001 | samples | samples must be in [0, 2000], got 2001",
            "surface=" + BMI + "&at=0,0&batch-size=8&samples=-1 | samples | samples must be in [0, 2000], got -1",
            "surface=" + BMI + "&at=2000000,0&batch-size=8 | at | at most 1000000",
            "surface=" + BMI + "&at=0&batch-size=8 | at | x,y",
            "surface=" + BMI + "&at=0,0&batch-size=8&seed=x | seed | whole number",
            "surface=" + BMI + "&at=0,0&batch-size=8&batch=8 | batch | unknown parameter 'batch'"})
    void badInputIsA400NamingItsField(String query, String field, String message) {
        HttpResponse<String> r = lab.get("/api/gradient-noise?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = TestServer.json(r);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("error").asText()).contains(message);
    }
}
