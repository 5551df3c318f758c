package dev.losslab.core.data;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Minimum;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Surfaces made of data: a model with exactly two parameters, trained on a dataset, is a 2-D loss
 * surface, with no projection and no approximation. A person asks for one by a spec:
 * <pre>
 *   regression:DATA[:FEATURE][:standardized]        the least-squares line through one feature ({@link LeastSquaresLine})
 *   logistic:DATA[:F1,F2][:CLASS][:standardized]    two weights, no bias, mean cross-entropy ({@link LogisticPair})
 * </pre>
 * DATA is a built-in dataset or a CSV file; a feature is a column name or a 0-based index (without
 * one, the first feature(s)); CLASS is, for a set of more than two classes, the class told apart
 * from the rest (default: the first); for two classes the second class is the positive one.
 * {@code standardized} scales each feature to mean 0 and standard deviation 1 (the population's,
 * as NumPy's {@code std}), the target left as it is.
 *
 * <p>What each landscape derives from the data: the known minimum (the closed form for the line;
 * Newton's method for the logistic loss, or none when the classes are separable through the
 * origin, where the loss falls for ever), a square window holding the start and the minimum, the
 * start (0, 0) — where training starts a model — and a gradient-descent learning rate of 1/λmax of
 * the largest curvature anywhere (stable, since GD needs lr &lt; 2/λmax).
 */
public final class DataLandscapes {

    public static final String REGRESSION = "regression";
    public static final String LOGISTIC = "logistic";
    public static final String STANDARDIZED = "standardized";

    /**
     * The surfaces made of data the lab offers in its picker and the docs list, each a lesson: the
     * seeds' stretched bowl from real data and the same made round by standardizing; a logistic
     * loss with a minimum, one whose classes are separable (no minimum), one standardized, and the
     * two moons that the networks of later chapters train on.
     */
    public static final List<String> FEATURED = List.of(
            "regression:diabetes:bmi",
            "regression:diabetes:bmi:standardized",
            "logistic:iris:petal_length,petal_width:virginica",
            "logistic:iris:sepal_width,petal_length:setosa",
            "logistic:breast-cancer:mean_radius,mean_texture:standardized",
            "logistic:moons");

    /** How far beyond the start and the minimum the window reaches, as a fraction of their distance. */
    private static final double MARGIN = 0.3;

    private DataLandscapes() {}

    /** Whether {@code text} asks for a surface made of data (it starts with {@code regression:} or {@code logistic:}). */
    public static boolean isSpec(String text) {
        String t = text.strip();
        return t.startsWith(REGRESSION + ":") || t.startsWith(LOGISTIC + ":");
    }

    /**
     * The landscape a spec names.
     *
     * @param datasets turns DATA into its rows (a built-in name; a file only where files are allowed)
     * @throws InvalidInputException (field {@code surface}) naming the part of the spec that is wrong
     */
    public static Landscape resolve(String spec, Function<String, Dataset> datasets) {
        Parsed p = parse(spec, datasets);
        return p.regression()
                ? regression(p.text(), p.data(), p.columns(), p.standardize())
                : logistic(p.text(), p.data(), p.columns(), p.positive(), p.standardize());
    }

    /** The examples of the surface a spec names, as a picture of the data shows them beside the model. */
    public static DataPicture picture(String spec, Function<String, Dataset> datasets) {
        Parsed p = parse(spec, datasets);
        return p.regression()
                ? linePicture(p.data(), p.columns(), p.standardize())
                : classifierPicture(p.data(), p.columns(), p.positive(), p.standardize());
    }

    /** A spec's parts: the model, its data, the column(s) and class asked for (null: the defaults). */
    private record Parsed(String text, boolean regression, Dataset data, String columns, String positive,
            boolean standardize) {}

    private static Parsed parse(String spec, Function<String, Dataset> datasets) {
        String text = spec.strip();
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts[1].isBlank()) {
            throw new InvalidInputException("surface", "'" + text + "' names no dataset: write " + parts[0]
                    + ":DATA, e.g. " + (parts[0].equals(REGRESSION) ? "regression:diabetes:bmi" : "logistic:iris"));
        }
        Dataset data;
        try {
            data = datasets.apply(parts[1].strip());
        } catch (InvalidInputException e) {
            // the dataset is a part of the surface spec: the error is the surface's, said as the dataset's
            throw new InvalidInputException("surface", e.getMessage());
        }
        boolean standardize = false;
        String columns = null;
        String positive = null;
        for (int p = 2; p < parts.length; p++) {
            String part = parts[p].strip();
            if (part.equals(STANDARDIZED)) {
                standardize = true;
            } else if (part.isEmpty()) {
                throw new InvalidInputException("surface", "'" + text + "' has an empty part after ':'");
            } else if (parts[0].equals(REGRESSION) && columns == null) {
                columns = part;
            } else if (parts[0].equals(LOGISTIC) && part.contains(",") && columns == null) {
                columns = part;
            } else if (parts[0].equals(LOGISTIC) && positive == null) {
                if (data.featureNames().contains(part) && !data.classNames().contains(part)) {
                    throw new InvalidInputException("surface", "logistic takes two features, F1,F2, and then a class; '"
                            + part + "' is one feature of " + data.name());
                }
                positive = part;
            } else {
                throw new InvalidInputException("surface", "'" + text + "': did not expect '" + part + "' there; write "
                        + (parts[0].equals(REGRESSION) ? "regression:DATA[:FEATURE][:standardized]"
                                : "logistic:DATA[:F1,F2][:CLASS][:standardized]"));
            }
        }
        return new Parsed(text, parts[0].equals(REGRESSION), data, columns, positive, standardize);
    }

    /** The least-squares line through one feature of {@code data} (its first one when {@code feature} is null). */
    public static Landscape regression(String name, Dataset data, String feature, boolean standardize) {
        DataPicture picture = linePicture(data, feature, standardize);
        LeastSquaresLine line;
        try {
            line = new LeastSquaresLine(picture.x(), picture.y());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("surface", "feature " + picture.xName() + " is the same in every row of "
                    + data.name() + ": no line through it is better than another");
        }
        Vec2 best = new Vec2(line.bestSlope(), line.bestIntercept());
        Sym2.Eigen curvature = line.hessian(0, 0).eigen();
        double top = Math.max(curvature.first(), curvature.second());
        double bottom = Math.min(curvature.first(), curvature.second());
        Window window = windowAround(best, 1);
        String shown = picture.xName();
        String formula = String.format(Locale.ROOT, "(1/%d)·Σ (x·%s + y − %s)²", data.rows(), shown, data.labelName());
        String description = String.format(Locale.ROOT,
                "The least-squares line through %s: mean squared error of %s ≈ x·%s + y over the %d rows of %s, "
                        + "as a surface in the slope x and the intercept y. A quadratic bowl with Hessian (2/n)·XᵀX, "
                        + "curvatures %s and %s: condition number %s, so gradient descent needs lr < 2/%s%s.%s",
                shown, data.labelName(), shown, data.rows(), data.name(), brief(top), brief(bottom),
                brief(top / bottom), brief(top), afterTheLimit(top, bottom),
                standardize ? " Standardizing the feature (marked ′) made the bowl round." : " Standardize the feature "
                        + "(add :" + STANDARDIZED + ") and the bowl is round.");
        return new Landscape(name, "Least squares: " + data.labelName() + " against " + shown + " (" + data.name() + ")",
                formula, description, line, window, startIn(window, best), 1 / top, window.span() / 100,
                List.of(new Minimum(best, line.bestValue())));
    }

    /**
     * What gradient descent does within its lr limit on a bowl curving by {@code top} and {@code
     * bottom}: the flat direction is 1 − lr·bottom ≥ 1 − 2·bottom/top per step, a crawl when the
     * condition number is large; a round bowl is crossed in one step at lr = 1/top.
     */
    private static String afterTheLimit(double top, double bottom) {
        double condition = top / bottom;
        if (condition < 1 + 1e-9) {
            return ": the bowl is round, and at lr = 1/" + brief(top) + " it lands on the bottom in one step";
        }
        return condition >= 10 ? " and then crawls along the valley" : ", and then goes nearly straight down";
    }

    /** The feature (the first when {@code feature} is null) and the target a line is fitted through. */
    static DataPicture linePicture(Dataset data, String feature, boolean standardize) {
        if (data.labelKind() != Dataset.LabelKind.REAL) {
            throw new InvalidInputException("surface", "regression fits a real-valued label, but " + data.name()
                    + "'s label " + data.labelName() + " is a class (" + String.join(", ", data.classNames())
                    + "): use logistic:" + data.name());
        }
        int j = feature == null ? 0 : data.featureIndex(feature, "surface");
        String column = data.featureNames().get(j);
        double[] x = standardize ? standardized(data.feature(j), column, data) : data.feature(j);
        return new DataPicture(data.name(), standardize ? column + "′" : column, data.labelName(), x, data.labels(),
                null, null, null);
    }

    /**
     * Logistic regression on two features of {@code data} (its first two when {@code columns} is
     * null, else "F1,F2"), one class against the rest.
     */
    public static Landscape logistic(String name, Dataset data, String columns, String positive, boolean standardize) {
        DataPicture picture = classifierPicture(data, columns, positive, standardize);
        String positiveName = picture.positive();
        String against = picture.negative();
        String s1 = picture.xName();
        String s2 = picture.yName();
        LogisticPair surface = new LogisticPair(picture.x(), picture.y(), picture.labels());
        // p(1 − p) ≤ 1/4, with equality at w = 0: the curvature there bounds it everywhere.
        Sym2.Eigen atOrigin = surface.hessian(0, 0).eigen();
        double top = Math.max(atOrigin.first(), atOrigin.second());
        if (!(top > 0)) {
            throw new InvalidInputException("surface", "features " + s1 + " and " + s2 + " are zero in every row of "
                    + data.name() + ": the loss is flat");
        }
        double scale = 1 / Math.sqrt(top); // weights of this size change z by about 1
        boolean separable = surface.separable();
        List<Minimum> minima = new ArrayList<>();
        Window window;
        if (separable) {
            window = Window.square(6 * scale);
        } else {
            Vec2 best = newtonMinimum(surface);
            if (best == null) {
                window = Window.square(6 * scale);
            } else {
                minima.add(new Minimum(best, surface.value(best)));
                window = windowAround(best, 2 * scale);
            }
        }
        String formula = String.format(Locale.ROOT, "(1/%d)·Σ log(1 + exp(−s·(x·%s + y·%s))), s = +1 for %s, −1 for %s",
                data.rows(), s1, s2, positiveName, against);
        String description = String.format(Locale.ROOT,
                "Logistic regression telling %s from %s in %s by two weights (no bias), x on %s and y on %s%s: the mean "
                        + "binary cross-entropy over %d rows, convex everywhere. %s",
                positiveName, against, data.name(), s1, s2, standardize ? " (standardized, marked ′)" : "", data.rows(),
                separable ? "These classes are separated by a line through the origin, so the loss has no minimum: it "
                        + "keeps falling as the weights grow along the separating direction, and every run drifts away "
                        + "slowly, for ever."
                        : "Its curvature is largest at the origin (" + brief(top) + "), so gradient descent is stable "
                                + "for lr < " + brief(2 / top) + " everywhere.");
        return new Landscape(name, "Logistic regression: " + positiveName + " vs " + against + " (" + data.name() + ")",
                formula, description, surface, window, startIn(window, minima.isEmpty() ? null : minima.getFirst().at()),
                1 / top, window.span() / 100, minima);
    }

    /** The two features (the first two when {@code columns} is null) and the 0/1 labels a classifier is trained on. */
    static DataPicture classifierPicture(Dataset data, String columns, String positive, boolean standardize) {
        if (data.labelKind() != Dataset.LabelKind.CLASS) {
            throw new InvalidInputException("surface", "logistic tells classes apart, but " + data.name() + "'s label "
                    + data.labelName() + " is a real number: use regression:" + data.name());
        }
        if (data.featureCount() < 2) {
            throw new InvalidInputException("surface", "logistic needs two features, and " + data.name() + " has one");
        }
        int f1 = 0;
        int f2 = 1;
        if (columns != null) {
            String[] pair = columns.split(",", -1);
            if (pair.length != 2) {
                throw new InvalidInputException("surface", "logistic takes two features, F1,F2; got '" + columns + "'");
            }
            f1 = data.featureIndex(pair[0], "surface");
            f2 = data.featureIndex(pair[1], "surface");
            if (f1 == f2) {
                throw new InvalidInputException("surface", "logistic needs two different features; got "
                        + data.featureNames().get(f1) + " twice");
            }
        }
        List<String> classes = data.classNames();
        int positiveCode;
        if (positive != null) {
            positiveCode = data.classIndex(positive, "surface");
        } else {
            positiveCode = classes.size() == 2 ? 1 : 0;
        }
        String positiveName = classes.get(positiveCode);
        String against = classes.size() == 2 ? classes.get(1 - positiveCode) : "the rest";
        String c1 = data.featureNames().get(f1);
        String c2 = data.featureNames().get(f2);
        double[] x1 = standardize ? standardized(data.feature(f1), c1, data) : data.feature(f1);
        double[] x2 = standardize ? standardized(data.feature(f2), c2, data) : data.feature(f2);
        double[] codes = data.labels();
        double[] y = new double[codes.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = codes[i] == positiveCode ? 1 : 0;
        }
        return new DataPicture(data.name(), standardize ? c1 + "′" : c1, standardize ? c2 + "′" : c2, x1, x2, y,
                positiveName, against);
    }

    /**
     * The minimum of a strictly convex logistic loss by Newton's method from the origin, each step
     * halved until it lowers f; null if it does not settle in 100 steps (then there is no point to list).
     */
    static Vec2 newtonMinimum(LogisticPair surface) {
        Vec2 w = new Vec2(0, 0);
        double f = surface.value(w);
        for (int k = 0; k < 100; k++) {
            Vec2 g = surface.gradient(w);
            Sym2 h = surface.hessian(w);
            double det = h.xx() * h.yy() - h.xy() * h.xy();
            if (!(det > 0)) {
                return null;
            }
            Vec2 step = new Vec2((h.yy() * g.x() - h.xy() * g.y()) / det, (h.xx() * g.y() - h.xy() * g.x()) / det);
            double t = 1;
            Vec2 next = new Vec2(w.x() - step.x(), w.y() - step.y());
            double fNext = surface.value(next);
            while (!(fNext <= f) && t > 1e-10) {
                t /= 2;
                next = new Vec2(w.x() - t * step.x(), w.y() - t * step.y());
                fNext = surface.value(next);
            }
            boolean settled = Math.hypot(next.x() - w.x(), next.y() - w.y()) <= 1e-13 * (1 + Math.hypot(w.x(), w.y()));
            w = next;
            f = Math.min(f, fNext);
            if (settled) {
                Vec2 gEnd = surface.gradient(w);
                return Math.hypot(gEnd.x(), gEnd.y()) < 1e-8 ? w : null;
            }
        }
        return null;
    }

    /** The square window that holds the origin (the start) and {@code best}, {@link #MARGIN} beyond, at least ±{@code least}. */
    static Window windowAround(Vec2 best, double least) {
        double half = Math.max(Math.max(Math.abs(best.x()), Math.abs(best.y())) / 2 * (1 + 2 * MARGIN), least);
        Vec2 c = new Vec2(best.x() / 2, best.y() / 2);
        return Window.of(c.x() - half, c.x() + half, c.y() - half, c.y() + half);
    }

    /**
     * The origin, where training starts a model; if the minimum is there too (nothing to watch), the
     * point 80 % of the way to the window's top-left corner.
     */
    static Vec2 startIn(Window window, Vec2 best) {
        if (best == null || Math.hypot(best.x(), best.y()) > 0.05 * window.span()) {
            return new Vec2(0, 0);
        }
        Vec2 c = window.center();
        return new Vec2(c.x() - 0.4 * window.width(), c.y() + 0.4 * window.height());
    }

    /** (x − mean)/sd with NumPy's population sd. */
    static double[] standardized(double[] x, String column, Dataset data) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / x.length);
        if (!(sd > 0)) {
            throw new InvalidInputException("surface", "feature " + column + " is the same in every row of "
                    + data.name() + ", so it cannot be standardized");
        }
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - mean) / sd;
        }
        return z;
    }

    /** A number as people read it in a sentence: 4 significant digits, no exponent for ordinary sizes. */
    private static String brief(double v) {
        if (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6) {
            String s = String.format(Locale.ROOT, "%.4g", v);
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
