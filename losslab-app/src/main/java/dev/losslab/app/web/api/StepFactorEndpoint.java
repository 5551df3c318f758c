package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.core.analysis.QuadraticStep;

/**
 * {@code GET /api/step-factor?h=H&lr=LR}: gradient descent on f(x) = h·x²/2 multiplies the distance
 * to the minimum by 1 − lr·h each step; this says by how much and what that does
 * ({@link QuadraticStep}). The tour's learning-rate section reads its live readout from here.
 */
public final class StepFactorEndpoint implements Endpoint {

    @Override
    public Reply handle(Request request) {
        QueryParams query = request.query().allowOnly("h", "lr");
        QuadraticStep step = new QuadraticStep(query.number("h", Double.NaN), query.number("lr", Double.NaN));
        ObjectNode node = JsonViews.object();
        JsonViews.put(node, "h", step.curvature());
        JsonViews.put(node, "learningRate", step.learningRate());
        JsonViews.put(node, "factor", step.factor());
        node.put("regime", step.regime().label());
        JsonViews.put(node, "monotoneBelow", step.monotoneBelow());
        JsonViews.put(node, "stableBelow", step.stableBelow());
        return Reply.json(node);
    }
}
