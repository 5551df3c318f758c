package dev.losslab.core.expr;

import dev.losslab.core.InvalidInputException;

/**
 * A formula that cannot be read or compiled. The message says what was expected after what and
 * where, then shows the formula with a caret under that column:
 * <pre>
 *   surface: expected ')' after '(1 - x' at column 7
 *     (1 - x
 *           ^
 * </pre>
 * Formulas longer than {@value #SHOWN} characters are shown as an excerpt around the column.
 */
public final class FormulaException extends InvalidInputException {

    /** The longest formula shown whole under the message. */
    static final int SHOWN = 80;

    private final int column;
    private final String problem;

    private FormulaException(String field, String message, int column, String problem) {
        super(field, message);
        this.column = column;
        this.problem = problem;
    }

    /**
     * @param field the option or field that held the formula ({@code surface})
     * @param text  the formula as typed
     * @param index 0-based index of the offending character ({@code text.length()} for the end)
     * @param problem what went wrong, read before "at column N" ("expected ')' after '(1 - x'")
     * @param hint  read after the column ("did you mean 'sin'?"), or null
     */
    static FormulaException at(String field, String text, int index, String problem, String hint) {
        int column = index + 1;
        String message = field + ": " + problem + " at column " + column + (hint == null ? "" : ": " + hint)
                + "\n" + caret(text, index);
        return new FormulaException(field, message, column, problem);
    }

    /** A problem with the formula as a whole (its size), with no column to point at. */
    static FormulaException whole(String field, String problem) {
        return new FormulaException(field, field + ": " + problem, 0, problem);
    }

    /** The 1-based column the message points at; 0 when the problem is the formula as a whole. */
    public int column() {
        return column;
    }

    /** What was wrong, without the field, column or caret ("expected ')' after '(1 - x'"). */
    public String problem() {
        return problem;
    }

    /** Two indented lines: the formula (or an excerpt of it) and a caret under {@code index}. */
    static String caret(String text, int index) {
        String shown = printable(text);
        int at = index;
        if (shown.length() > SHOWN) {
            int from = Math.max(0, Math.min(index - SHOWN / 2, shown.length() - SHOWN));
            int to = Math.min(shown.length(), from + SHOWN);
            String excerpt = shown.substring(from, to);
            at = index - from;
            if (from > 0) {
                excerpt = "…" + excerpt;
                at++;
            }
            if (to < shown.length()) {
                excerpt = excerpt + "…";
            }
            shown = excerpt;
        }
        return "  " + shown + "\n  " + " ".repeat(at) + "^";
    }

    /** Control characters (tabs, newlines) become spaces so the caret stays under its column. */
    private static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.toString();
    }

    /** The last {@code max} characters of a snippet, with "…" in front when cut. */
    static String tail(String snippet, int max) {
        String s = printable(snippet).strip();
        return s.length() <= max ? s : "…" + s.substring(s.length() - max);
    }
}
