package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Landscape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A named optimizer as users pick it ({@code gd}, {@code adam}, …): its update rule for display, the
 * hyper-parameters it takes besides the learning rate, and how to build it.
 *
 * @param name       the CLI/API name
 * @param title      a human title ("SGD with momentum")
 * @param updateRule the update rule in plain text, as the README's conventions table shows it
 * @param params     the hyper-parameters it takes besides lr, with PyTorch's defaults
 * @param learningRateDefault where its default learning rate comes from
 * @param defaultNoise the standard deviation of gradient noise when the user gives none (0 but for sgd)
 * @param factory    builds the optimizer from validated settings
 */
public record OptimizerKind(
        String name,
        String title,
        String updateRule,
        List<Param> params,
        LearningRateDefault learningRateDefault,
        double defaultNoise,
        Function<Settings, Optimizer> factory) {

    /** Where an optimizer's default learning rate comes from when the user gives none. */
    public enum LearningRateDefault {
        /** The landscape's gradient-descent lr: the step is lr × gradient. */
        GRADIENT,
        /**
         * The landscape's gradient-descent lr × 2/3, for Nesterov momentum: its stability bound on a
         * quadratic, lr < 2(1 + μ)/((1 + 2μ)·λmax), is at least 2/3 of gradient descent's 2/λmax for
         * every μ in [0, 1) (19/28 at μ = 0.9), so the default sits inside it as GD's sits inside its
         * own. At GD's lr Nesterov diverged on the bowl, the ravine and Beale.
         */
        NESTEROV,
        /** The landscape's adaptive lr: the step is about lr in parameter units (Adam, RMSProp, Adagrad). */
        ADAPTIVE,
        /**
         * The smaller of the landscape's adaptive and gradient-descent lrs, for the rectified Adams
         * (RAdam, AdaBelief): until the variance estimate is trusted (ρ_t > 5, the first 5 steps at
         * β₂ = 0.999) their step is lr·m̂, a plain gradient step, so lr must be safe as one too. At the
         * adaptive lr they diverged within 4 steps on Rosenbrock, Beale, Goldstein–Price and
         * Styblinski–Tang.
         */
        RECTIFIED,
        /**
         * 1, the reference's own default: lr multiplies a step the method sizes itself (a full
         * Newton step; Adadelta's and Prodigy's self-scaled steps).
         */
        ONE
    }

    public OptimizerKind {
        params = List.copyOf(params);
    }

    public double defaultLearningRate(Landscape landscape) {
        return switch (learningRateDefault) {
            case GRADIENT -> landscape.learningRate();
            case NESTEROV -> landscape.learningRate() * 2 / 3;
            case ADAPTIVE -> landscape.adaptiveLearningRate();
            case RECTIFIED -> Math.min(landscape.adaptiveLearningRate(), landscape.learningRate());
            case ONE -> 1.0;
        };
    }

    /**
     * Builds the optimizer from the values the user gave (by param name, in any form
     * {@link Param#accept} takes), filling in defaults. A name this optimizer does not take, or a
     * bad value, fails with an {@link InvalidInputException} that names it.
     */
    public Optimizer configure(Map<String, ?> given) {
        return build(settings(given));
    }

    /**
     * The values the user gave, validated, with every other hyper-parameter at its default: what a
     * run records so it can be reproduced.
     */
    public Settings settings(Map<String, ?> given) {
        Settings settings = Settings.of(params, given, paramName -> {
            List<String> taken = new ArrayList<>(List.of("lr"));
            params.forEach(p -> taken.add(p.name()));
            return new InvalidInputException(paramName,
                    name + " does not take " + paramName + "; it takes: " + String.join(", ", taken));
        });
        // Built once here so that a rule across parameters (a line search's c₁ < c₂) fails at the
        // edge too, with the record's message.
        build(settings);
        return settings;
    }

    /** The optimizer for settings made by {@link #settings}. */
    public Optimizer build(Settings settings) {
        return factory.apply(settings);
    }

    /** True when this optimizer takes a hyper-parameter of that name (lr always). */
    public boolean takes(String paramName) {
        return paramName.equals("lr") || params.stream().anyMatch(p -> p.name().equals(paramName));
    }
}
