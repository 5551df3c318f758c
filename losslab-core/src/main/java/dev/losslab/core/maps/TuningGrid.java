package dev.losslab.core.maps;

import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Param;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The configurations {@link FairTuning} tries for one racer: a log grid of learning rates, crossed
 * with a grid of its momentum when the scope asks for it and the optimizer has one. Every racer of a
 * scope gets the same number of configurations, {@link #size(TuningScope)}, whatever its kind.
 *
 * <p><b>Learning rates.</b> lr₀·10^(k/p) for k = −2p … p: from lr₀/100 to 10·lr₀, p per decade,
 * 3p + 1 values, lr₀ itself among them. lr₀ is the optimizer's default on the surface
 * ({@link OptimizerKind#defaultLearningRate}: the surface's lr for the SGD family, its adaptive lr
 * for Adam-like methods, 1 for Newton), so every kind is searched over the same three decades around
 * what suits it.
 *
 * <p><b>Momentum.</b> The second parameter is {@code momentum} (μ) when the optimizer takes one, else
 * {@code beta1} (β₁) when it takes one, else none. Its values are the first
 * {@value #MOMENTUM_VALUES} of 0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999 that its range
 * allows: 1 − μ runs 1, ½, ⅕, 1/10, … — a 1-2-5 series over two decades. The series is even in
 * log(1 − μ) because that is how momentum acts: the heavy ball's steady step is lr/(1 − μ) and an
 * average with weight μ remembers about 1/(1 − μ) steps. It starts at 0 (no momentum at all: the
 * racer may find momentum does not help here), reaches the common default 0.9 and Adan's 0.98, and
 * ends at a memory of about a hundred steps. Nesterov's μ must be above 0, so its seven values start
 * at 0.5 and end at 0.995: the same count. A parameter whose range held fewer than seven of the series
 * would not be tuned (none in the registry today).
 *
 * <p><b>Equal counts.</b> With {@link TuningScope#LR} every racer gets 37 learning rates (p = 12).
 * With {@link TuningScope#LR_AND_MOMENTUM} a racer with a momentum gets 19 learning rates (p = 6)
 * × 7 momenta = 133 configurations, and a racer without one 133 learning rates (p = 44): a finer lr
 * grid, so that the budget is the same. (7·(3·6 + 1) = 3·44 + 1: both grids keep lr₀ and both ends.)
 *
 * <p>Configuration i is learning rate i / V and momentum value i mod V (V values, 1 without a
 * momentum): ascending lr first, then ascending momentum, the order ties are settled in.
 *
 * @param learningRates the learning rates, ascending
 * @param parameter     the momentum parameter tuned alongside, if any
 * @param values        its values, ascending (empty without one)
 */
public record TuningGrid(List<Double> learningRates, Optional<Param> parameter, List<Double> values) {

    /** Learning rates per decade with {@link TuningScope#LR}: 37 in all. */
    public static final int LR_ONLY_PER_DECADE = 12;
    /** Momentum values per racer that has a momentum, with {@link TuningScope#LR_AND_MOMENTUM}. */
    public static final int MOMENTUM_VALUES = 7;
    /** Learning rates per decade beside a momentum: 19, × 7 = 133 configurations. */
    public static final int LR_WITH_MOMENTUM_PER_DECADE = 6;
    /** Learning rates per decade for a racer without a momentum: 133, as many configurations. */
    public static final int LR_ALONE_PER_DECADE = (MOMENTUM_VALUES * count(LR_WITH_MOMENTUM_PER_DECADE) - 1) / 3;

    private static final int DECADES_BELOW = 2;
    private static final int DECADES_ABOVE = 1;
    private static final List<Double> MOMENTUM_SERIES =
            List.of(0.0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999);

    static {
        if (count(LR_ALONE_PER_DECADE) != MOMENTUM_VALUES * count(LR_WITH_MOMENTUM_PER_DECADE)) {
            throw new AssertionError("the two grids of LR_AND_MOMENTUM must have the same size");
        }
    }

    public TuningGrid {
        learningRates = List.copyOf(learningRates);
        values = List.copyOf(values);
        if (parameter.isPresent() == values.isEmpty()) {
            throw new IllegalArgumentException("values are needed exactly when a parameter is tuned");
        }
    }

    /** The grid for {@code kind} with default learning rate {@code lr0}. */
    public static TuningGrid of(TuningScope scope, OptimizerKind kind, double lr0) {
        Optional<Param> momentum = scope == TuningScope.LR ? Optional.empty() : momentumOf(kind);
        if (momentum.isEmpty()) {
            int perDecade = scope == TuningScope.LR ? LR_ONLY_PER_DECADE : LR_ALONE_PER_DECADE;
            return new TuningGrid(learningRates(lr0, perDecade), Optional.empty(), List.of());
        }
        return new TuningGrid(learningRates(lr0, LR_WITH_MOMENTUM_PER_DECADE), momentum, momentumValues(momentum.get()));
    }

    /** Configurations per racer in {@code scope}: the same for every optimizer. */
    public static int size(TuningScope scope) {
        return scope == TuningScope.LR ? count(LR_ONLY_PER_DECADE) : count(LR_ALONE_PER_DECADE);
    }

    /**
     * The momentum {@link TuningScope#LR_AND_MOMENTUM} tunes for {@code kind}: its {@code momentum},
     * else its {@code beta1}, when the range allows {@value #MOMENTUM_VALUES} values of the series.
     */
    public static Optional<Param> momentumOf(OptimizerKind kind) {
        return kind.params().stream().filter(p -> p.name().equals("momentum")).findFirst()
                .or(() -> kind.params().stream().filter(p -> p.name().equals("beta1")).findFirst())
                .filter(p -> p.kind() instanceof Param.Real r && !r.whole()
                        && MOMENTUM_SERIES.stream().filter(r.range()::contains).count() >= MOMENTUM_VALUES);
    }

    public int size() {
        return learningRates.size() * Math.max(1, values.size());
    }

    public double learningRate(int configuration) {
        return learningRates.get(configuration / Math.max(1, values.size()));
    }

    /** The momentum value of a configuration; only when {@link #parameter()} is present. */
    public double value(int configuration) {
        return values.get(configuration % values.size());
    }

    /** The index of the configuration at exactly these settings, or −1 (value ignored without a parameter). */
    public int indexOf(double learningRate, double value) {
        return IntStream.range(0, size())
                .filter(i -> learningRate(i) == learningRate && (values.isEmpty() || value(i) == value))
                .findFirst().orElse(-1);
    }

    private static List<Double> learningRates(double lr0, int perDecade) {
        return IntStream.rangeClosed(-DECADES_BELOW * perDecade, DECADES_ABOVE * perDecade)
                .mapToObj(k -> lr0 * Math.pow(10, k / (double) perDecade))
                .toList();
    }

    private static List<Double> momentumValues(Param p) {
        var range = ((Param.Real) p.kind()).range();
        return MOMENTUM_SERIES.stream().filter(range::contains).limit(MOMENTUM_VALUES).toList();
    }

    private static int count(int perDecade) {
        return (DECADES_BELOW + DECADES_ABOVE) * perDecade + 1;
    }
}
