package dev.losslab.app.web.api;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.core.analysis.PointAnalysis;
import dev.losslab.core.run.Destinations;
import dev.losslab.core.surface.Landscape;

/** {@code GET /api/analyze?surface=S&at=x,y}: {@link JsonViews#analysis} of the point, as the CLI prints it. */
public final class AnalyzeEndpoint implements Endpoint {

    @Override
    public Reply handle(Request request) {
        QueryParams query = request.query().allowOnly("surface", "at");
        Landscape landscape = query.surface();
        PointAnalysis a = PointAnalysis.at(landscape.surface(), query.point("at"));
        return Reply.json(JsonViews.analysis(a, Destinations.of(landscape).reach()));
    }
}
