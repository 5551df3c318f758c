package dev.losslab.core.surface;

/**
 * A loss that is the mean of one term per example, f(θ) = (1/n)·Σᵢ ℓᵢ(θ), so that its gradient can
 * be estimated from a minibatch of the examples, as SGD does in training: ĝ(θ) = (1/B)·Σ_{i∈batch} ∇ℓᵢ(θ).
 * {@link #valueAndGradient} is the exact mean over all n; the engine asks for a batch's gradient
 * when a run has a batch size below n (see {@link dev.losslab.core.run.Engine}).
 */
public interface MinibatchSurface extends Surface {

    /**
     * The batch size of an optimizer that is noisy by default (SGD) when none is given: small enough
     * that the noise shows, as in training, where batches of 8–64 are usual.
     */
    int DEFAULT_BATCH_SIZE = 16;

    /** n, the number of examples the loss is the mean over. */
    int examples();

    /**
     * The mean gradient over the examples {@code rows[from]} … {@code rows[from + count − 1]} at point
     * i of the n points in {@code points} (batch layout), into {@code gradients[d·n + i]}.
     */
    void batchGradient(double[] points, int n, int i, int[] rows, int from, int count, double[] gradients);
}
