package dev.losslab.core.optim;

import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Vec2;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam's first update from one point, taken twice: as PyTorch takes it, and with LossLab's
 * {@code no-bias-correction}. It shows why Adam corrects. At t = 1, with m₀ = v₀ = 0,
 * <pre>
 *   m₁ = (1 − β₁)·g,   v₁ = (1 − β₂)·g²,   so   m₁/(1 − β₁) = g   and   √v₁/√(1 − β₂) = |g|
 *   with the corrections:    θ₁ = θ₀ − lr·g / (|g| + ε)                       about lr per coordinate
 *   without them:            θ₁ = θ₀ − lr·(1 − β₁)·g / (√(1 − β₂)·|g| + ε)    about (1 − β₁)/√(1 − β₂) times that
 * </pre>
 * (1 − β₁)/√(1 − β₂) is 3.16 at the defaults β₁ = 0.9, β₂ = 0.999: the uncorrected first step
 * overshoots by that much. Both updates are taken by {@link Adam}'s own stepper, built by the
 * registry's {@code adam} entry with its defaults, so this cannot drift from the rule every run uses.
 *
 * @param from              θ₀
 * @param learningRate      lr
 * @param beta1             β₁ used
 * @param beta2             β₂ used
 * @param withCorrection    the update as PyTorch takes it
 * @param withoutCorrection the update with {@code no-bias-correction}
 */
public record AdamFirstStep(Vec2 from, double learningRate, double beta1, double beta2, Update withCorrection,
                            Update withoutCorrection) {

    /**
     * One update: where it lands, the move θ₁ − θ₀ and its length. Non-finite when the update
     * overflows (a huge lr or gradient).
     */
    public record Update(Vec2 to, Vec2 move, double length) {

        static Update between(Vec2 from, Vec2 to) {
            Vec2 move = to.minus(from);
            return new Update(to, move, move.norm());
        }
    }

    /**
     * Adam's first update on {@code landscape} from {@code from}.
     *
     * @param given {@code lr} and Adam's hyper-parameters by their CLI names ({@code beta1},
     *              {@code beta2}, …), as a run takes them; each one absent takes its default (lr:
     *              Adam's on this landscape; the others: the registry's)
     * @throws dev.losslab.core.InvalidInputException naming a value out of range or a name Adam does not take
     */
    public static AdamFirstStep on(Landscape landscape, Vec2 from, Map<String, Double> given) {
        OptimizerKind adam = Optimizers.get("adam");
        Map<String, Double> hyperParameters = new HashMap<>(given);
        Double lr = hyperParameters.remove("lr");
        Settings corrected = adam.settings(hyperParameters);
        hyperParameters.put("no-bias-correction", 1.0);
        Settings uncorrected = adam.settings(hyperParameters);
        double learningRate = Range.above(0).check("lr", lr != null ? lr : adam.defaultLearningRate(landscape));

        double[] gradient = new double[2];
        landscape.surface().valueAndGradient(from.x(), from.y(), gradient);
        return new AdamFirstStep(from, learningRate, corrected.real("beta1"), corrected.real("beta2"),
                Update.between(from, firstUpdate(adam.build(corrected), landscape, from, gradient, learningRate)),
                Update.between(from, firstUpdate(adam.build(uncorrected), landscape, from, gradient, learningRate)));
    }

    /** θ₁ from θ₀ = {@code from}: one step (t = 1) of a fresh stepper, as the engine takes it. */
    private static Vec2 firstUpdate(Optimizer optimizer, Landscape landscape, Vec2 from, double[] gradient, double lr) {
        double[] theta = {from.x(), from.y()};
        optimizer.newStepper(2, 1).step(theta, gradient, 1, lr, 1, landscape.surface(), new boolean[1]);
        return new Vec2(theta[0], theta[1]);
    }

    /** How many times longer the uncorrected update is: NaN when neither moves (a zero gradient). */
    public double ratio() {
        return withoutCorrection.length() / withCorrection.length();
    }

    /** (1 − β₁)/√(1 − β₂): the ratio with ε left out, whatever the gradient. */
    public double predictedRatio() {
        return (1 - beta1) / Math.sqrt(1 - beta2);
    }
}
