package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.core.optim.AdamFirstStep;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Vec2;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/adam-first-step?surface=S&at=x,y[&lr=][&beta1=][&beta2=]}: Adam's first step from
 * one point with and without bias correction, and how much longer the uncorrected one is
 * ({@link AdamFirstStep} in the core, which also holds the defaults of what is not given).
 */
public final class AdamFirstStepEndpoint implements Endpoint {

    /** The settings the tour varies; everything else is at Adam's defaults. */
    private static final List<String> SETTINGS = List.of("lr", "beta1", "beta2");

    @Override
    public Reply handle(Request request) {
        QueryParams query = request.query().allowOnly("surface", "at", "lr", "beta1", "beta2");
        Landscape landscape = query.surface();
        Vec2 at = query.point("at");
        Map<String, Double> given = new LinkedHashMap<>();
        for (String name : SETTINGS) {
            if (query.has(name)) {
                given.put(name, query.number(name, Double.NaN));
            }
        }
        AdamFirstStep step = AdamFirstStep.on(landscape, at, given);
        ObjectNode node = JsonViews.object();
        JsonViews.put(node, "learningRate", step.learningRate());
        JsonViews.put(node, "beta1", step.beta1());
        JsonViews.put(node, "beta2", step.beta2());
        node.set("withCorrection", update(step.withCorrection()));
        node.set("withoutCorrection", update(step.withoutCorrection()));
        JsonViews.put(node, "ratio", step.ratio());
        JsonViews.put(node, "predictedRatio", step.predictedRatio());
        return Reply.json(node);
    }

    private static ObjectNode update(AdamFirstStep.Update update) {
        ObjectNode node = JsonViews.object();
        JsonViews.put(node, "x", update.to().x());
        JsonViews.put(node, "y", update.to().y());
        JsonViews.put(node, "dx", update.move().x());
        JsonViews.put(node, "dy", update.move().y());
        JsonViews.put(node, "length", update.length());
        return node;
    }
}
