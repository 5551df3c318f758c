package dev.losslab.core.data;

import dev.losslab.core.data.Dataset.LabelKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The label column of a CSV file, read row by row, and the rule that decides what its labels are:
 * <ol>
 *   <li>any value that is not a number makes every value a class name: the classes are the
 *       distinct values as written (at most {@link DatasetCsv#MAX_CLASSES}), coded 0, 1, … in
 *       sorted order of the names (character by character, as Python's {@code sorted} orders
 *       ASCII: {@code B} before {@code a}, {@code 10} before {@code 9});</li>
 *   <li>numbers that are all integers with at most {@link DatasetCsv#MAX_NUMERIC_CLASSES} distinct
 *       values are classes too, coded in numeric order and named as first written ({@code 0},
 *       {@code 1}; {@code -1}, {@code 1});</li>
 *   <li>any other numbers are a real-valued label (regression).</li>
 * </ol>
 */
final class LabelColumn {

    /** What the column turned out to be: its kind, each row's label, and the class names. */
    record Labels(LabelKind kind, double[] values, List<String> classNames) {}

    private final CsvErrors errors;
    private final int column;
    private int rows;
    /** Each row's number, NaN for a text label. */
    private double[] numbers = new double[1024];
    /** Each row's distinct-value id, while the distinct values are few enough to be classes. */
    private int[] ids = new int[1024];
    private final Map<String, Integer> idOf = new HashMap<>();
    private boolean tooManyValues;
    private String firstText;
    private int firstTextLine;
    /** The distinct integer values, each with its first spelling, while they could be classes. */
    private final TreeMap<Double, String> integers = new TreeMap<>();
    private boolean integerClasses = true;

    /** @param column the label's 0-based column, for messages */
    LabelColumn(CsvErrors errors, int column) {
        this.errors = errors;
        this.column = column;
    }

    void add(String text, int line) {
        if (text.isEmpty()) {
            throw errors.cell(line, column, "the label is empty; every row needs one");
        }
        double value = DatasetCsv.valueOrNaN(text, errors, line, column);
        if (rows == numbers.length) {
            numbers = Arrays.copyOf(numbers, 2 * rows);
            ids = tooManyValues ? null : Arrays.copyOf(ids, 2 * rows);
        }
        numbers[rows] = value;
        if (Double.isNaN(value) && firstText == null) {
            firstText = text;
            firstTextLine = line;
        }
        if (!tooManyValues) {
            Integer id = idOf.get(text);
            if (id == null && idOf.size() == DatasetCsv.MAX_CLASSES) {
                tooManyValues = true;
                ids = null;
            } else {
                if (id == null) {
                    id = idOf.size();
                    idOf.put(text, id);
                }
                ids[rows] = id;
            }
        }
        if (integerClasses && !Double.isNaN(value)) {
            // + 0.0: -0 and 0 are one class.
            integers.putIfAbsent(value + 0.0, text);
            integerClasses = value == Math.rint(value) && integers.size() <= DatasetCsv.MAX_NUMERIC_CLASSES;
        }
        rows++;
    }

    Labels finish() {
        if (firstText != null) {
            return textClasses();
        }
        if (integerClasses) {
            return integerClasses();
        }
        return new Labels(LabelKind.REAL, Arrays.copyOf(numbers, rows), List.of());
    }

    private Labels textClasses() {
        if (tooManyValues) {
            throw errors.cell(firstTextLine, column, CsvErrors.quote(firstText) + " is text, so the labels name classes,"
                    + " but there are more than " + DatasetCsv.count(DatasetCsv.MAX_CLASSES) + " different ones;"
                    + " a real-valued label must be all numbers");
        }
        List<String> names = new ArrayList<>(idOf.keySet());
        names.sort(null);
        double[] codeOfId = new double[names.size()];
        for (int code = 0; code < names.size(); code++) {
            codeOfId[idOf.get(names.get(code))] = code;
        }
        double[] codes = new double[rows];
        for (int i = 0; i < rows; i++) {
            codes[i] = codeOfId[ids[i]];
        }
        return new Labels(LabelKind.CLASS, codes, names);
    }

    private Labels integerClasses() {
        double[] values = integers.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] codes = new double[rows];
        for (int i = 0; i < rows; i++) {
            codes[i] = Arrays.binarySearch(values, numbers[i] + 0.0);
        }
        return new Labels(LabelKind.CLASS, codes, List.copyOf(integers.values()));
    }
}
