package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiJson;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.app.web.http.Surfaces;
import dev.losslab.core.data.DataLandscapes;
import dev.losslab.core.data.Dataset;
import dev.losslab.core.data.Datasets;
import dev.losslab.core.maps.Basins;
import dev.losslab.core.maps.SgdStats;
import dev.losslab.core.net.Activation;
import dev.losslab.core.net.Loss;
import dev.losslab.core.net.ModelKind;
import dev.losslab.core.net.Training;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Schedules;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Catalog;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code GET /api/catalog}: everything the page builds its controls from, read from the registries
 * (surfaces, optimizers with their MathML, schedules) plus every {@link Limits}. It never changes
 * while the server runs, so it is rendered once, on first request.
 */
public final class CatalogEndpoint implements Endpoint {

    private final Limits limits;
    private volatile byte[] rendered;

    public CatalogEndpoint(Limits limits) {
        this.limits = limits;
    }

    @Override
    public Reply handle(Request request) throws Exception {
        request.query().allowOnly();
        byte[] body = rendered;
        if (body == null) {
            body = ApiJson.WRITER.writeValueAsBytes(catalog(limits));
            rendered = body;
        }
        return Reply.jsonBytes(body);
    }

    static ObjectNode catalog(Limits limits) {
        ObjectNode root = JsonViews.object();
        ArrayNode surfaces = root.putArray("surfaces");
        Catalog.all().forEach(l -> surfaces.add(JsonViews.landscape(l)));
        ArrayNode dataSurfaces = root.putArray("dataSurfaces");
        DataLandscapes.FEATURED.forEach(spec -> dataSurfaces.add(JsonViews.landscape(Surfaces.resolve(spec))));
        ArrayNode optimizers = root.putArray("optimizers");
        Optimizers.all().forEach(k -> optimizers.add(optimizer(k)));
        ArrayNode schedules = root.putArray("schedules");
        Schedules.all().forEach(s -> schedules.add(JsonViews.schedule(s)));
        root.set("networks", networks());
        root.set("limits", limits(limits));
        // What a request gets for a field it leaves out, so the page's fields start where the API would.
        ObjectNode defaults = root.putObject("defaults");
        defaults.put("steps", RunSpec.DEFAULT_STEPS);
        defaults.put("seed", RunSpec.DEFAULT_SEED);
        defaults.put("schedule", Schedules.DEFAULT);
        defaults.putObject("basins").put("grid", Basins.DEFAULT_GRID).put("steps", RunSpec.DEFAULT_STEPS);
        defaults.putObject("sgdStats").put("runs", SgdStats.DEFAULT_RUNS).put("steps", RunSpec.DEFAULT_STEPS);
        return root;
    }

