package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.RunBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad settings against their exact messages, and boundary values that must pass. Ranges are
 * PyTorch's (lr ≥ 0 there, but a run needs lr > 0), except RMSProp's α, which LossLab bounds by 1,
 * and ASGD's lambd, alpha and t0, which torch does not check and LossLab keeps ≥ 0.
 */
class ValidationTest {

    @ParameterizedTest(name = "{0} {1}={2} → {4}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            # optimizer         | param              | value     | field        | message
            gd                  | lr                 | -1        | lr           | lr must be > 0, got -1
            adam                | lr                 | 0         | lr           | lr must be > 0, got 0
            adam                | lr                 | NaN       | lr           | lr must be > 0, got NaN
            adam                | beta1              | 1         | beta1        | beta1 must be in [0, 1), got 1
            adam                | beta1              | -0.1      | beta1        | beta1 must be in [0, 1), got -0.1
            adam                | beta2              | NaN       | beta2        | beta2 must be in [0, 1), got NaN
            adamw               | beta2              | 1         | beta2        | beta2 must be in [0, 1), got 1
            adam                | eps                | -1e-8     | eps          | eps must be >= 0, got -1.0E-8
            adam                | eps                | Infinity  | eps          | eps must be >= 0, got Infinity
            adam                | weight-decay       | -1        | weight-decay | weight-decay must be >= 0, got -1
            adamw               | weight-decay       | NaN       | weight-decay | weight-decay must be >= 0, got NaN
            adam                | amsgrad            | 2         | amsgrad      | amsgrad must be true or false (1 or 0), got 2
            rmsprop             | alpha              | 1.5       | alpha        | alpha must be in [0, 1], got 1.5
            rmsprop             | alpha              | NaN       | alpha        | alpha must be in [0, 1], got NaN
            rmsprop             | momentum           | -0.5      | momentum     | momentum must be >= 0, got -0.5
            rmsprop             | eps                | -1        | eps          | eps must be >= 0, got -1
            adagrad             | lr-decay           | -1        | lr-decay     | lr-decay must be >= 0, got -1
            adagrad             | eps                | NaN       | eps          | eps must be >= 0, got NaN
            momentum            | momentum           | -0.9      | momentum     | momentum must be >= 0, got -0.9
            momentum            | dampening          | -1        | dampening    | dampening must be >= 0, got -1
            nesterov            | momentum           | 0         | momentum     | momentum must be > 0, got 0
            nesterov            | dampening          | 0.1       | dampening    | dampening must be 0, got 0.1
            gd                  | beta1              | 0.9       | beta1        | gd does not take beta1; it takes: lr, weight-decay, maximize
            sgd                 | momentum           | 0.9       | momentum     | sgd does not take momentum; it takes: lr, weight-decay, maximize
            adagrad             | momentum           | 0.9       | momentum     | adagrad does not take momentum; it takes: lr, lr-decay, eps, weight-decay, initial-accumulator-value, maximize
            adagrad             | initial-accumulator-value | -0.5 | initial-accumulator-value | initial-accumulator-value must be >= 0, got -0.5
            adagrad             | maximize           | 0.5       | maximize     | maximize must be true or false (1 or 0), got 0.5
            adadelta            | rho                | 1.1       | rho          | rho must be in [0, 1], got 1.1
            adadelta            | eps                | -1e-6     | eps          | eps must be >= 0, got -1.0E-6
            adamax              | beta1              | 1         | beta1        | beta1 must be in [0, 1), got 1
            adamax              | amsgrad            | 1         | amsgrad      | adamax does not take amsgrad; it takes: lr, beta1, beta2, eps, weight-decay, maximize
            nadam               | momentum-decay     | -0.004    | momentum-decay | momentum-decay must be >= 0, got -0.004
            nadam               | beta2              | 1         | beta2        | beta2 must be in [0, 1), got 1
            radam               | decoupled-weight-decay | 2     | decoupled-weight-decay | decoupled-weight-decay must be true or false (1 or 0), got 2
            radam               | weight-decay       | NaN       | weight-decay | weight-decay must be >= 0, got NaN
            asgd                | lambd              | -1e-4     | lambd        | lambd must be >= 0, got -1.0E-4
            asgd                | alpha              | -0.75     | alpha        | alpha must be >= 0, got -0.75
            asgd                | t0                 | NaN       | t0           | t0 must be >= 0, got NaN
            adafactor           | beta2-decay        | 0.1       | beta2-decay  | beta2-decay must be <= 0, got 0.1
            adafactor           | beta2-decay        | NaN       | beta2-decay  | beta2-decay must be <= 0, got NaN
            adafactor           | d                  | 0.5       | d            | d must be >= 1, got 0.5
            adafactor           | eps1               | -1        | eps1         | eps1 must be >= 0, got -1
            adafactor           | eps2               | -1e-3     | eps2         | eps2 must be >= 0, got -0.001
            adafactor           | weight-decay       | -0.1      | weight-decay | weight-decay must be >= 0, got -0.1
            adafactor           | eps                | 1e-3      | eps          | adafactor does not take eps; it takes: lr, beta2-decay, d, eps1, eps2, weight-decay, maximize
            newton              | weight-decay       | 0.1       | weight-decay | newton does not take weight-decay; it takes: lr
            saddle-free-newton  | eps                | 0.1       | eps          | saddle-free-newton does not take eps; it takes: lr
            gd                  | noise              | -1        | noise        | noise must be >= 0, got -1
            lion                | beta2              | 1         | beta2        | beta2 must be in [0, 1), got 1
            adabelief           | eps                | -1        | eps          | eps must be >= 0, got -1
            adabelief           | no-rectify         | 0.5       | no-rectify   | no-rectify must be true or false (1 or 0), got 0.5
            adan                | beta3              | 1         | beta3        | beta3 must be in [0, 1), got 1
            adan                | max-grad-norm      | -1        | max-grad-norm | max-grad-norm must be >= 0, got -1
            yogi                | initial-accumulator-value | 0  | initial-accumulator-value | initial-accumulator-value must be > 0, got 0
            yogi                | l1-regularization-strength | NaN | l1-regularization-strength | l1-regularization-strength must be >= 0, got NaN
            lamb                | gamma-l            | -1        | gamma-l      | gamma-l must be >= 0, got -1
            prodigy             | d0                 | 0         | d0           | d0 must be > 0, got 0
            prodigy             | eps                | 0         | eps          | eps must be > 0, got 0
            prodigy             | d-coef             | NaN       | d-coef       | d-coef must be >= 0, got NaN
            ademamix            | alpha              | -1        | alpha        | alpha must be >= 0, got -1
            ademamix            | alpha-warmup       | NaN       | alpha-warmup | alpha-warmup must be >= 0, got NaN
            lion                | eps                | 0.1       | eps          | lion does not take eps; it takes: lr, beta1, beta2, weight-decay
            bfgs                | gtol               | -1        | gtol         | gtol must be >= 0, got -1
            bfgs                | c1                 | 0         | c1           | c1 must be in (0, 1), got 0
            cg                  | c2                 | 1         | c2           | c2 must be in (0, 1), got 1
            bfgs                | c1                 | 0.95      | c2           | c2 must be > c1, got c1=0.95, c2=0.9
            cg                  | c1                 | 0.4       | c2           | c2 must be > c1, got c1=0.4, c2=0.4
            cg                  | gtol               | NaN       | gtol         | gtol must be >= 0, got NaN
            nelder-mead         | xatol              | -1e-4     | xatol        | xatol must be >= 0, got -1.0E-4
            nelder-mead         | fatol              | NaN       | fatol        | fatol must be >= 0, got NaN
            nelder-mead         | adaptive           | 0.5       | adaptive     | adaptive must be true or false (1 or 0), got 0.5
            nelder-mead         | gtol               | 1e-5      | gtol         | nelder-mead does not take gtol; it takes: lr, xatol, fatol, adaptive
            gd-armijo           | shrink             | 1         | shrink       | shrink must be in (0, 1), got 1
            gd-armijo           | shrink             | 0         | shrink       | shrink must be in (0, 1), got 0
            gd-armijo           | c1                 | NaN       | c1           | c1 must be in (0, 1), got NaN
            gd-armijo           | c2                 | 0.5       | c2           | gd-armijo does not take c2; it takes: lr, c1, shrink
            lbfgs               | max-iter           | 0         | max-iter     | max-iter must be in [1, 100000], got 0
            lbfgs               | max-iter           | 2.5       | max-iter     | max-iter must be a whole number of updates, got 2.5
            lbfgs               | max-iter           | 100001    | max-iter     | max-iter must be in [1, 100000], got 100001
            lbfgs               | max-eval           | -1        | max-eval     | max-eval must be in [0, 100000], got -1
            lbfgs               | history-size       | 0         | history-size | history-size must be in [1, 100000], got 0
            lbfgs               | tolerance-grad     | -1e-7     | tolerance-grad | tolerance-grad must be >= 0, got -1.0E-7
            lbfgs               | tolerance-change   | NaN       | tolerance-change | tolerance-change must be >= 0, got NaN
            lbfgs               | gtol               | 1e-5      | gtol         | lbfgs does not take gtol; it takes: lr, max-iter, max-eval, tolerance-grad, tolerance-change, history-size, line-search
            schedule-free-sgd   | momentum           | 0         | momentum     | momentum must be in (0, 1), got 0
            schedule-free-sgd   | momentum           | 1         | momentum     | momentum must be in (0, 1), got 1
            schedule-free-adamw | beta1              | 0         | beta1        | beta1 must be in (0, 1), got 0
            schedule-free-adamw | beta2              | 1         | beta2        | beta2 must be in [0, 1), got 1
            schedule-free-adamw | warmup-steps       | 2.5       | warmup-steps | warmup-steps must be a whole number of updates, got 2.5
            schedule-free-sgd   | warmup-steps       | -1        | warmup-steps | warmup-steps must be >= 0, got -1
            schedule-free-sgd   | r                  | NaN       | r            | r must be >= 0, got NaN
            schedule-free-adamw | weight-lr-power    | -2        | weight-lr-power | weight-lr-power must be >= 0, got -2
            schedule-free-sgd   | beta2              | 0.999     | beta2        | schedule-free-sgd does not take beta2; it takes: lr, momentum, weight-decay, warmup-steps, r, weight-lr-power
            """)
    void rejectsWithExactMessage(String optimizer, String param, double value, String field, String message) {
        assertThatThrownBy(() -> RunBuilder.on(FirstStepTest.BOWL).optimizer(optimizer).set(param, value).spec())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0} {1}={2} is accepted")
    @CsvSource(delimiter = '|', textBlock = """
            adam      | beta1        | 0
            adam      | beta1        | 0.999999
            adam      | beta2        | 0
            adam      | eps          | 0
            adamw     | weight-decay | 0
            adam      | amsgrad      | 1
            adamw     | no-bias-correction | 1
            rmsprop   | alpha        | 0
            rmsprop   | alpha        | 1
            rmsprop   | momentum     | 0
            rmsprop   | centered     | 1
            adagrad   | eps          | 0
            bfgs      | gtol         | 0
            bfgs      | c2           | 0.999
            cg        | c1           | 0.399
            nelder-mead | xatol      | 0
            nelder-mead | adaptive   | 1
            gd-armijo | shrink       | 0.999
            adagrad   | lr-decay     | 0
            momentum  | momentum     | 0
            momentum  | dampening    | 1
            gd        | lr           | 1e-300
            gd        | weight-decay | 0
            sgd       | noise        | 0
            adagrad   | initial-accumulator-value | 0
            adadelta  | rho          | 0
            adadelta  | rho          | 1
            adamax    | beta2        | 0
            nadam     | momentum-decay | 0
            radam     | beta2        | 0
            asgd      | t0           | 0
            asgd      | lambd        | 0
            adafactor | beta2-decay  | 0
            adafactor | beta2-decay  | -1e300
            adafactor | d            | 1
            adafactor | eps1         | 0
            gd        | maximize     | 1
            yogi      | beta1        | 0
            adan      | max-grad-norm | 0
            lamb      | gamma-u      | 0
            prodigy   | beta3        | 0
            ademamix  | alpha        | 0
            ademamix  | beta3-warmup | 0
            lbfgs     | max-eval     | 0
            lbfgs     | max-eval     | 1
            lbfgs     | max-iter     | 1
            lbfgs     | history-size | 1
            lbfgs     | history-size | 100000
            lbfgs     | tolerance-grad | 0
            lbfgs     | tolerance-change | 0
            schedule-free-sgd   | momentum        | 0.999999
            schedule-free-adamw | beta1           | 1e-9
            schedule-free-adamw | weight-lr-power | 0
            schedule-free-sgd   | warmup-steps    | 0
            """)
    void acceptsBoundaryValues(String optimizer, String param, double value) {
        assertThat(RunBuilder.on(FirstStepTest.BOWL).optimizer(optimizer).set(param, value).spec()).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void lbfgsLineSearchIsOneOfItsNames() {
        assertThatThrownBy(() -> RunBuilder.on(FirstStepTest.BOWL).optimizer("lbfgs").set("line-search", "wolfe").spec())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("line-search must be none or strong-wolfe, got 'wolfe'")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("line-search");
        assertThat(RunBuilder.on(FirstStepTest.BOWL).optimizer("lbfgs").set("line-search", "strong-wolfe").spec())
                .isNotNull();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            adma     | unknown optimizer 'adma': did you mean 'adam'?
            lyon     | unknown optimizer 'lyon': did you mean 'lion'?
            rmsprp   | unknown optimizer 'rmsprp': did you mean 'rmsprop'?
            zigzag   | unknown optimizer 'zigzag'; valid: gd, sgd, momentum, nesterov, rmsprop, adagrad, rprop, adam, adamw, adadelta, adamax, nadam, radam, asgd, adafactor, lbfgs, newton, saddle-free-newton, bfgs, cg, nelder-mead, gd-armijo, lion, adabelief, adan, yogi, lamb, prodigy, ademamix, schedule-free-adamw, schedule-free-sgd
            """)
    void unknownOptimizerSuggestsTheClosest(String name, String message) {
        assertThatThrownBy(() -> Optimizers.get(name)).isInstanceOf(InvalidInputException.class).hasMessage(message);
    }

