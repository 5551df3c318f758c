package dev.losslab.app.web.http;

import dev.losslab.core.Landscapes;
import dev.losslab.core.surface.Landscape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place the API turns {@code surface=...} into a landscape: a catalog name or a formula in
 * x and y ({@link Landscapes#resolve}). Typed formulas are compiled to a class and have their
 * default learning rate estimated, so the last few are kept: the page asks for the same formula's
 * surface, landscape and races in a row.
 */
public final class Surfaces {

    private static final int KEPT = 32;

    private static final Map<String, Landscape> RECENT = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Landscape> eldest) {
            return size() > KEPT;
        }
    };

    private Surfaces() {}

    /** @throws dev.losslab.core.InvalidInputException naming {@code surface}: a typo (with a suggestion) or a bad formula */
    public static Landscape resolve(String nameOrFormula) {
        synchronized (RECENT) {
            Landscape known = RECENT.get(nameOrFormula);
            if (known != null) {
                return known;
            }
        }
        Landscape landscape = Landscapes.resolve(nameOrFormula);
        synchronized (RECENT) {
            RECENT.put(nameOrFormula, landscape);
        }
        return landscape;
    }
}
