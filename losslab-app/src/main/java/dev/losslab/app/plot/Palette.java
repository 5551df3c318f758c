package dev.losslab.app.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The colours of LossLab's plots. The data colours (viridis, the racers, the basins, the outcomes)
 * are read from {@value #FILE}, the file the page reads too ({@code web/js/palette.js}); the file says
 * which colours and why. Only the interface colours (ink, contours, markers) live here.
 *
 * <p>Why a data file rather than a Java type rendered into JSON for the page: neither side then owns
 * the other's copy. The page fetches it as a static file beside its modules, with no API call before
 * its first picture, and Java reads the same bytes from the classpath; a person tuning a colour edits
 * one file whose reasons sit beside its values.
 */
final class Palette {

    /** The palette's classpath resource; the server serves it to the page as /static/palette.json. */
    static final String FILE = "/web/palette.json";

    // Before the colours below: static fields are set in the order they are written.
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final JsonNode DATA = read();

    /** Viridis as 256 RGB values, shade 0 (lowest) to 255 (highest). */
    private static final int[] VIRIDIS = shades(colours(DATA.path("viridis").path("table")));
    /** Where f is undefined on the colour map. */
    static final Color UNDEFINED = colour(DATA.path("undefined").path("color"));
    /** One colour per optimizer name, the same as the page's. */
    static final Map<String, Color> OPTIMIZERS = namedColours(DATA.path("racers").path("colors"));
    private static final List<Color> SPARE_OPTIMIZERS = colours(DATA.path("racers").path("spare"));
    /** Minimum k's colour on a basin map is BASINS[k % size]. */
    private static final List<Color> BASINS = colours(DATA.path("basins").path("colors"));
    static final Color DIVERGED = colour(DATA.path("outcomes").path("diverged"));
    static final Color UNCONVERGED = colour(DATA.path("outcomes").path("unconverged"));
    static final Color SADDLE = colour(DATA.path("outcomes").path("saddle"));
    static final Color MAXIMUM = colour(DATA.path("outcomes").path("maximum"));

    static final Color INK = new Color(0x222222);
    static final Color FAINT_INK = new Color(0x666666);
    static final Color CONTOUR = new Color(0, 0, 0, 95);
    /** Contours over the dark-to-light colour map: light lines, as on the web page. */
    static final Color CONTOUR_ON_MAP = new Color(255, 255, 255, 110);
    static final Color MARKER = Color.WHITE;

    private Palette() {}

    /** An optimizer's colour; one the palette does not name takes a spare colour by its index among the racers. */
    static Color optimizer(String name, int index) {
        return OPTIMIZERS.getOrDefault(name, SPARE_OPTIMIZERS.get(index % SPARE_OPTIMIZERS.size()));
    }

    /** The colour of the basin of minimum k (k ≥ 0). */
    static Color basin(int k) {
        return BASINS.get(k % BASINS.size());
    }

    /**
     * Viridis at t in [0, 1] (clamped): entry min(255, ⌊256·t⌋) of the table, as matplotlib looks it
     * up. Shade s of a {@code ColorScale} is t = s/255, which gives entry s, the page's colour for it.
     */
    static Color viridis(double t) {
        return new Color(VIRIDIS[Math.min(VIRIDIS.length - 1, (int) (Math.max(0, Math.min(1, t)) * VIRIDIS.length))]);
    }

    private static JsonNode read() {
        try (InputStream in = Palette.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    /** The page indexes the table by shade, 0 to 255: anything but 256 entries is a broken file. */
    private static int[] shades(List<Color> table) {
        if (table.size() != 256) {
            throw new IllegalStateException(FILE + ": viridis needs 256 entries, one per shade, got " + table.size());
        }
        return table.stream().mapToInt(Color::getRGB).toArray();
    }

    private static Color colour(JsonNode hex) {
        if (!hex.isTextual() || !HEX.matcher(hex.asText()).matches()) {
            throw new IllegalStateException(FILE + ": a colour must be \"#rrggbb\", got " + hex);
        }
        return new Color(Integer.parseInt(hex.asText().substring(1), 16));
    }

    private static List<Color> colours(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            throw new IllegalStateException(FILE + ": expected a non-empty list of colours, got " + array);
        }
        List<Color> colours = new ArrayList<>();
        array.forEach(hex -> colours.add(colour(hex)));
        return List.copyOf(colours);
    }

    private static Map<String, Color> namedColours(JsonNode object) {
        Map<String, Color> colours = new LinkedHashMap<>();
        object.properties().forEach(e -> colours.put(e.getKey(), colour(e.getValue())));
        return Map.copyOf(colours);
    }
}
