package dev.losslab.core.optim;

/**
 * PyTorch's {@code torch.lerp} on one double, rounded as its CPU kernel rounds it
 * ({@code aten/src/ATen/native/Lerp.h}, torch 2.x): a weight below ½ in size steps from the start,
 * any other from the end, so that a weight of 1 gives the end exactly.
 * <pre>
 *   lerp(a, b, w) = a + w·(b − a)          |w| &lt; ½
 *                 = b − (b − a)·(1 − w)    otherwise
 * </pre>
 * torch 2.x moves its moment averages this way ({@code exp_avg.lerp_(grad, 1 − β₁)}); β·a + (1 − β)·b,
 * torch 1.13's form, is the same number up to an ulp or two, so only rules that follow 2.x use it.
 */
final class Lerp {

    private Lerp() {}

    static double lerp(double start, double end, double weight) {
        return Math.abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight);
    }
}
