package dev.losslab.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code losslab train-sweep merge FILE…}: the lines that shards of one sweep wrote, joined into the
 * sweep's table, in run order: the same bytes as one machine's {@code train-sweep --format F}. It
 * refuses, naming the file and line, lines that are not a sweep's, lines of another sweep, a run
 * given twice and runs that no file has (with the shard they belong to).
 */
final class TrainSweepMergeCommand extends Subcommand {

    static final String NAME = "merge";

    /** Most missing runs an error lists by number. */
    private static final int LISTED = 20;

    private static final Opt<OutputFormat> FORMAT = OutputFormat.option("text|csv|json");

    TrainSweepMergeCommand() {
        super(NAME, List.of("Join the JSON lines of a sweep's shards (train-sweep --shard i/n) into its",
                "table, in run order: the table one machine's train-sweep --format text|csv|json",
                "writes. Every run must be there once, and every line of the same sweep."),
                List.of(FORMAT));
        spec().addPositional(PositionalParamSpec.builder().paramLabel("FILE").arity("1..*").required(true).type(List.class)
                .auxiliaryTypes(Path.class).description("the shards' outputs (JSON lines)").build());
    }

    /** A line read, and where. */
    private record Line(String where, ObjectNode node) {}

    @Override
    public Integer call() {
        List<Path> files = spec().positionalParameters().getFirst().getValue();
        ObjectNode sweep = null;
        String sweepWhere = null;
        Line[] runs = null;
        Set<Integer> shardCounts = new TreeSet<>();
        for (Path file : files) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                Line line = parse(file + ":" + (i + 1), lines.get(i));
                ObjectNode about = (ObjectNode) line.node().get("sweep");
                if (sweep == null) {
                    sweep = about;
                    sweepWhere = line.where();
                    runs = new Line[about.get("runs").asInt()];
                } else if (!sweep.equals(about)) {
                    throw new InvalidInputException("files", line.where() + " is a line of sweep " + about.path("id").asText()
                            + " (" + about.path("model").asText() + "), " + sweepWhere + " of sweep " + sweep.path("id").asText()
                            + " (" + sweep.path("model").asText() + "): these files are not shards of one sweep");
                }
                int run = line.node().get("run").asInt();
                if (run < 0 || run >= runs.length) {
                    throw new InvalidInputException("files", line.where() + ": run " + run + " is not one of the sweep's runs, 0 … "
                            + (runs.length - 1));
                }
                if (runs[run] != null) {
                    throw new InvalidInputException("files", "run " + run + " is there twice: " + runs[run].where() + " and "
                            + line.where() + " (was a shard's output given twice, or a shard run twice into one file?)");
                }
                runs[run] = line;
                shardCount(line.node()).ifPresent(shardCounts::add);
            }
        }
        if (sweep == null) {
            throw new InvalidInputException("files", "no runs in " + files.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        requireAll(runs, shardCounts);
        TrainSweepTable.write(sweep, Arrays.stream(runs).map(l -> TrainSweepLine.result(l.node())).toList(), get(FORMAT), out);
        return Main.OK;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("files", "cannot read " + file + ": no such file");
        } catch (MalformedInputException e) {
            throw new InvalidInputException("files", "cannot read " + file + ": not UTF-8 text (is it a train-sweep output?)");
        } catch (IOException e) {
            throw new InvalidInputException("files", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Line parse(String where, String text) {
        JsonNode node;
        try {
            node = JsonViews.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("files", where + ": not a line of JSON (" + e.getOriginalMessage() + "); a line cut "
                    + "short by a killed shard can be deleted, and its run computed again by running that shard again");
        }
        String problem = TrainSweepLine.problem(node);
        if (problem != null) {
            throw new InvalidInputException("files", where + ": " + problem);
        }
        return new Line(where, (ObjectNode) node);
    }

    /** n of the line's "ran": {"shard": "i/n"}, when it says. */
    private static Optional<Integer> shardCount(JsonNode line) {
        String shard = line.path(TrainSweepLine.RAN).path("shard").asText("");
        try {
            return Optional.of(Shard.parse(shard).count());
        } catch (InvalidInputException notAShard) {
            return Optional.empty();
        }
    }

    /** Fails when a run has no line, naming the first ones and, when the lines agree on n, their shards. */
    private static void requireAll(Line[] runs, Set<Integer> shardCounts) {
        List<Integer> missing = IntStream.range(0, runs.length).filter(r -> runs[r] == null).boxed().toList();
        if (missing.isEmpty()) {
            return;
        }
        String listed = missing.stream().limit(LISTED).map(String::valueOf).collect(Collectors.joining(", "))
                + (missing.size() > LISTED ? ", …" : "");
        String shards = "";
        if (shardCounts.equals(Set.of(1))) {
            shards = "; these lines come from one unsharded run: was it killed before it finished?";
        } else if (shardCounts.size() == 1) {
            int n = shardCounts.iterator().next();
            List<String> of = missing.stream().map(r -> r % n).distinct().sorted().map(i -> new Shard(i + 1, n).label()).toList();
            shards = "; split in " + n + " as these lines were, they are " + (of.size() == 1 ? "shard " : "shards ")
                    + String.join(", ", of) + "'s: was it killed before it finished, or its file not given?";
        }
        throw new InvalidInputException("files", missing.size() + " of the sweep's " + runs.length + " runs have no line: "
                + listed + shards);
    }
}
