package dev.losslab.core.data;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.PlainDecimal;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV file into a {@link Dataset}: a user's file, and the built-in sets, which are shipped in
 * the same format ({@link Datasets}).
 *
 * <p>The format (docs/DATASETS.md): UTF-8 text; a header row naming every column, features first and
 * the label last, at least one feature; then one row per example, every row as many fields as the
 * header. Feature values are numbers as Java or Python print them ({@link PlainDecimal}: {@code 3},
 * {@code -0.5}, {@code 1e-3}, {@code +2}, {@code -0}), all finite: no {@code nan} or {@code inf}, no
 * empty cells. Spaces around a field are ignored, blank lines skipped, and a field may be quoted
 * ({@code "a, b"}). The label may be text or numbers; {@link LabelColumn} holds the rule that makes
 * it classes or a real value.
 *
 * <p>Every malformed file fails with one {@link InvalidInputException} of the field {@code data}
 * naming the file, the line and, where there is one, the column by number and header name. The
 * caps below keep a huge file from costing more than its first few megabytes: the header stops
 * being read at its 1,001st column, the file at its 50,000,001st character.
 */
public final class DatasetCsv {

    /** The most columns (features and the label) a file may have. */
    public static final int MAX_COLUMNS = 1_000;
    /** The most rows (examples, the header not counted) a file may have. */
    public static final int MAX_ROWS = 1_000_000;
    /** The most characters LossLab reads from one file, about 50 MB. */
    public static final long MAX_CHARACTERS = 50_000_000;
    /** The most classes a text label may name. */
    public static final int MAX_CLASSES = 1_000;
    /** Integer labels with at most this many distinct values are classes; more make a real label. */
    public static final int MAX_NUMERIC_CLASSES = 20;

    private DatasetCsv() {}

