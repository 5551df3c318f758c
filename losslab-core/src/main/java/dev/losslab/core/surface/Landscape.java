package dev.losslab.core.surface;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A surface together with what a person needs to explore it: its name and formula, the window
 * that shows it well, a start that makes a good first run, default learning rates, and the
 * minima that are known in closed form or from the literature.
 *
 * @param name                 the catalog name typed on the command line (e.g. {@code ravine}),
 *                             or the formula itself for a typed surface
 * @param title                a short human title ("Rosenbrock ravine, b = 20")
 * @param formula              f(x, y) in plain text, as the README and the page show it
 * @param description          one or two sentences on what the surface teaches
 * @param surface              the maths
 * @param window               the default view (and critical-point search) window
 * @param defaultStart         the start of a first run
 * @param learningRate         a learning rate that gives gradient descent a good first run here
 * @param adaptiveLearningRate a learning rate for optimizers whose step length is about lr in
 *                             parameter units (Adam, RMSProp, Adagrad)
 * @param knownMinima          the known minima (possibly empty; global ones first)
 */
public record Landscape(
        String name,
        String title,
        String formula,
        String description,
        Surface surface,
        Window window,
        Vec2 defaultStart,
        double learningRate,
        double adaptiveLearningRate,
        List<Minimum> knownMinima) {

    /**
     * How close, as a fraction of the window's span, a point must be to a known minimum to count
     * as having reached it (1e-3: 0.004 on a 4-wide window).
     */
    public static final double REACHED_FRACTION = 1e-3;

    public Landscape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(defaultStart, "defaultStart");
        if (!(learningRate > 0) || !(adaptiveLearningRate > 0)) {
            throw new IllegalArgumentException("default learning rates must be > 0 for " + name);
        }
        knownMinima = List.copyOf(knownMinima);
    }

    /** The known minimum within {@link #REACHED_FRACTION} of the window span of p, if any. */
    public Optional<Minimum> minimumReachedFrom(Vec2 p) {
        if (!p.isFinite()) {
            return Optional.empty();
        }
        double tolerance = REACHED_FRACTION * window.span();
        Minimum best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Minimum m : knownMinima) {
            double d = m.at().distanceTo(p);
            if (d <= tolerance && d < bestDistance) {
                best = m;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }
}
