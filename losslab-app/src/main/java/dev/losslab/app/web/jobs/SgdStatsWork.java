package dev.losslab.app.web.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Ranges;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.core.maps.Axis;
import dev.losslab.core.maps.Job;
import dev.losslab.core.maps.SgdStats;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;

/**
 * SGD statistics ({@code GET /api/sgd-stats}, job kind {@code sgd-stats}):
 * {@code surface=S&noise=FROM:TO:COUNT[&start=x,y][&runs=R][&steps=N][&lr=]}, the share of noisy
 * SGD runs ending in each known minimum's basin at each noise level ({@link SgdStats}, the CLI's
 * {@code sgd-stats}), kept small enough to answer in a moment by {@link Limits.SgdStats}: levels,
 * runs per level and steps per run.
 *
 * @param spec   the run (sgd, lr, start, steps); its noise is replaced by each level
 * @param levels the noise levels σ
 * @param runs   seeds per level
 */
public record SgdStatsWork(RunSpec spec, Axis levels, int runs) implements MapWork {


    static SgdStatsWork parse(QueryParams query, Limits.SgdStats bounds) {
        query.allowOnly("surface", "start", "noise", "runs", "steps", "lr");
        var landscape = query.surface();
        int runs = query.integer("runs", SgdStats.DEFAULT_RUNS, 1, bounds.maxRuns());
        int steps = query.integer("steps", RunSpec.DEFAULT_STEPS, 1, bounds.maxSteps());
        Axis levels = Ranges.levels(query.required("noise"), "noise", bounds.maxLevels());
        RunBuilder builder = RunBuilder.on(landscape).optimizer("sgd").steps(steps).noise(0)
                .start(query.has("start") ? query.point("start") : landscape.defaultStart());
        if (query.has("lr")) {
            builder.learningRate(query.number("lr", Double.NaN));
        }
        RunSpec spec = builder.spec();
        for (double sigma : levels.values()) {
            if (!(sigma >= 0)) {
                throw dev.losslab.core.InvalidInputException.outOfRange("noise", ">= 0", sigma);
            }
        }
        return new SgdStatsWork(spec, levels, runs);
    }

    @Override
    public String kind() {
        return "sgd-stats";
    }

    @Override
    public ObjectNode compute(Job job) {
        return JsonViews.sgdStats(SgdStats.run(spec, levels, runs, job), spec);
    }
}
