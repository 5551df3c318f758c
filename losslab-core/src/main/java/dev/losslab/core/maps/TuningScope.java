package dev.losslab.core.maps;

import dev.losslab.core.InvalidInputException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * {@code lr} or {@code lr,momentum} (in either order, spaces allowed), as the command line and the
     * API take it.
     *
     * @param field   the field it was given in, which the error names
     * @param spelled how the user wrote that field ({@code --tune} on the command line)
     * @throws InvalidInputException naming the field and both choices
     */
    public static TuningScope parse(String text, String field, String spelled) {
        Set<String> asked = Arrays.stream(text.split(",", -1)).map(String::strip).collect(Collectors.toSet());
        for (TuningScope scope : values()) {
            if (asked.equals(Set.of(scope.label().split(",")))) {
                return scope;
            }
        }
        throw new InvalidInputException(field, spelled + " takes lr, or lr,momentum (μ, or β₁ for the Adam family), got '"
                + text + "'");
    }
}
