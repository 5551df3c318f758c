package dev.losslab.core.net;

/**
 * The steps at which a run of N steps is sampled every K steps: 0, K, 2K, … and N itself when it is
 * not a multiple of K, so that the end of a run is always seen. Sharpness checks, kept path points,
 * curve points and the starts of saddle searches all follow this one rule.
 */
public final class EveryKthStep {

    private EveryKthStep() {
    }

    /** Whether step {@code step} of a run whose last step is {@code last} is sampled every {@code k}. */
    public static boolean includes(int step, int k, int last) {
        return step % k == 0 || step == last;
    }

    /** How many steps of {@code 0…steps} are sampled every {@code k}: ⌊N/K⌋ + 1, plus one for N when K ∤ N. */
    public static int count(int steps, int k) {
        return steps / k + 1 + (steps % k == 0 ? 0 : 1);
    }
}
