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
import dev.losslab.core.field.ColorScale;
import dev.losslab.core.field.ContourLine;
import dev.losslab.core.field.FieldPicture;
import dev.losslab.core.field.Tick;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Minimum;
import dev.losslab.core.surface.Window;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/landscape?surface=S&grid=N[&window=x0,x1,y0,y1]}: the picture of a surface, all
 * computed by {@link FieldPicture} in the core; this class only shapes it as JSON (docs/API.md).
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
            write(json, landscape, grid, window, picture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator json, Landscape landscape, int grid, Window window, FieldPicture picture)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("surface", landscape.name());
        json.writeFieldName("window");
        json.writeTree(JsonViews.window(window));
        json.writeNumberField("grid", grid);

        ColorScale scale = picture.scale();
        json.writeObjectFieldStart("scale");
        number(json, "min", scale.min());
        number(json, "max", scale.max());
        json.writeBooleanField("log", scale.log());
        number(json, "offset", scale.offset());
        json.writeEndObject();

        json.writeFieldName("shades");
        int[] shades = picture.shades();
        json.writeArray(shades, 0, shades.length);

        boolean asFloat = floatIsFineEnough(window);
        json.writeArrayFieldStart("contours");
        for (ContourLine line : picture.contours()) {
            json.writeStartObject();
            number(json, "level", line.level());
            json.writeNumberField("shade", line.shade());
            json.writeArrayFieldStart("paths");
            for (double[] path : line.paths()) {
                json.writeStartArray();
                for (double v : path) {
                    if (asFloat) {
                        json.writeNumber((float) v);
                    } else {
                        json.writeNumber(v);
                    }
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeArrayFieldStart("colorbar");
        for (Tick tick : picture.ticks()) {
            json.writeStartObject();
            json.writeNumberField("shade", tick.shade());
            number(json, "value", tick.value());
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeArrayFieldStart("minima");
        for (Minimum m : landscape.knownMinima()) {
            if (window.contains(m.at())) {
                json.writeTree(JsonViews.minimum(m));
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /**
     * Contour coordinates go out as floats (about 7 significant digits, half the text) when that
     * resolves the window to better than 10⁻⁴ of its span, i.e. unless the window is tiny next to
     * its distance from the origin.
     */
    static boolean floatIsFineEnough(Window w) {
        double largest = Math.max(Math.max(Math.abs(w.xMin()), Math.abs(w.xMax())),
                Math.max(Math.abs(w.yMin()), Math.abs(w.yMax())));
        return Math.ulp((float) largest) < 1e-4 * Math.min(w.width(), w.height());
    }

    /** JSON has no NaN or Infinity: such a value is written as null. */
    private static void number(JsonGenerator json, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            json.writeNumberField(name, v);
        } else {
            json.writeNullField(name);
        }
    }
}
