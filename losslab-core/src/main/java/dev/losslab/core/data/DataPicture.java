package dev.losslab.core.data;

/**
 * The examples a surface made of data is built from, as a picture of the data shows them: one point
 * per example at (x, y), beside the model the surface's point stands for. For a line
 * ({@code regression:}) x is the feature and y the target, and the point (w, b) of the surface is the
 * line y = w·x + b. For a classifier ({@code logistic:}) x and y are the two features, each example
 * is labelled 1 (the positive class) or 0, and the point (w₁, w₂) is the boundary w₁·x + w₂·y = 0
 * with P(positive) = σ(w₁·x + w₂·y). Features are as the surface uses them (standardized if it is).
 *
 * @param dataset   the dataset's name
 * @param xName     what x is (a feature's name; marked ′ when standardized)
 * @param yName     what y is (the target's or the second feature's name)
 * @param x         one value per example
 * @param y         one value per example
 * @param labels    per example 1 or 0 for a classifier; null for a line
 * @param positive  the positive class's name (null for a line)
 * @param negative  what it is told from: the other class, or "the rest" (null for a line)
 */
public record DataPicture(String dataset, String xName, String yName, double[] x, double[] y, double[] labels,
        String positive, String negative) {

    /** Whether the model is a classifier's boundary rather than a line through the points. */
    public boolean classifier() {
        return labels != null;
    }
}
