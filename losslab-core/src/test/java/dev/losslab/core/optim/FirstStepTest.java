package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Quadratic;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first update (or two) of every optimizer, worked by hand from the published formulas, on
 * the bowl f = x²/2 + 5y² (Quadratic(1, 10)) from (1, 1), where ∇f = (x, 10y) = (1, 10). Each case
 * goes through the registry and the runner, so names, defaults and wiring are tested too.
 * Tolerance 1e-12 absolute: these are a few operations on numbers of size 1.
 */
class FirstStepTest {

    static final Landscape BOWL = new Landscape("bowl", "bowl", "0.5*x^2 + 5*y^2", "", new Quadratic(1, 10),
            Window.of(-4, 4, -3, 3), Vec2.of(1, 1), 0.1, 0.1, List.of());
    static final Landscape SADDLE = new Landscape("saddle", "saddle", "x^2 - y^2", "", new Quadratic(2, -2),
            Window.square(2), Vec2.of(1, 1), 0.1, 0.1, List.of());

    static Arguments step(String optimizer, double lr, Map<String, Double> params, int steps, double x, double y) {
        return Arguments.of(optimizer, lr, params, steps, x, y);
    }

    static Stream<Arguments> handWorked() {
        return Stream.of(
                // gd: θ − lr·g = (1 − 0.1·1, 1 − 0.1·10) = (0.9, 0)
                step("gd", 0.1, Map.of(), 1, 0.9, 0),
                // gd, λ = 0.5: g = (1 + 0.5, 10 + 0.5) = (1.5, 10.5); θ = (1 − 0.15, 1 − 1.05) = (0.85, −0.05)
                step("gd", 0.1, Map.of("weight-decay", 0.5), 1, 0.85, -0.05),
                // momentum, step 1: the buffer starts as g itself (undamped), so it is gd's step: (0.9, 0)
                step("momentum", 0.1, Map.of(), 1, 0.9, 0),
                // momentum, step 2 from (0.9, 0): g = (0.9, 0); b = 0.9·(1, 10) + (0.9, 0) = (1.8, 9);
                // θ = (0.9 − 0.18, 0 − 0.9) = (0.72, −0.9)
                step("momentum", 0.1, Map.of(), 2, 0.72, -0.9),
                // dampening τ = 0.5, step 2: b = 0.9·(1, 10) + 0.5·(0.9, 0) = (1.35, 9); θ = (0.765, −0.9)
                step("momentum", 0.1, Map.of("dampening", 0.5), 2, 0.765, -0.9),
                // nesterov, step 1: b = g; step g + μ·b = 1.9·g = (1.9, 19); θ = (1 − 0.19, 1 − 1.9) = (0.81, −0.9)
                step("nesterov", 0.1, Map.of(), 1, 0.81, -0.9),
                // sgd without noise is gd
                step("sgd", 0.1, Map.of(), 1, 0.9, 0),
                // rmsprop, α = 0.99: v = 0.01·g² = (0.01, 1); √v + ε = (0.1 + 1e-8, 1 + 1e-8);
                // θ = 1 − 0.01·(1/0.10000001, 10/1.00000001) = (0.900000009999999, 0.900000001)
                step("rmsprop", 0.01, Map.of(), 1, 0.900000009999999, 0.900000001),
                // centered: a = 0.01·g = (0.01, 0.1); v − a² = (0.0099, 0.99); √ = (0.0994987, 0.994987);
                // θ = 1 − 0.01·(1/0.0994987, 10/0.994987) = (0.8994962, 0.8994962)
                step("rmsprop", 0.01, Map.of("centered", 1.0), 1, 0.8994962285750878, 0.8994962194841798),
                // momentum 0.9, step 2 from (0.9000000100, 0.900000001): b₁ = (9.9999999, 9.9999999);
                // g = (0.9, 9); v = 0.99·(0.01, 1) + 0.01·(0.81, 81) = (0.018, 1.8); √v = (0.1341641, 1.3416408);
                // b = 0.9·b₁ + g/(√v + ε) = (15.708203, 15.708204); θ = θ₁ − 0.01·b = (0.742918, 0.742918)
                step("rmsprop", 0.01, Map.of("momentum", 0.9), 2, 0.7429179842650582, 0.7429179630340117),
                // adagrad: s = g² = (1, 100); θ = 1 − 0.1·(1/(1 + 1e-10), 10/(10 + 1e-10)) = (0.90000000001, 0.900000000001)
                step("adagrad", 0.1, Map.of(), 1, 0.90000000001, 0.900000000001),
                // lr-decay η = 0.5, step 2: lr_2 = 0.1/(1 + 1·0.5) = 0.0667; g = (0.9, 9); s = (1.81, 181);
                // θ = 0.9 − 0.0667·0.9/√1.81 = 0.9 − 0.0445976 = 0.8554024 (both coordinates alike)
                step("adagrad", 0.1, Map.of("lr-decay", 0.5), 2, 0.8554023512382112, 0.8554023512264741),
                // adam: m = 0.1·g, v = 0.001·g²; lr/(1 − β₁) = 1; √v/√(1 − β₂) + ε = |g| + 1e-8;
                // θ = 1 − 0.1·g/(|g| + 1e-8) = (1 − 0.1/(1 + 1e-8), 1 − 1/(10 + 1e-8)) = (0.900000001, 0.9000000001)
                step("adam", 0.1, Map.of(), 1, 0.900000001, 0.9000000001),
                // amsgrad: the first v̂ is v, so the same first step
                step("adam", 0.1, Map.of("amsgrad", 1.0), 1, 0.900000001, 0.9000000001),
                // L2 decay λ = 0.5: g = (1.5, 10.5); the step is still 0.1·g/(|g| + ε) ≈ 0.1 per coordinate
                step("adam", 0.1, Map.of("weight-decay", 0.5), 1, 1 - 0.15 / (1.5 + 1e-8), 1 - 1.05 / (10.5 + 1e-8)),
                // no bias correction: θ = 1 − lr·0.1·g/(√0.001·|g| + ε) = 1 − 0.01/0.0316228 = 0.6837723
                step("adam", 0.1, Map.of("no-bias-correction", 1.0), 1, 0.6837723339831303, 0.6837722439831617),
                // adamw, default λ = 0.01: θ·(1 − 0.1·0.01) = 0.999, then Adam's step with the gradient at θ:
                // (0.999 − 0.1/(1 + 1e-8), 0.999 − 1/(10 + 1e-8)) = (0.899000001, 0.8990000001)
                step("adamw", 0.1, Map.of(), 1, 0.899000001, 0.8990000001),
                // newton: H⁻¹g = diag(1, 1/10)·(1, 10) = (1, 1): one full step lands on the minimum (0, 0)
                step("newton", 1, Map.of(), 1, 0, 0),
                // damped, lr = 0.5: halfway, (0.5, 0.5)
                step("newton", 0.5, Map.of(), 1, 0.5, 0.5),
                // saddle-free newton on a bowl: |H| = H, so the same step
                step("saddle-free-newton", 1, Map.of(), 1, 0, 0),
                // lion: c = 0.1·g, sign(c) = (1, 1): every coordinate moves by lr, (0.9, 0.9)
                step("lion", 0.1, Map.of(), 1, 0.9, 0.9),
                // lion, λ = 0.5: θ·(1 − 0.05) = 0.95 first, then − 0.1: (0.85, 0.85)
                step("lion", 0.1, Map.of("weight-decay", 0.5), 1, 0.85, 0.85),
                // adabelief (rectified, the default): ρ₁ = 1 is under 5, so an SGD step lr·m/(1 − β₁) = lr·g: (0.9, 0)
                step("adabelief", 0.1, Map.of(), 1, 0.9, 0),
                // no-degenerated-to-sgd: no step while ρₜ is under 5
                step("adabelief", 0.1, Map.of("no-degenerated-to-sgd", 1.0), 1, 1, 1),
                // no-rectify: m = 0.1·g, s = 0.001·(0.9·g)² + ε, √s/√0.001 = 0.9·|g|: the step is lr/0.9 per coordinate
                step("adabelief", 0.1, Map.of("no-rectify", 1.0), 1, 0.8888888888888957, 0.888888888888889),
                // adan: Δ = 0, m̂ = g, n̂ = g²: lr·g/(|g| + ε), Adam's first step
                step("adan", 0.1, Map.of(), 1, 1 - 0.1 / (1 + 1e-8), 1 - 1 / (10 + 1e-8)),
                // yogi: m = 0.1·g, v = 1e-6 + 0.001·g²; θ − lr·√0.001/0.1 · m/(√v + 1e-3): ε weighs on the raw √v
                step("yogi", 0.1, Map.of(), 1, 0.9031122901539222, 0.9003157277672669),
                // lamb: r = g/(|g| + 1e-6) ≈ (1, 1); ‖θ‖ = √2 = ‖r‖ up to 1e-6, so the trust ratio ≈ 1: (0.9, 0.9)
                step("lamb", 0.1, Map.of(), 1, lambFirstStep(1 / (1 + 1e-6)), lambFirstStep(10 / (10 + 1e-6))),
                // prodigy: d = d₀ = 1e-6 and θ = θ₀, so d stays; step d·lr·m/(√v + d·ε) = 1e-6·0.1/√0.001 ≈ 3.16e-6
                step("prodigy", 1, Map.of(), 1, 0.9999968377233398, 0.9999968377224399),
                // ademamix: m̂₁ = g, m₂ = 1e-4·g, √v̂ = |g|: the step is lr·(1 + 2e-4) per coordinate
                step("ademamix", 0.1, Map.of(), 1, 0.8999800010001999, 0.89998000010002),
                // alpha-warmup 10: α₁ = 2·1/10 (the authors' step count starts at 1): lr·(1 + 2e-5)
                step("ademamix", 0.1, Map.of("alpha-warmup", 10.0), 1, 0.8999980010000199, 0.899998000100002));
    }

