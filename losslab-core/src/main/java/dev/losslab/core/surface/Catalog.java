package dev.losslab.core.surface;

import dev.losslab.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in surfaces, in the order the CLI and the page list them: the seed lab's presets first,
 * then classic optimization test functions with their published minima and usual windows.
 * This is the one place a catalog surface is defined.
 */
public final class Catalog {

    private static final Map<String, Landscape> BY_NAME = new LinkedHashMap<>();

    static {
        add(new Landscape("bowl", "Stretched bowl",
                "0.5*x^2 + 5*y^2",
                "A quadratic with curvature 1 along x and 10 along y: gradient descent zig-zags across the steep "
                        + "direction and crawls along the gentle one; it diverges once lr > 2/10.",
                new Quadratic(1, 10), Window.of(-4, 4, -3, 3), Vec2.of(-3.5, 2.5), 0.1, 0.1,
                List.of(Minimum.at(0, 0, 0))));
    }

    private Catalog() {}

    private static void add(Landscape landscape) {
        if (BY_NAME.putIfAbsent(landscape.name(), landscape) != null) {
            throw new IllegalStateException("duplicate catalog name " + landscape.name());
        }
    }

    /** Every catalog landscape, seed presets first. */
    public static List<Landscape> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<Landscape> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The landscape called {@code name}; an unknown name fails with the closest valid one suggested. */
    public static Landscape get(String name) {
        Landscape landscape = BY_NAME.get(name);
        if (landscape == null) {
            throw InvalidInputException.unknownName("surface", name, BY_NAME.keySet());
        }
        return landscape;
    }
}
