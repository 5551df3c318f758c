package dev.losslab.core.optim;

/**
 * An update rule with its hyper-parameters fixed (validated when constructed). The learning rate
 * is not one of them: it comes from the schedule at every step, as PyTorch's param-group lr does.
 *
 * <p>Each implementation is a record of hyper-parameters whose Javadoc gives its update rule and
 * names the {@code torch.optim} function it mirrors; any deliberate difference is marked
 * {@code // Differs from PyTorch:} and tested. The rule itself is written once, over arrays, in its
 * {@link Stepper}.
 */
public interface Optimizer {

    /**
     * Fresh state for up to {@code capacity} points of {@code dimension} coordinates: every buffer
     * empty, as in a newly constructed torch optimizer.
     */
    Stepper newStepper(int dimension, int capacity);

    /**
     * What a momentum-cycling schedule (one-cycle, cyclic) sets before each update, as PyTorch's
     * schedulers set a param group's {@code momentum} or its {@code betas[0]}; {@code NONE} when the
     * optimizer has neither (PyTorch refuses to cycle it). Its stepper then takes
     * {@link Stepper#setMomentum}.
     */
    default CycledMomentum cycledMomentum() {
        return CycledMomentum.NONE;
    }

    /** Which hyper-parameter a momentum-cycling schedule drives. */
    enum CycledMomentum {
        NONE, MOMENTUM, BETA1;

        /** How a person names it: "momentum μ", "β₁". */
        public String symbol() {
            return switch (this) {
                case NONE -> "none";
                case MOMENTUM -> "momentum μ";
                case BETA1 -> "β₁";
            };
        }
    }

    /** Fresh state for one 2-D point. */
    default Stepper newStepper() {
        return newStepper(2, 1);
    }
}
