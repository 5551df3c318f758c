package dev.losslab.app.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.losslab.core.analysis.CriticalPoint;
import dev.losslab.core.analysis.PointAnalysis;
import dev.losslab.core.data.ColumnStats;
import dev.losslab.core.data.Dataset;
import dev.losslab.core.maps.Axis;
import dev.losslab.core.maps.BasinMap;
import dev.losslab.core.maps.FairTuning;
import dev.losslab.core.maps.TuningGrid;
import dev.losslab.core.maps.TuningScore;
import dev.losslab.core.maps.MomentumRegime;
import dev.losslab.core.maps.SgdLevels;
import dev.losslab.core.maps.SgdStatsResult;
import dev.losslab.core.maps.SweepResult;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Param;
import dev.losslab.core.optim.Range;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.optim.ScheduleKind;
import dev.losslab.core.optim.Schedules;
import dev.losslab.core.optim.Settings;
import dev.losslab.core.run.EndPoint;
import dev.losslab.core.run.GradientNoise;
import dev.losslab.core.run.Internals;
import dev.losslab.core.run.StopReason;
import dev.losslab.core.run.Outcome;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Trajectory;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.MinibatchSurface;
import dev.losslab.core.surface.Minimum;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;

/**
 * JSON shapes of core results, shared by the CLI and the web API. Non-finite numbers become null:
 * JSON has no NaN or Infinity, and a reader must never meet them.
 */
public final class JsonViews {

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonViews() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Puts v under key, or null when v is NaN or infinite. */
    public static ObjectNode put(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
        return node;
    }

    public static ArrayNode add(ArrayNode array, double v) {
        if (Double.isFinite(v)) {
            array.add(v);
        } else {
            array.addNull();
        }
        return array;
    }

    public static ObjectNode point(Vec2 p) {
        ObjectNode node = object();
        put(node, "x", p.x());
        put(node, "y", p.y());
        return node;
    }

    public static ArrayNode window(Window w) {
        ArrayNode a = array();
        a.add(w.xMin()).add(w.xMax()).add(w.yMin()).add(w.yMax());
        return a;
    }

    public static ObjectNode minimum(Minimum m) {
        ObjectNode node = point(m.at());
        put(node, "value", m.value());
        return node;
    }

    /** A catalog entry as {@code surfaces --format json} and the web API list it. */
    public static ObjectNode landscape(Landscape l) {
        ObjectNode node = object();
        node.put("name", l.name());
        node.put("title", l.title());
        node.put("formula", l.formula());
        node.put("description", l.description());
        node.set("window", window(l.window()));
        node.set("defaultStart", point(l.defaultStart()));
        node.put("learningRate", l.learningRate());
        node.put("adaptiveLearningRate", l.adaptiveLearningRate());
        ArrayNode minima = node.putArray("knownMinima");
        l.knownMinima().forEach(m -> minima.add(minimum(m)));
        if (l.surface() instanceof MinibatchSurface data) {
            node.put("examples", data.examples()); // a surface made of data: minibatches of 1 … examples
        }
        return node;
    }

    /**
     * A dataset as {@code datasets --format json} lists it: {@code name}, {@code description},
     * {@code source}, {@code rows}, {@code features} ({@code {name, min, max, mean, sd}} each, sd the
     * population one) and {@code label}: {@code name}, {@code kind} ({@code class} or {@code real}),
     * then {@code classes} ({@code {name, count}}, code k at index k) or the label's {@code min},
     * {@code max}, {@code mean} and {@code sd}.
     */
    public static ObjectNode dataset(Dataset d) {
        ObjectNode node = object();
        node.put("name", d.name());
        node.put("description", d.description());
        node.put("source", d.source());
        node.put("rows", d.rows());
        ArrayNode features = node.putArray("features");
        for (int j = 0; j < d.featureCount(); j++) {
            features.add(stats(object().put("name", d.featureNames().get(j)), ColumnStats.of(d.feature(j))));
        }
        ObjectNode label = node.putObject("label").put("name", d.labelName());
        label.put("kind", d.labelKind().name().toLowerCase(Locale.ROOT));
        switch (d.labelKind()) {
            case CLASS -> {
                ArrayNode classes = label.putArray("classes");
                int[] counts = DatasetTable.classCounts(d);
                for (int k = 0; k < counts.length; k++) {
                    classes.add(object().put("name", d.classNames().get(k)).put("count", counts[k]));
                }
            }
            case REAL -> stats(label, ColumnStats.of(d.labels()));
        }
        return node;
    }

