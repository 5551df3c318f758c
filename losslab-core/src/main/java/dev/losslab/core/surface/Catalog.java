package dev.losslab.core.surface;

import dev.losslab.core.Registry;
import java.util.List;
import java.util.Optional;

/**
 * The built-in surfaces, in the order the CLI and the page list them: the seed lab's presets first,
 * then classic optimization test functions with their published minima and usual windows.
 * This is the one place a catalog surface is defined.
 */
public final class Catalog {

    private static final Registry<Landscape> REGISTRY = new Registry<>("surface", Landscape::name);

    static {
        add(new Landscape("bowl", "Stretched bowl",
                "0.5*x^2 + 5*y^2",
                "A quadratic with curvature 1 along x and 10 along y: gradient descent zig-zags across the steep "
                        + "direction and crawls along the gentle one; it diverges once lr > 2/10. "
                        + "The default lr 0.18 keeps the zig-zag visible.",
                new Quadratic(1, 10), Window.of(-4, 4, -3, 3), Vec2.of(-3.5, 2.5), 0.18, 0.1,
                List.of(Minimum.at(0, 0, 0))));
        add(new Landscape("rosenbrock", "Rosenbrock's banana valley",
                "(1 - x)^2 + 100*(y - x^2)^2",
                "A curved, narrow valley whose walls are hundreds of times steeper than its floor: the step that keeps "
                        + "gradient descent stable across the valley is far too short to travel along it.",
                new Rosenbrock(1, 100), Window.of(-2, 2, -1, 3), Vec2.of(-1.2, 1), 0.0015, 0.04,
                List.of(Minimum.at(1, 1, 0))));
        add(new Landscape("ravine", "Rosenbrock ravine, b = 20",
                "(1 - x)^2 + 20*(y - x^2)^2",
                "Rosenbrock's valley with gentler walls (b = 20 instead of 100): plain gradient descent rattles from wall "
                        + "to wall while momentum and Adam slide along the floor.",
                new Rosenbrock(1, 20), Window.of(-2, 2, -1, 3), Vec2.of(-1.5, 2), 0.008, 0.04,
                List.of(Minimum.at(1, 1, 0))));
        add(new Landscape("saddle", "Saddle",
                "x^2 - y^2",
                "A minimum along x and a maximum along y: from just off the ridge, gradient descent coasts towards the "
                        + "flat centre, stalls where the gradient nearly vanishes, then slides away along y.",
                new Quadratic(2, -2), Window.square(2), Vec2.of(-1.8, 0.01), 0.005, 0.04,
                List.of()));
        add(new Landscape("himmelblau", "Himmelblau's function",
                "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
                "Four minima of equal depth, one in each quadrant: which one a run ends in depends only on where it "
                        + "starts and how it steps, which makes it the place to watch noise or momentum switch basins.",
                new Himmelblau(), Window.square(5), Vec2.of(0, 0), 0.01, 0.1,
                List.of(Minimum.at(3, 2, 0),
                        Minimum.at(-2.805118086952745, 3.131312518250573, 0),
                        Minimum.at(-3.779310253377747, -3.283185991286169, 0),
                        Minimum.at(3.5844283403304917, -1.8481265269644034, 0))));
        add(new Landscape("bumpy", "Bumpy bowl",
                "0.5*(x^2 + y^2) + 0.5*(2 - cos(4*x) - cos(4*y))",
                "A round bowl pitted with a ring of shallow dimples: gradient descent stops in the first dimple it "
                        + "meets, while momentum can carry a run over the rims to the one bottom at the origin.",
                new Bumpy(1, 0.5, 4), Window.square(3), Vec2.of(-2.6, 2.2), 0.05, 0.06,
                bumpyMinima()));
        add(new Landscape("beale", "Beale's function",
                "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
                "Broad flat plateaus near the axes and cliffs towards the corners: the gradient's size varies by orders "
                        + "of magnitude, so one fixed learning rate is either timid on the flats or reckless on the walls.",
                new Beale(), Window.square(4.5), Vec2.of(1, 1.5), 0.007, 0.09,
                List.of(Minimum.at(3, 0.5, 0))));
        add(new Landscape("booth", "Booth's function",
                "(x + 2*y - 7)^2 + (2*x + y - 5)^2",
                "A tilted quadratic bowl with curvatures 18 and 2 along the diagonals: the simplest case where the valley "
                        + "is not aligned with the axes, so per-coordinate step sizes help less than on the bowl.",
                new Booth(), Window.square(10), Vec2.of(-8, 8), 0.05, 0.2,
                List.of(Minimum.at(1, 3, 0))));
        add(new Landscape("matyas", "Matyas' function",
                "0.26*(x^2 + y^2) - 0.48*x*y",
                "A long, shallow diagonal trough (curvature 1 across, 0.04 along): convex and easy in principle, yet "
                        + "gradient descent spends most of its steps creeping along the nearly flat floor.",
                new Matyas(), Window.square(10), Vec2.of(-8, 6), 1.0, 0.2,
                List.of(Minimum.at(0, 0, 0))));
        add(new Landscape("three-hump-camel", "Three-hump camel",
                "2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2",
                "Three valleys in a row: a deep one in the middle and two shallower ones either side, separated by "
                        + "saddles, so the start decides whether a run finds the global minimum.",
                new ThreeHumpCamel(), Window.square(2), Vec2.of(-1.9, 1.6), 0.02, 0.04,
                threeHumpCamelMinima()));
        add(new Landscape("six-hump-camel", "Six-hump camel",
                "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2",
                "Six minima in a small box, two of them global twins through the origin, which is a saddle between "
                        + "them: a compact tour of local minima, saddles and symmetric solutions.",
                new SixHumpCamel(), Window.of(-2, 2, -1.2, 1.2), Vec2.of(-1.2, -1), 0.01, 0.04,
                sixHumpCamelMinima()));
        add(new Landscape("goldstein-price", "Goldstein–Price function",
                "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
                        + "*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))",
                "Values from 3 to about a million in one window, with several local minima: a learning rate safe on the "
                        + "walls is painfully slow near the bottom, which is where adaptive step sizes earn their keep.",
                new GoldsteinPrice(), Window.square(2), Vec2.of(1, -1.5), 1e-5, 0.04,
                List.of(Minimum.at(0, -1, 3), Minimum.at(-0.6, -0.4, 30), Minimum.at(1.8, 0.2, 84),
                        Minimum.at(1.2, 0.8, 840))));
        add(new Landscape("rastrigin", "Rastrigin's function",
                "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
                "A parabola under a regular egg-crate: a local minimum near every integer point, each one a trap for "
                        + "gradient descent, while the global trend still points to the origin.",
                new Rastrigin(10), Window.square(5.12), Vec2.of(-3.3, 2.6), 0.002, 0.12,
                List.of(Minimum.at(0, 0, 0))));
        add(new Landscape("ackley", "Ackley's function",
                "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20",
                "A nearly flat field of small dimples around a sharp funnel at the origin: far out the gradient mostly "
                        + "points into the nearest dimple, and the bottom of the funnel is a kink, not a smooth bowl.",
                new Ackley(20, 0.2, 2 * Math.PI), Window.square(5), Vec2.of(-3.4, 2.8), 0.01, 0.1,
                List.of(Minimum.at(0, 0, 0))));
        add(new Landscape("styblinski-tang", "Styblinski–Tang function",
                "0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)",
                "A tilted double well along each axis, so four minima of three different depths: gradient descent picks "
                        + "each coordinate's well from the side it starts on, not the deeper one.",
                new StyblinskiTang(), Window.square(5), Vec2.of(0, 4.5), 0.01, 0.1,
                styblinskiTangMinima()));
        add(new Landscape("monkey-saddle", "Monkey saddle",
                "x^3 - 3*x*y^2",
                "Three valleys and three ridges meet at a point where the gradient and the whole Hessian vanish: the "
                        + "curvature test is silent there, and a run along a ridge creeps in ever more slowly.",
                new MonkeySaddle(), Window.square(2), Vec2.of(1.8, 0.001), 0.002, 0.04,
                List.of()));
        add(new Landscape("levi", "Lévi function N.13",
                "sin(3*pi*x)^2 + (x - 1)^2*(1 + sin(3*pi*y)^2) + (y - 1)^2*(1 + sin(2*pi*y)^2)",
                "Ripples whose depth grows with the distance from the minimum at (1, 1): near it the surface is a "
                        + "gentle bowl, far from it a washboard of traps.",
                new Levi(), Window.of(-3, 5, -3, 5), Vec2.of(-1.5, -0.5), 0.001, 0.08,
                List.of(Minimum.at(1, 1, 0))));
        add(new Landscape("mccormick", "McCormick's function",
                "sin(x + y) + (x - y)^2 - 1.5*x + 2.5*y + 1",
                "A tilted trough with a sine ripple along it: the global minimum lies at the low end of the usual box "
                        + "and a local one higher up, and beyond the box the trough keeps falling forever.",
                new McCormick(), Window.of(-1.5, 4, -3, 4), Vec2.of(3, -2), 0.1, 0.07,
                List.of(Minimum.at(0.5 - Math.PI / 3, -0.5 - Math.PI / 3, -Math.sqrt(3) / 2 - Math.PI / 3),
                        Minimum.at(0.5 + 2 * Math.PI / 3, -0.5 + 2 * Math.PI / 3, -Math.sqrt(3) / 2 + 2 * Math.PI / 3))));
        add(new Landscape("easom", "Easom's function",
                "-cos(x)*cos(y)*exp(-((x - pi)^2 + (y - pi)^2))",
                "One narrow hole in a plain that is flat to machine precision a few units away: outside the hole the "
                        + "gradient says nothing, so where a run starts matters more than how it steps.",
                new Easom(), Window.of(-1, 7, -1, 7), Vec2.of(1.5, 2.2), 0.3, 0.08,
                List.of(Minimum.at(Math.PI, Math.PI, -1))));
    }

