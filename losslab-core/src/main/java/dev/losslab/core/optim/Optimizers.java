package dev.losslab.core.optim;

import static dev.losslab.core.optim.OptimizerKind.LearningRateDefault.ADAPTIVE;
import static dev.losslab.core.optim.OptimizerKind.LearningRateDefault.GRADIENT;
import static dev.losslab.core.optim.OptimizerKind.LearningRateDefault.ONE;

import dev.losslab.core.Registry;
import java.util.List;
import java.util.Optional;

/**
 * Every optimizer LossLab offers, by name: the one registry the CLI, the web API and the README
 * read. Names, defaults and ranges are PyTorch's (torch 1.13.1's {@code torch.optim}) unless an
 * entry's class says otherwise; lr's default comes from the landscape (see
 * {@link OptimizerKind.LearningRateDefault}). Each update rule's full statement is in its class.
 */
public final class Optimizers {

    private static final Param WEIGHT_DECAY =
            Param.real("weight-decay", "λ", 0, Range.atLeast(0), "L2 penalty λ added to the gradient as λ·θ");
    private static final Param DAMPENING =
            Param.real("dampening", "τ", 0, Range.atLeast(0), "dampening τ of the momentum buffer");
    private static final Param EPS_1E_8 =
            Param.real("eps", "ε", 1e-8, Range.atLeast(0), "ε added to the denominator, outside the square root");

    private static final List<Param> ADAM_PARAMS = adamParams(0);
    private static final List<Param> ADAMW_PARAMS = adamParams(0.01);

    private static final Registry<OptimizerKind> REGISTRY = new Registry<>("optimizer", OptimizerKind::name);

    static {
        add(new OptimizerKind("gd", "Gradient descent",
                "θ ← θ − lr·∇f(θ)",
                List.of(WEIGHT_DECAY), GRADIENT, 0,
                s -> new Sgd(0, 0, false, s.real("weight-decay"))));
        add(new OptimizerKind("sgd", "Stochastic gradient descent (noisy gradients)",
                "θ ← θ − lr·(∇f(θ) + σ·ξ),  ξ ~ N(0, I) drawn afresh each step (σ: --noise, default 1)",
                List.of(WEIGHT_DECAY), GRADIENT, 1.0,
                s -> new Sgd(0, 0, false, s.real("weight-decay"))));
        add(new OptimizerKind("momentum", "SGD with momentum",
                "b ← μ·b + (1 − τ)·∇f(θ)  (b₁ = ∇f(θ₀));  θ ← θ − lr·b",
                List.of(Param.real("momentum", "μ", 0.9, Range.atLeast(0), "momentum factor μ"), DAMPENING, WEIGHT_DECAY),
                GRADIENT, 0,
                s -> new Sgd(s.real("momentum"), s.real("dampening"), false, s.real("weight-decay"))));
        add(new OptimizerKind("nesterov", "SGD with Nesterov momentum",
                "b ← μ·b + (1 − τ)·g  (b₁ = g);  θ ← θ − lr·(g + μ·b)",
                List.of(Param.real("momentum", "μ", 0.9, Range.above(0), "momentum factor μ"),
                        Param.real("dampening", "τ", 0, Range.closed(0, 0), "dampening τ: PyTorch allows only 0 with Nesterov"),
                        WEIGHT_DECAY),
                GRADIENT, 0,
                s -> new Sgd(s.real("momentum"), s.real("dampening"), true, s.real("weight-decay"))));
        add(new OptimizerKind("rmsprop", "RMSProp",
                "v ← α·v + (1 − α)·g²;  θ ← θ − lr·g / (√v + ε)  (centered: √(v − a²) with a ← α·a + (1 − α)·g; "
                        + "momentum: b ← μ·b + g/(√v + ε), θ ← θ − lr·b)",
                List.of(Param.real("alpha", "α", 0.99, Range.closed(0, 1), "smoothing constant α of the squared-gradient average"),
                        EPS_1E_8,
                        Param.real("momentum", "μ", 0, Range.atLeast(0), "momentum factor μ"),
                        Param.flag("centered", "divide by the gradient's estimated standard deviation instead of its RMS"),
                        WEIGHT_DECAY),
                ADAPTIVE, 0,
                s -> new RmsProp(s.real("alpha"), s.real("eps"), s.real("weight-decay"), s.real("momentum"),
                        s.flag("centered"))));
        add(new OptimizerKind("adagrad", "Adagrad",
                "s ← s + g²;  θ ← θ − lr/(1 + (t − 1)·η) · g / (√s + ε)",
                List.of(Param.real("lr-decay", "η", 0, Range.atLeast(0), "learning-rate decay η"),
                        Param.real("eps", "ε", 1e-10, Range.atLeast(0), "ε added to the denominator, outside the square root"),
                        WEIGHT_DECAY),
                ADAPTIVE, 0,
                s -> new Adagrad(s.real("lr-decay"), s.real("eps"), s.real("weight-decay"))));
        add(new OptimizerKind("rprop", "Rprop (resilient backpropagation)",
                "Δ ← Δ·η₊ where g keeps its sign, Δ·η₋ where it flips (and skip that step), Δ₀ = lr, "
                        + "clamped to [Δ_min, Δ_max];  θ ← θ − sign(g)·Δ",
                List.of(Param.pair("etas", "η₋,η₊", 0.5, 1.2, Range.above(0),
                                "step-size factors (η₋, η₊) when g's sign flips or stays, 0 < η₋ < 1 < η₊"),
                        Param.pair("step-sizes", "Δ_min,Δ_max", 1e-6, 50, Range.atLeast(0),
                                "the smallest and largest step sizes (Δ_min, Δ_max)"),
                        Param.flag("maximize", "ascend f instead of descending it (PyTorch's maximize)")),
                ADAPTIVE, 0,
                s -> {
                    double[] etas = s.numbers("etas");
                    double[] sizes = s.numbers("step-sizes");
                    return new Rprop(etas[0], etas[1], sizes[0], sizes[1], s.flag("maximize"));
                }));
        add(new OptimizerKind("adam", "Adam",
                "m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  θ ← θ − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)",
                ADAM_PARAMS, ADAPTIVE, 0,
                s -> adam(s, false)));
        add(new OptimizerKind("adamw", "AdamW (decoupled weight decay)",
                "θ ← θ·(1 − lr·λ);  m ← β₁·m + (1 − β₁)·∇f;  v ← β₂·v + (1 − β₂)·∇f²;  "
                        + "θ ← θ − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)",
                ADAMW_PARAMS, ADAPTIVE, 0,
                s -> adam(s, true)));
        add(new OptimizerKind("newton", "Newton's method",
                "θ ← θ − lr·[∇²f(θ)]⁻¹·∇f(θ)  (stops where ∇²f is singular)",
                List.of(), ONE, 0,
                s -> new Newton(false)));
        add(new OptimizerKind("saddle-free-newton", "Saddle-free Newton (Dauphin et al. 2014)",
                "θ ← θ − lr·|∇²f(θ)|⁻¹·∇f(θ)  (|H|: eigenvalues replaced by their absolute values)",
                List.of(), ONE, 0,
                s -> new Newton(true)));
    }

