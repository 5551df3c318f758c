/**
 * Networks: small real models trained with LossLab's optimizers, equal to PyTorch's (issue 17).
 *
 * <ul>
 *   <li>{@link dev.losslab.core.net.Network}: an {@code nn.Sequential} of {@code Linear} layers and
 *       an {@link dev.losslab.core.net.Activation}, its parameters one flat vector in
 *       {@code state_dict} order, with torch's default initialisation scheme.</li>
 *   <li>{@link dev.losslab.core.net.Objective}: its mean {@link dev.losslab.core.net.Loss} on
 *       {@link dev.losslab.core.net.Examples} and the exact gradient by backpropagation.</li>
 *   <li>{@link dev.losslab.core.net.ModelKind}: linear, logistic and MLP, and which loss each takes.</li>
 *   <li>{@link dev.losslab.core.net.Training}: the training loop, an optimizer's
 *       {@link dev.losslab.core.optim.Stepper} over one point of N parameters, with schedules and
 *       {@link dev.losslab.core.net.Batches}.</li>
 *   <li>{@link dev.losslab.core.net.LossSlice}: the loss on a {@link dev.losslab.core.net.Plane}
 *       through a point, along {@link dev.losslab.core.net.SliceDirections} (filter-normalised random,
 *       the {@link dev.losslab.core.net.TrajectoryPca PCA} of the path, or two named parameters), with
 *       the path a {@link dev.losslab.core.net.PathRecorder} kept projected on it.</li>
 * </ul>
 *
 * The loss curves equal torch's (float64) to 1e-9 relative from the same init and batches:
 * {@code TrainTorchFixtureTest}, fixtures from {@code tools/torch-fixtures/train.py}.
 */
package dev.losslab.core.net;