    private static ObjectNode stats(ObjectNode node, ColumnStats s) {
        return node.put("min", s.min()).put("max", s.max()).put("mean", s.mean()).put("sd", s.sd());
    }

    /**
     * A basin map, as {@code losslab basins --format json} prints it and {@code GET /api/basins} (and
     * its job) answers: {@code surface}, {@code optimizer}, {@code window}, {@code grid}, {@code spec}
     * (the run from every start, without a start), {@code labels} (grid² numbers, row by row from
     * the window's bottom edge: the minimum's index, −1 diverged, −2 still on its way, −3 at a saddle,
     * −4 at a maximum), {@code minima} (every numbered minimum: the listed ones, then the other local
     * minima in the window by value), {@code listed} (how many of them the surface lists),
     * {@code shares} ({@code {x, y, share}} per minimum, same order), the {@code diverged},
     * {@code unconverged}, {@code saddle} and {@code maximum} shares, and {@code legend}, the rows a
     * legend shows ({@link BasinLegend}: {@code kind}, {@code label}, {@code minimum} (number from 1,
     * or null), {@code x}, {@code y}, {@code value}, {@code listed}, {@code count}, {@code share}).
     */
    public static ObjectNode basinMap(BasinMap map, RunSpec spec) {
        ObjectNode root = object();
        root.put("surface", spec.landscape().name());
        root.put("optimizer", spec.optimizerName());
        root.set("window", window(map.grid().window()));
        root.put("grid", map.grid().columns());
        ObjectNode settings = spec(spec);
        settings.remove("start");
        root.set("spec", settings);
        ArrayNode labels = root.putArray("labels");
        for (int j = 0; j < map.grid().rows(); j++) {
            for (int i = 0; i < map.grid().columns(); i++) {
                labels.add(map.label(i, j));
            }
        }
        ArrayNode minima = root.putArray("minima");
        ArrayNode shares = root.putArray("shares");
        for (int m = 0; m < map.minima().size(); m++) {
            minima.add(minimum(map.minima().get(m)));
            ObjectNode share = point(map.minima().get(m).at());
            put(share, "share", map.share(m));
            shares.add(share);
        }
        root.put("listed", map.listedCount());
        put(root, "diverged", map.divergedShare());
        put(root, "unconverged", map.unconvergedShare());
        put(root, "saddle", map.saddleShare());
        put(root, "maximum", map.maximumShare());
        ArrayNode legend = root.putArray("legend");
        for (BasinLegend.Row row : BasinLegend.of(map)) {
            ObjectNode r = legend.addObject();
            r.put("kind", row.kind());
            r.put("label", row.label());
            if (row.minimum() != null) {
                r.put("minimum", row.label() + 1);
                put(r, "x", row.minimum().at().x());
                put(r, "y", row.minimum().at().y());
                put(r, "value", row.minimum().value());
                r.put("listed", row.listed());
            } else {
                r.putNull("minimum");
            }
            r.put("count", row.count());
            put(r, "share", row.share());
        }
        return root;
    }

