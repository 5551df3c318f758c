package dev.losslab.core;

import dev.losslab.core.data.DataLandscapes;
import dev.losslab.core.data.Datasets;
import dev.losslab.core.expr.Formula;
import dev.losslab.core.expr.FormulaException;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a surface is asked for by a person: a catalog name, a surface made of data
 * ({@code regression:…}, {@code logistic:…}, see {@link DataLandscapes}), or a formula in x and y
 * typed as text. The CLI's {@code --surface}, the web lab and the library all resolve through here.
 */
public final class Landscapes {

    /** The view of a typed surface unless one is given: [−5, 5] × [−5, 5]. */
    public static final Window DEFAULT_WINDOW = Window.square(5);
    /** Grid points per side over which the default learning rate looks at the curvature. */
    static final int CURVATURE_GRID = 21;
    /** The percentile of the Hessian's spectral radius that sets the default learning rate. */
    static final double CURVATURE_PERCENTILE = 0.9;
    /** The default learning rate's range, and its value where no curvature can be measured. */
    static final double MIN_LEARNING_RATE = 1e-6;
    static final double MAX_LEARNING_RATE = 1;
    static final double FALLBACK_LEARNING_RATE = 0.01;

    /** What a mistyped catalog name looks like: lowercase words joined by hyphens. */
    private static final Pattern NAME_SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*");

    private Landscapes() {}

    /**
     * The catalog landscape called {@code nameOrFormula}, or else the formula it spells, as a
     * landscape over {@link #DEFAULT_WINDOW} (see {@link #ofFormula(String, Window)}).
     *
     * @throws InvalidInputException (field {@code surface}) when it is neither: a word close to a
     *                               catalog name gets "unknown surface 'rosenbrok': did you mean
     *                               'rosenbrock'?", anything else the formula's parse error, with
     *                               its column and a caret
     */
    public static Landscape resolve(String nameOrFormula) {
        return resolve(nameOrFormula, false);
    }

    /**
     * As {@link #resolve(String)}; with {@code filesAllowed} a data surface's DATA may also be the
     * path of a CSV file (the command line; never the web server, which must not read paths a
     * client sends).
     */
    public static Landscape resolve(String nameOrFormula, boolean filesAllowed) {
        if (DataLandscapes.isSpec(nameOrFormula)) {
            return DataLandscapes.resolve(nameOrFormula, name -> Datasets.resolve(name, filesAllowed));
        }
        Optional<Landscape> entry = Catalog.find(nameOrFormula.strip());
        if (entry.isPresent()) {
            return entry.get();
        }
        try {
            return ofFormula(nameOrFormula, DEFAULT_WINDOW);
        } catch (FormulaException e) {
            String word = nameOrFormula.strip();
            if (NAME_SHAPE.matcher(word).matches() && Names.closest(word, Catalog.names()) != null) {
                throw InvalidInputException.unknownName("surface", word, Catalog.names());
            }
            throw e;
        }
    }

    /**
     * A typed surface as a landscape: named by the text as typed, titled "Your formula", with the
     * normalized formula, no known minima, and defaults derived from the formula:
     * <ul>
     *   <li>start: 80 % of the way from the window's centre to its top-left corner ((−4, 4) in the
     *       default window); if f or ∇f is not finite there, the same point towards the top-right,
     *       bottom-right and bottom-left corners, then the centre, whichever is first finite;
     *   <li>learning rate: 1/ρ, where ρ is the {@value #CURVATURE_PERCENTILE} quantile of the
     *       Hessian's spectral radius max(|λ1|, |λ2|) over a {@value #CURVATURE_GRID} ×
     *       {@value #CURVATURE_GRID} grid of the window (points where it is not finite or zero are
     *       skipped), clamped to [{@value #MIN_LEARNING_RATE}, {@value #MAX_LEARNING_RATE}];
     *       {@value #FALLBACK_LEARNING_RATE} if no point has finite non-zero curvature. Gradient
     *       descent is stable where the curvature is below 2/lr, so this keeps it stable on 90 %
     *       of the window with room to spare;
     *   <li>adaptive learning rate (Adam, RMSProp, Adagrad): the window's span / 100.
     * </ul>
     *
     * @throws FormulaException (field {@code surface}) when the text is not a formula
     */
    public static Landscape ofFormula(String text, Window window) {
        Formula formula = Formula.parse(text, "surface");
        Surface surface = formula.compile();
        return new Landscape(text, "Your formula", formula.normalized(),
                "A surface typed as a formula in x and y.", surface, window, defaultStart(surface, window),
                defaultLearningRate(surface, window), window.span() / 100, List.of());
    }

    static Vec2 defaultStart(Surface surface, Window window) {
        Vec2 c = window.center();
        double dx = 0.8 * window.width() / 2;
        double dy = 0.8 * window.height() / 2;
        List<Vec2> candidates = List.of(new Vec2(c.x() - dx, c.y() + dy), new Vec2(c.x() + dx, c.y() + dy),
                new Vec2(c.x() + dx, c.y() - dy), new Vec2(c.x() - dx, c.y() - dy), c);
        for (Vec2 p : candidates) {
            double[] g = new double[2];
            double f = surface.valueAndGradient(p.x(), p.y(), g);
            if (Double.isFinite(f) && Double.isFinite(g[0]) && Double.isFinite(g[1])) {
                return p;
            }
        }
        return candidates.getFirst();
    }

    static double defaultLearningRate(Surface surface, Window window) {
        double[] radii = new double[CURVATURE_GRID * CURVATURE_GRID];
        int n = 0;
        for (int i = 0; i < CURVATURE_GRID; i++) {
            for (int j = 0; j < CURVATURE_GRID; j++) {
                double x = window.xMin() + window.width() * i / (CURVATURE_GRID - 1);
                double y = window.yMin() + window.height() * j / (CURVATURE_GRID - 1);
                Sym2 h = surface.hessian(x, y);
                if (h.isFinite()) {
                    Sym2.Eigen e = h.eigen();
                    double radius = Math.max(Math.abs(e.first()), Math.abs(e.second()));
                    if (radius > 0 && Double.isFinite(radius)) {
                        radii[n++] = radius;
                    }
                }
            }
        }
        if (n == 0) {
            return FALLBACK_LEARNING_RATE;
        }
        double[] sorted = Arrays.copyOf(radii, n);
        Arrays.sort(sorted);
        double rho = sorted[(int) Math.min(n - 1, Math.floor(CURVATURE_PERCENTILE * n))];
        return Math.clamp(1 / rho, MIN_LEARNING_RATE, MAX_LEARNING_RATE);
    }
}