    /**
     * Every limit, grouped as the page reads them: a race's, a landscape's and a request's at the top
     * (their first home, kept for older pages), then one object per map, for connections and for jobs;
     * durations in seconds.
     */
    static ObjectNode limits(Limits limits) {
        ObjectNode bounds = JsonViews.object();
        bounds.put("maxSteps", limits.race().maxSteps());
        bounds.put("maxInternalsSteps", limits.race().maxInternalsSteps());
        bounds.put("maxRacers", limits.race().maxRacers());
        bounds.put("maxRaceWork", limits.race().maxWork());
        bounds.put("maxGrid", limits.landscape().maxGrid());
        bounds.put("maxBodyBytes", limits.requests().maxBodyBytes());
        bounds.put("maxQueryLength", limits.requests().maxQueryLength());
        bounds.put("maxJsonNesting", Limits.MAX_JSON_NESTING);
        bounds.put("maxConcurrentWork", limits.requests().maxConcurrentWork());
        bounds.put("maxWaitingPerClient", limits.requests().maxWaitingPerClient());
        bounds.put("maxComputeSeconds", limits.requests().maxComputeMillis() / 1000.0);
        // The maps page checks its fields against these before it asks (the API checks again).
        ObjectNode basins = bounds.putObject("basins");
        basins.put("maxGrid", limits.basins().maxGrid());
        basins.put("maxSteps", limits.basins().maxSteps());
        basins.put("maxWork", limits.basins().maxWork());
        ObjectNode sweep = bounds.putObject("sweep");
        sweep.put("maxCount", limits.sweep().maxCount());
        sweep.put("maxSteps", limits.sweep().maxSteps());
        sweep.put("maxWork", limits.sweep().maxWork());
        ObjectNode sgd = bounds.putObject("sgdStats");
        sgd.put("maxLevels", limits.sgdStats().maxLevels());
        sgd.put("maxRuns", limits.sgdStats().maxRuns());
        sgd.put("maxSteps", limits.sgdStats().maxSteps());
        ObjectNode tuning = bounds.putObject("tuning");
        tuning.put("maxSteps", limits.tuning().maxSteps());
        tuning.put("maxWork", limits.tuning().maxWork());
        ObjectNode connections = bounds.putObject("connections");
        connections.put("maxHeadBytes", limits.connections().maxHeadBytes());
        connections.put("requestSeconds", limits.connections().requestMillis() / 1000.0);
        connections.put("responseSeconds", limits.connections().responseMillis() / 1000.0);
        connections.put("idleSeconds", limits.connections().idleMillis() / 1000.0);
        ObjectNode training = bounds.putObject("training");
        training.put("maxSteps", limits.training().maxSteps());
        training.put("maxRacers", limits.training().maxRacers());
        training.put("maxWork", limits.training().maxWork());
        ObjectNode jobs = bounds.putObject("jobs");
        jobs.put("maxRunning", limits.jobs().maxRunning());
        jobs.put("maxSeconds", limits.jobs().maxMillis() / 1000.0);
        jobs.put("keepSeconds", limits.jobs().keepMillis() / 1000.0);
        jobs.put("maxKept", limits.jobs().maxKept());
        return bounds;
    }

    /**
     * What the models page builds its form from: the built-in datasets (name, description, rows,
     * inputs, classes: empty for real labels), the models, activations and losses by the names the
     * API takes, and the defaults a train job takes for what it leaves out.
     */
    static ObjectNode networks() {
        ObjectNode node = JsonViews.object();
        ArrayNode datasets = node.putArray("datasets");
        for (Datasets.Builtin builtin : Datasets.all()) {
            Dataset d = Datasets.get(builtin.name());
            ObjectNode set = datasets.addObject();
            set.put("name", d.name());
            set.put("description", d.description());
            set.put("rows", d.rows());
            set.put("inputs", d.featureCount());
            ArrayNode classes = set.putArray("classes");
            if (d.labelKind() == Dataset.LabelKind.CLASS) {
                d.classNames().forEach(classes::add);
            }
        }
        ArrayNode models = node.putArray("models");
        for (ModelKind m : ModelKind.values()) {
            models.add(m.label());
        }
        ArrayNode activations = node.putArray("activations");
        for (Activation a : Activation.values()) {
            activations.add(a.label());
        }
        ArrayNode losses = node.putArray("losses");
        for (Loss l : Loss.values()) {
            losses.add(l.label());
        }
        ObjectNode defaults = node.putObject("defaults");
        defaults.put("hidden", Arrays.stream(ModelKind.DEFAULT_HIDDEN).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        defaults.put("activation", Activation.TANH.label());
        defaults.put("model", ModelKind.MLP.label());
        defaults.put("steps", TrainWork.DEFAULT_STEPS);
        defaults.put("seed", 0);
        ObjectNode lr = defaults.putObject("lr");
        Optimizers.all().forEach(k -> lr.put(k.name(), Training.defaultLearningRate(k)));
        return node;
    }

    /** {@link JsonViews#optimizer}, with its rule typeset where someone wrote the MathML (else null). */
    private static ObjectNode optimizer(OptimizerKind k) {
        ObjectNode node = JsonViews.optimizer(k);
        node.put("mathml", OptimizerMathMl.of(k.name()).orElse(null));
        return node;
    }
}
