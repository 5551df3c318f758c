package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code losslab spectrum}: a Hessian worked by hand, the histogram, and refusals. */
class SpectrumCommandTest {

    @Test
    void aLinearModelsSpectrumIsTwiceTheMeanOfTheRowsOuterProducts(@TempDir Path dir) throws Exception {
        // Rows x = 1, 2, 4 (and the bias): H = (2/3)·[[Σx², Σx], [Σx, 3]] = (2/3)·[[21, 7], [7, 3]], whose
        // eigenvalues are (2/3)·(12 ± √130), whatever the weights and the (real, not class) labels.
        Path data = Files.writeString(dir.resolve("three.csv"), "x,y\n1,3.5\n2,5.25\n4,4.75\n");
        Path png = dir.resolve("spectrum.png");
        Cli cli = Cli.run("spectrum", "--data", data.toString(), "--model", "linear", "--optimizer", "gd", "--steps", "3",
                "--top", "2", "--full", "--format", "json", "--out", png.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(cli.out());
        double big = 2.0 / 3 * (12 + Math.sqrt(130));
        double small = 2.0 / 3 * (12 - Math.sqrt(130));
        assertThat(root.at("/top/0").asDouble()).isCloseTo(big, within(1e-12));
        assertThat(root.at("/top/1").asDouble()).isCloseTo(small, within(1e-12));
        assertThat(root.at("/eigenvalues/0").asDouble()).isCloseTo(small, within(1e-12));
        assertThat(root.at("/eigenvalues/1").asDouble()).isCloseTo(big, within(1e-12));
        assertThat(root.get("negative").asInt()).isZero();
        assertThat(root.get("index").asDouble()).isZero();
        assertThat(Files.size(png)).isGreaterThan(1000);
    }

    @Test
    void textGivesTwoOverLambdaAndRefusalsNameTheOption() throws Exception {
        Cli text = Cli.run("spectrum", "--data", "xor", "--model", "mlp", "--hidden", "4", "--optimizer", "gd", "--steps", "50", "--full");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("2/λmax").contains("index (share of negative eigenvalues)");

        Cli wide = Cli.run("spectrum", "--data", "digits", "--model", "mlp", "--hidden", "64", "--optimizer", "gd", "--steps", "0", "--full");
        assertThat(wide.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(wide.err()).contains("--full forms the whole Hessian").contains("use --top K").doesNotContain("Exception");
        Cli out = Cli.run("spectrum", "--data", "xor", "--model", "mlp", "--optimizer", "gd", "--out", "s.png");
        assertThat(out.err()).contains("add --full");
        Cli at = Cli.run("spectrum", "--data", "xor", "--model", "mlp", "--optimizer", "gd", "--at", "middle");
        assertThat(at.err()).contains("unknown at 'middle'");
        Cli top = Cli.run("spectrum", "--data", "xor", "--model", "linear", "--optimizer", "gd", "--top", "5");
        assertThat(top.err()).contains("top must be in 1 … 3");
        Cli diverged = Cli.run("spectrum", "--data", "diabetes", "--model", "linear", "--optimizer", "gd", "--lr", "10",
                "--steps", "200");
        assertThat(diverged.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(diverged.err()).contains("training diverged").contains("lower --lr").doesNotContain("Exception");
        // iris' linear model under MSE: H = I₃ ⊗ (2/(3n))·X̃ᵀX̃, every eigenvalue three times. With
        // --full the top 6 are exact: the largest three times, then the second three times.
        Cli repeated = Cli.run("spectrum", "--data", "iris", "--model", "linear", "--optimizer", "gd", "--steps", "0",
                "--top", "6", "--full", "--format", "json");
        assertThat(repeated.exitCode()).as(repeated.err()).isZero();
        JsonNode top6 = new ObjectMapper().readTree(repeated.out()).get("top");
        assertThat(top6).hasSize(6);
        assertThat(top6.get(2).asDouble()).isCloseTo(top6.get(0).asDouble(), within(1e-9 * top6.get(0).asDouble()));
        assertThat(top6.get(5).asDouble()).isCloseTo(top6.get(3).asDouble(), within(1e-9 * top6.get(0).asDouble()));
        assertThat(top6.get(3).asDouble()).isLessThan(0.5 * top6.get(0).asDouble());
    }
}
