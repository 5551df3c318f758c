package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code losslab saddles}: the table of critical points, the picture, and refusals. */
class SaddlesCommandTest {

    @Test
    void csvHasARowPerSearchAndCriticalRowsHaveTheirIndex(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("index.png");
        Cli cli = Cli.run("saddles", "--data", "xor", "--model", "mlp", "--hidden", "4", "--optimizer", "gd", "--lr", "0.3",
                "--steps", "120", "--runs", "2", "--starts-every", "60", "--format", "csv", "--out", png.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String[] lines = cli.outLines();
        assertThat(lines[0]).isEqualTo(String.join(",", SaddlesCommand.COLUMNS));
        assertThat(lines).as("2 runs × starts at steps 0, 60, 120").hasSize(1 + 6);
        long critical = Arrays.stream(lines).skip(1).filter(l -> l.split(",", -1)[5].equals("true")).count();
        assertThat(critical).isPositive();
        for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(SaddlesCommand.COLUMNS.size());
            assertThat(Integer.parseInt(cells[7])).as("parameters of 2-4-1").isEqualTo(17);
            double index = Double.parseDouble(cells[10]);
            assertThat(index).isEqualTo(Integer.parseInt(cells[8]) / 17.0);
        }
        assertThat(Files.size(png)).isGreaterThan(1000);
    }

    /** The tour's study: its 16 critical points fall on 5 places, so most dots stand for several. */
    @Test
    void aPointSeveralSearchesFoundIsOneDotMarkedWithHowMany(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("index.svg");
        Cli cli = Cli.run("saddles", "--data", "xor", "--model", "mlp", "--hidden", "3", "--loss", "mse", "--optimizer", "gd",
                "--lr", "0.3", "--steps", "300", "--runs", "6", "--starts-every", "50", "--format", "csv", "--out", svg.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        long critical = Arrays.stream(cli.outLines()).skip(1).filter(l -> l.split(",", -1)[5].equals("true")).count();
        String picture = Files.readString(svg);
        // the legend's two marks are circles too
        int dots = picture.split("<circle", -1).length - 1 - 2;
        Matcher marks = Pattern.compile(">×(\\d+)<").matcher(picture);
        int marked = 0;
        int standingFor = 0;
        while (marks.find()) {
            marked++;
            standingFor += Integer.parseInt(marks.group(1));
        }
        assertThat(marked).as("some dots stand for several points").isPositive();
        assertThat(dots).isLessThan((int) critical);
        assertThat(standingFor + (dots - marked)).as("every critical point counted once").isEqualTo((int) critical);
    }

    @Test
    void textSaysWhatWasFoundAndRefusalsNameTheOption() {
        Cli text = Cli.run("saddles", "--data", "xor", "--model", "mlp", "--hidden", "3", "--optimizer", "gd", "--lr", "0.3",
                "--steps", "20", "--runs", "1", "--starts-every", "20");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("2 searches").contains("minima").contains("saddles");

        Cli wide = Cli.run("saddles", "--data", "digits", "--model", "mlp", "--hidden", "64", "--optimizer", "gd", "--steps", "5");
        assertThat(wide.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(wide.err()).contains("up to 2,000 parameters").doesNotContain("Exception");
        Cli costly = Cli.run("saddles", "--data", "digits", "--model", "mlp", "--hidden", "16", "--optimizer", "gd", "--steps", "100");
        assertThat(costly.err()).contains("cost up to");
        Cli many = Cli.run("saddles", "--data", "xor", "--model", "mlp", "--optimizer", "gd", "--steps", "5000", "--starts-every", "1");
        assertThat(many.err()).contains("more than 2,000");
        Cli out = Cli.run("saddles", "--data", "xor", "--model", "mlp", "--optimizer", "gd", "--out", "plot.txt");
        assertThat(out.err()).contains("--out must name a .png or .svg file");
    }
}
