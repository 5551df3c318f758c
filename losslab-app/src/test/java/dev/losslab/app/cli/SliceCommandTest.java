package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code losslab slice} as a user runs it, checked against {@code train}: the slice's centre is the
 * loss train reports at the point it sliced through, and a params: slice is the loss train reports
 * from an init with those two parameters moved.
 */
class SliceCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MOONS_MLP = {"--data", "moons", "--model", "mlp", "--hidden", "6", "--optimizer", "sgd",
            "--lr", "0.3", "--steps", "40", "--seed", "2"};

    private static JsonNode json(Cli cli) throws Exception {
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return JSON.readTree(cli.out());
    }

    private static String[] args(String command, String[] common, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(common));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void theGridCentreIsTheLossTrainReportsAtTheTrainedPoint() throws Exception {
        JsonNode slice = json(Cli.run(args("slice", MOONS_MLP, "--grid", "11", "--format", "json")));
        JsonNode train = json(Cli.run(args("train", MOONS_MLP, "--format", "json")));
        double trained = train.at("/rows/40/loss").asDouble();
        assertThat(slice.get("grid").asInt()).isEqualTo(11);
        assertThat(slice.get("alpha")).hasSize(11);
        assertThat(slice.at("/alpha/5").asDouble()).isZero();
        assertThat(slice.at("/alpha/0").asDouble()).isEqualTo(-1.0);
        assertThat(slice.get("loss")).hasSize(11);
        assertThat(slice.at("/loss/5/5").asDouble()).isEqualTo(trained);
        assertThat(slice.get("centre_loss").asDouble()).isEqualTo(trained);
        assertThat(slice.at("/directions/kind").asText()).isEqualTo("random");
        assertThat(slice.at("/directions/description").asText()).contains("filter-normalised");
        assertThat(slice.at("/model/shape").asText()).isEqualTo("2-6-1");
        JsonNode points = slice.at("/path/points");
        assertThat(points).hasSize(41);
        assertThat(points.get(0).get("loss").asDouble()).isEqualTo(train.at("/rows/0/loss").asDouble());
        JsonNode end = points.get(40);
        assertThat(end.get("step").asInt()).isEqualTo(40);
        assertThat(end.get("alpha").asDouble()).isZero();
        assertThat(end.get("residual").asDouble()).isZero();
        assertThat(points.get(0).get("residual").asDouble()).as("random directions miss most of the path").isPositive();
    }

    @Test
    void aParamsSliceIsTheLossWithThoseTwoParametersMoved(@TempDir Path dir) throws Exception {
        String[] linear = {"--data", "moons", "--model", "linear", "--optimizer", "gd", "--steps", "0"};
        Path init = Files.writeString(dir.resolve("init.json"), "{\"0.weight\": [[0.5, -0.25]], \"0.bias\": [0.125]}");
        Cli csv = Cli.run(args("slice", linear, "--init", init.toString(), "--directions", "params:0.weight[0][1],0.bias[0]",
                "--span", "0.5", "--grid", "3", "--format", "csv"));
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        String[] lines = csv.outLines();
        assertThat(lines[0]).isEqualTo("alpha,beta,loss");
        assertThat(lines).hasSize(10);
        for (int row = 1; row < lines.length; row++) {
            String[] cells = lines[row].split(",");
            double alpha = Double.parseDouble(cells[0]);
            double beta = Double.parseDouble(cells[1]);
            ObjectNode moved = (ObjectNode) JSON.readTree(Files.readString(init));
            ((com.fasterxml.jackson.databind.node.ArrayNode) moved.at("/0.weight/0")).set(1, -0.25 + alpha);
            ((com.fasterxml.jackson.databind.node.ArrayNode) moved.get("0.bias")).set(0, 0.125 + beta);
            Path at = Files.writeString(dir.resolve("at.json"), JSON.writeValueAsString(moved));
            JsonNode train = json(Cli.run(args("train", linear, "--init", at.toString(), "--format", "json")));
            assertThat(Double.parseDouble(cells[2])).as(lines[row]).isEqualTo(train.at("/rows/0/loss").asDouble());
        }
        assertThat(lines[1]).startsWith("-0.5,-0.5,");
        assertThat(lines[9]).startsWith("0.5,0.5,");
    }

    @Test
    void aPcaSliceHoldsThePathAndSaysWhatItExplains() throws Exception {
        JsonNode slice = json(Cli.run(args("slice", MOONS_MLP, "--directions", "pca", "--grid", "9")));
        JsonNode shares = slice.at("/directions/explained_variance");
        assertThat(shares).hasSize(2);
        assertThat(shares.get(0).asDouble()).isGreaterThanOrEqualTo(shares.get(1).asDouble());
        assertThat(shares.get(0).asDouble() + shares.get(1).asDouble()).isBetween(0.5, 1.0 + 1e-12);
        double span = slice.get("span").asDouble();
        double extent = 0;
        for (JsonNode p : slice.at("/path/points")) {
            extent = Math.max(extent, Math.max(Math.abs(p.get("alpha").asDouble()), Math.abs(p.get("beta").asDouble())));
        }
        assertThat(span).as("the default span holds the path with a margin").isBetween(1.2 * extent, 1.3 * extent);
    }

    @Test
    void atInitTheCentreIsTheFirstPoint() throws Exception {
        JsonNode slice = json(Cli.run(args("slice", MOONS_MLP, "--at", "init", "--directions", "random:5", "--grid", "5")));
        JsonNode first = slice.at("/path/points/0");
        assertThat(slice.get("at").asText()).isEqualTo("init");
        assertThat(slice.at("/directions/seed").asLong()).isEqualTo(5);
        assertThat(first.get("alpha").asDouble()).isZero();
        assertThat(first.get("residual").asDouble()).isZero();
        assertThat(slice.get("centre_loss").asDouble()).isEqualTo(first.get("loss").asDouble())
                .isEqualTo(slice.at("/loss/2/2").asDouble());
    }

    @Test
    void aPngHasTheMapTheColourBarAndThePath(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("slice.png");
        Cli cli = Cli.run(args("slice", MOONS_MLP, "--directions", "pca", "--format", "png", "--out", png.toString()));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(76 + 520 + 230);
        assertThat(image.getHeight()).isEqualTo(64 + 520 + 60);
        assertThat(count(image, 0x332288, 0, image.getWidth())).as("sgd's colour: the path").isGreaterThan(30);
        // The colour bar, right of the map: viridis' lowest shade at its bottom, its highest at its top.
        int bar = 76 + 520 + 34 + 9;
        assertThat(near(image.getRGB(bar, 64 + 3), 0xfde725)).as("top of the bar is viridis' yellow").isTrue();
        assertThat(near(image.getRGB(bar, 64 + 309), 0x440154)).as("bottom of the bar is viridis' purple").isTrue();
    }

    @Test
    void anSvgCanBeDrawnBesideTheJson(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("slice.svg");
        JsonNode slice = json(Cli.run(args("slice", MOONS_MLP, "--directions", "params:0.weight[0][0],2.bias[0]", "--grid", "7",
                "--out", svg.toString())));
        assertThat(slice.get("grid").asInt()).isEqualTo(7);
        assertThat(Files.readString(svg)).startsWith("<svg").contains("change of 0.weight[0][0]").contains("change of 2.bias[0]")
                .contains("shadow");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --format png                                       | --format png draws a picture: give --out
            --out slice.jpg                                    | --out must name a .png or .svg file
            --directions params:0.weight[9][0],0.bias[0]       | no parameter '0.weight[9][0]' (row 9 is beyond the layer's 6 outputs); the 2-6-1 network's parameters are 0.weight[0…5][0…1]
            --directions hessian                               | --directions takes random, random:SEED, pca or params:
            --directions random:x                              | random:SEED takes a whole number
            --grid 1                                           | grid must be in 2 … 201
            --span -1                                          | span must be > 0
            --at middle                                        | unknown at 'middle'
            --directions pca --steps 0                         | pca needs a trajectory that moves
            --data digits --hidden 64 --grid 201               | more than the cap of 2e+10
            """)
    void badInputIsRefusedNamingTheOption(String options, String message) {
        List<String> args = new ArrayList<>(List.of("slice"));
        List<String> given = List.of(options.split(" "));
        for (String[] fallback : new String[][] {{"--data", "moons"}, {"--model", "mlp"}, {"--hidden", "6"}, {"--optimizer", "sgd"},
                {"--steps", "5"}}) {
            if (!given.contains(fallback[0])) {
                args.addAll(List.of(fallback));
            }
        }
        args.addAll(given);
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains(message).doesNotContain("Exception");
        assertThat(cli.out()).isEmpty();
    }

    private static int count(BufferedImage image, int rgb, int fromX, int toX) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = fromX; x < toX; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean near(int argb, int rgb) {
        int dr = ((argb >> 16) & 0xFF) - ((rgb >> 16) & 0xFF);
        int dg = ((argb >> 8) & 0xFF) - ((rgb >> 8) & 0xFF);
        int db = (argb & 0xFF) - (rgb & 0xFF);
        return Math.abs(dr) <= 6 && Math.abs(dg) <= 6 && Math.abs(db) <= 6;
    }
}
