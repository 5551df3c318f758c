package dev.losslab.core.optim;

import static dev.losslab.core.optim.OptimizerKind.LearningRateDefault.GRADIENT;

import dev.losslab.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every optimizer LossLab offers, by name: the one registry the CLI, the web API and the README
 * read. Defaults are PyTorch's unless an entry says otherwise.
 */
public final class Optimizers {

    private static final Param WEIGHT_DECAY =
            Param.real("weight-decay", 0, Range.atLeast(0), "L2 penalty λ added to the gradient as λ·θ");
    private static final Param DAMPENING =
            Param.real("dampening", 0, Range.atLeast(0), "dampening τ of the momentum buffer");

    private static final Map<String, OptimizerKind> BY_NAME = new LinkedHashMap<>();

    static {
        add(new OptimizerKind("gd", "Gradient descent",
                "θ ← θ − lr·∇f(θ)",
                List.of(WEIGHT_DECAY), GRADIENT, 0,
                s -> new Sgd(0, 0, false, s.real("weight-decay"))));
        add(new OptimizerKind("momentum", "SGD with momentum",
                "b ← μ·b + (1 − τ)·∇f(θ)  (b₁ = ∇f(θ₀));  θ ← θ − lr·b",
                List.of(Param.real("momentum", 0.9, Range.atLeast(0), "momentum factor μ"), DAMPENING, WEIGHT_DECAY),
                GRADIENT, 0,
                s -> new Sgd(s.real("momentum"), s.real("dampening"), false, s.real("weight-decay"))));
        add(new OptimizerKind("nesterov", "SGD with Nesterov momentum",
                "b ← μ·b + (1 − τ)·g  (b₁ = g);  θ ← θ − lr·(g + μ·b)",
                List.of(Param.real("momentum", 0.9, Range.above(0), "momentum factor μ"), DAMPENING, WEIGHT_DECAY),
                GRADIENT, 0,
                s -> new Sgd(s.real("momentum"), s.real("dampening"), true, s.real("weight-decay"))));
    }

    private Optimizers() {}

    static void add(OptimizerKind kind) {
        if (BY_NAME.putIfAbsent(kind.name(), kind) != null) {
            throw new IllegalStateException("duplicate optimizer name " + kind.name());
        }
    }

    public static List<OptimizerKind> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<OptimizerKind> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The optimizer called {@code name}; an unknown name fails with the closest valid one suggested. */
    public static OptimizerKind get(String name) {
        OptimizerKind kind = BY_NAME.get(name);
        if (kind == null) {
            throw InvalidInputException.unknownName("optimizer", name, BY_NAME.keySet());
        }
        return kind;
    }
}
