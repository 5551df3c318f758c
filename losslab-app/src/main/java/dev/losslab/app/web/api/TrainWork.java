package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.jobs.JobWork;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.data.Dataset;
import dev.losslab.core.data.Datasets;
import dev.losslab.core.maps.Job;
import dev.losslab.core.net.Architecture;
import dev.losslab.core.net.Batches;
import dev.losslab.core.net.DecisionMap;
import dev.losslab.core.net.Examples;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.TrainResult;
import dev.losslab.core.net.TrainStep;
import dev.losslab.core.net.Training;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.optim.Schedules;
import dev.losslab.core.optim.Settings;
import dev.losslab.core.surface.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A training race (job kind {@code train}, the models page's Train): 1 to
 * {@link Limits.Training#maxRacers()} optimizers train the same network on the same data from the
 * same initial weights θ₀ and see the same batches, side by side, one thread each; the CLI's
 * {@code train} run once per racer. {@code POST /api/jobs} with
 * <pre>{@code
 * {"kind": "train", "data": "moons", "model": "mlp", "hidden": "16,16", "activation": "tanh", "loss": "bce",
 *  "seed": 0, "steps": 1000, "batch-size": 32, "sharpness-every": 10,
 *  "racers": [{"optimizer": "sgd", "params": {"lr": 0.1}, "schedule": {"name": "cosine"}},
 *             {"optimizer": "adam", "params": {"lr": 0.01}}]}
 * }</pre>
 * Only {@code data} and {@code racers} are required (docs/API.md, "Training"). While the job runs its
 * poll carries the curves so far ({@link #partial}) and, for two-feature classes, each racer's
 * decision boundary at a recent step on a coarser grid ({@link LiveBoundary}); its answer has each
 * racer's boundary after its last step.
 *
 * @param racers the racers' runs, each with its own objective (one per thread: it holds scratch)
 */
public record TrainWork(Dataset dataset, Architecture architecture, String batchText, int sharpnessEvery,
                        List<Racer> racers) implements JobWork {

    /** The fields of the job's body besides {@code kind}. */
    static final List<String> FIELDS = List.of("data", "model", "hidden", "activation", "loss", "seed", "steps",
            "batch-size", "sharpness-every", "racers");
    /** Updates when the body does not say. */
    public static final int DEFAULT_STEPS = 1_000;
    /** Points per side of the grid the final decision boundary is traced on, for all but large networks. */
    static final int BOUNDARY_GRID = 121;
    /**
     * Grid points × parameters a racer's final boundary may cost: about 0.1–0.4 s (0.65–2 ns a product,
     * measured), so a large network's grid is coarser than 121 (44 at the web's 100,000 parameters,
     * where 121² would take seconds per racer).
     */
    static final double BOUNDARY_BUDGET = 2e8;
    /** Room around the data in its picture, as a fraction of its span on each side. */
    static final double PAD = 0.08;

    /**
     * One racer: its label ({@code sgd}, {@code sgd:2} for the same optimizer again, as the lab
     * labels racers), its settings and its run, the curves it has drawn so far, and its boundary as it
     * trains (null when there is no picture to draw, or it would cost a poll too much).
     */
    public record Racer(String id, OptimizerKind kind, Settings settings, Training.Spec spec, TrainCurves curves,
                        LiveBoundary live) {}

    /**
     * The checked work in a job's body (its {@code kind} already read).
     *
     * @throws ApiException or {@link InvalidInputException} (400) naming the field, and for a racer's
     *         mistake the racer
     */
    public static TrainWork parse(JsonNode body, Limits.Training limits) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("kind") && !FIELDS.contains(name)) {
                throw ApiException.badRequest(name, "a train job takes kind, " + String.join(", ", FIELDS) + "; '"
                        + name + "' is not one of them");
            }
        }
        String data = text(body, "data");
        if (data == null) {
            throw ApiException.badRequest("data", "data is required: a built-in dataset (" + String.join(", ", Datasets.names()) + ")");
        }
        Dataset dataset = Datasets.resolve(data, false);
        Architecture architecture = Architecture.parse(text(body, "model"), text(body, "hidden"), text(body, "activation"),
                text(body, "loss"));
        Examples examples = Examples.of(dataset);
        Objective first = architecture.objective(examples);
        long seed = whole(body, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        int steps = (int) whole(body, "steps", DEFAULT_STEPS, 1, limits.maxSteps());
        int every = (int) whole(body, "sharpness-every", 0, 1, limits.maxSteps());
        JsonNode batchNode = body.get("batch-size");
        Batches batches;
        String batchText;
        if (batchNode == null || batchNode.isNull() || batchNode.isTextual() && batchNode.asText().strip().equals("full")) {
            batches = new Batches.Full();
            batchText = "full batch";
        } else {
            int size = (int) whole(body, "batch-size", 0, 1, examples.rows());
            batches = new Batches.Sampled(size, seed);
            batchText = "minibatches of " + size + " (seed " + seed + ")";
        }
        JsonNode racerNodes = body.get("racers");
        if (racerNodes == null || !racerNodes.isArray() || racerNodes.isEmpty() || racerNodes.size() > limits.maxRacers()) {
            throw ApiException.badRequest("racers", "racers must list 1 to " + limits.maxRacers() + " racers, got "
                    + (racerNodes == null || racerNodes.isNull() ? "none" : racerNodes.isArray() ? racerNodes.size() : racerNodes.toString()));
        }
        double parameters = first.network().parameterCount();
        // every step's full-data pass, and the sharpness checks when asked
        double work = racerNodes.size() * ((steps + 1.0) * examples.rows() * parameters
                + Training.sharpnessWork(first, steps, every));
        if (work > limits.maxWork()) {
            throw ApiException.badRequest("steps", String.format(Locale.ROOT, "%d racers × %d steps of the %s network "
                    + "(%,d parameters) over all %,d rows cost %.2g row·parameter products, more than the %.0e a training "
                    + "race may: take fewer steps, fewer racers or a smaller model", racerNodes.size(), steps,
                    first.network().shape(), (int) parameters, examples.rows(), work, limits.maxWork()));
        }
        // One θ₀ for every racer: the race starts them all from the same weights.
        double[] theta = first.network().initialParameters(seed);
        Window window = window(dataset);
        int liveGrid = window == null ? 0 : LiveBoundary.grid(racerNodes.size(), (int) parameters);
        List<Racer> racers = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < racerNodes.size(); i++) {
            Objective objective = i == 0 ? first : architecture.objective(examples);
            LiveBoundary live = liveGrid == 0 ? null : new LiveBoundary(() -> architecture.objective(examples), window,
                    liveGrid, LiveBoundary.COPY_EVERY_NANOS);
            racers.add(racer(racerNodes.get(i), i, objective, steps, batches, theta, every, live, seen));
        }
        return new TrainWork(dataset, architecture, batchText, every, racers);
    }

    private static Racer racer(JsonNode node, int i, Objective objective, int steps, Batches batches, double[] theta,
                               int sharpnessEvery, LiveBoundary live, Map<String, Integer> seen) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRacer(i, "racers", "racers[" + i + "] must be an object such as {\"optimizer\": \"adam\", "
                    + "\"params\": {\"lr\": 0.01}}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("optimizer") && !name.equals("params") && !name.equals("schedule")) {
                throw ApiException.badRacer(i, name, "a racer takes optimizer, params and schedule; '" + name
                        + "' is not one of them");
            }
        }
        JsonNode name = node.get("optimizer");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw ApiException.badRacer(i, "optimizer", "racers[" + i + "].optimizer is required");
        }
        try {
            OptimizerKind kind = Optimizers.get(name.asText().strip());
            Map<String, Object> given = new LinkedHashMap<>();
            Double lr = null;
            JsonNode params = node.get("params");
            if (params != null && !params.isNull()) {
                if (!params.isObject()) {
                    throw ApiException.badRacer(i, "params", "racers[" + i + "].params must be an object of settings by name");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (p.getKey().equals("lr")) {
                        if (!p.getValue().isNumber() || !(p.getValue().doubleValue() > 0) || !Double.isFinite(p.getValue().doubleValue())) {
                            throw InvalidInputException.outOfRange("lr", "a number > 0", p.getValue().isNumber()
                                    ? p.getValue().doubleValue() : Double.NaN);
                        }
                        lr = p.getValue().doubleValue();
                    } else {
                        given.put(p.getKey(), SettingJson.plain(i, "racers[" + i + "].params", p.getKey(), p.getValue()));
                    }
                }
            }
            Settings settings = kind.settings(given);
            double rate = lr != null ? lr : Training.defaultLearningRate(kind);
            Training.Spec spec = new Training.Spec(objective, kind.build(settings), kind.name(), rate,
                    schedule(node.get("schedule"), i, steps), steps, batches, theta);
            if (sharpnessEvery > 0) {
                spec = spec.withSharpnessEvery(sharpnessEvery);
            }
            int k = seen.merge(kind.name(), 1, Integer::sum);
            String id = k == 1 ? kind.name() : kind.name() + ":" + k;
            return new Racer(id, kind, settings, spec, new TrainCurves(steps, sharpnessEvery,
                    objective.examples().classification()), live);
        } catch (InvalidInputException e) {
            throw ApiException.badRacer(i, e.field(), e.getMessage());
        }
    }

    /**
     * A racer's learning-rate schedule, as the lab's races take it: {@code {"name": "cosine",
     * "params": {"min-lr": 0.001}}}; constant when absent.
     */
    private static Schedule schedule(JsonNode node, int i, int steps) {
        if (node == null || node.isNull()) {
            return Schedules.create(Schedules.DEFAULT, Map.of(), steps);
        }
        String example = "such as {\"name\": \"cosine\", \"params\": {}}";
        if (!node.isObject()) {
            throw ApiException.badRacer(i, "schedule", "racers[" + i + "].schedule must be an object " + example);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("name") && !field.equals("params")) {
                throw ApiException.badRacer(i, "schedule", "a schedule takes name and params; '" + field + "' is not one of them");
            }
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw ApiException.badRacer(i, "schedule", "racers[" + i + "].schedule.name is required, " + example);
        }
        Map<String, Object> given = new LinkedHashMap<>();
        JsonNode params = node.get("params");
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                throw ApiException.badRacer(i, "schedule", "racers[" + i + "].schedule.params must be an object of settings by name");
            }
            params.fields().forEachRemaining(p -> given.put(p.getKey(),
                    SettingJson.plain(i, "racers[" + i + "].schedule.params", p.getKey(), p.getValue())));
        }
        return Schedules.create(name.asText().strip(), given, steps);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field, field + " must be text, got " + value);
        }
        return value.asText();
    }

    /** A whole number in lo … hi, or {@code absent} when the field is missing or null. */
    private static long whole(JsonNode body, String field, long absent, long lo, long hi) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.badRequest(field, field + " must be a whole number, got " + value);
        }
        long v = value.longValue();
        if (v < lo || v > hi) {
            throw ApiException.badRequest(field, field + " must be in " + lo + " … " + hi + ", got " + v);
        }
        return v;
    }

    @Override
    public String kind() {
        return "train";
    }

    /** Updates per racer. */
    int steps() {
        return racers.getFirst().spec().steps();
    }

    @Override
    public ObjectNode compute(Job job) {
        TrainResult[] results = new TrainResult[racers.size()];
        // Each racer's θ at the last step it reached, where its boundary (live or final) is drawn: when
        // it diverged the run's own parameters are those of the step whose loss or weights overflowed.
        // A copy per step is one pass over the weights, against the full-data loss's over rows × weights.
        double[][] lastTheta = new double[racers.size()][];
        job.forEachUnit(racers.size(), steps() + 1L, (i, stepDone) -> {
            Racer racer = racers.get(i);
            double[] last = new double[racer.spec().initial().length];
            try {
                results[i] = Training.run(racer.spec(), (step, theta) -> {
                    job.check();
                    System.arraycopy(theta, 0, last, 0, last.length);
                    racer.curves().reached(step);
                    if (racer.live() != null) {
                        racer.live().reached(step.step(), theta);
                    }
                    stepDone.run();
                }, job.checkpoint());
            } finally {
                racer.curves().ended();
                // the curves' last step is the one whose θ was copied last
                TrainStep reached = racer.curves().last();
                if (reached != null) {
                    lastTheta[i] = last;
                    if (racer.live() != null) {
                        racer.live().ended(reached.step(), last);
                    }
                }
            }
            racer.curves().stopped(results[i].stop(), results[i].detail());
        });
        ObjectNode answer = answer(TrainCurves.MAX_POINTS);
        ArrayNode nodes = (ArrayNode) answer.get("racers");
        Window window = window(dataset);
        for (int i = 0; i < racers.size(); i++) {
            ObjectNode node = (ObjectNode) nodes.get(i);
            if (window != null && lastTheta[i] != null) {
                job.check();
                int grid = boundaryGrid(racers.get(i).spec().objective().network().parameterCount());
                DecisionMap map = DecisionMap.of(racers.get(i).spec().objective(), lastTheta[i], window, grid);
                putBoundary(node, map.boundary(), node.get("reached").asInt());
            }
        }
        answer.put("boundaryAt", "the last step");
        return answer;
    }

    /**
     * Points per side of a racer's final boundary: {@link #BOUNDARY_GRID}, or as many as
     * {@link #BOUNDARY_BUDGET} allows for a large network, at least {@link LiveBoundary#MIN_GRID}.
     */
    static int boundaryGrid(int parameters) {
        return LiveBoundary.gridWithin(BOUNDARY_BUDGET, parameters, BOUNDARY_GRID);
    }

    /**
     * The curves so far, fewer points of them, and for two-feature classes each racer's boundary at
     * its latest copy of θ: what a poll shows while the racers train.
     */
    @Override
    public ObjectNode partial() {
        // Traced before the curves are read: a racer reports a step before it copies θ there, so its
        // curve then reaches at least the boundary's step.
        List<LiveBoundary.Traced> boundaries = new ArrayList<>();
        for (Racer racer : racers) {
            boundaries.add(racer.live() == null ? null : racer.live().traced());
        }
        ObjectNode answer = answer(TrainCurves.PARTIAL_POINTS);
        ArrayNode nodes = (ArrayNode) answer.get("racers");
        for (int i = 0; i < racers.size(); i++) {
            LiveBoundary.Traced traced = boundaries.get(i);
            if (traced != null) {
                putBoundary((ObjectNode) nodes.get(i), traced.lines(), traced.step());
            }
        }
        return answer;
    }

    /** {@code boundary} (polylines of x, y pairs) and {@code boundaryStep}, the step of the θ they were traced at. */
    private static void putBoundary(ObjectNode racer, List<double[]> boundary, int step) {
        ArrayNode lines = racer.putArray("boundary");
        for (double[] line : boundary) {
            ArrayNode points = lines.addArray();
            for (double v : line) {
                points.add((float) v); // a pixel needs no more digits
            }
        }
        racer.put("boundaryStep", step);
    }

    /** What the run is and each racer's curves, at most {@code points} per curve. */
    private ObjectNode answer(int points) {
        Objective o = racers.getFirst().spec().objective();
        ObjectNode root = JsonViews.object();
        ObjectNode model = root.putObject("model");
        model.put("kind", architecture.model().label());
        model.put("shape", o.network().shape());
        model.put("activation", o.network().layers() > 1 ? o.network().activation().label() : null);
        model.put("loss", o.loss().label());
        model.put("parameters", o.network().parameterCount());
        root.set("data", data());
        root.put("steps", steps());
        root.put("batches", batchText);
        if (sharpnessEvery > 0) {
            root.put("sharpnessEvery", sharpnessEvery);
        } else {
            root.putNull("sharpnessEvery");
        }
        root.put("every", racers.getFirst().curves().every());
        ArrayNode list = root.putArray("racers");
        for (Racer racer : racers) {
            ObjectNode node = list.addObject();
            node.put("id", racer.id());
            node.put("optimizer", racer.kind().name());
            JsonViews.put(node, "lr", racer.spec().learningRate());
            node.put("schedule", racer.spec().schedule().name());
            node.set("settings", JsonViews.MAPPER.valueToTree(new TreeMap<>(racer.settings().values())));
            var last = racer.curves().last();
            node.put("reached", last == null ? -1 : last.step());
            racer.curves().write(node, points);
        }
        return root;
    }

    /** The data's name, size and classes, and for two features its points and their window. */
    private ObjectNode data() {
        ObjectNode node = JsonViews.object();
        node.put("name", dataset.name());
        node.put("rows", dataset.rows());
        node.put("inputs", dataset.featureCount());
        ArrayNode features = node.putArray("features");
        dataset.featureNames().forEach(features::add);
        boolean classes = dataset.labelKind() == Dataset.LabelKind.CLASS;
        ArrayNode classNames = node.putArray("classes");
        if (classes) {
            dataset.classNames().forEach(classNames::add);
        }
        Window window = window(dataset);
        if (window != null) {
            node.set("window", JsonViews.window(window));
            ArrayNode x = node.putArray("x");
            ArrayNode y = node.putArray("y");
            ArrayNode labels = node.putArray("labels");
            for (int r = 0; r < dataset.rows(); r++) {
                x.add(dataset.feature(0)[r]);
                y.add(dataset.feature(1)[r]);
                labels.add((int) dataset.labels()[r]);
            }
        }
        return node;
    }

    /** The two features' range, padded by {@link #PAD} a side; null unless the data is two features of classes. */
    private static Window window(Dataset dataset) {
        if (dataset.featureCount() != 2 || dataset.labelKind() != Dataset.LabelKind.CLASS) {
            return null;
        }
        double[] x = range(dataset.feature(0));
        double[] y = range(dataset.feature(1));
        return Window.of(x[0], x[1], y[0], y[1]);
    }

    private static double[] range(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double pad = hi > lo ? (hi - lo) * PAD : 1;
        return new double[] {lo - pad, hi + pad};
    }
}
