package dev.losslab.app.web.api;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiJson;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.app.web.http.ResponseCache;
import dev.losslab.core.analysis.CriticalPoints;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Window;

/**
 * {@code GET /api/critical-points?surface=S[&window=x0,x1,y0,y1]}: every critical point in the
 * window as {@link JsonViews#criticalPoint}, like {@code critical-points --format json}. The search
 * takes tens of milliseconds and its answer depends only on the request, so answers are cached.
 */
public final class CriticalPointsEndpoint implements Endpoint {

    record Key(String surface, Window window) {}

    final ResponseCache<Key> cache = new ResponseCache<>(64, 8L << 20);

    @Override
    public Reply handle(Request request) throws Exception {
        QueryParams query = request.query().allowOnly("surface", "window");
        Landscape landscape = query.surface();
        Window window = query.window("window").orElse(landscape.window());
        return Reply.jsonBytes(cache.get(new Key(landscape.name(), window), () -> {
            try {
                return ApiJson.WRITER.writeValueAsBytes(JsonViews.criticalPoints(CriticalPoints.find(landscape.surface(), window)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }));
    }
}
