package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --out} and {@code race --out} draw the lab's picture: colour map, minima, paths, legend. */
class PlotOutputTest {

    @TempDir
    Path dir;

    @Test
    void aRaceAsPngShowsEachPathInItsOptimizersColour() throws Exception {
        Path png = dir.resolve("race.png");
        Cli cli = Cli.run("race", "--surface", "bowl", "--start=-3.5,2.5", "--optimizers", "gd,newton", "--format", "csv",
                "--out", png.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(800);
        // Plot area: 560 px wide from x = 70 for the window [-4, 4]; gd's first point is at (-3.5, 2.5).
        // Newton's single step draws a black line from the start to the minimum at the centre.
        int cx = 70 + 280;
        int cy = 56 + (int) Math.round(560 * 6.0 / 8 / 2);
        assertThat(countNear(image, cx, cy, 12, 0x000000)).as("black (newton) near the minimum").isPositive();
        assertThat(countAll(image, 0xE69F00)).as("orange (gd) pixels").isGreaterThan(50);
    }

    @Test
    void aRunAsSvgHasItsPathLegendAndMinimumCrosshair() throws Exception {
        Path svg = dir.resolve("run.svg");
        Cli cli = Cli.run("run", "--surface", "himmelblau", "--optimizer", "adam", "--start=0,0", "--format", "csv",
                "--out", svg.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String text = Files.readString(svg);
        assertThat(text).startsWith("<svg").contains("adam, lr 0.1").contains("converged after")
                .contains("himmelblau from (0, 0)");
        assertThat(text.toLowerCase(Locale.ROOT)).contains("#cc79a7");
        Matcher dashed = Pattern.compile("stroke-dasharray").matcher(text);
        int crosshairLines = 0;
        while (dashed.find()) {
            crosshairLines++;
        }
        assertThat(crosshairLines).as("two dashed lines per known minimum").isGreaterThanOrEqualTo(8);
    }

    @Test
    void anUnknownExtensionIsBadInput() {
        Cli cli = Cli.run("run", "--surface", "bowl", "--optimizer", "gd", "--out", dir.resolve("x.jpg").toString());
        assertThat(cli.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains("--out must name a .png or .svg file");
    }

    private static int countNear(BufferedImage image, int cx, int cy, int radius, int rgb) {
        int count = 0;
        for (int y = cy - radius; y <= cy + radius; y++) {
            for (int x = cx - radius; x <= cx + radius; x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int countAll(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
