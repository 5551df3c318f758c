package dev.losslab.app.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiJson;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.QueryParams;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.app.web.http.ResponseCache;
import dev.losslab.core.field.FieldPicture;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Minimum;
import dev.losslab.core.surface.Window;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/landscape?surface=S&grid=N[&window=x0,x1,y0,y1]}: the picture of a surface, all
 * computed by {@link FieldPicture} in the core and written by {@link PictureJson} (docs/API.md).
 * Answers are deterministic, so they are kept in a small LRU cache per (surface, grid, window).
 */
public final class LandscapeEndpoint implements Endpoint {

    static final int DEFAULT_GRID = 160;

    /** Everything a landscape answer depends on. */
    record Key(String surface, int grid, Window window) {}

    private final Limits.Landscape limits;
    final ResponseCache<Key> cache = new ResponseCache<>(64, 64L << 20);

    public LandscapeEndpoint(Limits.Landscape limits) {
        this.limits = limits;
    }

    @Override
    public Reply handle(Request request) {
        QueryParams query = request.query().allowOnly("surface", "grid", "window");
        Landscape landscape = query.surface();
        int grid = query.integer("grid", Math.min(DEFAULT_GRID, limits.maxGrid()), 2, limits.maxGrid());
        Window window = query.window("window").orElse(landscape.window());
        byte[] body = cache.get(new Key(landscape.name(), grid, window), () -> render(landscape, grid, window));
        return Reply.jsonBytes(body);
    }

    static byte[] render(Landscape landscape, int grid, Window window) {
        FieldPicture picture = FieldPicture.draw(landscape.surface(), window, grid);
        var out = new ByteArrayOutputStream(8 * grid * grid);
        try (JsonGenerator json = ApiJson.generator(out)) {
            write(json, landscape, window, picture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator json, Landscape landscape, Window window, FieldPicture picture)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("surface", landscape.name());
        PictureJson.write(json, picture, window);
        json.writeArrayFieldStart("minima");
        for (Minimum m : landscape.knownMinima()) {
            if (window.contains(m.at())) {
                json.writeTree(JsonViews.minimum(m));
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
