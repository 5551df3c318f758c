package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code losslab train-sweep} and {@code train-sweep merge} as a user (and a cluster's job array) runs
 * them: each line is the run {@code train} gives for its settings, shards are disjoint and cover every
 * run, their merge is byte for byte the table of one machine, results do not depend on --threads, and
 * the merge refuses, naming file and line, what would make its table wrong.
 */
class TrainSweepCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 2 optimizers × 2 lrs × 2 batch sizes × 3 seeds = 24 runs of a 2-4-1 tanh MLP on moons: a second in all. */
    private static final List<String> SWEEP = List.of("train-sweep", "--data", "moons", "--model", "mlp", "--hidden", "4",
            "--optimizers", "sgd,adam", "--lrs", "0.05,0.2", "--batch-sizes", "16,full", "--seeds", "0,1,2", "--steps", "30");
    private static final int RUNS = 24;

    private static Cli sweep(String... more) {
        List<String> args = new ArrayList<>(SWEEP);
        args.addAll(List.of(more));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return cli;
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().split("\\R")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Cli merge(String format, Path... files) {
        List<String> args = new ArrayList<>(List.of("train-sweep", "merge", "--format", format));
        Arrays.stream(files).map(Path::toString).forEach(args::add);
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void eachLineIsTheRunTrainGivesForItsSettingsInTheDocumentedOrder() throws Exception {
        List<JsonNode> lines = lines(sweep("--threads", "3").out());
        assertThat(lines).hasSize(RUNS);
        lines.sort(Comparator.comparingInt(l -> l.get("run").asInt()));
        for (JsonNode line : lines) {
            int r = line.get("run").asInt();
            // r = ((o·2 + l)·2 + b)·3 + s, the seed fastest
            assertThat(line.get("optimizer").asText()).isEqualTo(List.of("sgd", "adam").get(r / 12));
            assertThat(line.get("lr").asDouble()).isEqualTo(List.of(0.05, 0.2).get(r / 6 % 2));
            assertThat(line.get("batch_size").asText()).isEqualTo(List.of("16", "full").get(r / 3 % 2));
            assertThat(line.get("seed").asLong()).isEqualTo(r % 3);
            assertThat(line.at("/sweep/runs").asInt()).isEqualTo(RUNS);
            assertThat(line.at("/ran/shard").asText()).isEqualTo("1/1");
        }
        // Independent truth for a few runs: `train` with the same settings, its curve read back.
        for (int r : new int[] {0, 4, 11, 17, 23}) {
            JsonNode line = lines.get(r);
            List<String> train = new ArrayList<>(List.of("train", "--data", "moons", "--model", "mlp", "--hidden", "4",
                    "--optimizer", line.get("optimizer").asText(), "--lr", line.get("lr").asText(), "--steps", "30",
                    "--seed", line.get("seed").asText(), "--format", "json"));
            if (!line.get("batch_size").asText().equals("full")) {
                train.addAll(List.of("--batch-size", line.get("batch_size").asText()));
            }
            Cli cli = Cli.run(train.toArray(String[]::new));
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            JsonNode rows = JSON.readTree(cli.out()).get("rows");
            double best = Double.POSITIVE_INFINITY;
            for (JsonNode row : rows) {
                best = Math.min(best, row.get("loss").asDouble());
            }
            JsonNode last = rows.get(rows.size() - 1);
            assertThat(line.get("final_loss").asDouble()).as("run %d", r).isEqualTo(last.get("loss").asDouble());
            assertThat(line.get("final_accuracy").asDouble()).isEqualTo(last.get("accuracy").asDouble());
            assertThat(line.get("best_loss").asDouble()).isEqualTo(best);
            assertThat(line.get("steps").asInt()).isEqualTo(30);
            assertThat(line.get("stop").asText()).isEqualTo("max-steps");
        }
    }

    @Test
    void shardsAreDisjointBalancedAndTogetherEveryRun() throws Exception {
        Set<Integer> all = new HashSet<>();
        int[] sizes = new int[3];
        for (int i = 1; i <= 3; i++) {
            for (JsonNode line : lines(sweep("--shard", i + "/3").out())) {
                int r = line.get("run").asInt();
                assertThat(r % 3).as("run %d in shard %d/3", r, i).isEqualTo(i - 1);
                assertThat(line.at("/ran/shard").asText()).isEqualTo(i + "/3");
                assertThat(all.add(r)).as("run %d in two shards", r).isTrue();
                sizes[i - 1]++;
            }
        }
        assertThat(all).hasSize(RUNS);
        assertThat(sizes).containsExactly(8, 8, 8);
        // 24 runs in 5 shards: 5, 5, 5, 5, 4.
        assertThat(lines(sweep("--shard", "5/5").out())).hasSize(4);
        Cli beyond = sweep("--shard", "30/30");
        assertThat(beyond.out()).isEmpty();
        assertThat(beyond.err()).contains("shard 30/30 has no runs: the sweep has 24");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "csv", "json"})
    void theMergeOfThreeShardsIsTheUnshardedTableByteForByte(String format, @TempDir Path dir) throws Exception {
        String one = sweep("--format", format).out();
        // The shards' files in any order, each shard on its own number of threads.
        Path c = write(dir, "c.jsonl", sweep("--shard", "3/3", "--threads", "1").out());
        Path a = write(dir, "a.jsonl", sweep("--shard", "1/3", "--threads", "2").out());
        Path b = write(dir, "b.jsonl", sweep("--shard", "2/3", "--threads", "5").out());
        Cli merged = merge(format, c, a, b);
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.out()).isEqualTo(one);
        // One machine's own lines merge to the same table too.
        Path whole = write(dir, "whole.jsonl", sweep().out());
        assertThat(merge(format, whole).out()).isEqualTo(one);
        if (format.equals("csv")) {
            String[] rows = one.strip().split("\\R");
            assertThat(rows[0]).isEqualTo("run,optimizer,lr,batch_size,seed,final_loss,best_loss,final_accuracy,steps,stop");
            assertThat(rows).hasSize(RUNS + 1);
            assertThat(rows[4]).startsWith("3,sgd,0.05,full,0,");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreads() throws Exception {
        assertThat(sweep("--threads", "1", "--format", "csv").out()).isEqualTo(sweep("--threads", "7", "--format", "csv").out());
        List<String> one = withoutRan(lines(sweep("--threads", "1").out()));
        List<String> many = withoutRan(lines(sweep("--threads", "6").out()));
        assertThat(many).isEqualTo(one);
    }

    /** The lines, sorted by run, without their timing: the deterministic part. */
    private static List<String> withoutRan(List<JsonNode> lines) {
        return lines.stream().sorted(Comparator.comparingInt(l -> l.get("run").asInt()))
                .map(l -> ((ObjectNode) l.deepCopy()).without("ran").toString()).toList();
    }

    @Test
    void hyperParametersGoToTheOptimizersThatTakeThem() throws Exception {
        Cli cli = Cli.run("train-sweep", "--data", "iris", "--model", "logistic", "--optimizers", "sgd,momentum",
                "--lrs", "0.1", "--momentum", "0.5", "--steps", "10");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<JsonNode> lines = lines(cli.out());
        lines.sort(Comparator.comparingInt(l -> l.get("run").asInt()));
        assertThat(lines.get(0).get("settings").has("momentum")).as("sgd takes no momentum").isFalse();
        assertThat(lines.get(1).at("/settings/momentum").asDouble()).isEqualTo(0.5);
        Cli train = Cli.run("train", "--data", "iris", "--model", "logistic", "--optimizer", "momentum", "--lr", "0.1",
                "--momentum", "0.5", "--steps", "10", "--format", "json");
        JsonNode rows = JSON.readTree(train.out()).get("rows");
        assertThat(lines.get(1).get("final_loss").asDouble()).isEqualTo(rows.get(10).get("loss").asDouble());
        // Without --lrs, each optimizer's own default: 0.1 for sgd, 0.001 for adam.
        lines = lines(Cli.run("train-sweep", "--data", "iris", "--model", "logistic", "--optimizers", "sgd,adam",
                "--steps", "2").out());
        lines.sort(Comparator.comparingInt(l -> l.get("run").asInt()));
        assertThat(lines).extracting(l -> l.get("lr").asDouble()).containsExactly(0.1, 0.001);
    }

    @Test
    void theCurveIsTheFullDataLossEveryKStepsAndAtTheLast() throws Exception {
        Cli cli = Cli.run("train-sweep", "--data", "moons", "--model", "logistic", "--optimizers", "adam", "--lrs", "0.1",
                "--steps", "25", "--curve-every", "10");
        JsonNode curve = lines(cli.out()).getFirst().get("curve");
        Cli train = Cli.run("train", "--data", "moons", "--model", "logistic", "--optimizer", "adam", "--lr", "0.1",
                "--steps", "25", "--format", "csv");
        String[] rows = train.outLines();
        assertThat(curve).hasSize(4);
        int[] steps = {0, 10, 20, 25};
        for (int i = 0; i < steps.length; i++) {
            assertThat(curve.get(i).get(0).asInt()).isEqualTo(steps[i]);
            assertThat(curve.get(i).get(1).asDouble()).isEqualTo(Double.parseDouble(rows[steps[i] + 1].split(",")[1]));
        }
    }

    @Test
    void logRangesOfLrsIncludeBothEnds() throws Exception {
        Cli cli = Cli.run("train-sweep", "--data", "iris", "--model", "logistic", "--optimizers", "sgd",
                "--lrs", "0.001:0.1:3", "--steps", "1", "--format", "csv");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(Arrays.stream(cli.outLines()).skip(1).map(l -> Double.parseDouble(l.split(",")[2])).toList())
                .containsExactly(0.001, 0.01, 0.1); // both ends exactly, and 10^-2 between
    }

    @Test
    void theMergeRefusesMissingDoubledMixedAndMalformedLinesNamingWhere(@TempDir Path dir) throws Exception {
        String first = sweep("--shard", "1/3").out();
        String second = sweep("--shard", "2/3").out();
        String third = sweep("--shard", "3/3").out();
        Path a = write(dir, "a.jsonl", first);
        Path b = write(dir, "b.jsonl", second);
        Path c = write(dir, "c.jsonl", third);

        Cli missing = merge("csv", a, c);
        assertThat(missing.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.err()).contains("8 of the sweep's 24 runs have no line: 1, 4, 7, 10, 13, 16, 19, 22")
                .contains("they are shard 2/3's: was it killed");
        assertThat(missing.out()).isEmpty();

        // A shard killed mid-run: its last line lost (the lines before it are whole).
        List<String> cut = new ArrayList<>(List.of(second.strip().split("\\R")));
        int lost = JSON.readTree(cut.removeLast()).get("run").asInt();
        Path killed = write(dir, "killed.jsonl", String.join("\n", cut) + "\n");
        assertThat(merge("csv", a, killed, c).err()).contains("1 of the sweep's 24 runs have no line: " + lost + ";");

        List<String> unsharded = new ArrayList<>(List.of(sweep().out().strip().split("\\R")));
        unsharded.removeFirst();
        Path partial = write(dir, "partial.jsonl", String.join("\n", unsharded) + "\n");
        assertThat(merge("csv", partial).err()).contains("1 of the sweep's 24 runs have no line: ")
                .contains("these lines come from one unsharded run: was it killed before it finished?");

        Cli twice = merge("csv", a, b, c, b);
        assertThat(twice.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(twice.err()).contains("is there twice: " + b + ":1 and " + b + ":1");

        Path other = write(dir, "other.jsonl", Cli.run("train-sweep", "--data", "moons", "--model", "mlp", "--hidden", "4",
                "--optimizers", "sgd,adam", "--lrs", "0.05,0.2", "--batch-sizes", "16,full", "--seeds", "0,1,2", "--steps", "31",
                "--shard", "2/3").out());
        Cli mixed = merge("csv", a, other, c);
        assertThat(mixed.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(mixed.err()).contains(other + ":1 is a line of sweep").contains(a + ":1 of sweep")
                .contains("these files are not shards of one sweep");

        String[] lines = second.strip().split("\\R");
        lines[2] = lines[2].substring(0, lines[2].length() / 2);
        Path broken = write(dir, "broken.jsonl", String.join("\n", lines) + "\n");
        Cli malformed = merge("csv", a, broken, c);
        assertThat(malformed.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(malformed.err()).contains(broken + ":3: not a line of JSON").doesNotContain("Exception");

        Path noRun = write(dir, "norun.jsonl", "{\"sweep\": {\"id\": \"x\", \"runs\": 3}, \"optimizer\": \"sgd\"}\n");
        assertThat(merge("csv", noRun).err()).contains(noRun + ":1: no number \"best_loss\"");
        Path notSweep = write(dir, "array.jsonl", "\n[1, 2]\n");
        assertThat(merge("csv", notSweep).err()).contains(notSweep + ":2: not a JSON object");
        Path empty = write(dir, "empty.jsonl", "");
        assertThat(merge("csv", empty).err()).contains("no runs in " + empty);
        assertThat(merge("csv", dir.resolve("nope.jsonl")).err()).contains("cannot read " + dir.resolve("nope.jsonl") + ": no such file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --shard 0/3                            | i counts from 1: a 0-based index such as Kubernetes' JOB_COMPLETION_INDEX needs + 1
            --shard 4/3                            | --shard i/n needs 1 ≤ i ≤ n, got 4/3
            --shard 2                              | --shard expects i/n
            --shard 1/3 --format csv               | --shard writes JSON lines
            --batch-sizes 16,500                   | --batch-sizes: 500 is more than the 200 rows of moons
            --batch-sizes 16,0                     | --batch-sizes takes whole numbers of rows or full
            --lrs 0.1,0.1                          | --lrs lists 0.1 twice
            --lrs -1                               | lrs must be >= 0 and finite
            --lrs 0:1:5                            | FROM and TO must be > 0
            --seeds 1,x                            | --seeds takes whole numbers
            --optimizers sgd,adamm                 | did you mean 'adam'?
            --momentum 0.9 --optimizers adam       | --momentum applies to none of adam
            --threads 0                            | threads must be in 1 … 1024
            --curve-every 0                        | curve-every must be >= 1
            --curve-every 1 --steps 20000          | --curve-every 1 keeps 20,001 losses of each run's 20,000 steps, more than the 10,000 a line may hold: take K of at least 3
            --format yaml                          | unknown format 'yaml'
            --seeds 0:9                            | --seeds takes whole numbers
            --steps 2000000                        | steps must be in 0 … 1000000
            --data digits --hidden 512 --steps 100000 | more than the cap
            """)
    void badInputIsRefusedBeforeAnyRunNamingTheOption(String options, String message) {
        List<String> given = List.of(options.split(" "));
        List<String> args = new ArrayList<>(List.of("train-sweep"));
        for (String[] fallback : new String[][] {{"--data", "moons"}, {"--model", "mlp"}, {"--optimizers", "sgd"}}) {
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
    void tooManyRunsAndMissingOptionsAreRefused() {
        StringBuilder seeds = new StringBuilder("0");
        for (int s = 1; s < 2_001; s++) {
            seeds.append(',').append(s);
        }
        Cli cli = Cli.run("train-sweep", "--data", "moons", "--model", "mlp", "--optimizers", "sgd,adam,momentum",
                "--lrs", "0.1,0.2", "--seeds", seeds.toString());
        assertThat(cli.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains("make 12,006 runs, more than the 10,000 a sweep may have");

        cli = Cli.run("train-sweep", "--model", "mlp", "--optimizers", "sgd");
        assertThat(cli.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains("missing --data").contains("./losslab train-sweep merge FILE…");
        assertThat(Cli.run("train-sweep", "--data", "moons", "--model", "mlp").err()).contains("missing --optimizers");
        assertThat(Cli.run("train-sweep", "merge").err()).contains("Missing required parameter");
    }

    /** What a killed shard leaves is what was flushed: every flush must end on a whole line, one per run. */
    @Test
    void eachRunsLineIsFlushedWholeAsItEnds() {
        List<String> flushed = new ArrayList<>();
        StringBuilder written = new StringBuilder();
        java.io.Writer recording = new java.io.Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                written.append(chars, offset, length);
            }

            @Override
            public void flush() {
                flushed.add(written.toString());
            }

            @Override
            public void close() { }
        };
        List<String> args = new ArrayList<>(SWEEP);
        args.addAll(List.of("--threads", "4"));
        int code = Main.execute(args.toArray(String[]::new), new java.io.PrintWriter(recording, false),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        assertThat(code).isZero();
        List<Integer> lineCounts = flushed.stream().filter(f -> !f.isEmpty()).map(f -> {
            assertThat(f).endsWith(System.lineSeparator());
            return f.split("\\R").length;
        }).distinct().toList();
        assertThat(lineCounts).as("a flush after each run's line").containsSequence(1, 2, 3).contains(RUNS);
    }

    @Test
    void aDivergedRunKeepsItsLastFiniteLossAndNoNaNReachesTheLine(@TempDir Path dir) throws Exception {
        Cli cli = Cli.run("train-sweep", "--data", "diabetes", "--model", "linear", "--optimizers", "sgd", "--lrs", "1e-5,100",
                "--steps", "200");
        List<JsonNode> lines = lines(cli.out());
        lines.sort(Comparator.comparingInt(l -> l.get("run").asInt()));
        assertThat(lines.get(0).get("stop").asText()).isEqualTo("max-steps");
        JsonNode diverged = lines.get(1);
        assertThat(diverged.get("stop").asText()).isEqualTo("diverged");
        assertThat(diverged.get("steps").asInt()).isLessThan(200);
        assertThat(diverged.get("final_loss").isFloatingPointNumber()).isTrue();
        assertThat(diverged.get("best_loss").asDouble()).isLessThanOrEqualTo(diverged.get("final_loss").asDouble());
        assertThat(diverged.get("final_accuracy").isNull()).as("real labels have no accuracy").isTrue();
        assertThat(cli.out()).doesNotContain("NaN").doesNotContain("Infinity");

        // θ₀ whose loss is not finite: no step at all, nulls rather than a crash.
        Path huge = write(dir, "huge.json", "{\"0.weight\": [[1e300, 1e300]], \"0.bias\": [1e300]}");
        cli = Cli.run("train-sweep", "--data", "moons", "--model", "linear", "--optimizers", "sgd", "--init", huge.toString(),
                "--format", "csv");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.outLines()[1]).isEqualTo("0,sgd,0.1,full,0,,,,0,diverged");
    }

    /** Output that cannot be written stops the sweep with that error, not a "cancelled" from the runs it stopped. */
    @Test
    void aReaderThatHasGoneStopsTheSweepSayingSo() {
        java.io.Writer gone = new java.io.Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                throw new OutputFailedException(new java.io.IOException("Broken pipe"));
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        java.io.StringWriter err = new java.io.StringWriter();
        List<String> args = new ArrayList<>(SWEEP);
        args.addAll(List.of("--threads", "3"));
        int code = Main.execute(args.toArray(String[]::new), new java.io.PrintWriter(gone), new java.io.PrintWriter(err, true));
        assertThat(code).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).isEqualTo("error: cannot write output: Broken pipe" + System.lineSeparator());
    }
}
