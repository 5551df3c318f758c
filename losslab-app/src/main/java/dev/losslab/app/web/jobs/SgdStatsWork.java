package dev.losslab.app.web.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Ranges;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.core.maps.Job;
import dev.losslab.core.maps.SgdLevels;
import dev.losslab.core.maps.SgdStats;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;

/**
 * SGD statistics ({@code GET /api/sgd-stats}, job kind {@code sgd-stats}):
 * {@code surface=S&(noise=FROM:TO:COUNT|batch-sizes=B1,B2,…)[&start=x,y][&runs=R][&steps=N][&lr=]},
 * the share of SGD runs ending in each known minimum's basin at each noise level σ, or, on a surface
 * made of data, at each minibatch size B ({@link SgdStats}, the CLI's {@code sgd-stats}), kept small
 * enough to answer in a moment by {@link Limits.SgdStats}: levels, runs per level and steps per run.
 *
 * @param spec   the run (sgd, lr, start, steps); each level replaces its noise or its batch size
 * @param levels the noise levels σ or the batch sizes B, checked against the surface
 * @param runs   seeds per level
 */
public record SgdStatsWork(RunSpec spec, SgdLevels levels, int runs) implements MapWork {

    private static final String NOISE = SgdLevels.Noise.FIELD;
    private static final String BATCH_SIZES = SgdLevels.BatchSizes.FIELD;

    static SgdStatsWork parse(QueryParams query, Limits.SgdStats bounds) {
        query.allowOnly("surface", "start", NOISE, BATCH_SIZES, "runs", "steps", "lr");
        var landscape = query.surface();
        int runs = query.integer("runs", SgdStats.DEFAULT_RUNS, 1, bounds.maxRuns());
        int steps = query.integer("steps", RunSpec.DEFAULT_STEPS, 1, bounds.maxSteps());
        SgdLevels levels = levels(query, bounds.maxLevels());
        RunBuilder builder = RunBuilder.on(landscape).optimizer("sgd").steps(steps).noise(0)
                .start(query.has("start") ? query.point("start") : landscape.defaultStart());
        if (query.has("lr")) {
            builder.learningRate(query.number("lr", Double.NaN));
        }
        RunSpec spec = builder.spec();
        levels.check(spec); // a σ below 0; batch sizes on a formula, or beyond the examples: a 400 now, not a failed job
        return new SgdStatsWork(spec, levels, runs);
    }

    /** Exactly one of {@code noise} and {@code batch-sizes}, at most {@code maxLevels} levels. */
    private static SgdLevels levels(QueryParams query, int maxLevels) {
        if (query.has(NOISE) && query.has(BATCH_SIZES)) {
            throw ApiException.badRequest(BATCH_SIZES, "give noise (noise levels σ) or batch-sizes (minibatch sizes), not both");
        }
        if (query.has(BATCH_SIZES)) {
            return SgdLevels.batchSizes(Ranges.batchSizes(query.required(BATCH_SIZES), BATCH_SIZES, maxLevels));
        }
        if (!query.has(NOISE)) {
            throw ApiException.badRequest(NOISE, "noise (FROM:TO:COUNT, e.g. 0:40:5) is required, or batch-sizes "
                    + "(e.g. 1,4,16,64) on a surface made of data");
        }
        return SgdLevels.noise(Ranges.levels(query.required(NOISE), NOISE, maxLevels));
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
