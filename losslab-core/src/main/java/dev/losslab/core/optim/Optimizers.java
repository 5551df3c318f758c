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

    private static final Param GTOL = Param.real("gtol", "gtol", 1e-5, Range.atLeast(0),
            "stop when every gradient component is at most gtol in size (SciPy's norm=inf test)");
    private static final Param C1 = Param.real("c1", "c₁", 1e-4, Range.open(0, 1),
            "sufficient-decrease constant c₁ of the line search (0 < c₁ < c₂ < 1 where c₂ applies)");

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
        // Classical methods (SciPy)
        add(new OptimizerKind("bfgs", "BFGS quasi-Newton (SciPy's)",
                "p = −H·∇f(θ);  θ ← θ + lr·α·p, α from a strong-Wolfe line search (c₁, c₂);  "
                        + "H ← (I − ρ·s·yᵀ)·H·(I − ρ·y·sᵀ) + ρ·s·sᵀ  (H₀ = I, s = θ's step, y = ∇f's change, ρ = 1/(y·s));  "
                        + "stops when max|∂f/∂θ| ≤ gtol",
                List.of(GTOL, C1, c2(0.9)), ONE, 0,
                s -> new Bfgs(s.real("gtol"), s.real("c1"), s.real("c2"))));
        add(new OptimizerKind("cg", "Nonlinear conjugate gradient, Polak–Ribière+ (SciPy's)",
                "p ← −∇f(θ) + β·p, β = max(0, (∇f − ∇f_prev)·∇f / ‖∇f_prev‖²)  (p₀ = −∇f(θ₀));  "
                        + "θ ← θ + lr·α·p, α from a strong-Wolfe line search (c₁, c₂);  stops when max|∂f/∂θ| ≤ gtol",
                List.of(GTOL, C1, c2(0.4)), ONE, 0,
                s -> new ConjugateGradient(s.real("gtol"), s.real("c1"), s.real("c2"))));
        add(new OptimizerKind("nelder-mead", "Nelder–Mead simplex, f only (SciPy's)",
                "a simplex of D + 1 points, from θ₀ and θ₀ with one coordinate scaled by 1 + 0.05·lr, reflected, "
                        + "expanded, contracted or shrunk using f alone;  θ = its best vertex;  "
                        + "stops when its vertices are within xatol of the best in θ and fatol in f",
                List.of(Param.real("xatol", "xatol", 1e-4, Range.atLeast(0),
                                "stop when every vertex is within xatol of the best in each coordinate (and fatol in f)"),
                        Param.real("fatol", "fatol", 1e-4, Range.atLeast(0),
                                "stop when every vertex's f is within fatol of the best's (and xatol in θ)"),
                        Param.flag("adaptive", "scale the simplex moves with the dimension (Gao and Han 2012)")),
                ONE, 0,
                s -> new NelderMead(s.real("xatol"), s.real("fatol"), s.flag("adaptive"))));
        add(new OptimizerKind("gd-armijo", "Gradient descent with Armijo backtracking",
                "α ← lr;  while f(θ − α·∇f(θ)) > f(θ) − c₁·α·‖∇f(θ)‖²:  α ← ρ·α;  θ ← θ − α·∇f(θ)",
                List.of(C1,
                        Param.real("shrink", "ρ", 0.5, Range.open(0, 1), "backtracking factor ρ: α ← ρ·α while f falls too little")),
                GRADIENT, 0,
                s -> new ArmijoDescent(s.real("c1"), s.real("shrink"))));
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

    /** The strong-Wolfe curvature constant, whose default differs between SciPy's BFGS and CG. */
    private static Param c2(double defaultValue) {
        return Param.real("c2", "c₂", defaultValue, Range.open(0, 1),
                "curvature constant c₂ of the strong Wolfe conditions: |∇f·p| must fall to c₂ of its start");
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