    private Catalog() {}

    /**
     * Bumpy's nine minima: the products of g(t) = t²/2 + (1 − cos 4t)/2's minima t = 0 and
     * t = ±T, where T solves T + 2·sin 4T = 0 (Newton, to double precision); g(T) = 1.0908806…
     */
    private static List<Minimum> bumpyMinima() {
        double t = 1.3803616074940754;
        double edge = 1.09088060086781;
        double corner = 2.18176120173562;
        return List.of(Minimum.at(0, 0, 0),
                Minimum.at(t, 0, edge), Minimum.at(-t, 0, edge), Minimum.at(0, t, edge), Minimum.at(0, -t, edge),
                Minimum.at(t, t, corner), Minimum.at(-t, t, corner), Minimum.at(t, -t, corner),
                Minimum.at(-t, -t, corner));
    }

    /** The origin, then x = ±√((4.2 + √3.64)/2), y = −x/2 (see {@link ThreeHumpCamel}). */
    private static List<Minimum> threeHumpCamelMinima() {
        double x = 1.747552345830289;
        double value = 0.29863844223685965;
        return List.of(Minimum.at(0, 0, 0), Minimum.at(x, -x / 2, value), Minimum.at(-x, x / 2, value));
    }

    /** The two global minima, then the two pairs of local ones (Newton solves, to double precision). */
    private static List<Minimum> sixHumpCamelMinima() {
        return List.of(
                Minimum.at(0.08984201310031807, -0.7126564030207396, -1.0316284534898774),
                Minimum.at(-0.08984201310031807, 0.7126564030207396, -1.0316284534898774),
                Minimum.at(1.7036067149699807, -0.7960835686726251, -0.21546382438371725),
                Minimum.at(-1.7036067149699807, 0.7960835686726251, -0.21546382438371725),
                Minimum.at(1.6071047529201974, 0.5686514548841314, 2.1042503103112584),
                Minimum.at(-1.6071047529201974, -0.5686514548841314, 2.1042503103112584));
    }

    /**
     * Pairings of the two wells of t⁴ − 16t² + 5t, the roots of 2t³ − 16t + 2.5 = 0 at
     * t = −2.903534… (deeper) and t = 2.746802… (Newton, to double precision); deepest first.
     */
    private static List<Minimum> styblinskiTangMinima() {
        double left = -2.903534027771177;
        double right = 2.746802770990837;
        return List.of(
                Minimum.at(left, left, -78.33233140754284),
                Minimum.at(left, right, -64.19561235905536),
                Minimum.at(right, left, -64.19561235905536),
                Minimum.at(right, right, -50.05889331056789));
    }

    private static void add(Landscape landscape) {
        REGISTRY.add(landscape);
    }

    /** Every catalog landscape, seed presets first. */
    public static List<Landscape> all() {
        return REGISTRY.all();
    }

    public static List<String> names() {
        return REGISTRY.names();
    }

    public static Optional<Landscape> find(String name) {
        return REGISTRY.find(name);
    }

    /** The landscape called {@code name}; an unknown name fails with the closest valid one suggested. */
    public static Landscape get(String name) {
        return REGISTRY.get(name);
    }
}
