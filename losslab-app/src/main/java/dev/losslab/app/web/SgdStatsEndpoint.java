package dev.losslab.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.Axis;
import dev.losslab.core.maps.Job;
import dev.losslab.core.maps.SgdStats;
import dev.losslab.core.maps.SgdStatsResult;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Minimum;

/**
 * {@code GET /api/sgd-stats?surface=S&start=x,y&noise=FROM:TO:COUNT[&runs=R][&steps=N][&lr=]}: the share
 * of noisy SGD runs ending in each known minimum's basin at each noise level ({@link SgdStats}, the
 * CLI's {@code sgd-stats}), kept small enough to answer in a moment: at most {@value #MAX_LEVELS}
 * levels, {@value #MAX_RUNS} runs per level and {@value #MAX_STEPS} steps per run.
 */
final class SgdStatsEndpoint implements Endpoint {

    static final int MAX_LEVELS = 8;
    static final int MAX_RUNS = 200;
    static final int MAX_STEPS = 2000;

    @Override
    public Reply handle(Request request) {
        QueryParams query = request.query().allowOnly("surface", "start", "noise", "runs", "steps", "lr");
        var landscape = query.surface();
        int runs = query.integer("runs", 50, 1, MAX_RUNS);
        int steps = query.integer("steps", 500, 1, MAX_STEPS);
        Axis levels = levels(query.required("noise"));
        RunBuilder builder = RunBuilder.on(landscape).optimizer("sgd").steps(steps).noise(0)
                .start(query.has("start") ? query.point("start") : landscape.defaultStart());
        if (query.has("lr")) {
            builder.learningRate(query.number("lr", Double.NaN));
        }
        SgdStatsResult stats = SgdStats.run(builder.spec(), levels, runs, Job.untracked());
        ObjectNode node = JsonViews.object();
        node.put("runs", runs);
        node.put("steps", steps);
        ArrayNode minima = node.putArray("minima");
        for (Minimum m : stats.minima()) {
            ObjectNode p = minima.addObject();
            JsonViews.put(p, "x", m.at().x());
            JsonViews.put(p, "y", m.at().y());
        }
        ArrayNode list = node.putArray("levels");
        for (int level = 0; level < levels.count(); level++) {
            ObjectNode row = list.addObject();
            JsonViews.put(row, "noise", levels.value(level));
            ArrayNode shares = row.putArray("shares");
            for (int m = 0; m < stats.minima().size(); m++) {
                shares.add(stats.share(level, m));
            }
            JsonViews.put(row, "diverged", stats.divergedShare(level));
            JsonViews.put(row, "unconverged", stats.unconvergedShare(level));
        }
        return Reply.json(node);
    }

    private static Axis levels(String text) {
        String[] parts = text.split(":", -1);
        try {
            if (parts.length == 3) {
                int count = Integer.parseInt(parts[2].strip());
                if (count < 1 || count > MAX_LEVELS) {
                    throw InvalidInputException.outOfRange("noise", "a COUNT in [1, " + MAX_LEVELS + "]", count);
                }
                return Axis.linear("noise", Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()), count);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw ApiException.badRequest("noise", "noise must be FROM:TO:COUNT, e.g. 0:30:4, got '" + text + "'");
    }
}
