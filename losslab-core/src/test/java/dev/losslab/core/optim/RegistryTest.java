package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.optim.OptimizerKind.LearningRateDefault;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The optimizer registry: order, PyTorch's defaults, lr sources, and what the README reads. */
class RegistryTest {

    @Test
    void listsEveryOptimizerInOrder() {
        assertThat(Optimizers.names()).containsExactly("gd", "sgd", "momentum", "nesterov", "rmsprop", "adagrad",
                "rprop", "adam", "adamw", "adadelta", "adamax", "nadam", "radam", "asgd", "adafactor", "lbfgs", "newton",
                "saddle-free-newton", "bfgs", "cg", "nelder-mead", "gd-armijo", "lion", "adabelief", "adan", "yogi",
                "lamb", "prodigy", "ademamix", "schedule-free-adamw", "schedule-free-sgd");
    }

    static java.util.List<OptimizerKind> kinds() {
        return Optimizers.all();
    }

    /** One line of plain text: the README table is generated from it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void updateRuleIsOneLineAndDefaultsBuild(OptimizerKind kind) {
        assertThat(kind.updateRule()).isNotBlank().doesNotContain("\n").doesNotContain("<").doesNotContain("{@");
        assertThat(kind.title()).isNotBlank();
        assertThat(kind.configure(Map.of())).isNotNull();
        for (Param p : kind.params()) {
            assertThat(p.accept(p.defaultValue())).as(kind.name() + " " + p.name() + "'s default is allowed")
                    .isEqualTo(p.defaultValue());
            assertThat(p.help()).isNotBlank();
            assertThat(kind.takes(p.name())).isTrue();
        }
        assertThat(kind.takes("lr")).isTrue();
    }

    /**
     * PyTorch's defaults (torch 1.13.1 constructors; Adafactor's from torch 2.11), as the registry
     * fills them in; for the newer rules, their authors' (the code each class names), where optax's
     * differ (noted).
     */
    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            momentum | momentum     | 0.9
            momentum | dampening    | 0
            nesterov | momentum     | 0.9
            gd       | weight-decay | 0
            rmsprop  | alpha        | 0.99
            rmsprop  | eps          | 1e-8
            rmsprop  | momentum     | 0
            rmsprop  | centered     | 0
            rmsprop  | weight-decay | 0
            adagrad  | lr-decay     | 0
            adagrad  | eps          | 1e-10
            adagrad  | weight-decay | 0
            adam     | beta1        | 0.9
            adam     | beta2        | 0.999
            adam     | eps          | 1e-8
            adam     | amsgrad      | 0
            adam     | weight-decay | 0
            adam     | no-bias-correction | 0
            adamw    | weight-decay | 0.01
            adamw    | beta1        | 0.9
            adamw    | beta2        | 0.999
            adamw    | eps          | 1e-8
            gd       | maximize     | 0
            adam     | maximize     | 0
            adagrad  | initial-accumulator-value | 0
            adadelta | rho          | 0.9
            adadelta | eps          | 1e-6
            adadelta | weight-decay | 0
            adadelta | maximize     | 0
            adamax   | beta1        | 0.9
            adamax   | beta2        | 0.999
            adamax   | eps          | 1e-8
            adamax   | weight-decay | 0
            nadam    | beta1        | 0.9
            nadam    | beta2        | 0.999
            nadam    | eps          | 1e-8
            nadam    | weight-decay | 0
            nadam    | momentum-decay | 4e-3
            nadam    | decoupled-weight-decay | 0
            radam    | beta1        | 0.9
            radam    | beta2        | 0.999
            radam    | eps          | 1e-8
            radam    | weight-decay | 0
            radam    | decoupled-weight-decay | 0
            asgd     | lambd        | 1e-4
            asgd     | alpha        | 0.75
            asgd     | t0           | 1e6
            asgd     | weight-decay | 0
            adafactor | beta2-decay | -0.8
            adafactor | d           | 1
            adafactor | eps1        | 2.220446049250313e-16
            adafactor | eps2        | 1e-3
            adafactor | weight-decay | 0
            adafactor | maximize    | 0
            lbfgs    | max-iter     | 20
            lbfgs    | max-eval     | 0
            lbfgs    | tolerance-grad | 1e-7
            lbfgs    | tolerance-change | 1e-9
            lbfgs    | history-size | 100
            lion     | beta1        | 0.9
            lion     | beta2        | 0.99
            lion     | weight-decay | 0
            adabelief | beta1       | 0.9
            adabelief | beta2       | 0.999
            adabelief | eps         | 1e-16
            adabelief | weight-decay | 0
            adabelief | amsgrad     | 0
            adabelief | no-rectify  | 0
            adabelief | no-degenerated-to-sgd | 0
            adan     | beta1        | 0.98
            adan     | beta2        | 0.92
            adan     | beta3        | 0.99
            adan     | eps          | 1e-8
            adan     | weight-decay | 0
            adan     | max-grad-norm | 0
            adan     | no-prox      | 0
            yogi     | beta1        | 0.9
            yogi     | beta2        | 0.999
            yogi     | eps          | 1e-3
            yogi     | l1-regularization-strength | 0
            yogi     | l2-regularization-strength | 0
            yogi     | initial-accumulator-value  | 1e-6
            lamb     | beta1        | 0.9
            lamb     | beta2        | 0.999
            lamb     | eps          | 1e-6
            lamb     | weight-decay | 0
            lamb     | gamma-l      | 0
            lamb     | gamma-u      | 0
            prodigy  | beta1        | 0.9
            prodigy  | beta2        | 0.999
            prodigy  | beta3        | 0.999499874937461
            prodigy  | eps          | 1e-8
            prodigy  | weight-decay | 0
            prodigy  | use-bias-correction | 0
            prodigy  | safeguard-warmup    | 0
            prodigy  | d0           | 1e-6
            prodigy  | d-coef       | 1
            ademamix | beta1        | 0.9
            ademamix | beta2        | 0.999
            ademamix | beta3        | 0.9999
            ademamix | alpha        | 2
            ademamix | beta3-warmup | 0
            ademamix | alpha-warmup | 0
            ademamix | eps          | 1e-8
            ademamix | weight-decay | 0
            schedule-free-adamw | beta1           | 0.9
            schedule-free-adamw | beta2           | 0.999
            schedule-free-adamw | eps             | 1e-8
            schedule-free-adamw | weight-decay    | 0
            schedule-free-adamw | warmup-steps    | 0
            schedule-free-adamw | r               | 0
            schedule-free-adamw | weight-lr-power | 2
            schedule-free-sgd   | momentum        | 0.9
            schedule-free-sgd   | weight-decay    | 0
            schedule-free-sgd   | warmup-steps    | 0
            schedule-free-sgd   | r               | 0
            schedule-free-sgd   | weight-lr-power | 2
            """)
    void defaultsArePyTorchs(String optimizer, String param, double expected) {
        assertThat(defaults(optimizer)).containsEntry(param, expected);
    }

    /** torch 1.13's LBFGS: line_search_fn=None; max_eval=None, resolved to max_iter·5 // 4 (0 stands for it). */
    @Test
    void lbfgsDefaultsArePyTorchs() {
        assertThat(defaults("lbfgs")).containsEntry("line-search", "none");
        assertThat(Optimizers.get("lbfgs").params().stream().map(Param::name)).containsExactly("max-iter", "max-eval",
                "tolerance-grad", "tolerance-change", "history-size", "line-search");
        assertThat(((Param.Choice) Optimizers.get("lbfgs").params().get(5).kind()).choices())
                .containsExactly("none", "strong-wolfe");
    }

    private static Map<String, Object> defaults(String optimizer) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Optimizers.get(optimizer).params().forEach(p -> defaults.put(p.name(), p.defaultValue()));
        return defaults;
    }

    /**
     * SciPy 1.10.1's defaults: {@code _minimize_bfgs}/{@code _minimize_cg} (gtol 1e-5; c1 1e-4 and
     * c2 0.9 from {@code line_search_wolfe1}, c2 0.4 passed by CG), {@code _minimize_neldermead}
     * (xatol, fatol 1e-4, adaptive off), {@code line_search_armijo}'s c1 1e-4; gd-armijo's shrink
     * ½ is LossLab's (SciPy's Armijo search interpolates instead).
     */
    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            bfgs        | gtol     | 1e-5
            bfgs        | c1       | 1e-4
            bfgs        | c2       | 0.9
            cg          | gtol     | 1e-5
            cg          | c1       | 1e-4
            cg          | c2       | 0.4
            nelder-mead | xatol    | 1e-4
            nelder-mead | fatol    | 1e-4
            nelder-mead | adaptive | 0
            gd-armijo   | c1       | 1e-4
            gd-armijo   | shrink   | 0.5
            """)
    void defaultsAreSciPys(String optimizer, String param, double expected) {
        defaultsArePyTorchs(optimizer, param, expected);
    }

    @Test
    void defaultsBuildTheExpectedRecords() {
        assertThat(Optimizers.get("adam").configure(Map.of())).isEqualTo(new Adam(0.9, 0.999, 1e-8, 0, false, false, true, false));
        assertThat(Optimizers.get("adamw").configure(Map.of())).isEqualTo(new Adam(0.9, 0.999, 1e-8, 0.01, true, false, true, false));
        assertThat(Optimizers.get("adam").configure(Map.of("amsgrad", 1.0, "no-bias-correction", 1.0, "maximize", 1.0)))
                .isEqualTo(new Adam(0.9, 0.999, 1e-8, 0, false, true, false, true));
        assertThat(Optimizers.get("rmsprop").configure(Map.of())).isEqualTo(new RmsProp(0.99, 1e-8, 0, 0, false, false));
        assertThat(Optimizers.get("adagrad").configure(Map.of())).isEqualTo(new Adagrad(0, 1e-10, 0, 0, false));
        assertThat(Optimizers.get("adagrad").configure(Map.of("initial-accumulator-value", 0.5)))
                .isEqualTo(new Adagrad(0, 1e-10, 0, 0.5, false));
        assertThat(Optimizers.get("nesterov").configure(Map.of())).isEqualTo(new Sgd(0.9, 0, true, 0, false));
        assertThat(Optimizers.get("gd").configure(Map.of("maximize", 1.0))).isEqualTo(new Sgd(0, 0, false, 0, true));
        assertThat(Optimizers.get("adadelta").configure(Map.of())).isEqualTo(new Adadelta(0.9, 1e-6, 0, false));
        assertThat(Optimizers.get("adamax").configure(Map.of())).isEqualTo(new Adamax(0.9, 0.999, 1e-8, 0, false));
        assertThat(Optimizers.get("nadam").configure(Map.of())).isEqualTo(new NAdam(0.9, 0.999, 1e-8, 0, 4e-3, false, false));
        assertThat(Optimizers.get("nadam").configure(Map.of("decoupled-weight-decay", 1.0, "weight-decay", 0.1)))
                .isEqualTo(new NAdam(0.9, 0.999, 1e-8, 0.1, 4e-3, true, false));
        assertThat(Optimizers.get("radam").configure(Map.of())).isEqualTo(new RAdam(0.9, 0.999, 1e-8, 0, false, false));
        assertThat(Optimizers.get("asgd").configure(Map.of())).isEqualTo(new Asgd(1e-4, 0.75, 1e6, 0, false));
        assertThat(Optimizers.get("adafactor").configure(Map.of()))
                .isEqualTo(new Adafactor(-0.8, 1, Math.ulp(1.0), 1e-3, 0, false));
        assertThat(Optimizers.get("lbfgs").configure(Map.of()))
                .isEqualTo(new Lbfgs(20, 25, 1e-7, 1e-9, 100, Lbfgs.LineSearch.NONE));
        // max-eval 0 is torch's max_iter·5 // 4, for the max-iter given (7·5 // 4 = 8)
        assertThat(Optimizers.get("lbfgs").configure(Map.of("max-iter", 7.0, "line-search", "strong-wolfe")))
                .isEqualTo(new Lbfgs(7, 8, 1e-7, 1e-9, 100, Lbfgs.LineSearch.STRONG_WOLFE));
        assertThat(new Lbfgs(7, 0, 1e-7, 1e-9, 100, Lbfgs.LineSearch.NONE).maxEval()).isEqualTo(8);
        assertThat(Optimizers.get("lbfgs").configure(Map.of("max-iter", 7.0, "max-eval", 3.0)))
                .isEqualTo(new Lbfgs(7, 3, 1e-7, 1e-9, 100, Lbfgs.LineSearch.NONE));
        assertThat(Optimizers.get("newton").configure(Map.of())).isEqualTo(new Newton(false));
        assertThat(Optimizers.get("saddle-free-newton").configure(Map.of())).isEqualTo(new Newton(true));
        assertThat(Optimizers.get("bfgs").configure(Map.of())).isEqualTo(new Bfgs(1e-5, 1e-4, 0.9));
        assertThat(Optimizers.get("cg").configure(Map.of())).isEqualTo(new ConjugateGradient(1e-5, 1e-4, 0.4));
        assertThat(Optimizers.get("nelder-mead").configure(Map.of("adaptive", 1.0))).isEqualTo(new NelderMead(1e-4, 1e-4, true));
        assertThat(Optimizers.get("gd-armijo").configure(Map.of())).isEqualTo(new ArmijoDescent(1e-4, 0.5));
        assertThat(Optimizers.get("lion").configure(Map.of())).isEqualTo(new Lion(0.9, 0.99, 0));
        assertThat(Optimizers.get("adabelief").configure(Map.of()))
                .isEqualTo(new AdaBelief(0.9, 0.999, 1e-16, 0, false, true, true));
        assertThat(Optimizers.get("adabelief").configure(Map.of("no-rectify", 1.0, "no-degenerated-to-sgd", 1.0)))
                .isEqualTo(new AdaBelief(0.9, 0.999, 1e-16, 0, false, false, false));
        assertThat(Optimizers.get("adan").configure(Map.of())).isEqualTo(new Adan(0.98, 0.92, 0.99, 1e-8, 0, 0, false));
        assertThat(Optimizers.get("yogi").configure(Map.of())).isEqualTo(new Yogi(0.9, 0.999, 1e-3, 0, 0, 1e-6));
        assertThat(Optimizers.get("lamb").configure(Map.of())).isEqualTo(new Lamb(0.9, 0.999, 1e-6, 0, 0, 0));
        assertThat(Optimizers.get("prodigy").configure(Map.of()))
                .isEqualTo(new Prodigy(0.9, 0.999, Math.sqrt(0.999), 1e-8, 0, false, false, 1e-6, 1));
        assertThat(Optimizers.get("ademamix").configure(Map.of()))
                .isEqualTo(new AdEMAMix(0.9, 0.999, 0.9999, 2, 0, 0, 1e-8, 0));
        assertThat(Optimizers.get("schedule-free-adamw").configure(Map.of()))
                .isEqualTo(new ScheduleFreeAdamW(0.9, 0.999, 1e-8, 0, 0, 0, 2));
        assertThat(Optimizers.get("schedule-free-sgd").configure(Map.of("warmup-steps", 10.0, "r", 1.0)))
                .isEqualTo(new ScheduleFreeSgd(0.9, 0, 10, 1, 2));
    }

    @ParameterizedTest(name = "{0}: lr from {1}, noise {2}")
    @CsvSource(delimiter = '|', textBlock = """
            gd                 | GRADIENT | 0
            sgd                | GRADIENT | 1
            momentum           | GRADIENT | 0
            nesterov           | NESTEROV | 0
            rmsprop            | ADAPTIVE | 0
            adagrad            | ADAPTIVE | 0
            adam               | ADAPTIVE | 0
            adamw              | ADAPTIVE | 0
            adadelta           | ONE      | 0
            adamax             | ADAPTIVE | 0
            nadam              | ADAPTIVE | 0
            radam              | RECTIFIED | 0
            asgd               | GRADIENT | 0
            adafactor          | ONE      | 0
            lbfgs              | ONE      | 0
            newton             | ONE      | 0
            saddle-free-newton | ONE      | 0
            bfgs               | ONE      | 0
            cg                 | ONE      | 0
            nelder-mead        | ONE      | 0
            gd-armijo          | GRADIENT | 0
            lion               | ADAPTIVE | 0
            adabelief          | RECTIFIED | 0
            adan               | ADAPTIVE | 0
            yogi               | ADAPTIVE | 0
            lamb               | ADAPTIVE | 0
            prodigy            | ONE      | 0
            ademamix           | ADAPTIVE | 0
            schedule-free-adamw | ADAPTIVE | 0
            schedule-free-sgd  | GRADIENT | 0
            """)
    void learningRateAndNoiseDefaults(String optimizer, LearningRateDefault lr, double noise) {
        OptimizerKind kind = Optimizers.get(optimizer);
        assertThat(kind.learningRateDefault()).isEqualTo(lr);
        assertThat(kind.defaultNoise()).isEqualTo(noise);
    }
}
