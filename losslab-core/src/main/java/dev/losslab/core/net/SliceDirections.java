package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How a slice chooses the two directions d₁, d₂ of its plane through θ* ({@link Plane}):
 * {@code random} (filter-normalised Gaussian, the default), {@code pca} (of the training path) or
 * {@code params:A,B} (two named parameters).
 */
public sealed interface SliceDirections {

    /** What {@code --directions} takes. */
    String FORMS = "random, random:SEED, pca or params:NAME1,NAME2 (such as params:0.weight[0][1],2.bias[0])";

    /** The plane these directions span through {@code centre}, given the recorded path. */
    Plane plane(Network network, double[] centre, List<double[]> path);

    /**
     * Gaussian directions, filter-normalised as Li et al. 2018 ("Visualizing the Loss Landscape of
     * Neural Nets", §4): each entry of d drawn from N(0, 1), then for a {@code Linear} layer, whose
     * "filters" are the rows of its weight W_l (row o is output unit o's incoming weights),
     * <pre>
     *   d[W_l row o] ← d[W_l row o] · ‖θ*[W_l row o]‖ / ‖d[W_l row o]‖
     * </pre>
     * and every bias entry of d set to 0: their "ignore biasbn" choice, which the paper's plots use.
     * Why rows: a network's function barely cares about a unit's scale (with ReLU it is unchanged
     * when a unit's incoming weights are multiplied by c and its outgoing ones by 1/c), so a raw
     * distance in θ means little; with each row of d as long as its row of θ*, a step of α moves
     * every unit by the same fraction α of its own weights, and slices of different nets compare. Why zero biases: a bias row is one
     * number, its "filter norm" is |b|, and rescaling it would make α = 1 flip or double each bias,
     * not perturb it. Rows of θ* that are all zero get a zero row in d.
     *
     * <p>d₁ and d₂ are drawn in turn from a {@link SplittableRandom} split off the one seeded with
     * {@code seed}, so they are not the numbers {@link Network#initialParameters} draws from the
     * same seed. They are not made orthogonal (in many dimensions two Gaussian vectors nearly are);
     * {@link Plane#project} solves the normal equations instead.
     */
    record Random(long seed) implements SliceDirections {
        @Override
        public Plane plane(Network network, double[] centre, List<double[]> path) {
            SplittableRandom random = new SplittableRandom(seed).split();
            double[] first = filterNormalised(network, centre, random);
            double[] second = filterNormalised(network, centre, random);
            return new Plane(centre, first, second, "random (seed " + seed + "), filter-normalised, biases 0", List.of());
        }

        /** One Gaussian direction, filter-normalised to {@code centre}. */
        static double[] filterNormalised(Network network, double[] centre, SplittableRandom random) {
            double[] d = new double[network.parameterCount()];
            for (int l = 0; l < network.layers(); l++) {
                int in = network.width(l);
                for (int o = 0; o < network.width(l + 1); o++) {
                    int from = network.weightOffset(l) + o * in;
                    double dNorm = 0;
                    double thetaNorm = 0;
                    for (int p = from; p < from + in; p++) {
                        d[p] = random.nextGaussian();
                        dNorm += d[p] * d[p];
                        thetaNorm += centre[p] * centre[p];
                    }
                    double scale = Math.sqrt(thetaNorm) / Math.sqrt(dNorm);
                    for (int p = from; p < from + in; p++) {
                        d[p] *= scale;
                    }
                }
                // biases stay 0
            }
            return d;
        }
    }

    /**
     * The principal plane of the training path θ_0 … θ_T relative to the centre ({@link TrajectoryPca}):
     * d₁, d₂ unit vectors, with the share of the path's squared distance from θ* each explains.
     */
    record Pca() implements SliceDirections {
        @Override
        public Plane plane(Network network, double[] centre, List<double[]> path) {
            TrajectoryPca.Result pca = TrajectoryPca.of(path, centre, "directions", "slice with random or params directions");
            return new Plane(centre, pca.first(), pca.second(), String.format(Locale.ROOT,
                    "pca of the trajectory (%.1f %% and %.1f %% of its squared distance from the centre)",
                    100 * pca.shares()[0], 100 * pca.shares()[1]), List.of(pca.shares()[0], pca.shares()[1]));
        }
    }

    /**
     * Two named parameters: d₁ and d₂ are the unit vectors of those coordinates, so the grid moves
     * exactly them, α and β in the parameters' own units, and every other parameter stays at θ*.
     */
    record Params(ParameterName first, ParameterName second) implements SliceDirections {
        @Override
        public Plane plane(Network network, double[] centre, List<double[]> path) {
            double[] d1 = new double[network.parameterCount()];
            double[] d2 = new double[network.parameterCount()];
            d1[first.index()] = 1;
            d2[second.index()] = 1;
            return new Plane(centre, d1, d2, "parameters " + first.name() + " and " + second.name(), List.of());
        }
    }

    /**
     * {@code --directions}: {@code random} (seeded by {@code seed}), {@code random:SEED}, {@code pca}
     * or {@code params:NAME1,NAME2}.
     */
    static SliceDirections parse(String text, Network network, long seed) {
        String t = text.strip();
        if (t.equals("random")) {
            return new Random(seed);
        }
        if (t.startsWith("random:")) {
            String s = t.substring("random:".length());
            if (!s.matches("-?\\d{1,18}")) {
                throw new InvalidInputException("directions", "--directions random:SEED takes a whole number, got '" + s + "'");
            }
            return new Random(Long.parseLong(s));
        }
        if (t.equals("pca")) {
            return new Pca();
        }
        if (t.startsWith("params:")) {
            String[] names = t.substring("params:".length()).split(",", -1);
            if (names.length != 2 || names[0].isBlank() || names[1].isBlank()) {
                throw new InvalidInputException("directions", "--directions params: takes two parameter names separated "
                        + "by a comma, such as params:0.weight[0][1],2.bias[0]; got '" + t + "'");
            }
            ParameterName a = ParameterName.parse(network, names[0], "directions");
            ParameterName b = ParameterName.parse(network, names[1], "directions");
            if (a.index() == b.index()) {
                throw new InvalidInputException("directions", "--directions params: names " + a.name()
                        + " twice; a plane needs two different parameters");
            }
            return new Params(a, b);
        }
        throw new InvalidInputException("directions", "--directions takes " + FORMS + "; got '" + t + "'");
    }
}
