package dev.losslab.core.run;

/** What a run keeps besides its points. */
public enum Recording {
    /** Points only: the default, and the hot path (nothing allocated per step). */
    POINTS,
    /**
     * Points and, for every step after the start, the optimizer's internals as
     * {@link dev.losslab.core.optim.Stepper#describe} reports them: for the lab's step mode.
     */
    INTERNALS
}