    private Optimizers() {}

    private static List<Param> adamParams(double weightDecayDefault) {
        return List.of(
                Param.real("beta1", "β₁", 0.9, Range.closedOpen(0, 1), "decay β₁ of the gradient average m"),
                Param.real("beta2", "β₂", 0.999, Range.closedOpen(0, 1), "decay β₂ of the squared-gradient average v"),
                EPS_1E_8,
                Param.flag("amsgrad", "normalise by the running maximum of v (AMSGrad)"),
                Param.real("weight-decay", "λ", weightDecayDefault, Range.atLeast(0), weightDecayDefault == 0
                        ? "L2 penalty λ added to the gradient as λ·θ"
                        : "decoupled weight decay λ: θ ← θ·(1 − lr·λ) before each update"),
                Param.flag("no-bias-correction",
                        "drop the 1/(1 − β₁ᵗ) and 1/√(1 − β₂ᵗ) corrections (not a PyTorch option)"));
    }

    private static Adam adam(Settings s, boolean decoupled) {
        return new Adam(s.real("beta1"), s.real("beta2"), s.real("eps"), s.real("weight-decay"), decoupled,
                s.flag("amsgrad"), !s.flag("no-bias-correction"));
    }

    static void add(OptimizerKind kind) {
        REGISTRY.add(kind);
    }

    public static List<OptimizerKind> all() {
        return REGISTRY.all();
    }

    public static List<String> names() {
        return REGISTRY.names();
    }

    public static Optional<OptimizerKind> find(String name) {
        return REGISTRY.find(name);
    }

    /** The optimizer called {@code name}; an unknown name fails with the closest valid one suggested. */
    public static OptimizerKind get(String name) {
        return REGISTRY.get(name);
    }
}
