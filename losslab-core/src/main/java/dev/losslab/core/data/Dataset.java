package dev.losslab.core.data;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.Names;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table of examples: n rows, each with numeric features and one label. Built-in sets and a
 * user's CSV file are both read into this shape ({@code Datasets}); surfaces made of data read
 * their columns from it. Immutable: the arrays are copied in and out.
 *
 * <p>Labels are numbers. For a {@link LabelKind#CLASS classification} set they are the class codes
 * 0, 1, …, K − 1 and {@link #classNames()} names each code (as the file spelled it); for a
 * {@link LabelKind#REAL regression} set they are the target values and there are no class names.
 */
public final class Dataset {

    /** What a label is. */
    public enum LabelKind {
        /** A real-valued target (regression). */
        REAL,
        /** A class code in 0 … K − 1 (classification). */
        CLASS
    }

    private final String name;
    private final String description;
    private final String source;
    private final List<String> featureNames;
    private final String labelName;
    /** Feature-major: {@code features[j][i]} is feature j of row i. */
    private final double[][] features;
    private final double[] labels;
    private final LabelKind labelKind;
    private final List<String> classNames;

    /**
     * @param name         the name a surface spec uses ({@code diabetes}), or the file as given
     * @param description  one sentence on what the rows are
     * @param source       where the rows come from, with the licence they are shipped under
     * @param featureNames one name per feature column, unique
     * @param labelName    the label column's name
     * @param features     feature-major values, {@code features[j][i]}, all finite, every column n long
     * @param labels       n labels, finite; class codes 0 … K − 1 for {@link LabelKind#CLASS}
     * @param labelKind    what a label is
     * @param classNames   K names for a classification set (code k is {@code classNames.get(k)}),
     *                     empty for a regression set
     */
    public Dataset(String name, String description, String source, List<String> featureNames, String labelName,
            double[][] features, double[] labels, LabelKind labelKind, List<String> classNames) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.source = Objects.requireNonNull(source, "source");
        this.featureNames = List.copyOf(featureNames);
        this.labelName = Objects.requireNonNull(labelName, "labelName");
        this.labelKind = Objects.requireNonNull(labelKind, "labelKind");
        this.classNames = List.copyOf(classNames);
        this.labels = labels.clone();
        if (features.length != this.featureNames.size()) {
            throw new IllegalArgumentException(name + ": " + features.length + " feature columns but "
                    + this.featureNames.size() + " feature names");
        }
        this.features = new double[features.length][];
        for (int j = 0; j < features.length; j++) {
            if (features[j].length != labels.length) {
                throw new IllegalArgumentException(name + ": feature " + this.featureNames.get(j) + " has "
                        + features[j].length + " rows, the labels " + labels.length);
            }
            this.features[j] = features[j].clone();
        }
        if ((labelKind == LabelKind.CLASS) == this.classNames.isEmpty()) {
            throw new IllegalArgumentException(name + ": a classification set names its classes, a regression set does not");
        }
        if (labelKind == LabelKind.CLASS) {
            for (double label : labels) {
                if (label != Math.rint(label) || label < 0 || label >= this.classNames.size()) {
                    throw new IllegalArgumentException(name + ": class code " + label + " is not in 0 … "
                            + (this.classNames.size() - 1));
                }
            }
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String source() {
        return source;
    }

    /** n, the number of examples. */
    public int rows() {
        return labels.length;
    }

    /** The number of feature columns (the label not counted). */
    public int featureCount() {
        return features.length;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public String labelName() {
        return labelName;
    }

    public LabelKind labelKind() {
        return labelKind;
    }

    /** The class names, code k at index k; empty for a regression set. */
    public List<String> classNames() {
        return classNames;
    }

    /** Feature j of every row, a copy. */
    public double[] feature(int j) {
        return features[j].clone();
    }

    /** Every row's label, a copy. */
    public double[] labels() {
        return labels.clone();
    }

    /**
     * The feature column a person named: a feature name as the file's header spells it, or a
     * 0-based column index.
     *
     * @param field the option or spec part that named it, for the error
     * @throws InvalidInputException naming the valid names when there is no such column
     */
    public int featureIndex(String nameOrIndex, String field) {
        String wanted = nameOrIndex.strip();
        int byName = featureNames.indexOf(wanted);
        if (byName >= 0) {
            return byName;
        }
        if (wanted.matches("\\d{1,9}")) {
            int index = Integer.parseInt(wanted);
            if (index < features.length) {
                return index;
            }
            throw new InvalidInputException(field, name + " has features 0 … " + (features.length - 1) + ", got " + index);
        }
        throw unknown("feature", wanted, featureNames, field);
    }

    /** The class code a person named: a class name, or the code itself. */
    public int classIndex(String nameOrCode, String field) {
        String wanted = nameOrCode.strip();
        int byName = classNames.indexOf(wanted);
        if (byName >= 0) {
            return byName;
        }
        if (wanted.matches("\\d{1,9}") && Integer.parseInt(wanted) < classNames.size()) {
            return Integer.parseInt(wanted);
        }
        throw unknown("class", wanted, classNames, field);
    }

    /** "unknown feature 'bim' in diabetes: did you mean 'bmi'?", or the valid names when none is close. */
    private InvalidInputException unknown(String what, String got, List<String> valid, String field) {
        String suggestion = Names.closest(got, valid);
        return new InvalidInputException(field, "unknown " + what + " '" + got + "' in " + name
                + (suggestion != null ? ": did you mean '" + suggestion + "'?" : "; valid: " + String.join(", ", valid)));
    }

    @Override
    public String toString() {
        return name + " (" + rows() + " rows, " + featureCount() + " features, " + labelKind + " label"
                + (classNames.isEmpty() ? "" : " " + classNames) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dataset d && name.equals(d.name) && Arrays.deepEquals(features, d.features)
                && Arrays.equals(labels, d.labels) && featureNames.equals(d.featureNames);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(labels);
    }
}
