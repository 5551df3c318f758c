package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.data.Dataset;
import java.util.Arrays;

/**
 * The rows a network trains on, laid out for it: features row-major ({@code x[r·inputs + j]}, the
 * layout of a torch tensor of shape [rows, inputs]) and one label per row, a real target or a class
 * code.
 *
 * @param classes K for a classification set, 0 for regression
 */
public record Examples(String name, int rows, int inputs, double[] x, double[] labels, int classes) {

    public Examples {
        if (rows < 1 || inputs < 1 || x.length != rows * inputs || labels.length != rows || classes < 0) {
            throw new IllegalArgumentException("examples " + name + ": " + rows + " rows of " + inputs
                    + " inputs do not fit " + x.length + " values and " + labels.length + " labels");
        }
    }

    /** The first {@code rows} rows of {@code data} (all of them when rows is its size). */
    public static Examples of(Dataset data, int rows) {
        if (rows < 1 || rows > data.rows()) {
            throw InvalidInputException.outOfRange("rows", "in 1 … " + data.rows(), rows);
        }
        int inputs = data.featureCount();
        double[] x = new double[rows * inputs];
        for (int j = 0; j < inputs; j++) {
            double[] column = data.feature(j);
            for (int r = 0; r < rows; r++) {
                x[r * inputs + j] = column[r];
            }
        }
        double[] labels = Arrays.copyOf(data.labels(), rows);
        int classes = data.labelKind() == Dataset.LabelKind.CLASS ? data.classNames().size() : 0;
        return new Examples(data.name(), rows, inputs, x, labels, classes);
    }

    /** Every row of {@code data}. */
    public static Examples of(Dataset data) {
        return of(data, data.rows());
    }

    public boolean classification() {
        return classes > 0;
    }
}
