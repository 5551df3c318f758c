package dev.losslab.core.surface;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Argument sources for the catalog tests: every entry of {@link Catalog#all()}, so a new surface
 * is covered by every table the moment it is added, and seeded sample points inside its window.
 */
final class CatalogCases {

    /** Sample points per landscape for the derivative tables. */
    static final int POINTS = 200;

    private CatalogCases() {}

    /** Every catalog landscape, named by its catalog name. */
    static Stream<Arguments> landscapes() {
        return Catalog.all().stream().map(l -> Arguments.of(Named.of(l.name(), l)));
    }

    /** Every known minimum, named "landscape @ (x, y)". */
    static Stream<Arguments> knownMinima() {
        return Catalog.all().stream().flatMap(l -> l.knownMinima().stream()
                .map(m -> Arguments.of(Named.of(l.name(), l), Named.of("(" + m.at().x() + ", " + m.at().y() + ")", m))));
    }

    /** n points drawn uniformly from the window, the same ones on every run (seeded by name). */
    static Vec2[] samplePoints(Landscape landscape, int n) {
        SplittableRandom random = new SplittableRandom(0x5eed_2d1aL ^ landscape.name().hashCode());
        Window w = landscape.window();
        Vec2[] points = new Vec2[n];
        for (int i = 0; i < n; i++) {
            points[i] = new Vec2(random.nextDouble(w.xMin(), w.xMax()), random.nextDouble(w.yMin(), w.yMax()));
        }
        return points;
    }
}
