package dev.losslab.core.maps;

/**
 * What {@link FairTuning} tunes: the learning rate alone, or the learning rate together with the
 * racer's momentum (μ, or β₁ for the Adam family: the setting PyTorch's one-cycle schedule cycles as
 * "momentum"). Either way every racer is tried at the same number of configurations; see
 * {@link TuningGrid}.
 */
public enum TuningScope {

    /** lr only: {@value TuningGrid#LR_ONLY_PER_DECADE} values per decade for every racer. */
    LR("lr"),

    /**
     * lr and, where the optimizer has one, its momentum μ or β₁; a racer without one gets a finer
     * lr grid of the same size.
     */
    LR_AND_MOMENTUM("lr,momentum");

    private final String label;

    TuningScope(String label) {
        this.label = label;
    }

    /** How the command line and JSON spell it: {@code lr}, {@code lr,momentum}. */
    public String label() {
        return label;
    }
}
