package dev.losslab.app.web.api;

import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.RunCsv;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.http.ApiJson;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.core.run.EndPoint;
import dev.losslab.core.run.Recording;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Runner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/race}: validates the whole race first (so a bad racer fails before any runs),
 * runs each racer, then streams {@code {"surface", "runs": [JsonViews.run …]}} one run at a time,
 * so even eight 100,000-step runs never sit in memory as one JSON text. {@code ?format=csv} answers
 * the CLI's race CSV instead (the page's export).
 */
public final class RaceEndpoint implements Endpoint {

    static final String CSV = "text/csv; charset=utf-8";

    private final Limits.Race limits;

    public RaceEndpoint(Limits.Race limits) {
        this.limits = limits;
    }

    @Override
    public Reply handle(Request request) throws Exception {
        QueryParams query = request.query().allowOnly("format");
        String format = query.has("format") ? query.required("format") : "json";
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.badRequest("format", "format must be json or csv, got '" + format + "'");
        }
        byte[] body = request.body();
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.badRequest(null, "the request body is empty; expected a race as JSON (see docs/API.md)");
        }
        RaceRequest race = RaceRequest.read(ApiJson.READER.readTree(body));
        List<RunSpec> specs = race.specs(limits);
        List<Run> runs = new ArrayList<>(specs.size());
        for (RunSpec spec : specs) {
            runs.add(Runner.run(spec, race.wantsInternals() ? Recording.INTERNALS : Recording.POINTS));
        }
        String surface = specs.getFirst().landscape().name();
        if (format.equals("csv")) {
            // The CLI's `race --format csv`, byte for byte: the page's "download CSV" is this.
            var text = new java.io.StringWriter();
            try (var out = new java.io.PrintWriter(text)) {
                RunCsv.writeRace(runs, out);
            }
            return new Reply.Bytes(200, CSV, text.toString().getBytes(StandardCharsets.UTF_8), Reply.NO_STORE);
        }
        // Where each run ended is part of the computing (within the request's deadline), not the writing.
        List<EndPoint> ends = runs.stream().map(Run::endPoint).toList();
        return new Reply.JsonStream(json -> JsonViews.writeRace(json, surface, runs, ends, List.of()));
    }
}
