package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Landscape;

/**
 * {@code GET /api/surface?surface=S}: one landscape as the catalog lists it, plus each optimizer's
 * default lr, noise and batch size on it, so the page shows per-surface defaults without knowing the rules.
 */
public final class SurfaceEndpoint implements Endpoint {

    @Override
    public Reply handle(Request request) {
        Landscape landscape = request.query().allowOnly("surface").surface();
        ObjectNode node = JsonViews.landscape(landscape);
        ObjectNode defaults = node.putObject("defaults");
        for (OptimizerKind kind : Optimizers.all()) {
            ObjectNode d = defaults.putObject(kind.name());
            // on a surface made of data, an optimizer noisy by default gets minibatches instead of σ
            RunSpec spec = RunBuilder.on(landscape).optimizer(kind.name()).spec();
            JsonViews.put(d, "lr", spec.learningRate());
            JsonViews.put(d, "noise", spec.noise());
            d.put("batchSize", spec.batchSize());
        }
        return Reply.json(node);
    }
}