    /** LAMB's first step from (1, 1) on the bowl, along r's component r_i: 1 − lr·‖θ‖/‖r‖·r_i. */
    private static double lambFirstStep(double component) {
        double rx = 1 / (1 + 1e-6), ry = 10 / (10 + 1e-6);
        return 1 - 0.1 * Math.sqrt(2) / Math.hypot(rx, ry) * component;
    }

    @ParameterizedTest(name = "{0} lr={1} {2}, {3} step(s) → ({4}, {5})")
    @MethodSource("handWorked")
    void matchesHandWorkedSteps(String optimizer, double lr, Map<String, Double> params, int steps, double x, double y) {
        RunBuilder builder = RunBuilder.on(BOWL).optimizer(optimizer).learningRate(lr).noise(0)
                .start(1, 1).steps(steps).tolerance(0);
        params.forEach(builder::set);
        Run run = builder.run();
        assertThat(run.steps()).isEqualTo(steps);
        assertThat(run.last().x()).isCloseTo(x, within(1e-12));
        assertThat(run.last().y()).isCloseTo(y, within(1e-12));
    }

    /**
     * On the saddle f = x² − y² from (1, 1): ∇f = (2, −2), H = diag(2, −2). Newton's H⁻¹∇f = (1, 1)
     * jumps onto the saddle (0, 0); saddle-free Newton's |H|⁻¹∇f = (1, −1) goes downhill to (0, 2).
     */
    @Test
    void newtonJumpsOntoTheSaddleWhileSaddleFreeNewtonGoesDownhill() {
        Run newton = RunBuilder.on(SADDLE).optimizer("newton").start(1, 1).steps(1).run();
        Run saddleFree = RunBuilder.on(SADDLE).optimizer("saddle-free-newton").start(1, 1).steps(1).tolerance(0).run();
        assertThat(newton.last().x()).isCloseTo(0, within(1e-15));
        assertThat(newton.last().y()).isCloseTo(0, within(1e-15));
        assertThat(saddleFree.last().x()).isCloseTo(0, within(1e-15));
        assertThat(saddleFree.last().y()).isCloseTo(2, within(1e-15));
    }

