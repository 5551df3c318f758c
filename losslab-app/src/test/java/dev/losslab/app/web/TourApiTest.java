package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.cli.Main;
import dev.losslab.core.Landscapes;
import dev.losslab.core.optim.AdamFirstStep;
import dev.losslab.core.surface.Vec2;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The endpoints the tour, the embed and the export added (docs/API.md): numbers, limits, headers. */
class TourApiTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    @ParameterizedTest(name = "h {0}, lr {1}: factor {2}, {3}")
    @CsvSource({
            "4, 0.1,  0.6,  monotone",
            "4, 0.25, 0,    one-step",
            "4, 0.4,  -0.6, oscillating",
            "4, 0.5,  -1,   orbit",
            "4, 0.55, -1.2, divergent",
            "10, 0.21, -1.1, divergent"})
    void theStepFactorAndItsRegime(double h, double lr, double factor, String regime) {
        JsonNode f = TestServer.json(lab.get("/api/step-factor?h=" + h + "&lr=" + lr));
        assertThat(f.get("factor").asDouble()).isCloseTo(factor, within(1e-12));
        assertThat(f.get("regime").asText()).isEqualTo(regime);
        assertThat(f.get("stableBelow").asDouble()).isCloseTo(2 / h, within(1e-15));
        assertThat(f.get("monotoneBelow").asDouble()).isCloseTo(1 / h, within(1e-15));
    }

    @Test
    void theStepFactorNeedsAPositiveCurvature() {
        var bad = lab.get("/api/step-factor?h=-1&lr=0.1");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(bad).get("field").asText()).isEqualTo("h");
        assertThat(lab.get("/api/step-factor?lr=0.1").statusCode()).isEqualTo(400);
    }

    @Test
    void adamsUncorrectedFirstStepIsAbout316TimesLonger() {
        JsonNode s = TestServer.json(lab.get("/api/adam-first-step?surface=bowl&at=-3.5,2.5"));
        assertThat(s.get("predictedRatio").asDouble()).isCloseTo(0.1 / Math.sqrt(0.001), within(1e-12));
        assertThat(s.get("ratio").asDouble()).isCloseTo(3.1623, within(1e-4));
        double lr = s.get("learningRate").asDouble();
        // with the correction each coordinate moves lr against its gradient's sign (ε aside)
        assertThat(s.get("withCorrection").get("dx").asDouble()).isCloseTo(lr, within(1e-7));
        assertThat(s.get("withCorrection").get("dy").asDouble()).isCloseTo(-lr, within(1e-7));
        JsonNode b = TestServer.json(lab.get("/api/adam-first-step?surface=bowl&at=-3.5,2.5&beta2=0.99"));
        assertThat(b.get("ratio").asDouble()).isCloseTo(1, within(1e-6));
    }

    @Test
    void adamsFirstStepAnswersTheCoresNumbersAsTheyAre() {
        JsonNode s = TestServer.json(lab.get("/api/adam-first-step?surface=bowl&at=-3.5,2.5&beta1=0.5"));
        AdamFirstStep core = AdamFirstStep.on(Landscapes.resolve("bowl"), Vec2.of(-3.5, 2.5), Map.of("beta1", 0.5));
        assertThat(s.get("learningRate").asDouble()).isEqualTo(core.learningRate());
        assertThat(s.get("beta1").asDouble()).isEqualTo(0.5);
        assertThat(s.get("beta2").asDouble()).as("Adam's default").isEqualTo(0.999);
        for (var update : List.of(Map.entry("withCorrection", core.withCorrection()),
                Map.entry("withoutCorrection", core.withoutCorrection()))) {
            JsonNode u = s.get(update.getKey());
            assertThat(u.get("x").asDouble()).isEqualTo(update.getValue().to().x());
            assertThat(u.get("y").asDouble()).isEqualTo(update.getValue().to().y());
            assertThat(u.get("dx").asDouble()).isEqualTo(update.getValue().move().x());
            assertThat(u.get("dy").asDouble()).isEqualTo(update.getValue().move().y());
            assertThat(u.get("length").asDouble()).isEqualTo(update.getValue().length());
        }
        assertThat(s.get("ratio").asDouble()).isEqualTo(core.ratio());
        // (1 − 0.5)/√(1 − 0.999) = 0.5/0.0316228 = 15.81139
        assertThat(s.get("predictedRatio").asDouble()).isCloseTo(15.811388300841896, within(1e-12));
    }

    @Test
    void sgdStatsCountsEveryRunAndIsBounded() {
        JsonNode s = TestServer.json(lab.get("/api/sgd-stats?surface=himmelblau&start=0,0&noise=0:20:2&runs=20"));
        assertThat(s.get("levels")).hasSize(2);
        for (JsonNode level : s.get("levels")) {
            double total = level.get("diverged").asDouble() + level.get("unconverged").asDouble();
            for (JsonNode share : level.get("shares")) {
                total += share.asDouble();
            }
            assertThat(total).isCloseTo(1, within(1e-12));
        }
        // without noise every seed is the batch run: all in one basin
        assertThat(s.get("levels").get(0).get("shares").toString()).contains("1.0");
        assertThat(lab.get("/api/sgd-stats?surface=himmelblau&noise=0:20:2&runs=100000").statusCode()).isEqualTo(400);
        assertThat(lab.get("/api/sgd-stats?surface=himmelblau&noise=0:20:99").statusCode()).isEqualTo(400);
    }

    @Test
    void theRaceAsCsvIsTheClisRaceCsv() {
        String body = "{\"surface\":\"himmelblau\",\"start\":[0,0],\"steps\":200,"
                + "\"racers\":[{\"optimizer\":\"gd\"},{\"optimizer\":\"momentum\"},{\"optimizer\":\"adam\"}]}";
        var csv = lab.post("/api/race?format=csv", body);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"race", "--surface", "himmelblau", "--start=0,0", "--steps", "200",
                "--optimizers", "gd,momentum,adam", "--format", "csv"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        assertThat(csv.body()).isEqualTo(out.toString());
        assertThat(csv.body().lines().count()).isGreaterThan(3);
        assertThat(lab.post("/api/race?format=xml", body).statusCode()).isEqualTo(400);
    }

    @Test
    void onlyTheEmbedMayBeFramedByOtherSites() {
        assertThat(lab.get("/embed").headers().firstValue("Content-Security-Policy").orElseThrow()).endsWith("frame-ancestors *");
        assertThat(lab.get("/").headers().firstValue("Content-Security-Policy").orElseThrow()).endsWith("frame-ancestors 'self'");
        assertThat(lab.get("/api/catalog").headers().firstValue("Content-Security-Policy").orElseThrow()).endsWith("frame-ancestors 'self'");
    }
}
