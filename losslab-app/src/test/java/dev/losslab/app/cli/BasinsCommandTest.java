package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BasinsCommandTest {

    @Test
    void jsonListsEachMinimumWithItsShareAndTheDivergedAndUnconvergedShares() throws Exception {
        Cli cli = Cli.run("basins", "--surface", "himmelblau", "--optimizer", "gd", "--lr", "0.01", "--grid", "40",
                "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(cli.out());
        assertThat(root.get("shares")).hasSize(4);
        assertThat(root.get("labels")).hasSize(40 * 40);
        double sum = root.get("diverged").asDouble() + root.get("unconverged").asDouble();
        for (JsonNode b : root.get("shares")) {
            assertThat(b.has("x") && b.has("y") && b.has("share")).isTrue();
            sum += b.get("share").asDouble();
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(root.get("shares").get(0).get("x").asDouble()).isEqualTo(3.0);
        assertThat(root.get("grid").asInt()).isEqualTo(40);
        assertThat(root.at("/spec/optimizer").asText()).isEqualTo("gd");
        assertThat(root.at("/spec/start").isMissingNode()).isTrue();
    }

    @Test
    void textGivesOneLinePerBasin() {
        Cli cli = Cli.run("basins", "--surface", "bowl", "--optimizer", "gd", "--lr", "0.25", "--grid", "5");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.outLines()).containsExactly(
                "basins of bowl for gd, lr 0.25, 1000 steps: 5×5 starts over [-4, 4]×[-3, 3]",
                "  minimum 1 (0, 0)                            20.000 %",
                "  still on its way                             0.000 %",
                "  diverged                                    80.000 %");
    }

    /** Rastrigin's local minima are basins too (issue 14): the legend names the largest, then sums the rest. */
    @Test
    void textNamesLocalMinimaAndSumsTheManyOthers() {
        Cli cli = Cli.run("basins", "--surface", "rastrigin", "--optimizer", "gd", "--grid", "101");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String[] lines = cli.outLines();
        assertThat(lines[1]).isEqualTo("  minimum 1 (0, 0)                             0.794 %");
        assertThat(lines[2]).startsWith("  minimum 6 (-0.994959, -0.994959) (local)");
        assertThat(lines).hasSize(1 + 1 + 8 + 3);
        assertThat(lines[10]).isEqualTo("  112 other local minima                      91.364 %");
        assertThat(lines[11]).isEqualTo("  still on its way                             0.000 %");
    }

    @Test
    void aPngHasTheMapAxesAndLegend(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("map.png");
        Cli cli = Cli.run("basins", "--surface", "himmelblau", "--optimizer", "gd", "--grid", "32", "--out", png.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(700);
        assertThat(image.getHeight()).isGreaterThan(500);
        // Inside the plot area, away from lines: the basin colour of the top-right start, (3, 2)'s
        // orange (palette.json's first basin colour).
        assertThat(image.getRGB(image.getWidth() - 300, 80) & 0xffffff).isEqualTo(0xe69f00);
    }

    @Test
    void anSvgIsWellFormedAndCarriesTheContoursAndTheLegend(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("map.svg");
        Cli cli = Cli.run("basins", "--surface", "himmelblau", "--optimizer", "gd", "--grid", "32", "--out", svg.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String text = Files.readString(svg);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).as("contours and ticks").isGreaterThan(30);
        assertThat(doc.getElementsByTagName("image").getLength()).isEqualTo(1);
        assertThat(text).contains("(3, 2)  25.").contains("diverged").contains("Basins of attraction: himmelblau");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            basins --surface himmelblau --optimizer gd --grid 1               | grid must be in [2, 2048], got 1
            basins --surface himmelblau --optimizer gd --grid 4000            | grid must be in [2, 2048], got 4000
            basins --surface himmelblau --optimizer gd --steps 200000         | steps must be in [0, 100000] for maps and sweeps, got 200000
            basins --surface himmelblau --optimizer gd --grid 2048 --steps 5000 | runs × steps must be at most 10000000000
            basins --surface himmelblau --optimizer gd --out map.gif          | --out must name a .png or .svg file, got 'map.gif'
            basins --surface himmelblau --optimizer gd --out /no/such/dir/m.png | --out folder does not exist: /no/such/dir
            basins --surface himmelblau --optimizer gd --format csv           | basins prints text or json, not csv
            basins --surface himmelblau --optimizer gd --window=1,0,0,1       | window needs finite x0 < x1
            basins --surface himmelblau --optimizer gd --lr 0                 | lr must be > 0, got 0
            basins --surface himmelblau                                       | Missing required option: '--optimizer=NAME'
            """)
    void badInputExitsTwoWithOneClearLine(String args, String message) {
        Cli cli = Cli.run(args.strip().split("\\s+"));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.out()).isEmpty();
    }
}
