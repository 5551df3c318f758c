package dev.losslab.core.data;

import dev.losslab.core.InvalidInputException;
import java.util.List;

/**
 * The one shape of every message about a CSV file: the file as the user named it, then the line
 * (1-based, as an editor numbers it), then the column (1-based, with its header name once the
 * header is read): {@code "bad.csv, line 7, column 2 (sepal_width): 'abc' is not a number"}. Each
 * is an {@link InvalidInputException} of the field {@link #FIELD}.
 */
final class CsvErrors {

    /** The field every CSV problem is reported under, as the CLI option and the spec part say. */
    static final String FIELD = "data";

    /** Text quoted in a message is cut to this many characters, so one bad cell cannot flood it. */
    private static final int QUOTED_CHARS = 40;

    private final String file;
    private List<String> header = List.of();

    CsvErrors(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** Names the columns from now on: messages say "column 3 (petal_length)". */
    void header(List<String> names) {
        header = List.copyOf(names);
    }

    /** A problem with the file as a whole: "bad.csv has a header but no rows". */
    InvalidInputException file(String what) {
        return new InvalidInputException(FIELD, file + " " + what);
    }

    /** A problem with one line: "bad.csv, line 7: …". */
    InvalidInputException line(int line, String what) {
        return new InvalidInputException(FIELD, file + ", line " + line + ": " + what);
    }

    /** A problem with one cell; {@code column} is 0-based. */
    InvalidInputException cell(int line, int column, String what) {
        return new InvalidInputException(FIELD, file + ", line " + line + ", " + column(column) + ": " + what);
    }

    /** "column 3 (petal_length)", or "column 3" while there is no header or past its end; 0-based in. */
    String column(int column) {
        return "column " + (column + 1) + (column < header.size() ? " (" + header.get(column) + ")" : "");
    }

    /** Text as a message quotes it: in single quotes, cut to a readable length. */
    static String quote(String text) {
        return "'" + (text.length() > QUOTED_CHARS ? text.substring(0, QUOTED_CHARS) + "…" : text) + "'";
    }
}