    /**
     * With bias correction Adam's first step is lr·g/(|g| + ε) ≈ lr per coordinate; without it,
     * m = (1 − β₁)·g and √v = √(1 − β₂)·|g|, so the step is (1 − β₁)/√(1 − β₂) = 0.1/√0.001 ≈ 3.1623
     * times larger. ε shifts the ratio by about ε·(1/√(1 − β₂) − 1)/|g| ≈ 3e-7 relative here.
     */
    @Test
    void adamWithoutBiasCorrectionTakesALargerFirstStep() {
        Run corrected = RunBuilder.on(BOWL).optimizer("adam").learningRate(0.1).start(1, 1).steps(1).run();
        Run uncorrected = RunBuilder.on(BOWL).optimizer("adam").learningRate(0.1).set("no-bias-correction", 1)
                .start(1, 1).steps(1).run();
        double expected = (1 - 0.9) / Math.sqrt(1 - 0.999);
        assertThat(expected).isCloseTo(3.1623, within(1e-4));
        assertThat(1 - corrected.last().x()).isCloseTo(0.1, within(1e-8));
        assertThat(1 - corrected.last().y()).isCloseTo(0.1, within(1e-8));
        double ratioX = (1 - uncorrected.last().x()) / (1 - corrected.last().x());
        double ratioY = (1 - uncorrected.last().y()) / (1 - corrected.last().y());
        assertThat(ratioX / expected).isCloseTo(1, within(1e-6));
        assertThat(ratioY / expected).isCloseTo(1, within(1e-6));
    }