    /**
     * SGD statistics, as {@code losslab sgd-stats --format json} prints them and
     * {@code GET /api/sgd-stats} (and its job) answers: {@code spec} (the run as its levels ran it,
     * without what they vary), {@code varies} ({@code noise} or {@code batchSize}: the key each level
     * holds its value under), {@code runs} (seeds per level), {@code steps}, {@code minima}
     * ({@code {x, y}} each: every numbered minimum, the listed ones first), {@code listed} (how many of
     * them the surface lists), and {@code levels}, in the order run: per level its {@code noise} σ or
     * {@code batchSize} B, {@code shares} (the fraction of runs ending in each minimum, in
     * {@code minima}'s order), {@code diverged} and {@code unconverged}.
     */
    public static ObjectNode sgdStats(SgdStatsResult stats, RunSpec spec) {
        SgdLevels levels = stats.levels();
        String varies = switch (levels) {
            case SgdLevels.Noise noise -> "noise";
            case SgdLevels.BatchSizes sizes -> "batchSize";
        };
        ObjectNode root = object();
        // Every level runs the first level's spec but for what they vary (batch-size levels also run without Gaussian noise).
        ObjectNode settings = spec(levels.at(spec, 0));
        settings.remove(varies);
        root.set("spec", settings);
        root.put("varies", varies);
        root.put("runs", stats.runs());
        root.put("steps", spec.maxSteps());
        ArrayNode minima = root.putArray("minima");
        for (Minimum m : stats.minima()) {
            minima.add(point(m.at()));
        }
        root.put("listed", spec.landscape().knownMinima().size());
        ArrayNode rows = root.putArray("levels");
        for (int level = 0; level < levels.count(); level++) {
            ObjectNode row = rows.addObject();
            switch (levels) {
                case SgdLevels.Noise noise -> put(row, "noise", noise.value(level));
                case SgdLevels.BatchSizes sizes -> row.put("batchSize", sizes.size(level));
            }
            ArrayNode shares = row.putArray("shares");
            for (int m = 0; m < stats.minima().size(); m++) {
                shares.add(stats.share(level, m));
            }
            put(row, "diverged", stats.divergedShare(level));
            put(row, "unconverged", stats.unconvergedShare(level));
        }
        return root;
    }

    /**
     * An optimizer as the registry declares it ({@code optimizers --format json}, and each entry of
     * {@code GET /api/catalog}'s {@code optimizers}): name, title, plain-text update rule, where its
     * default lr comes from, its default noise, its {@link #params}, and which of them tuning lr and
     * momentum tunes with lr ({@code momentum}, {@code beta1} or null: {@link TuningGrid#momentumOf}).
     */
    public static ObjectNode optimizer(OptimizerKind k) {
        ObjectNode node = object();
        node.put("name", k.name());
        node.put("title", k.title());
        node.put("updateRule", k.updateRule());
        node.put("learningRateDefault", k.learningRateDefault().name().toLowerCase(Locale.ROOT));
        put(node, "defaultNoise", k.defaultNoise());
        node.set("params", params(k.params()));
        node.put("tunedMomentum", TuningGrid.momentumOf(k).map(Param::name).orElse(null));
        return node;
    }

    /** A learning-rate schedule as the registry declares it: name, help and its {@link #params}. */
    public static ObjectNode schedule(ScheduleKind s) {
        ObjectNode node = object();
        node.put("name", s.name());
        node.put("help", s.help());
        node.set("params", params(s.params()));
        return node;
    }

    /**
     * Hyper-parameters as the registry declares them: name, symbol, help, {@code kind} ({@code real},
     * {@code flag}, {@code numbers} or {@code choice}), flag (true for a flag), default (a number,
     * false, an array of numbers, or a name), allowed ("in [0, 1)"), and by kind: min and max (null
     * when unbounded) for reals and the elements of numbers; minLength and maxLength for numbers;
     * choices for a choice.
     */
    public static ArrayNode params(List<Param> params) {
        ArrayNode list = array();
        for (Param p : params) {
            ObjectNode node = list.addObject();
            node.put("name", p.name());
            node.put("symbol", p.symbol());
            node.put("help", p.help());
            node.put("kind", switch (p.kind()) {
                case Param.Real r -> "real";
                case Param.Flag f -> "flag";
                case Param.Numbers n -> "numbers";
                case Param.Choice c -> "choice";
            });
            node.put("flag", p.flag());
            node.put("allowed", p.allowed());
            switch (p.kind()) {
                case Param.Real r -> {
                    put(node, "default", r.defaultValue());
                    node.put("whole", r.whole());
                    putRange(node, r.range());
                }
                case Param.Flag f -> node.put("default", false);
                case Param.Numbers n -> {
                    settingValue(node, "default", n.defaultValue());
                    node.put("minLength", n.minLength());
                    node.put("maxLength", n.maxLength());
                    node.put("whole", n.whole());
                    putRange(node, n.range());
                }
                case Param.Choice c -> {
                    node.put("default", c.defaultValue());
                    c.choices().forEach(node.putArray("choices")::add);
                }
            }
        }
        return list;
    }

