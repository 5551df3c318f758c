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
                "adam", "adamw", "newton", "saddle-free-newton", "bfgs", "cg", "nelder-mead", "gd-armijo");
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
            assertThat(p.range().contains(p.defaultValue())).as(kind.name() + " " + p.name()).isTrue();
            assertThat(p.help()).isNotBlank();
            assertThat(kind.takes(p.name())).isTrue();
        }
        assertThat(kind.takes("lr")).isTrue();
    }

    /** PyTorch's defaults (torch 1.13.1 constructors), as the registry fills them in. */
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
            """)
    void defaultsArePyTorchs(String optimizer, String param, double expected) {
        Map<String, Double> defaults = new LinkedHashMap<>();
        Optimizers.get(optimizer).params().forEach(p -> defaults.put(p.name(), p.defaultValue()));
        assertThat(defaults).containsEntry(param, expected);
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
        assertThat(Optimizers.get("adam").configure(Map.of())).isEqualTo(new Adam(0.9, 0.999, 1e-8, 0, false, false, true));
        assertThat(Optimizers.get("adamw").configure(Map.of())).isEqualTo(new Adam(0.9, 0.999, 1e-8, 0.01, true, false, true));
        assertThat(Optimizers.get("adam").configure(Map.of("amsgrad", 1.0, "no-bias-correction", 1.0)))
                .isEqualTo(new Adam(0.9, 0.999, 1e-8, 0, false, true, false));
        assertThat(Optimizers.get("rmsprop").configure(Map.of())).isEqualTo(new RmsProp(0.99, 1e-8, 0, 0, false));
        assertThat(Optimizers.get("adagrad").configure(Map.of())).isEqualTo(new Adagrad(0, 1e-10, 0));
        assertThat(Optimizers.get("nesterov").configure(Map.of())).isEqualTo(new Sgd(0.9, 0, true, 0));
        assertThat(Optimizers.get("newton").configure(Map.of())).isEqualTo(new Newton(false));
        assertThat(Optimizers.get("saddle-free-newton").configure(Map.of())).isEqualTo(new Newton(true));
        assertThat(Optimizers.get("bfgs").configure(Map.of())).isEqualTo(new Bfgs(1e-5, 1e-4, 0.9));
        assertThat(Optimizers.get("cg").configure(Map.of())).isEqualTo(new ConjugateGradient(1e-5, 1e-4, 0.4));
        assertThat(Optimizers.get("nelder-mead").configure(Map.of("adaptive", 1.0))).isEqualTo(new NelderMead(1e-4, 1e-4, true));
        assertThat(Optimizers.get("gd-armijo").configure(Map.of())).isEqualTo(new ArmijoDescent(1e-4, 0.5));
    }

    @ParameterizedTest(name = "{0}: lr from {1}, noise {2}")
    @CsvSource(delimiter = '|', textBlock = """
            gd                 | GRADIENT | 0
            sgd                | GRADIENT | 1
            momentum           | GRADIENT | 0
            nesterov           | GRADIENT | 0
            rmsprop            | ADAPTIVE | 0
            adagrad            | ADAPTIVE | 0
            adam               | ADAPTIVE | 0
            adamw              | ADAPTIVE | 0
            newton             | ONE      | 0
            saddle-free-newton | ONE      | 0
            bfgs               | ONE      | 0
            cg                 | ONE      | 0
            nelder-mead        | ONE      | 0
            gd-armijo          | GRADIENT | 0
            """)
    void learningRateAndNoiseDefaults(String optimizer, LearningRateDefault lr, double noise) {
        OptimizerKind kind = Optimizers.get(optimizer);
        assertThat(kind.learningRateDefault()).isEqualTo(lr);
        assertThat(kind.defaultNoise()).isEqualTo(noise);
    }
}
