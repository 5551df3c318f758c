package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepCommandTest {

    @Test
    void aOneDimensionalLrSweepOnTheBowlShowsTheTwoOverHBoundaryAndTheTheory() {
        Cli cli = Cli.run("sweep", "--surface", "bowl", "--optimizer", "gd", "--vary", "lr=0.15:0.25:5");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.outLines()).containsExactly(
                "sweep of gd on bowl from (-3.5, 2.5), at most 1000 steps, tol 1e-8",
                "steps to converge; div = diverged, - = did not converge",
                "          lr     steps  stop         theory       loss",
                "        0.15       122  converged    oscillating  3.67556e-17",
                "       0.175       103  converged    oscillating  3.77242e-17",
                "         0.2         -  max-steps    divergent    31.25",
                "       0.225       div  diverged     divergent    1.42873e12",
                "        0.25       div  diverged     divergent    1.14901e12");
    }

    @Test
    void jsonHasOneCellPerSettingWithStopStepsAndRegime() throws Exception {
        Cli cli = Cli.run("sweep", "--surface", "bowl", "--optimizer", "momentum", "--vary", "lr=0.01:0.1:3,momentum=0:0.9:2",
                "--log", "lr", "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(cli.out());
        assertThat(root.get("axes")).hasSize(2);
        assertThat(root.at("/axes/0/log").asBoolean()).isTrue();
        assertThat(root.get("cells")).hasSize(6);
        JsonNode cell = root.get("cells").get(5);
        assertThat(cell.get("lr").asDouble()).isEqualTo(0.1);
        assertThat(cell.get("momentum").asDouble()).isEqualTo(0.9);
        assertThat(cell.get("stop").asText()).isEqualTo("converged");
        assertThat(cell.get("regime").asText()).isEqualTo("oscillating");
        assertThat(root.get("cells").get(1).get("lr").asDouble()).isCloseTo(Math.sqrt(0.001), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(root.at("/spec/hyperParameters/momentum").isMissingNode()).isTrue();
    }

    @Test
    void csvHasAHeaderAndOneRowPerRunAndNoRegimeOffQuadratics() {
        Cli cli = Cli.run("sweep", "--surface", "himmelblau", "--optimizer", "adam", "--start=0,0", "--vary", "beta1=0.5:0.9:3",
                "--format", "csv");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.outLines()).hasSize(4);
        assertThat(cli.outLines()[0]).isEqualTo("beta1,stop,steps,x,y,loss");
    }

    @Test
    void aHeatMapIsWritten(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("heat.png");
        Cli cli = Cli.run("sweep", "--surface", "bowl", "--optimizer", "momentum", "--vary", "lr=0.01:0.3:12,momentum=0:0.95:10",
                "--out", png.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(800);
        // The bottom-right cell (lr 0.3, momentum 0) diverges: drawn dark red (palette.json's diverged).
        assertThat(image.getRGB(80 + 555, 56 + 475) & 0xffffff).isEqualTo(0x5c0a0a);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sweep --surface bowl --optimizer gd --vary lr=0.1:0.2                       | --vary expects NAME=FROM:TO:COUNT
            sweep --surface bowl --optimizer gd --vary lr=0.1:x:3                       | lr range: 'x' is not a number
            sweep --surface bowl --optimizer gd --vary lr=0x1p-4:0.2:3                  | --vary lr range: '0x1p-4' is not a number (plain decimals, such as 0.01 or 1e-4)
            sweep --surface bowl --optimizer gd --vary lr=0.1:1d:3                      | --vary lr range: '1d' is not a number
            sweep --surface bowl --optimizer gd --vary lr=0.1:0.2:3.5                   | lr count must be a whole number, got '3.5'
            sweep --surface bowl --optimizer gd --vary lr=0:0.2:3 --log lr              | a log-spaced lr needs ends > 0
            sweep --surface bowl --optimizer gd --vary lr=0.1:0.2:3 --log momentum      | --log momentum names no swept parameter
            sweep --surface bowl --optimizer gd --vary momentum=0:0.9:3                 | gd does not take momentum; it takes: lr, weight-decay, maximize
            sweep --surface bowl --optimizer gd --vary lr=0.1:0.2:3 --lr 0.1            | lr is both fixed (--lr) and swept (--vary)
            sweep --surface bowl --optimizer momentum --vary momentum=-1:0.9:3          | momentum must be >= 0, got -1
            sweep --surface bowl --optimizer gd --vary lr=0.1:0.2:3,lr=0.1:0.2:3        | the two swept hyper-parameters must differ
            sweep --surface bowl --optimizer gd --vary lr=0.1:0.2:2000                  | lr count must be in [1, 1024], got 2000
            sweep --surface bowl --optimizer gd                                         | Missing required option: '--vary
            """)
    void badInputExitsTwoWithOneClearLine(String args, String message) {
        Cli cli = Cli.run(args.strip().split("\\s+"));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.out()).isEmpty();
    }
}
