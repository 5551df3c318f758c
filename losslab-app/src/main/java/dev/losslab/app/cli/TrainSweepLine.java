package dev.losslab.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.core.net.EveryKthStep;
import dev.losslab.core.net.TrainResult;
import dev.losslab.core.net.TrainStep;
import dev.losslab.core.optim.Settings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of a training sweep as a line of JSON: what {@code train-sweep} writes as each run ends and
 * {@code train-sweep merge} reads back. Every field but {@code ran} follows from the sweep's settings
 * alone, so it is the same on any machine, in any shard, on any number of threads; {@code ran} says
 * how this copy was computed (the shard, the seconds it took) and stays out of the merged table.
 * <pre>
 *   {"sweep":{"id":"…","runs":54,"model":"mlp 2-16-16-1 (tanh), mse on moons (200 rows)","steps":200},
 *    "run":7,"optimizer":"adam","lr":0.01,"batch_size":16,"seed":1,"settings":{"beta1":0.9,…},
 *    "final_loss":…,"best_loss":…,"final_accuracy":…,"steps":200,"stop":"max-steps","detail":"",
 *    "curve":[[0,0.69],[50,0.31],…],                    (with --curve-every 50)
 *    "ran":{"shard":"2/3","seconds":1.234}}
 * </pre>
 */
final class TrainSweepLine {

    /** The field that says how this copy was computed, not what it computed. */
    static final String RAN = "ran";

    /** The fields a line must have, with the JSON type each must be (a number may also be null: no accuracy, say). */
    private static final Map<String, JsonNodeType> REQUIRED = Map.ofEntries(
            Map.entry("run", JsonNodeType.NUMBER), Map.entry("optimizer", JsonNodeType.STRING),
            Map.entry("lr", JsonNodeType.NUMBER), Map.entry("seed", JsonNodeType.NUMBER),
            Map.entry("final_loss", JsonNodeType.NUMBER), Map.entry("best_loss", JsonNodeType.NUMBER),
            Map.entry("final_accuracy", JsonNodeType.NUMBER), Map.entry("steps", JsonNodeType.NUMBER),
            Map.entry("stop", JsonNodeType.STRING));

    /** One line: no indentation (JsonViews' mapper indents). */
    private static final ObjectWriter LINE = JsonViews.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private TrainSweepLine() {}

    /**
     * The sweep every line carries: its fingerprint, how many runs it has, and what it trains.
     *
     * @param id    the fingerprint of the settings that define the sweep
     * @param model "mlp 2-16-16-1 (tanh), mse on moons (200 rows)"
     */
    static ObjectNode sweep(String id, int runs, String model, int steps) {
        ObjectNode sweep = JsonViews.object();
        sweep.put("id", id);
        sweep.put("runs", runs);
        sweep.put("model", model);
        sweep.put("steps", steps);
        return sweep;
    }

    /**
     * The line of a finished run.
     *
     * @param curveEvery the full-data loss at steps 0, K, 2K, … and the last reached; 0 for none
     */
    static ObjectNode of(ObjectNode sweep, TrainSweep.Run run, Settings settings, TrainResult result, int curveEvery,
                         Shard shard, double seconds) {
        ObjectNode line = JsonViews.object();
        line.set("sweep", sweep);
        line.put("run", run.index());
        line.put("optimizer", run.optimizer().name());
        JsonViews.put(line, "lr", run.lr());
        if (run.batchSize().rows() == 0) {
            line.put("batch_size", run.batchSize().label());
        } else {
            line.put("batch_size", run.batchSize().rows());
        }
        line.put("seed", run.seed());
        line.set("settings", JsonViews.MAPPER.valueToTree(new TreeMap<>(settings.values())));
        List<TrainStep> steps = result.steps();
        // No step at all when θ₀'s own loss is not finite (an --init of huge weights): nulls, not a crash.
        TrainStep last = steps.isEmpty() ? new TrainStep(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN) : result.last();
        JsonViews.put(line, "final_loss", last.loss());
        JsonViews.put(line, "best_loss", steps.stream().mapToDouble(TrainStep::loss).min().orElse(Double.NaN));
        JsonViews.put(line, "final_accuracy", last.accuracy());
        line.put("steps", last.step());
        line.put("stop", result.stop());
        line.put("detail", result.detail());
        if (curveEvery > 0) {
            ArrayNode curve = line.putArray("curve");
            for (TrainStep s : steps) {
                if (EveryKthStep.includes(s.step(), curveEvery, last.step())) {
                    ArrayNode point = curve.addArray();
                    point.add(s.step());
                    JsonViews.add(point, s.loss());
                }
            }
        }
        ObjectNode ran = line.putObject(RAN);
        ran.put("shard", shard.label());
        JsonViews.put(ran, "seconds", Math.round(seconds * 1000) / 1000.0);
        return line;
    }

    /** The line as text, without a line break. */
    static String text(ObjectNode line) {
        try {
            return LINE.writeValueAsString(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    /** The line without {@link #RAN}: what the table shows, the same wherever the run was computed. */
    static ObjectNode result(ObjectNode line) {
        ObjectNode copy = line.deepCopy();
        copy.remove(RAN);
        copy.remove("sweep");
        return copy;
    }

    /**
     * Why {@code node} is not a sweep line, or null when it is one: the first field missing or of
     * the wrong type, by name.
     */
    static String problem(JsonNode node) {
        if (!node.isObject()) {
            return "not a JSON object";
        }
        JsonNode sweep = node.get("sweep");
        if (sweep == null || !sweep.isObject() || !sweep.path("id").isTextual() || !whole(sweep.path("runs"))
                || sweep.path("runs").asInt() < 1) {
            return "no \"sweep\" with an \"id\" and a number of \"runs\" (is it a line of train-sweep?)";
        }
        for (var field : new TreeMap<>(REQUIRED).entrySet()) {
            JsonNode value = node.get(field.getKey());
            boolean nullNumber = value != null && value.isNull() && field.getValue() == JsonNodeType.NUMBER;
            if (value == null || (value.getNodeType() != field.getValue() && !nullNumber)) {
                return "no " + (field.getValue() == JsonNodeType.NUMBER ? "number" : "text") + " \"" + field.getKey() + "\"";
            }
        }
        if (!whole(node.get("run")) || !whole(node.get("steps")) || !node.get("seed").isIntegralNumber()) {
            return "\"run\", \"steps\" and \"seed\" must be whole numbers";
        }
        JsonNode batch = node.get("batch_size");
        if (batch == null || !(whole(batch) || (batch.isTextual() && batch.asText().equals("full")))) {
            return "no \"batch_size\" (a number of rows, or \"full\")";
        }
        return null;
    }

    private static boolean whole(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt();
    }
}
