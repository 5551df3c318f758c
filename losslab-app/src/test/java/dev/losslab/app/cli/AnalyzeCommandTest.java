package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSeedSaddleReadoutAsJson() throws Exception {
        Cli cli = Cli.run("analyze", "--surface", "saddle", "--at=0.05,0.05", "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode a = JSON.readTree(cli.out());
        List<String> keys = List.of("value", "gradient", "hessian", "eigenvalues", "eigenvectors", "trace",
                "determinant", "kind", "conditionNumber");
        keys.forEach(k -> assertThat(a.has(k)).as(k).isTrue());
        assertThat(a.at("/eigenvalues/0").asDouble()).isEqualTo(2.0);
        assertThat(a.at("/eigenvalues/1").asDouble()).isEqualTo(-2.0);
        assertThat(a.get("trace").asDouble()).isEqualTo(0.0);
        assertThat(a.get("determinant").asDouble()).isEqualTo(-4.0);
        assertThat(a.get("kind").asText()).isEqualTo("saddle");
        assertThat(a.at("/eigenvectors/1/1").asDouble()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void infiniteConditionNumberAndNoStableLrAreNullNotNaN() throws Exception {
        // The monkey saddle's Hessian vanishes at the origin: no curvature at all.
        Cli cli = Cli.run("analyze", "--surface", "monkey-saddle", "--at=0,0", "--format", "json");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode a = JSON.readTree(cli.out());
        assertThat(a.get("kind").asText()).isEqualTo("degenerate");
        assertThat(a.get("conditionNumber").isNull()).isTrue();
        assertThat(a.get("maxStableLearningRate").isNull()).isTrue();
    }

    @Test
    void atTheBottomTheKindNamesThePoint() {
        assertThat(Cli.run("analyze", "--surface", "bowl", "--at=0,0").out()).contains("bowl at (0, 0): minimum");
    }

    @Test
    void textNamesTheKindAndTheStableLearningRate() {
        Cli cli = Cli.run("analyze", "--surface", "bowl", "--at=1,1");
        // ∇f = (1, 10) at (1, 1): bowl-shaped ground, not the bottom
        assertThat(cli.out()).contains("bowl at (1, 1): not a critical point (the slope is 10.0499), curving up every way")
                .contains("λ₁ = 10 along (0, 1), λ₂ = 1 along (1, 0)")
                .contains("lr < 2/λmax = 0.2");
    }

    @Test
    void missingPointIsBadInput() {
        Cli cli = Cli.run("analyze", "--surface", "bowl");
        assertThat(cli.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains("--at");
    }
}
