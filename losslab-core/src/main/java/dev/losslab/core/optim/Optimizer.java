package dev.losslab.core.optim;

/**
 * An update rule with its hyper-parameters fixed (validated when constructed). The learning rate
 * is not one of them: it comes from the schedule at every step, as PyTorch's param-group lr does.
 *
 * <p>Each implementation is a record of hyper-parameters whose Javadoc gives its update rule and
 * names the {@code torch.optim} function it mirrors; any deliberate difference is marked
 * {@code // Differs from PyTorch:} and tested.
 */
public interface Optimizer {

    /** Fresh per-run state: every buffer empty, as in a newly constructed torch optimizer. */
    Stepper newStepper();
}
