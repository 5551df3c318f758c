package dev.losslab.core.optim;

/**
 * A named hyper-parameter an optimizer or schedule takes: its CLI/API name, its symbol in the
 * update rule, help text, PyTorch's default, and allowed range. A flag is a boolean carried as 0
 * or 1 (and has no symbol).
 *
 * @param name         the CLI/API name, {@code weight-decay}
 * @param symbol       how the update rule writes it, {@code λ}; what the CLI's help shows for its value
 * @param help         one line: what it does
 * @param defaultValue the value when not given
 * @param range        the values allowed
 * @param flag         whether it is a boolean (0 or 1)
 */
public record Param(String name, String symbol, String help, double defaultValue, Range range, boolean flag) {

    public static Param real(String name, String symbol, double defaultValue, Range range, String help) {
        return new Param(name, symbol, help, defaultValue, range, false);
    }

    public static Param flag(String name, String help) {
        return new Param(name, "", help, 0, Range.closed(0, 1), true);
    }
}
