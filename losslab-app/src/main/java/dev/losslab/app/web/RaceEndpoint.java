package dev.losslab.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.losslab.app.output.JsonViews;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Runner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/race}: validates the whole race first (so a bad racer fails before any runs),
 * runs each racer, then streams {@code {"surface", "runs": [JsonViews.run …]}} one run at a time,
 * so even eight 100,000-step runs never sit in memory as one JSON text.
 */
final class RaceEndpoint implements Endpoint {

    private final Limits limits;

    RaceEndpoint(Limits limits) {
        this.limits = limits;
    }

    @Override
    public Reply handle(Request request) throws Exception {
        request.query().allowOnly();
        byte[] body = request.body();
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.badRequest(null, "the request body is empty; expected a race as JSON (see docs/API.md)");
        }
        JsonNode tree = ApiJson.READER.readTree(body);
        RaceRequest race;
        try {
            race = ApiJson.READER.treeToValue(tree, RaceRequest.class);
        } catch (MismatchedInputException e) {
            if (e instanceof UnrecognizedPropertyException || e instanceof InvalidNullException) {
                throw e;
            }
            throw ErrorMapping.mismatch(e, tree);
        }
        List<RunSpec> specs = race.specs(limits);
        List<Run> runs = new ArrayList<>(specs.size());
        for (RunSpec spec : specs) {
            runs.add(Runner.run(spec));
        }
        String surface = specs.getFirst().landscape().name();
        return new Reply.JsonStream(json -> {
            json.writeStartObject();
            json.writeStringField("surface", surface);
            json.writeArrayFieldStart("runs");
            for (Run run : runs) {
                JsonViews.writeRun(json, run);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
