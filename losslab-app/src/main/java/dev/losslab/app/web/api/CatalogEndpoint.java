package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiJson;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.Limits;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.app.web.jobs.BasinsWork;
import dev.losslab.app.web.jobs.JobLimits;
import dev.losslab.app.web.jobs.MapWork;
import dev.losslab.app.web.jobs.SgdStatsWork;
import dev.losslab.app.web.jobs.SweepWork;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Param;
import dev.losslab.core.optim.ScheduleKind;
import dev.losslab.core.optim.Schedules;
import dev.losslab.core.surface.Catalog;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/catalog}: everything the page builds its controls from, read from the registries
 * (surfaces, optimizers with their MathML, schedules) plus the request limits. It never changes
 * while the server runs, so it is rendered once, on first request.
 */
public final class CatalogEndpoint implements Endpoint {

    private final Limits limits;
    private final JobLimits jobLimits;
    private volatile byte[] rendered;

    public CatalogEndpoint(Limits limits, JobLimits jobLimits) {
        this.limits = limits;
        this.jobLimits = jobLimits;
    }

    @Override
    public Reply handle(Request request) throws Exception {
        request.query().allowOnly();
        byte[] body = rendered;
        if (body == null) {
            body = ApiJson.WRITER.writeValueAsBytes(catalog(limits, jobLimits));
            rendered = body;
        }
        return Reply.jsonBytes(body);
    }

    static ObjectNode catalog(Limits limits, JobLimits jobLimits) {
        ObjectNode root = JsonViews.object();
        ArrayNode surfaces = root.putArray("surfaces");
        Catalog.all().forEach(l -> surfaces.add(JsonViews.landscape(l)));
        ArrayNode optimizers = root.putArray("optimizers");
        Optimizers.all().forEach(k -> optimizers.add(optimizer(k)));
        ArrayNode schedules = root.putArray("schedules");
        for (ScheduleKind s : Schedules.all()) {
            ObjectNode node = schedules.addObject();
            node.put("name", s.name());
            node.put("help", s.help());
            node.set("params", params(s.params()));
        }
        ObjectNode bounds = root.putObject("limits");
        bounds.put("maxSteps", limits.maxSteps());
        bounds.put("maxInternalsSteps", RaceRequest.MAX_INTERNALS_STEPS);
        bounds.put("maxRacers", limits.maxRacers());
        bounds.put("maxGrid", limits.maxGrid());
        bounds.put("maxBodyBytes", limits.maxBodyBytes());
        // The maps page checks its fields against these before it asks (the API checks again).
        ObjectNode basins = bounds.putObject("basins");
        basins.put("maxGrid", BasinsWork.MAX_GRID);
        basins.put("maxSteps", BasinsWork.MAX_STEPS);
        basins.put("maxWork", MapWork.MAX_WORK);
        ObjectNode sweep = bounds.putObject("sweep");
        sweep.put("maxCount", SweepWork.MAX_COUNT);
        sweep.put("maxSteps", SweepWork.MAX_STEPS);
        sweep.put("maxWork", MapWork.MAX_WORK);
        ObjectNode sgd = bounds.putObject("sgdStats");
        sgd.put("maxLevels", SgdStatsWork.MAX_LEVELS);
        sgd.put("maxRuns", SgdStatsWork.MAX_RUNS);
        sgd.put("maxSteps", SgdStatsWork.MAX_STEPS);
        ObjectNode jobs = bounds.putObject("jobs");
        jobs.put("maxRunning", jobLimits.maxRunning());
        jobs.put("maxSeconds", jobLimits.maxMillis() / 1000.0);
        jobs.put("keepSeconds", jobLimits.keepMillis() / 1000.0);
        return root;
    }

    private static ObjectNode optimizer(OptimizerKind k) {
        ObjectNode node = JsonViews.object();
        node.put("name", k.name());
        node.put("title", k.title());
        node.put("updateRule", k.updateRule());
        node.put("mathml", OptimizerMathMl.of(k.name()).orElseThrow(
                () -> new IllegalStateException("no MathML for optimizer " + k.name())));
        node.put("learningRateDefault", k.learningRateDefault().name().toLowerCase(Locale.ROOT));
        JsonViews.put(node, "defaultNoise", k.defaultNoise());
        node.set("params", params(k.params()));
        return node;
    }

    /** name, help, flag, default, allowed ("in [0, 1)"), min and max (null when unbounded). */
    private static ArrayNode params(List<Param> params) {
        ArrayNode list = JsonViews.array();
        for (Param p : params) {
            ObjectNode node = list.addObject();
            node.put("name", p.name());
            node.put("help", p.help());
            node.put("flag", p.flag());
            JsonViews.put(node, "default", p.defaultValue());
            node.put("allowed", p.range().describe());
            JsonViews.put(node, "min", p.range().min());
            JsonViews.put(node, "max", p.range().max());
        }
        return list;
    }
}
