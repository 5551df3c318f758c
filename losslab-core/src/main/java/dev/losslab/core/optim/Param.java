package dev.losslab.core.optim;

/**
 * A named hyper-parameter an optimizer or schedule takes: its CLI/API name, help text, PyTorch's
 * default, and allowed range. A flag is a boolean carried as 0 or 1.
 */
public record Param(String name, String help, double defaultValue, Range range, boolean flag) {

    public static Param real(String name, double defaultValue, Range range, String help) {
        return new Param(name, help, defaultValue, range, false);
    }

    public static Param flag(String name, String help) {
        return new Param(name, help, 0, Range.closed(0, 1), true);
    }
}
