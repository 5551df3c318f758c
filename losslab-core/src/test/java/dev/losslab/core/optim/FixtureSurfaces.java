package dev.losslab.core.optim;

import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.PointwiseSurface;
import dev.losslab.core.surface.Quadratic;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.util.List;

/**
 * The surfaces of the PyTorch fixtures ({@code tools/torch-fixtures/generate.py}), with their
 * gradients written in the same operation order as the script's, so both programs feed the
 * optimizers bit-identical gradients. Test-only on purpose: the catalog's own surfaces may round
 * their derivatives differently, and these tests are about update rules.
 */
final class FixtureSurfaces {

    private FixtureSurfaces() {}

    /** f = (1 − x)² + 100·(y − x²)². */
    record Rosenbrock() implements PointwiseSurface {
        public double value(double x, double y) {
            double r = y - x * x;
            return (1 - x) * (1 - x) + 100 * r * r;
        }

        public double valueAndGradient(double x, double y, double[] gradient) {
            double r = y - x * x;
            gradient[0] = -2.0 * (1.0 - x) - 400.0 * x * r;
            gradient[1] = 200.0 * r;
            return (1 - x) * (1 - x) + 100 * r * r;
        }

        public Sym2 hessian(double x, double y) {
            return new Sym2(2 - 400 * (y - x * x) + 800 * x * x, -400 * x, 200);
        }
    }

    /** f = (1 − x)² + 20·(y − x²)²: the catalog's ravine, with the script's gradient. */
    record Ravine() implements PointwiseSurface {
        public double value(double x, double y) {
            double r = y - x * x;
            return (1 - x) * (1 - x) + 20 * r * r;
        }

        public double valueAndGradient(double x, double y, double[] gradient) {
            double r = y - x * x;
            gradient[0] = -2.0 * (1.0 - x) - 80.0 * x * r;
            gradient[1] = 40.0 * r;
            return (1 - x) * (1 - x) + 20 * r * r;
        }

        public Sym2 hessian(double x, double y) {
            return new Sym2(2 - 80 * (y - x * x) + 160 * x * x, -80 * x, 40);
        }
    }

    /** f = (x² + y − 11)² + (x + y² − 7)². */
    record Himmelblau() implements PointwiseSurface {
        public double value(double x, double y) {
            double a = x * x + y - 11.0, b = x + y * y - 7.0;
            return a * a + b * b;
        }

        public double valueAndGradient(double x, double y, double[] gradient) {
            double a = x * x + y - 11.0;
            double b = x + y * y - 7.0;
            gradient[0] = 4.0 * x * a + 2.0 * b;
            gradient[1] = 2.0 * a + 4.0 * y * b;
            return a * a + b * b;
        }

        public Sym2 hessian(double x, double y) {
            return new Sym2(4 * (x * x + y - 11) + 8 * x * x + 2, 4 * x + 4 * y, 4 * (x + y * y - 7) + 8 * y * y + 2);
        }
    }

    /** The fixture surface of that name, as a landscape (window and defaults matter not here). */
    static Landscape landscape(String name) {
        Surface surface = switch (name) {
            case "quadratic" -> new Quadratic(1, 10);
            case "rosenbrock" -> new Rosenbrock();
            case "himmelblau" -> new Himmelblau();
            case "ravine" -> new Ravine();
            default -> throw new IllegalArgumentException("no fixture surface " + name);
        };
        return new Landscape(name, name, name, "fixture surface", surface, Window.square(5), Vec2.ZERO,
                0.01, 0.01, List.of());
    }
}