    /** The records validate themselves too (for code that builds them without the registry). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            beta1 must be in [0, 1), got NaN   | adam
            alpha must be in [0, 1], got -1    | rmsprop
            lr-decay must be >= 0, got NaN     | adagrad
            initial-accumulator-value must be >= 0, got -1 | adagrad-s0
            rho must be in [0, 1], got 1.5     | adadelta
            beta2 must be in [0, 1), got 1     | adamax
            momentum-decay must be >= 0, got -1 | nadam
            eps must be >= 0, got NaN          | radam
            t0 must be >= 0, got -1            | asgd
            beta2-decay must be <= 0, got 0.5  | adafactor
            beta3 must be in [0, 1), got 1     | adan
            d0 must be > 0, got 0              | prodigy
            gamma-u must be >= 0, got -1       | lamb
            c2 must be > c1, got c1=0.5, c2=0.5 | bfgs
            gtol must be >= 0, got -1          | cg
            xatol must be >= 0, got NaN        | nelder-mead
            shrink must be in (0, 1), got 1.5  | gd-armijo
            history-size must be in [1, 100000], got 0 | lbfgs
            max-eval must be in [0, 100000], got -1 | lbfgs-max-eval
            beta1 must be in (0, 1), got 1     | schedule-free-adamw
            r must be >= 0, got -1             | schedule-free-sgd
            """)
    void recordsRejectOutOfRangeValues(String message, String which) {
        assertThatThrownBy(() -> {
            switch (which) {
                case "adam" -> new Adam(Double.NaN, 0.999, 1e-8, 0, false, false, true, false);
                case "rmsprop" -> new RmsProp(-1, 1e-8, 0, 0, false, false);
                case "adagrad" -> new Adagrad(Double.NaN, 1e-10, 0, 0, false);
                case "adagrad-s0" -> new Adagrad(0, 1e-10, 0, -1, false);
                case "adadelta" -> new Adadelta(1.5, 1e-6, 0, false);
                case "adamax" -> new Adamax(0.9, 1, 1e-8, 0, false);
                case "nadam" -> new NAdam(0.9, 0.999, 1e-8, 0, -1, false, false);
                case "radam" -> new RAdam(0.9, 0.999, Double.NaN, 0, false, false);
                case "asgd" -> new Asgd(1e-4, 0.75, -1, 0, false);
                case "adafactor" -> new Adafactor(0.5, 1, 0x1p-52, 1e-3, 0, false);
                case "adan" -> new Adan(0.98, 0.92, 1, 1e-8, 0, 0, false);
                case "prodigy" -> new Prodigy(0.9, 0.999, Prodigy.DEFAULT_BETA3, 1e-8, 0, false, false, 0, 1);
                case "lamb" -> new Lamb(0.9, 0.999, 1e-6, 0, 0, -1);
                case "bfgs" -> new Bfgs(1e-5, 0.5, 0.5);
                case "cg" -> new ConjugateGradient(-1, 1e-4, 0.4);
                case "nelder-mead" -> new NelderMead(Double.NaN, 1e-4, false);
                case "gd-armijo" -> new ArmijoDescent(1e-4, 1.5);
                case "lbfgs" -> new Lbfgs(20, 0, 1e-7, 1e-9, 0, Lbfgs.LineSearch.NONE);
                case "lbfgs-max-eval" -> new Lbfgs(20, -1, 1e-7, 1e-9, 100, Lbfgs.LineSearch.NONE);
                case "schedule-free-adamw" -> new ScheduleFreeAdamW(1, 0.999, 1e-8, 0, 0, 0, 2);
                case "schedule-free-sgd" -> new ScheduleFreeSgd(0.9, 0, 0, -1, 2);
                default -> throw new AssertionError(which);
            }
        }).isInstanceOf(InvalidInputException.class).hasMessage(message);
    }
}
