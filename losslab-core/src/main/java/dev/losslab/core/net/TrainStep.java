package dev.losslab.core.net;

/**
 * One row of a training run, at the parameters θ_k reached after k updates.
 *
 * @param step      k
 * @param loss      the mean loss over every training row at θ_k
 * @param batchLoss the mean loss over the batch of update k + 1, where that update takes its
 *                  gradient (θ_k; a schedule-free rule's y_k); NaN on the last row, which no update follows
 * @param accuracy  the share of rows classified right at θ_k; NaN for real labels
 * @param gradNorm  ‖∇L(θ_k)‖, the full-data gradient's Euclidean norm
 * @param lr        the learning rate of update k + 1; NaN on the last row
 * @param sharpness the largest eigenvalue of the full-data loss's Hessian at θ_k, on the steps
 *                  {@link Training.Spec#sharpnessEvery} asks for; NaN on the others
 */
public record TrainStep(int step, double loss, double batchLoss, double accuracy, double gradNorm, double lr,
                        double sharpness) {}
