package dev.losslab.app.web.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** What an endpoint answers; {@link Router} writes it with the shared headers. */
public sealed interface Reply {

    String JSON = "application/json; charset=utf-8";

    /** API answers: the browser must not cache them. */
    String NO_STORE = "no-store";

    /** Static files: the browser may keep them but must ask again (a rebuilt jar serves new ones). */
    String NO_CACHE = "no-cache";

    /** A JSON tree, serialised compactly. */
    record Json(int status, JsonNode body) implements Reply {}

    /** Bytes ready to send (static files, cached landscapes). */
    record Bytes(int status, String contentType, byte[] body, String cacheControl) implements Reply {}

    /** Large JSON (a race) written straight to the response, so the whole text is never held in memory. */
    record JsonStream(JsonWriter writer) implements Reply {}

    @FunctionalInterface
    interface JsonWriter {
        void write(JsonGenerator json) throws IOException;
    }

    static Reply json(JsonNode body) {
        return new Json(200, body);
    }

    static Reply jsonBytes(byte[] body) {
        return new Bytes(200, JSON, body, NO_STORE);
    }
}
