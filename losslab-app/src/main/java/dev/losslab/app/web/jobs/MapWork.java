package dev.losslab.app.web.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.Job;
import java.util.List;

/**
 * Long work the maps endpoints do, parsed and checked once at the edge: a basin map, a sweep or SGD
 * statistics. The same parse serves {@code GET /api/basins|sweep|sgd-stats} (computed on the
 * request thread within the compute deadline) and {@code POST /api/jobs} (computed in the
 * background, with progress and cancel), so both accept, refuse and answer alike.
 */
public sealed interface MapWork extends JobWork permits BasinsWork, SweepWork, SgdStatsWork {

    /** The kinds {@code POST /api/jobs} takes, by the name of their GET endpoint. */
    List<String> KINDS = List.of("basins", "sweep", "sgd-stats");

    /** {@code basins}, {@code sweep} or {@code sgd-stats}. */
    @Override
    String kind();

    /**
     * Computes the answer (the GET endpoint's JSON). Uses every core; reports progress to and
     * checks {@code job} between units.
     *
     * @throws java.util.concurrent.CancellationException when the job is cancelled or the thread interrupted
     */
    @Override
    ObjectNode compute(Job job);

    /**
     * The work of {@code kind}, from its GET endpoint's parameters, within its {@code limits}.
     *
     * @throws InvalidInputException or {@link ApiException} (400) naming the bad parameter
     */
    static MapWork parse(String kind, QueryParams query, Limits limits) {
        return switch (kind) {
            case "basins" -> BasinsWork.parse(query, limits.basins());
            case "sweep" -> SweepWork.parse(query, limits.sweep());
            case "sgd-stats" -> SgdStatsWork.parse(query, limits.sgdStats());
            default -> throw InvalidInputException.unknownName("kind", kind, KINDS);
        };
    }
}
