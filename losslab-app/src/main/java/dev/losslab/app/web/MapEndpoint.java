package dev.losslab.app.web;

import dev.losslab.core.maps.Job;
import java.util.function.Function;

/**
 * {@code GET /api/basins}, {@code /api/sweep} and {@code /api/sgd-stats}: parse the query into
 * {@link MapWork} and compute it on the request thread. Nobody watches its progress, but the
 * router's compute deadline interrupts the thread, which the work's {@link Job} notices (503).
 */
final class MapEndpoint implements Endpoint {

    private final Function<QueryParams, MapWork> parse;

    MapEndpoint(Function<QueryParams, MapWork> parse) {
        this.parse = parse;
    }

    @Override
    public Reply handle(Request request) {
        return Reply.json(parse.apply(request.query()).compute(Job.untracked()));
    }
}