    private static void putRange(ObjectNode node, Range range) {
        put(node, "min", range.min());
        put(node, "max", range.max());
    }

    /** One hyper-parameter's value as {@link Settings} holds it, as JSON: a number, array or name. */
    private static void settingValue(ObjectNode node, String key, Object value) {
        switch (value) {
            case Double d -> put(node, key, d);
            case List<?> numbers -> {
                ArrayNode array = node.putArray(key);
                numbers.forEach(v -> array.add((Double) v));
            }
            default -> node.put(key, String.valueOf(value));
        }
    }

    /** The settings of a run: what produced it, enough to reproduce it. */
    public static ObjectNode spec(RunSpec spec) {
        ObjectNode node = object();
        node.put("surface", spec.landscape().name());
        node.put("optimizer", spec.optimizerName());
        node.put("lr", spec.learningRate());
        ObjectNode hyper = node.putObject("hyperParameters");
        for (Param p : spec.optimizerKind().params()) {
            if (p.flag()) {
                hyper.put(p.name(), spec.hyperParameters().flag(p.name()));
            } else {
                settingValue(hyper, p.name(), spec.hyperParameters().values().get(p.name()));
            }
        }
        node.put("schedule", spec.schedule().name());
        node.set("scheduleParameters", scheduleParameters(spec.schedule()));
        node.put("noise", spec.noise());
        node.put("batchSize", spec.batchSize());
        node.put("seed", spec.seed());
        node.set("start", point(spec.start()));
        node.put("maxSteps", spec.maxSteps());
        node.put("tol", spec.tolerance());
        return node;
    }

    /**
     * A run: {@code stop} (with the evaluations the whole run cost, {@code fEvals} and
     * {@code gEvals}), {@code minimumReached}, the spec, and every point ({@code step}, {@code x},
     * {@code y}, {@code loss}, {@code gradX}, {@code gradY}, {@code lr}, and the evaluations of f and
     * ∇f so far, {@code fEvals} and {@code gEvals}; with a schedule that cycles momentum, also
     * {@code momentum}, the μ or β₁ of the update that led there, the first update's at step 0),
     * written as it goes:
     * a 100,000-step run never exists as a tree of nodes (the web API streams several per answer).
     * When the run recorded internals, each point after the start also has {@code internals}:
     * {@code {name: [x, y]}} in the order the optimizer reports them.
     */
    public static void writeRun(JsonGenerator g, Run run) throws IOException {
        writeRun(g, run, run.endPoint());
    }

