package dev.losslab.app.web.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.http.ApiJson;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Long map work in the background, with progress and cancel (docs/API.md, "Jobs"):
 * <ul>
 *   <li>{@code POST /api/jobs} with {@code {"kind": "basins"|"sweep"|"sgd-stats", …}}, the other
 *       fields being the kind's GET parameters, or with a kind of work that reads its own body (a
 *       tuned race, a training race): checked at once (400 naming the field), then started (202 with the job's id), or
 *       refused when too many run (429);</li>
 *   <li>{@code GET /api/jobs/ID}: its state and progress, its answer so far while it runs when the work
 *       has one ({@link JobWork#partial}: a training race's curves), and its answer once done;</li>
 *   <li>{@code DELETE /api/jobs/ID}: cancels it while it runs, forgets it once it has ended (answering
 *       its last state, and its answer if done).</li>
 * </ul>
 */
public final class JobsEndpoint {

    public static final String PATH = "/api/jobs";
    public static final String PREFIX = PATH + "/";

    /** Reads and checks a job's work from its whole body, as the router answers its errors (400 naming the field). */
    @FunctionalInterface
    public interface BodyParser {
        JobWork parse(JsonNode body) throws IOException;
    }

    private final Jobs jobs;
    private final Limits limits;
    private final Map<String, BodyParser> bodyKinds;

    /**
     * @param limits    the bounds on each kind of work, as its GET endpoint has them
     * @param bodyKinds the other kinds, each read (and checked) from the whole body by its own parser
     */
    public JobsEndpoint(Jobs jobs, Limits limits, Map<String, BodyParser> bodyKinds) {
        this.jobs = jobs;
        this.limits = limits;
        this.bodyKinds = Map.copyOf(bodyKinds);
    }

    /** Every kind, the maps' first. */
    private List<String> kinds() {
        List<String> kinds = new ArrayList<>(MapWork.KINDS);
        kinds.addAll(new TreeSet<>(bodyKinds.keySet()));
        return kinds;
    }

    /** POST /api/jobs. */
    public Reply create(Request request) throws IOException {
        request.query().allowOnly();
        if (new String(request.body(), StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.badRequest(null, "the request body is empty; expected {\"kind\": \"basins\", …} (see docs/API.md)");
        }
        JsonNode body = ApiJson.READER.readTree(request.body());
        if (!body.isObject()) {
            throw ApiException.badRequest(null, "the request body must be a JSON object such as {\"kind\": \"basins\", "
                    + "\"surface\": \"himmelblau\", \"optimizer\": \"gd\"}");
        }
        JsonNode kind = body.get("kind");
        if (kind == null || !kind.isTextual() || kind.asText().isBlank()) {
            throw ApiException.badRequest("kind", "kind is required: one of " + String.join(", ", kinds()));
        }
        String name = kind.asText().strip();
        JobWork work;
        if (bodyKinds.containsKey(name)) {
            work = bodyKinds.get(name).parse(body);
        } else if (MapWork.KINDS.contains(name)) {
            work = MapWork.parse(name, QueryParams.fromJson(body, "kind"), limits);
        } else {
            throw InvalidInputException.unknownName("kind", name, kinds());
        }
        // A quick job may be done before this answer is written: then the answer carries its result,
        // as a poll would (a page that saw "done" without a result had nothing to draw).
        return new Reply.Json(202, answer(jobs.submit(work)));
    }

    /** GET /api/jobs/ID. */
    public Reply show(Request request) {
        request.query().allowOnly();
        return Reply.json(answer(jobs.get(id(request))));
    }

    /**
     * DELETE /api/jobs/ID. A job that has just ended is forgotten, so its answer is the last word
     * on it: its result too when done (a page that pressed Cancel as the job finished reads it here).
     */
    public Reply cancel(Request request) {
        request.query().allowOnly();
        return Reply.json(answer(jobs.cancel(id(request))));
    }

    /** The job's status and, once done, its result; while it runs, its answer so far when the work has one. */
    private ObjectNode answer(Jobs.Entry job) {
        ObjectNode status = status(job);
        if (status.get("state").asText().equals(Jobs.State.RUNNING.code())) {
            ObjectNode partial = job.work.partial();
            if (partial != null) {
                status.set("partial", partial);
            }
        }
        if (status.get("state").asText().equals(Jobs.State.DONE.code())) {
            // The answer was serialised once, when the job ended: write its JSON text as it is
            // rather than parse it again. It was set before the state turned done.
            status.putRawValue("result", new RawValue(job.result()));
        }
        return status;
    }

    private static String id(Request request) {
        return request.path().substring(PREFIX.length());
    }

    /** {id, kind, state, progress, seconds} and, by state, cancelling, reason and message, or error. */
    private ObjectNode status(Jobs.Entry job) {
        ObjectNode node = JsonViews.object();
        node.put("id", job.id);
        node.put("kind", job.kind);
        Jobs.State state = job.state();
        node.put("state", state.code());
        JsonViews.put(node, "progress", job.progress());
        JsonViews.put(node, "seconds", Math.round(job.seconds() * 1000) / 1000.0);
        Jobs.Stop stop = job.stop();
        switch (state) {
            case RUNNING -> {
                if (stop != null) {
                    node.put("cancelling", true);
                }
            }
            case CANCELLED -> {
                node.put("reason", stop.code);
                node.put("message", stop.message(jobs.limits()));
            }
            case FAILED -> {
                ObjectNode error = job.problem().toJson();
                error.put("status", job.problem().status());
                node.set("error", error);
            }
            case DONE -> { }
        }
        return node;
    }
}
