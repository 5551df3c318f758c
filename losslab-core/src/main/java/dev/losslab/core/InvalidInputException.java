package dev.losslab.core;

/**
 * Input from a person (an option, a name, a formula) that LossLab cannot use. The message is
 * written to be shown as it is: it names the field, the rule and the bad value. Adapters (CLI, web)
 * show it without a stack trace.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The option or field that was wrong, as the user named it (e.g. {@code lr}, {@code surface}). */
    public String field() {
        return field;
    }

    /** "{field} must be > 0, got -1" for a value outside its allowed range. */
    public static InvalidInputException outOfRange(String field, String rule, double got) {
        return new InvalidInputException(field, field + " must be " + rule + ", got " + format(got));
    }

    /** An unknown name, with the closest valid one suggested when it is a likely typo. */
    public static InvalidInputException unknownName(String field, String got, Iterable<String> valid) {
        String suggestion = Names.closest(got, valid);
        StringBuilder message = new StringBuilder("unknown ").append(field).append(" '").append(got).append("'");
        if (suggestion != null) {
            message.append(": did you mean '").append(suggestion).append("'?");
        } else {
            message.append("; valid: ").append(String.join(", ", valid));
        }
        return new InvalidInputException(field, message.toString());
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