    /**
     * {@link #writeRun(JsonGenerator, Run)} with where it ended already known: a server classifies
     * the ends while it computes (a noisy run's end is one more run, a typed surface's a search for
     * its critical points), not while it streams the answer.
     */
    public static void writeRun(JsonGenerator g, Run run, EndPoint end) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("stop");
        g.writeStringField("reason", run.stopReason().code());
        g.writeNumberField("step", run.steps());
        g.writeStringField("explanation", run.stopReason().explanation());
        g.writeNumberField("fEvals", run.functionEvaluations());
        g.writeNumberField("gEvals", run.gradientEvaluations());
        g.writeEndObject();
        g.writeFieldName("minimumReached");
        if (run.minimumReached().isPresent()) {
            g.writeTree(minimum(run.minimumReached().get()));
        } else {
            g.writeNull();
        }
        writeEnd(g, run, end);
        g.writeFieldName("spec");
        g.writeTree(spec(run.spec()));
        g.writeArrayFieldStart("points");
        Trajectory t = run.trajectory();
        Internals internals = t.internals();
        List<String> names = internals == null ? List.of() : internals.names();
        // Cycled momentum depends on the step alone, so it is written from the schedule, not stored.
        Schedule schedule = run.spec().schedule();
        boolean cycled = schedule.cyclesMomentum();
        for (int i = 0; i < t.size(); i++) {
            Trajectory.Point p = t.point(i);
            g.writeStartObject();
            g.writeNumberField("step", p.step());
            number(g, "x", p.x());
            number(g, "y", p.y());
            number(g, "loss", p.loss());
            number(g, "gradX", p.gradientX());
            number(g, "gradY", p.gradientY());
            number(g, "lr", p.lr());
            g.writeNumberField("fEvals", p.functionEvaluations());
            g.writeNumberField("gEvals", p.gradientEvaluations());
            if (cycled) {
                number(g, "momentum", schedule.momentum(Math.max(0, p.step() - 1)));
            }
            if (internals != null && internals.has(i)) {
                g.writeObjectFieldStart("internals");
                for (String name : names) {
                    g.writeArrayFieldStart(name);
                    element(g, internals.x(name, i));
                    element(g, internals.y(name, i));
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * A race ({@code race --format json} and {@code POST /api/race}): {@code surface}, {@code runs}
     * written one at a time by {@link #writeRun}, and, when the racers were tuned first
     * ({@code race --tune}), {@code tuned}: per racer, in race order,
     * <ul>
     *   <li>{@code optimizer}, {@code scope} ({@code lr} or {@code lr,momentum}), {@code found}
     *       (false when no setting kept more than half its runs from diverging and the defaults were
     *       raced);</li>
     *   <li>the chosen {@code lr}, {@code lrAtGridEnd} (true when it is the grid's first or last: a
     *       better lr may lie beyond), and {@code parameter} ({@code momentum} or {@code beta1}) with its
     *       {@code value}, both null when only lr was tuned;</li>
     *   <li>what it was given: {@code configurations} (the same for every racer),
     *       {@code lrGrid} {from, to, count}, {@code values} of the parameter (empty without one),
     *       {@code starts} [[x, y] …] and {@code seeds}, and {@code runs} in all;</li>
     *   <li>{@code score}, over the chosen settings' runs ({@code runs} of them): {@code diverged},
     *       {@code converged}, {@code medianStepsToConverge} (null unless more than half converged at
     *       a known minimum), {@code steps} and {@code loss} as {median, min, max} (a diverged run's
     *       loss counts as infinite: null).</li>
     * </ul>
     *
     * @param tunings one per run, or empty when nothing was tuned
     */
    public static void writeRace(JsonGenerator g, String surface, List<Run> runs, List<FairTuning.Tuned> tunings)
            throws IOException {
        writeRace(g, surface, runs, runs.stream().map(Run::endPoint).toList(), tunings);
    }

    /** {@link #writeRace(JsonGenerator, String, List, List)} with each run's end already known, in run order. */
    public static void writeRace(JsonGenerator g, String surface, List<Run> runs, List<EndPoint> ends,
            List<FairTuning.Tuned> tunings) throws IOException {
        g.writeStartObject();
        g.writeStringField("surface", surface);
        List<String> labels = RacerLabels.of(runs);
        g.writeArrayFieldStart("racers");
        for (String label : labels) {
            g.writeString(label);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("runs");
        for (int k = 0; k < runs.size(); k++) {
            writeRun(g, runs.get(k), ends.get(k));
        }
        g.writeEndArray();
        if (!tunings.isEmpty()) {
            g.writeArrayFieldStart("tuned");
            for (int k = 0; k < tunings.size(); k++) {
                writeTuned(g, tunings.get(k), labels.get(k));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeTuned(JsonGenerator g, FairTuning.Tuned tuned, String racer) throws IOException {
        g.writeStartObject();
        g.writeStringField("racer", racer);
        g.writeStringField("optimizer", tuned.spec().optimizerName());
        g.writeStringField("scope", tuned.scope().label());
        g.writeBooleanField("found", tuned.found());
        number(g, "lr", tuned.learningRate());
        g.writeBooleanField("lrAtGridEnd", tuned.learningRateAtGridEnd());
        if (tuned.grid().parameter().isPresent()) {
            g.writeStringField("parameter", tuned.grid().parameter().get().name());
            number(g, "value", tuned.momentum().orElseThrow());
        } else {
            g.writeNullField("parameter");
            g.writeNullField("value");
        }
        g.writeNumberField("configurations", tuned.grid().size());
        g.writeObjectFieldStart("lrGrid");
        number(g, "from", tuned.grid().learningRates().getFirst());
        number(g, "to", tuned.grid().learningRates().getLast());
        g.writeNumberField("count", tuned.grid().learningRates().size());
        g.writeEndObject();
        g.writeArrayFieldStart("values");
        for (double v : tuned.grid().values()) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("starts");
        for (Vec2 start : tuned.trials().starts()) {
            g.writeStartArray();
            element(g, start.x());
            element(g, start.y());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("seeds");
        for (long seed : tuned.trials().seeds()) {
            g.writeNumber(seed);
        }
        g.writeEndArray();
        g.writeNumberField("runs", tuned.runs());
        TuningScore s = tuned.score();
        g.writeObjectFieldStart("score");
        g.writeNumberField("runs", s.runs());
        g.writeNumberField("diverged", s.diverged());
        g.writeNumberField("converged", s.converged());
        if (Double.isFinite(s.medianStepsToConverge())) {
            g.writeNumberField("medianStepsToConverge", (long) s.medianStepsToConverge());
        } else {
            g.writeNullField("medianStepsToConverge");
        }
        g.writeObjectFieldStart("steps");
        g.writeNumberField("median", s.medianSteps());
        g.writeNumberField("min", s.minSteps());
        g.writeNumberField("max", s.maxSteps());
        g.writeEndObject();
        g.writeObjectFieldStart("loss");
        number(g, "median", s.medianLoss());
        number(g, "min", s.minLoss());
        number(g, "max", s.maxLoss());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * {@code end}: where the run ended ({@link EndPoint}) — {@code kind} (minimum, near-minimum,
     * saddle, maximum, degenerate, diverged, unsettled), {@code minimum} (its number from 1, listed
     * minima first, or null), {@code listed}, the place {@code x}, {@code y}, {@code value} (null
     * without one), whether a convergence test stopped it there ({@code converged}), and
     * {@code text}, the sentence the CLI prints.
     */
    private static void writeEnd(JsonGenerator g, Run run, EndPoint end) throws IOException {
        g.writeObjectFieldStart("end");
        g.writeStringField("kind", end.code());
        Integer number = null;
        Boolean listed = null;
        Vec2 at = null;
        double value = Double.NaN;
        switch (end) {
            case EndPoint.AtMinimum m -> {
                number = m.number();
                listed = m.listed();
                at = m.minimum().at();
                value = m.minimum().value();
            }
            case EndPoint.NearMinimum m -> {
                number = m.number();
                listed = m.listed();
                at = m.minimum().at();
                value = m.minimum().value();
            }
            case EndPoint.AtCriticalPoint p -> {
                at = p.at();
                value = p.value();
            }
            case EndPoint.Diverged d -> { }
            case EndPoint.Unsettled u -> { }
        }
        if (number == null) {
            g.writeNullField("minimum");
            g.writeNullField("listed");
        } else {
            g.writeNumberField("minimum", number);
            g.writeBooleanField("listed", listed);
        }
        number(g, "x", at == null ? Double.NaN : at.x());
        number(g, "y", at == null ? Double.NaN : at.y());
        number(g, "value", value);
        g.writeBooleanField("converged", run.stopReason() instanceof StopReason.Converged);
        g.writeStringField("text", EndText.of(run));
        g.writeEndObject();
    }

    /** {@link #writeRace} as a tree, for a job's answer. */
    public static ObjectNode race(String surface, List<Run> runs, List<FairTuning.Tuned> tunings) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            writeRace(buffer, surface, runs, tunings);
            return (ObjectNode) MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #writeRun} as a tree, for callers that assemble a larger document. */
    public static ObjectNode run(Run run) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            writeRun(buffer, run);
            return (ObjectNode) MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void element(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    /** Writes v under name, or null when v is NaN or infinite. */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    /**
     * A point analysis with the keys {@code analyze --format json} promises: value, gradient,
     * hessian, eigenvalues (descending), eigenvectors (unit, same order), trace, determinant, kind,
     * conditionNumber (null when infinite), plus the point, maxStableLearningRate (null when no
     * direction curves upward) and critical: whether a point where the slope vanishes lies within
     * {@code reach} ({@link PointAnalysis#distanceToFlat()}, the runs' own test: {@code
     * Destinations.reach()}), so the side of a bowl is not called a minimum.
     */
    public static ObjectNode analysis(PointAnalysis a, double reach) {
        ObjectNode node = object();
        node.set("at", point(a.point()));
        put(node, "value", a.value());
        node.set("gradient", pair(a.gradient().x(), a.gradient().y()));
        put(node, "gradientNorm", a.gradientNorm());
        Sym2 h = a.hessian();
        ArrayNode hessian = node.putArray("hessian");
        hessian.add(pair(h.xx(), h.xy()));
        hessian.add(pair(h.xy(), h.yy()));
        Sym2.Eigen e = a.eigen();
        node.set("eigenvalues", pair(e.first(), e.second()));
        ArrayNode vectors = node.putArray("eigenvectors");
        vectors.add(pair(e.firstVector().x(), e.firstVector().y()));
        vectors.add(pair(e.secondVector().x(), e.secondVector().y()));
        put(node, "trace", a.trace());
        put(node, "determinant", a.determinant());
        node.put("kind", a.kind().code());
        // the curvature's kind alone would call the side of a bowl a minimum
        node.put("critical", a.distanceToFlat() <= reach);
        put(node, "conditionNumber", a.conditionNumber());
        var lr = a.maxStableLearningRate();
        if (lr.isPresent()) {
            put(node, "maxStableLearningRate", lr.getAsDouble());
        } else {
            node.putNull("maxStableLearningRate");
        }
        return node;
    }

    /**
     * The gradient noise at a point ({@code GET /api/gradient-noise}): at, examples n, batchSize B,
     * seed, gradient G, gradientNorm |G| and gradientSquared |G|² (the signal tr Σ_B is weighed
     * against), exampleCovariance S and exampleTrace, the batch's
     * covariance Σ_B and its trace, noiseScale B_simple (null where G = 0), the samples as
     * [[gx, gy], …], and measuredCovariance and measuredTrace of the samples about G (null without
     * samples). Matrices as [[xx, xy], [xy, yy]], as the Hessian in {@link #analysis}.
     */
    public static ObjectNode gradientNoise(GradientNoise noise) {
        ObjectNode node = object();
        node.set("at", point(noise.at()));
        node.put("examples", noise.examples());
        node.put("batchSize", noise.batchSize());
        node.put("seed", noise.seed());
        node.set("gradient", pair(noise.gradient().x(), noise.gradient().y()));
        put(node, "gradientNorm", noise.gradient().norm());
        put(node, "gradientSquared", noise.gradient().dot(noise.gradient()));
        node.set("exampleCovariance", matrix(noise.exampleCovariance()));
        put(node, "exampleTrace", noise.exampleCovariance().trace());
        node.set("covariance", matrix(noise.batchCovariance()));
        put(node, "trace", noise.batchTrace());
        put(node, "noiseScale", noise.noiseScale());
        ArrayNode samples = node.putArray("samples");
        for (Vec2 s : noise.samples()) {
            samples.add(pair(s.x(), s.y()));
        }
        var measured = noise.measuredCovariance();
        if (measured.isPresent()) {
            node.set("measuredCovariance", matrix(measured.get()));
            put(node, "measuredTrace", measured.get().trace());
        } else {
            node.putNull("measuredCovariance");
            node.putNull("measuredTrace");
        }
        return node;
    }

    private static ArrayNode matrix(Sym2 m) {
        ArrayNode rows = array();
        rows.add(pair(m.xx(), m.xy()));
        rows.add(pair(m.xy(), m.yy()));
        return rows;
    }

    /** Every critical point found ({@code critical-points --format json}, {@code GET /api/critical-points}). */
    public static ArrayNode criticalPoints(List<CriticalPoint> points) {
        ArrayNode list = array();
        points.forEach(p -> list.add(criticalPoint(p)));
        return list;
    }

    /** One critical point as {@code critical-points --format json} lists it: x, y, value, kind. */
    public static ObjectNode criticalPoint(CriticalPoint c) {
        ObjectNode node = point(c.at());
        put(node, "value", c.value());
        node.put("kind", c.kind().code());
        return node;
    }

    private static ArrayNode pair(double a, double b) {
        return add(add(array(), a), b);
    }

    /**
     * A schedule's parameters as {name: value}: its record components with Java names turned into
     * the CLI's ({@code stepSize} → {@code step-size}, {@code t0} → {@code t-0}, as the Schedules
     * registry names them). A switch that is on in PyTorch by default is a {@code no-} flag in the
     * registry ({@code cycleMomentum} is {@code no-cycle-momentum}), shown negated under that name.
     */
    static ObjectNode scheduleParameters(Schedule settings) {
        ObjectNode node = object();
        RecordComponent[] components = settings.getClass().getRecordComponents();
        if (components == null) {
            return node;
        }
        for (RecordComponent c : components) {
            try {
                Object v = c.getAccessor().invoke(settings);
                String key = kebab(c.getName());
                switch (v) {
                    case Boolean b when Schedules.get(settings.name()).takes("no-" + key) -> node.put("no-" + key, !b);
                    case Boolean b -> node.put(key, b);
                    case Number n -> put(node, key, n.doubleValue());
                    case List<?> numbers -> {
                        ArrayNode array = node.putArray(key);
                        numbers.forEach(e -> array.add(((Number) e).doubleValue()));
                    }
                    default -> node.put(key, String.valueOf(v));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
        return node;
    }

    /** {@code stepSize} → {@code step-size}, {@code t0} → {@code t-0} (PyTorch's T_0). */
    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([a-z])([0-9])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * A sweep (the CLI's {@code sweep --format json} and {@code GET /api/sweep}): {@code spec} without
     * the swept settings, {@code axes} and one cell per run, first axis fastest, each with its swept
     * values, stop, steps and end point, and the regime theory predicts when it applies
     * ({@link MomentumRegime#predict}).
     */
    public static ObjectNode sweep(SweepResult r) {
        ObjectNode root = object();
        ObjectNode settings = spec(r.spec(0, 0));
        for (Axis a : r.axes()) {
            settings.remove(a.name());
            ((ObjectNode) settings.get("hyperParameters")).remove(a.name());
        }
        root.set("spec", settings);
        ArrayNode axes = root.putArray("axes");
        for (Axis a : r.axes()) {
            ObjectNode node = axes.addObject();
            node.put("name", a.name());
            put(node, "from", a.from());
            put(node, "to", a.to());
            node.put("count", a.count());
            node.put("log", a.log());
        }
        ArrayNode cells = root.putArray("cells");
        for (int j = 0; j < r.rows(); j++) {
            for (int i = 0; i < r.columns(); i++) {
                Outcome o = r.outcome(i, j);
                ObjectNode cell = cells.addObject();
                put(cell, r.axes().getFirst().name(), r.axes().getFirst().value(i));
                if (r.axes().size() == 2) {
                    put(cell, r.axes().get(1).name(), r.axes().get(1).value(j));
                }
                cell.put("stop", o.stop().code());
                cell.put("steps", o.steps());
                put(cell, "x", o.x());
                put(cell, "y", o.y());
                put(cell, "loss", o.loss());
                MomentumRegime.predict(r.spec(i, j)).ifPresent(g -> cell.put("regime", g.code()));
            }
        }
        return root;
    }
}