    /**
     * Reads a user's CSV file. The dataset is named by the path as given, which is also how errors
     * name it.
     *
     * @throws InvalidInputException when the file is missing, unreadable, a directory, or malformed
     */
    public static Dataset read(Path file) {
        String name = file.toString();
        CsvErrors errors = new CsvErrors(name);
        if (Files.isDirectory(file)) {
            throw errors.file("is a directory, not a CSV file");
        }
        try (Reader in = new Utf8Reader(Files.newInputStream(file))) {
            return read(in, errors, name, "the rows of " + name, "a user's file, " + name);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(CsvErrors.FIELD, "cannot read " + name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(CsvErrors.FIELD, "cannot read " + name + ": permission denied");
        } catch (IOException e) {
            throw new InvalidInputException(CsvErrors.FIELD, "cannot read " + name + ": " + e.getMessage());
        }
    }

    /**
     * Reads CSV text, such as a resource; {@code fileName} names it in errors and names the dataset.
     * The reader is not closed.
     */
    public static Dataset read(Reader in, String fileName) {
        try {
            return read(in, new CsvErrors(fileName), fileName, "the rows of " + fileName, fileName);
        } catch (IOException e) {
            throw new InvalidInputException(CsvErrors.FIELD, "cannot read " + fileName + ": " + e.getMessage());
        }
    }

    /** Reads a built-in set's file under the registry's name, description and source. */
    static Dataset read(Reader in, String fileName, String name, String description, String source) throws IOException {
        return read(in, new CsvErrors(fileName), name, description, source);
    }

    private static Dataset read(Reader in, CsvErrors errors, String name, String description, String source)
            throws IOException {
        CsvRecords records = new CsvRecords(in, errors);
        try {
            List<String> header = header(records, errors);
            int width = header.size();
            int features = width - 1;
            Columns columns = new Columns(features);
            LabelColumn label = new LabelColumn(errors, features);
            int count;
            while ((count = records.next(width, false)) >= 0) {
                int line = records.recordLine();
                if (count != width) {
                    throw ragged(errors, line, count, width);
                }
                if (columns.rows == MAX_ROWS) {
                    throw errors.line(line, "more than " + count(MAX_ROWS) + " rows, the most LossLab reads");
                }
                List<String> fields = records.fields();
                for (int j = 0; j < features; j++) {
                    columns.values[j] = grow(columns.values[j], columns.rows);
                    columns.values[j][columns.rows] = number(fields.get(j), errors, line, j);
                }
                columns.rows++;
                label.add(fields.get(features), line);
            }
            if (columns.rows == 0) {
                throw errors.file("has a header but no rows");
            }
            LabelColumn.Labels labels = label.finish();
            return new Dataset(name, description, source, header.subList(0, features), header.get(features),
                    columns.trimmed(), labels.values(), labels.kind(), labels.classNames());
        } catch (CharacterCodingException e) {
            throw errors.line(records.line(), "the text is not UTF-8 (save the file as UTF-8)");
        }
    }

    /** The header's names, checked: at least two, none empty, no two alike, not all numbers. */
    private static List<String> header(CsvRecords records, CsvErrors errors) throws IOException {
        int width = records.next(MAX_COLUMNS, true);
        if (width < 0) {
            throw errors.file("is empty: a CSV needs a header row naming its columns, then its rows");
        }
        int line = records.recordLine();
        if (width > MAX_COLUMNS) {
            throw errors.line(line, "the header has more than " + count(MAX_COLUMNS) + " columns, the most LossLab reads");
        }
        List<String> names = List.copyOf(records.fields());
        if (width < 2) {
            throw errors.line(line, "the header has 1 column; a dataset needs at least one feature column and the label, last");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < width; j++) {
            String name = names.get(j);
            if (name.isEmpty()) {
                throw errors.cell(line, j, "the header name is empty; every column needs a name");
            }
            Integer before = seen.putIfAbsent(name, j);
            if (before != null) {
                throw errors.cell(line, j, "the header name " + CsvErrors.quote(name) + " is also column "
                        + (before + 1) + "'s; every column needs its own name");
            }
        }
        if (names.stream().allMatch(PlainDecimal::is)) {
            throw errors.line(line, "the first row is all numbers; a CSV needs a header row naming its columns first"
                    + " (e.g. x1,x2,label)");
        }
        errors.header(names);
        return names;
    }

    private static InvalidInputException ragged(CsvErrors errors, int line, int count, int width) {
        String missing = count < width - 1
                ? errors.column(count) + " to " + errors.column(width - 1) + " are missing"
                : count == width - 1 ? errors.column(count) + " is missing"
                : "column " + (width + 1) + (count > width + 1 ? " onwards has" : " has") + " no name in the header";
        return new InvalidInputException(CsvErrors.FIELD, errors.file() + ", line " + line + " has " + count
                + (count == 1 ? " field" : " fields") + ", the header has " + width + ": " + missing);
    }

    /** A feature cell's value. */
    private static double number(String text, CsvErrors errors, int line, int column) {
        if (text.isEmpty()) {
            throw errors.cell(line, column, "the value is empty; every row needs a number in each feature column");
        }
        double value = valueOrNaN(text, errors, line, column);
        if (Double.isNaN(value)) {
            throw errors.cell(line, column, CsvErrors.quote(text) + " is not a number");
        }
        return value;
    }

    /**
     * The value of a cell that holds a plain decimal, NaN for any other text (which the label reads
     * as a class name); a non-finite number fails, spelt as a word ({@code nan}, {@code -inf},
     * {@code Infinity}, any case) or too large for a double ({@code 1e999}).
     */
    static double valueOrNaN(String text, CsvErrors errors, int line, int column) {
        if (PlainDecimal.is(text)) {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw errors.cell(line, column, CsvErrors.quote(text) + " is too large for a double; every value must be finite");
            }
            return value;
        }
        String word = text.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
        if (word.equals("nan") || word.equals("inf") || word.equals("infinity")) {
            throw errors.cell(line, column, CsvErrors.quote(text) + " is not a finite number; every value must be finite"
                    + " (no nan or inf)");
        }
        return Double.NaN;
    }

    /** 1,000,000: counts in messages, as people write them. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static double[] grow(double[] column, int rows) {
        return rows < column.length ? column : Arrays.copyOf(column, Math.max(1024, 2 * column.length));
    }

    /** The feature columns being read, each grown as rows arrive. */
    private static final class Columns {
        final double[][] values;
        int rows;

        Columns(int features) {
            values = new double[features][0];
        }

        double[][] trimmed() {
            double[][] out = new double[values.length][];
            for (int j = 0; j < values.length; j++) {
                out[j] = Arrays.copyOf(values[j], rows);
            }
            return out;
        }
    }
}
