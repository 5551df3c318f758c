package dev.losslab.app.web.api;

import dev.losslab.app.Limits;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.app.web.jobs.MapWork;
import dev.losslab.core.maps.Job;

/**
 * {@code GET /api/basins}, {@code /api/sweep} and {@code /api/sgd-stats}: parse the query into
 * {@link MapWork} and compute it on the request thread. Nobody watches its progress, but the
 * router's compute deadline interrupts the thread, which the work's {@link Job} notices (503).
 */
public final class MapEndpoint implements Endpoint {

    private final String kind;
    private final Limits limits;

    /** @param kind one of {@link MapWork#KINDS}, the same name a job of this work takes */
    public MapEndpoint(String kind, Limits limits) {
        this.kind = kind;
        this.limits = limits;
    }

    @Override
    public Reply handle(Request request) {
        return Reply.json(MapWork.parse(kind, request.query(), limits).compute(Job.untracked()));
    }
}
