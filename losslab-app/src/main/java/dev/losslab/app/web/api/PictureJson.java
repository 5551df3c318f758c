package dev.losslab.app.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.losslab.app.output.JsonViews;
import dev.losslab.core.field.ColorScale;
import dev.losslab.core.field.ContourLine;
import dev.losslab.core.field.FieldPicture;
import dev.losslab.core.field.Tick;
import dev.losslab.core.surface.Window;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A colour map as the page's landscape code draws it ({@code landscapeLayer.js}, {@code colorbar.js}):
 * the fields {@code window}, {@code grid}, {@code scale}, {@code shades}, {@code contours} and
 * {@code colorbar} of {@code GET /api/landscape}'s answer. One writer for every picture of a loss
 * over a plane (a surface's landscape, a network's slice), so the page reads them all alike.
 */
final class PictureJson {

    private PictureJson() {}

    /** Writes the picture's fields into the object {@code json} is in. */
    static void write(JsonGenerator json, FieldPicture picture, Window window) throws IOException {
        json.writeFieldName("window");
        json.writeTree(JsonViews.window(window));
        json.writeNumberField("grid", picture.field().size());

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
    }

    /** The picture's fields as an object of their own, for answers built as trees (a job's). */
    static ObjectNode tree(FieldPicture picture, Window window) {
        try (TokenBuffer buffer = new TokenBuffer(JsonViews.MAPPER, false)) {
            buffer.writeStartObject();
            write(buffer, picture, window);
            buffer.writeEndObject();
            return (ObjectNode) JsonViews.MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
