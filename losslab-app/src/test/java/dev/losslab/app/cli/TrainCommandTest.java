package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.losslab.core.data.Datasets;
import dev.losslab.core.net.Architecture;
import dev.losslab.core.net.Batches;
import dev.losslab.core.net.Examples;
import dev.losslab.core.net.ModelKind;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.TrainResult;
import dev.losslab.core.net.TrainStep;
import dev.losslab.core.net.Training;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Schedules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code losslab train} as a user runs it: the CLI contract of issue 17 (its options and CSV
 * columns), the curve equal to torch's from a state_dict and batches written as torch writes them,
 * and a clear error for each kind of bad input.
 */
class TrainCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path FIXTURES = ROOT.resolve("losslab-core/src/test/resources/fixtures/torch-train/train-cases.json");
    private static final Path MOONS = ROOT.resolve("losslab-core/src/main/resources/dev/losslab/core/data/moons.csv");

    /** The torch fixture case of that name. */
    private static JsonNode fixtureCase(String name) throws Exception {
        for (JsonNode c : JSON.readTree(FIXTURES.toFile()).get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no fixture case " + name);
    }

    /** The first {@code rows} rows of moons as a CSV file of its own. */
    private static Path firstRowsOfMoons(Path dir, int rows) throws Exception {
        List<String> lines = Files.readAllLines(MOONS);
        return Files.write(dir.resolve("moons-" + rows + ".csv"), lines.subList(0, rows + 1));
    }

    @Test
    void fromTorchsInitAndBatchesTheCsvCurveIsTorchs(@TempDir Path dir) throws Exception {
        JsonNode c = fixtureCase("moons-mlp-tanh-mse");
        Path data = firstRowsOfMoons(dir, c.get("rows").asInt());
        Path init = Files.writeString(dir.resolve("init.json"), JSON.writeValueAsString(c.get("init")));
        Path batches = Files.writeString(dir.resolve("batches.json"), JSON.writeValueAsString(c.get("batches")));
        JsonNode adam = c.get("runs").get(2);
        assertThat(adam.get("optimizer").asText()).isEqualTo("adam");

        Cli cli = Cli.run("train", "--data", data.toString(), "--model", "mlp", "--hidden", "16,16", "--activation", "tanh",
                "--loss", "mse", "--optimizer", "adam", "--lr", adam.get("lr").asText(), "--init", init.toString(),
                "--batches", batches.toString(), "--format", "csv");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String[] lines = cli.outLines();
        assertThat(lines[0]).isEqualTo("step,loss,batch_loss,accuracy,grad_norm,lr,sharpness");
        int steps = adam.get("steps").asInt();
        assertThat(lines).as("a row per step from 0, --steps defaulting to the batches listed").hasSize(steps + 2);
        for (int k = 0; k <= steps; k++) {
            String[] cells = lines[k + 1].split(",", -1);
            assertThat(cells).hasSize(7);
            assertThat(cells[0]).isEqualTo(Integer.toString(k));
            double torch = adam.get("loss").get(k).asDouble();
            assertThat(Math.abs(Double.parseDouble(cells[1]) - torch)).as("loss at step %d", k).isLessThanOrEqualTo(1e-9 * torch);
            assertThat(Double.parseDouble(cells[3])).as("accuracy at step %d", k).isEqualTo(adam.get("accuracy").get(k).asDouble());
            assertThat(cells[6]).as("sharpness only when asked").isEmpty();
            if (k < steps) {
                assertThat(Double.parseDouble(cells[5])).isEqualTo(0.01);
            } else {
                assertThat(cells[2]).as("no batch follows the last step").isEmpty();
                assertThat(cells[5]).isEmpty();
            }
        }
    }

    @Test
    void regressionHasNoAccuracyAndJsonHasNoNaN() throws Exception {
        Cli cli = Cli.run("train", "--data", "diabetes", "--model", "linear", "--optimizer", "adam", "--lr", "0.5",
                "--steps", "5", "--batch-size", "32", "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode root = JSON.readTree(cli.out());
        assertThat(root.at("/model/shape").asText()).isEqualTo("10-1");
        assertThat(root.at("/model/loss").asText()).isEqualTo("mse");
        assertThat(root.get("rows")).hasSize(6);
        assertThat(root.at("/rows/0/accuracy").isNull()).isTrue();
        assertThat(root.at("/rows/5/batch_loss").isNull()).isTrue();
        assertThat(root.at("/rows/5/loss").asDouble()).isLessThan(root.at("/rows/0/loss").asDouble());
        assertThat(root.get("state_dict").fieldNames()).toIterable().containsExactly("0.weight", "0.bias");
    }

    @Test
    void theFinalStateDictIsAnInitThatResumesTheRun(@TempDir Path dir) throws Exception {
        // 20 full-batch gd steps equal 10, then 10 more from the state_dict the first run wrote.
        String[] common = {"--data", "iris", "--model", "logistic", "--optimizer", "gd", "--lr", "0.01", "--format", "json"};
        JsonNode whole = JSON.readTree(Cli.run(cat(common, "train", "--steps", "20")).out());
        JsonNode half = JSON.readTree(Cli.run(cat(common, "train", "--steps", "10")).out());
        Path init = Files.writeString(dir.resolve("half.json"), JSON.writeValueAsString(half.get("state_dict")));
        JsonNode rest = JSON.readTree(Cli.run(cat(common, "train", "--steps", "10", "--init", init.toString())).out());
        assertThat(rest.at("/rows/10/loss").asDouble()).isEqualTo(whole.at("/rows/20/loss").asDouble());
    }

    @Test
    void sharpnessEveryKStepsIsTheTopHessianEigenvalueBesideTwoOverLr() throws Exception {
        // Logistic regression on iris: ce's Hessian does not depend on the labels' fit much, and 10
        // full-batch steps of gd keep the sharpness near its start; every 4 steps, and the last.
        Cli cli = Cli.run("train", "--data", "iris", "--model", "logistic", "--optimizer", "gd", "--lr", "0.05",
                "--steps", "10", "--sharpness-every", "4", "--format", "csv");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String[] lines = cli.outLines();
        for (int k = 0; k <= 10; k++) {
            String sharpness = lines[k + 1].split(",", -1)[6];
            if (k % 4 == 0 || k == 10) {
                assertThat(Double.parseDouble(sharpness)).as("step %d", k).isPositive();
            } else {
                assertThat(sharpness).as("step %d", k).isEmpty();
            }
        }
        Cli text = Cli.run("train", "--data", "moons", "--model", "mlp", "--hidden", "8", "--optimizer", "gd", "--lr", "0.5",
                "--steps", "20", "--sharpness-every", "10");
        assertThat(text.out()).contains("sharpness").contains("2/lr = 4");
        // the table's rows are the checks alone, each with its number
        assertThat(text.outLines()).filteredOn(l -> l.matches(" +\\d+ .*"))
                .extracting(l -> l.trim().split(" +")[0]).containsExactly("0", "10", "20");
        assertThat(text.outLines()).filteredOn(l -> l.matches(" +\\d+ .*"))
                .allSatisfy(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).isPositive());
    }

    /**
     * A check Lanczos could not pin is counted in the footnote even when the table, thinned to about
     * twenty rows, does not print its row: 61 checks (K = 1), rows 0, 3, 6, … printed, step 10 unpinned.
     */
    @Test
    void anUnpinnedCheckIsCountedWhetherOrNotItsRowIsPrinted() {
        Objective objective = Architecture.parse("mlp", "4", "tanh", null).objective(Examples.of(Datasets.resolve("moons", false)));
        OptimizerKind gd = Optimizers.get("gd");
        Training.Spec spec = new Training.Spec(objective, gd.build(gd.settings(Map.of())), "gd", 0.1,
                Schedules.create(Schedules.DEFAULT, Map.of(), 60), 60, new Batches.Full(),
                objective.network().initialParameters(0)).withSharpnessEvery(1);
        List<TrainStep> steps = new ArrayList<>();
        for (int k = 0; k <= 60; k++) {
            steps.add(new TrainStep(k, 0.5, 0.5, 0.9, 0.1, k == 60 ? Double.NaN : 0.1, k == 10 ? Double.NaN : 3.0));
        }
        TrainResult result = new TrainResult(steps, spec.initial(), "max-steps", "");
        TrainingOptions.Setup setup = new TrainingOptions.Setup(ModelKind.MLP, gd, gd.settings(Map.of()), spec, "full batch", "seed 0");
        StringWriter text = new StringWriter();
        TrainCommand.text(setup, spec, result, new PrintWriter(text, true));
        List<String> rows = text.toString().lines().filter(l -> l.matches(" +\\d+ .*")).toList();
        assertThat(rows).extracting(l -> l.trim().split(" +")[0]).doesNotContain("10").contains("0", "9", "12", "60");
        assertThat(rows).noneMatch(l -> l.contains("not pinned"));
        assertThat(text.toString()).contains("not pinned (1 of 61 checks): Lanczos did not pin the largest eigenvalue");
    }

    private static String[] cat(String[] common, String... first) {
        String[] all = new String[first.length + common.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(common, 0, all, first.length, common.length);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --hidden 16,0                                | --hidden takes widths from 1 to 4096
            --model linear --hidden 8                    | --hidden is for --model mlp
            --loss bce --data iris                       | bce needs labels of two classes; iris has 3 classes
            --model logistic --data diabetes             | logistic needs class labels
            --batch-size 500                             | batch-size must be in 1 … 200
            --activation swish                           | unknown activation 'swish'
            --loss hinge                                 | unknown loss 'hinge'
            --optimizer adam --momentum 0.9              | adam does not take momentum
            --optimizer newton                           | newton
            --sharpness-every 0                          | sharpness-every must be a whole number of steps >= 1
            --sharpness-every 1 --steps 20000            | the cap
            --steps 2000000                              | steps must be in 0 … 1000000
            --hidden 4096,4096                           | more than 100,000 parameters
            --data digits --hidden 512 --steps 100000    | more than the cap
            """)
    void badInputIsRefusedNamingTheOption(String options, String message) {
        List<String> given = List.of(options.split(" "));
        List<String> args = new java.util.ArrayList<>(List.of("train"));
        // moons, an MLP and sgd, unless the case gives its own
        for (String[] fallback : new String[][] {{"--data", "moons"}, {"--model", "mlp"}, {"--optimizer", "sgd"}}) {
            if (!given.contains(fallback[0])) {
                args.addAll(List.of(fallback));
            }
        }
        args.addAll(given);
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exitCode()).as(cli.out()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains(message).doesNotContain("Exception");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void badFilesAreRefusedSayingWhatIsWrongWhere(@TempDir Path dir) throws Exception {
        Path outOfRange = Files.writeString(dir.resolve("b.json"), "[[0, 1], [2, 200]]");
        Cli cli = Cli.run("train", "--data", "moons", "--model", "mlp", "--optimizer", "sgd", "--batches", outOfRange.toString());
        assertThat(cli.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains("batch 1 has row 200, not in 0 … 199");

        Path notJson = Files.writeString(dir.resolve("i.json"), "{\"0.weight\": [[1, 2],");
        cli = Cli.run("train", "--data", "moons", "--model", "linear", "--optimizer", "sgd", "--init", notJson.toString());
        assertThat(cli.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains("--init").contains("is not JSON").contains("line 1");

        Path wrongKey = Files.writeString(dir.resolve("k.json"), "{\"0.weight\": [[1, 2]], \"0.bias\": [0], \"1.weight\": []}");
        cli = Cli.run("train", "--data", "moons", "--model", "linear", "--optimizer", "sgd", "--init", wrongKey.toString());
        assertThat(cli.err()).contains("\"1.weight\", which the network 2-1 does not");

        Path fine = Files.writeString(dir.resolve("ok.json"), "[[0, 1]]");
        cli = Cli.run("train", "--data", "moons", "--model", "mlp", "--optimizer", "sgd", "--batches", fine.toString(),
                "--batch-size", "4");
        assertThat(cli.err()).contains("give --batch-size or --batches, not both");
        cli = Cli.run("train", "--data", "moons", "--model", "mlp", "--optimizer", "sgd", "--batches", fine.toString(),
                "--steps", "3");
        assertThat(cli.err()).contains("lists 1 batches, fewer than the 3 steps");
    }
}
