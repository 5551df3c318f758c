package dev.losslab.core.field;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Window;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to draw a surface over a window: the sampled field, its colour scale, one shade
 * per grid point (row-major like the field, −1 where undefined), contour lines and colour-bar ticks.
 *
 * @param field    the samples
 * @param scale    the colour scale fitted to them
 * @param shades   {@code size²} shades, 0..255 or −1 (shared, not copied: do not modify)
 * @param contours {@link #CONTOUR_LEVELS} levels evenly spaced on the scale (none on a flat field)
 * @param ticks    colour-bar ticks, lowest first
 */
public record FieldPicture(SampledField field, ColorScale scale, int[] shades, List<ContourLine> contours, List<Tick> ticks) {

    /** Contour lines per picture: enough to read the shape, few enough to read each line. */
    public static final int CONTOUR_LEVELS = 14;

    public FieldPicture {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(scale, "scale");
        contours = List.copyOf(contours);
        ticks = List.copyOf(ticks);
        if (shades.length != field.values().length) {
            throw new IllegalArgumentException("one shade per sample expected");
        }
    }

    /** Samples {@code surface} on a {@code size × size} grid over {@code window} and draws it. */
    public static FieldPicture draw(Surface surface, Window window, int size) {
        return of(SampledField.sample(surface, window, size));
    }

    public static FieldPicture of(SampledField field) {
        ColorScale scale = ColorScale.fit(field.values());
        double[] values = field.values();
        int[] shades = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            shades[k] = scale.shade(values[k]);
        }
        List<ContourLine> contours = MarchingSquares.contours(field, scale.levels(CONTOUR_LEVELS), scale);
        return new FieldPicture(field, scale, shades, contours, scale.ticks());
    }
}