    /**
     * Differs from optax's LAMB, which takes the trust ratio as 1 where ‖θ‖ = 0: the paper's
     * φ(‖θ‖)/‖u‖ is 0 there, so from the origin of Himmelblau's function (∇f = (−14, −22)) LAMB
     * does not move although its direction u is not 0 (optax would step by lr·u); with γ_l = 1,
     * φ = 1 and the step is lr long.
     */
    @Test
    void lambDoesNotLeaveTheOriginUnlessPhiIsBoundedBelow() {
        Run stays = RunBuilder.on("himmelblau").optimizer("lamb").learningRate(0.1).start(0, 0).steps(1).tolerance(0)
                .recording(dev.losslab.core.run.Recording.INTERNALS).run();
        assertThat(stays.last().x()).isZero();
        assertThat(stays.last().y()).isZero();
        var internals = stays.trajectory().internals();
        assertThat(Math.hypot(internals.x("u", 1), internals.y("u", 1))).isCloseTo(Math.sqrt(2), within(1e-5));
        assertThat(internals.x("trustRatio", 1)).isZero();

        Run leaves = RunBuilder.on("himmelblau").optimizer("lamb").learningRate(0.1).set("gamma-l", 1).start(0, 0).steps(1)
                .tolerance(0).run();
        assertThat(Math.hypot(leaves.last().x(), leaves.last().y())).isCloseTo(0.1, within(1e-12));
        assertThat(leaves.last().x()).isPositive();
        assertThat(leaves.last().y()).isPositive();
    }

    /**
     * AdEMAMix's warm-ups count steps from 1, as the authors' PyTorch code does: the first step
     * with alpha-warmup T uses α/T, exactly a run at constant α/T; optax's schedules start at
     * count 0, where α would be 0 and the step Adam's (θ = 0.9 here, the mix adding nothing).
     */
    @Test
    void ademamixWarmUpGivesTheFirstStepAlphaOverT() {
        Run warm = RunBuilder.on(BOWL).optimizer("ademamix").learningRate(0.1).set("alpha-warmup", 10).start(1, 1).steps(1)
                .tolerance(0).run();
        Run constant = RunBuilder.on(BOWL).optimizer("ademamix").learningRate(0.1).set("alpha", 0.2).start(1, 1).steps(1)
                .tolerance(0).run();
        Run none = RunBuilder.on(BOWL).optimizer("ademamix").learningRate(0.1).set("alpha", 0).start(1, 1).steps(1)
                .tolerance(0).run();
        assertThat(warm.last()).isEqualTo(constant.last());
        assertThat(warm.last().x()).isNotEqualTo(none.last().x());
        assertThat(none.last().x()).isCloseTo(0.9, within(1e-8));
    }

    /** The step count PyTorch sees starts at 1: Adam's bias corrections would divide by 0 at t = 0. */
    @Test
    void stepCountStartsAtOne() {
        long[] seen = new long[3];
        Optimizer spy = (dimension, capacity) -> new Stepper(dimension, capacity) {
            @Override
            public int step(double[] theta, double[] gradient, int n, double lr, long step,
                    dev.losslab.core.surface.Surface surface, boolean[] stuck) {
                seen[(int) step - 1] = step;
                return 0;
            }
        };
        var spec = RunBuilder.on(BOWL).steps(3).tolerance(0).spec();
        var spyKind = new OptimizerKind("spy", "spy", "", java.util.List.of(), OptimizerKind.LearningRateDefault.GRADIENT, 0,
                settings -> spy);
        var withSpy = new dev.losslab.core.run.RunSpec(spec.landscape(), spyKind, spyKind.settings(java.util.Map.of()),
                spec.learningRate(), spec.schedule(), 0, 0, 1, spec.start(), 3, 0);
        dev.losslab.core.run.Runner.run(withSpy);
        assertThat(seen).containsExactly(1, 2, 3);
    }
}
