package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Vec2;

/**
 * {@code GET /api/adam-first-step?surface=S&at=x,y[&lr=][&beta1=][&beta2=]}: Adam's first step from
 * one point, run twice by the core — as PyTorch does it, and with {@code no-bias-correction} — and
 * how much longer the uncorrected step is. At t = 1, m = (1 − β₁)·g and v = (1 − β₂)·g², so without
 * the correction each coordinate moves lr·(1 − β₁)/√(1 − β₂) instead of lr (ε aside): about 3.16
 * times too far at the defaults β₁ = 0.9, β₂ = 0.999.
 */
public final class AdamFirstStepEndpoint implements Endpoint {

    @Override
    public Reply handle(Request request) {
        QueryParams query = request.query().allowOnly("surface", "at", "lr", "beta1", "beta2");
        Landscape landscape = query.surface();
        Vec2 at = query.point("at");
        double beta1 = query.number("beta1", 0.9);
        double beta2 = query.number("beta2", 0.999);
        RunBuilder corrected = RunBuilder.on(landscape).optimizer("adam").start(at).steps(1).tolerance(0)
                .set("beta1", beta1).set("beta2", beta2);
        RunBuilder uncorrected = RunBuilder.on(landscape).optimizer("adam").start(at).steps(1).tolerance(0)
                .set("beta1", beta1).set("beta2", beta2).set("no-bias-correction", 1);
        double lr = query.number("lr", Double.NEGATIVE_INFINITY);
        if (lr != Double.NEGATIVE_INFINITY) {
            corrected.learningRate(lr);
            uncorrected.learningRate(lr);
        }
        Run with = corrected.run();
        Run without = uncorrected.run();
        double stepWith = length(with, at);
        double stepWithout = length(without, at);
        ObjectNode node = JsonViews.object();
        JsonViews.put(node, "learningRate", with.spec().learningRate());
        JsonViews.put(node, "beta1", beta1);
        JsonViews.put(node, "beta2", beta2);
        node.set("withCorrection", step(with, at, stepWith));
        node.set("withoutCorrection", step(without, at, stepWithout));
        JsonViews.put(node, "ratio", stepWithout / stepWith);
        JsonViews.put(node, "predictedRatio", (1 - beta1) / Math.sqrt(1 - beta2));
        return Reply.json(node);
    }

    private static double length(Run run, Vec2 at) {
        return Math.hypot(run.trajectory().x(1) - at.x(), run.trajectory().y(1) - at.y());
    }

    private static ObjectNode step(Run run, Vec2 at, double length) {
        ObjectNode node = JsonViews.object();
        JsonViews.put(node, "x", run.trajectory().x(1));
        JsonViews.put(node, "y", run.trajectory().y(1));
        JsonViews.put(node, "dx", run.trajectory().x(1) - at.x());
        JsonViews.put(node, "dy", run.trajectory().y(1) - at.y());
        JsonViews.put(node, "length", length);
        return node;
    }
}
