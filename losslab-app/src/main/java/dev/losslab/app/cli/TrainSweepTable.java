package dev.losslab.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A training sweep's table, one row per run in run order, made from the runs' lines without their
 * {@code ran} field ({@link TrainSweepLine#result}): one machine's {@code train-sweep --format F}
 * and {@code train-sweep merge --format F} of its shards' lines both write it with this code from
 * the same fields, so they are the same bytes.
 */
final class TrainSweepTable {

    /** The CSV columns; the text table's too. */
    static final List<String> COLUMNS = List.of("run", "optimizer", "lr", "batch_size", "seed", "final_loss", "best_loss",
            "final_accuracy", "steps", "stop");

    private TrainSweepTable() {}

    /**
     * @param sweep   the sweep's object, as every line carries it
     * @param results every run's line without {@code sweep} and {@code ran}, in run order
     */
    static void write(ObjectNode sweep, List<ObjectNode> results, OutputFormat format, PrintWriter out) {
        switch (format) {
            case text -> text(sweep, results, out);
            case csv -> csv(results, out);
            case json -> json(sweep, results, out);
        }
    }

    private static void csv(List<ObjectNode> results, PrintWriter out) {
        out.println(String.join(",", COLUMNS));
        for (ObjectNode r : results) {
            List<String> cells = new ArrayList<>();
            for (String column : COLUMNS) {
                JsonNode v = r.get(column);
                cells.add(v.isNull() ? "" : v.isFloatingPointNumber() ? Numbers.exact(v.asDouble()) : v.asText());
            }
            out.println(String.join(",", cells));
        }
    }

    private static void text(ObjectNode sweep, List<ObjectNode> results, PrintWriter out) {
        out.printf(Locale.ROOT, "train-sweep %s: %,d runs of %,d steps; %s%n", sweep.get("id").asText(),
                sweep.get("runs").asInt(), sweep.get("steps").asInt(), sweep.get("model").asText());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("run", "optimizer", "lr", "batch", "seed", "final_loss", "best_loss", "accuracy", "steps", "stop"));
        for (ObjectNode r : results) {
            JsonNode accuracy = r.get("final_accuracy");
            rows.add(List.of(r.get("run").asText(), r.get("optimizer").asText(), brief(r.get("lr")),
                    r.get("batch_size").asText(), r.get("seed").asText(), brief(r.get("final_loss")),
                    brief(r.get("best_loss")),
                    accuracy.isNull() ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * accuracy.asDouble()),
                    r.get("steps").asText(), r.get("stop").asText()));
        }
        int[] widths = new int[COLUMNS.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                // The optimizer's name and the stop read left to right; numbers line up on the right.
                boolean words = c == 1 || c == widths.length - 1;
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(words ? cell + (c == widths.length - 1 ? "" : pad) : pad + cell);
            }
            out.println(line);
        }
    }

    private static String brief(JsonNode v) {
        return v.isNull() ? "" : Numbers.brief(v.asDouble());
    }

    private static void json(ObjectNode sweep, List<ObjectNode> results, PrintWriter out) {
        ObjectNode root = JsonViews.object();
        root.set("sweep", sweep);
        root.putArray("runs").addAll(results);
        try {
            out.println(JsonViews.MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }
}
