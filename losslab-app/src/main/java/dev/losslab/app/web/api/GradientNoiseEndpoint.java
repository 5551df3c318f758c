package dev.losslab.app.web.api;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.GradientNoise;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Landscape;

/**
 * {@code GET /api/gradient-noise?surface=SPEC&at=x,y&batch-size=B[&samples=K][&seed=S]}: how noisy
 * a size-B minibatch gradient is at a point of a surface made of data ({@link GradientNoise}, as
 * {@link JsonViews#gradientNoise} writes it): the full gradient, the exact covariance of a batch's
 * gradient, the simple noise scale, and K real draws, the batches an SGD run with seed S would see.
 * The tour's "From toy to real" draws its cloud and its chart from here. At most
 * {@link GradientNoise#MAX_SAMPLES} samples, each a mean over up to n examples: bounded, but it
 * grows with the request (2,000 batches of 1,700 digits take a few tenths of a second), so it is
 * routed as compute work and waits its turn.
 */
public final class GradientNoiseEndpoint implements Endpoint {

    @Override
    public Reply handle(Request request) {
        QueryParams query = request.query().allowOnly("surface", "at", RunBuilder.BATCH_SIZE, "samples", "seed");
        Landscape landscape = query.surface();
        var at = query.point("at");
        long batchSize = query.whole(RunBuilder.BATCH_SIZE)
                .orElseThrow(() -> ApiException.badRequest(RunBuilder.BATCH_SIZE, RunBuilder.BATCH_SIZE + " is required"));
        if (batchSize != (int) batchSize) {
            // the core knows n and says [1, n]; a number past an int's range never reaches it
            throw InvalidInputException.outOfRange(RunBuilder.BATCH_SIZE, "in [1, the examples in the data]", batchSize);
        }
        int samples = query.integer("samples", GradientNoise.DEFAULT_SAMPLES, 0, GradientNoise.MAX_SAMPLES);
        long seed = query.whole("seed").orElse(RunSpec.DEFAULT_SEED);
        return Reply.json(JsonViews.gradientNoise(GradientNoise.measure(landscape, at, (int) batchSize, samples, seed)));
    }
}
