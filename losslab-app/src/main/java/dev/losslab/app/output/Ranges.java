package dev.losslab.app.output;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.maps.Axis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text forms of swept values, read alike by the CLI ({@code --vary lr=0.01:0.3:30}) and the web
 * API ({@code vary=lr=0.01:0.3:30}): one parser, so both accept and refuse the same things. Numbers
 * are plain decimals ({@link Numbers#isPlain}), as everywhere in the web API. Errors name the option
 * as the caller spells it ({@code --vary} or {@code vary}) and carry its field.
 */
public final class Ranges {

    private static final Pattern WHOLE = Pattern.compile("[0-9]+");
    private static final Pattern RANGE = Pattern.compile("([a-z][a-z0-9-]*)=([^:,]+):([^:,]+):([^:,]+)");

    private Ranges() {}

    /** As {@link #axes(String, Collection, String, String, int)}, up to the core's {@link Axis#MAX_COUNT} values per axis. */
    public static List<Axis> axes(String text, Collection<String> logNames, String vary, String log) {
        return axes(text, logNames, vary, log, Axis.MAX_COUNT);
    }

    /**
     * "lr=0.01:0.3:30[,momentum=0:0.99:34]" → one or two axes, those named in {@code logNames}
     * spaced evenly in log10.
     *
     * @param vary     how the caller spells the option ("--vary", "vary"); the field is its bare name
     * @param log      likewise for the option naming the log-spaced axes
     * @param maxCount the caller's bound on values per axis, at most {@link Axis#MAX_COUNT}: the one a
     *                 count beyond it is told about
     */
    public static List<Axis> axes(String text, Collection<String> logNames, String vary, String log, int maxCount) {
        String field = bare(vary);
        List<Axis> axes = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher m = RANGE.matcher(part.strip());
            if (!m.matches()) {
                throw new InvalidInputException(field,
                        vary + " expects NAME=FROM:TO:COUNT[,NAME=FROM:TO:COUNT], e.g. lr=0.01:0.3:30, got '" + part.strip() + "'");
            }
            String name = m.group(1);
            double from = number(vary, name, m.group(2));
            double to = number(vary, name, m.group(3));
            int count;
            try {
                count = Integer.parseInt(m.group(4).strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, name + " count must be a whole number, got '" + m.group(4).strip() + "'");
            }
            if (count < 1 || count > maxCount) {
                throw new InvalidInputException(field, name + " count must be in [1, " + maxCount + "], got " + count);
            }
            axes.add(axis(field, name, from, to, count, logNames.contains(name)));
        }
        if (axes.size() > 2) {
            throw new InvalidInputException(field, "a sweep varies one or two hyper-parameters, got " + axes.size());
        }
        for (String name : logNames) {
            if (axes.stream().noneMatch(a -> a.name().equals(name))) {
                throw new InvalidInputException(bare(log), log + " " + name + " names no swept parameter");
            }
        }
        return axes;
    }

    /**
     * "FROM:TO:COUNT" → noise levels σ, evenly spaced, both ends included, at most {@code maxCount}.
     *
     * @param noise how the caller spells the option ("--noise", "noise"); the field is its bare name
     */
    public static Axis levels(String text, String noise, int maxCount) {
        String field = bare(noise);
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new InvalidInputException(field, noise + " expects FROM:TO:COUNT, e.g. 0:40:5, got '" + text + "'");
        }
        double from;
        double to;
        int count;
        try {
            from = Numbers.parsePlain(parts[0].strip());
            to = Numbers.parsePlain(parts[1].strip());
            count = Integer.parseInt(parts[2].strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, noise + " expects FROM:TO:COUNT with numbers such as 0:40:5 (plain decimals), got '"
                    + text + "'");
        }
        if (count < 1 || count > maxCount) {
            throw InvalidInputException.outOfRange(field, "a COUNT in [1, " + maxCount + "]", count);
        }
        return axis(field, field, from, to, count, false);
    }

    /**
     * "1,4,16,64" → minibatch sizes, in the order given, at most {@code maxCount} of them; each a whole
     * number written in digits. Whether each fits the surface (1 to its examples) is the core's check
     * ({@link dev.losslab.core.maps.SgdLevels.BatchSizes#check}).
     *
     * @param option how the caller spells the option ("--batch-sizes", "batch-sizes"); the field is its bare name
     */
    public static List<Integer> batchSizes(String text, String option, int maxCount) {
        String field = bare(option);
        String[] parts = text.split(",", -1);
        if (parts.length > maxCount) {
            throw new InvalidInputException(field, option + " takes 1 to " + maxCount + " batch sizes, got " + parts.length);
        }
        List<Integer> sizes = new ArrayList<>();
        for (String part : parts) {
            String size = part.strip();
            if (!WHOLE.matcher(size).matches()) {
                throw new InvalidInputException(field, option + " expects whole numbers separated by commas, e.g. 1,4,16,64, got '"
                        + text + "'");
            }
            try {
                sizes.add(Integer.parseInt(size));
            } catch (NumberFormatException tooLarge) {
                throw new InvalidInputException(field, option + ": " + size + " is too large for a batch size");
            }
        }
        return sizes;
    }

    /** The axis, with the core's complaint (a bad count or ends) moved to the option's field. */
    private static Axis axis(String field, String name, double from, double to, int count, boolean log) {
        try {
            return new Axis(name, from, to, count, log);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    private static double number(String vary, String name, String text) {
        try {
            return Numbers.parsePlain(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(bare(vary), vary + " " + name + " range: '" + text.strip()
                    + "' is not a number (plain decimals, such as 0.01 or 1e-4)");
        }
    }

    private static String bare(String option) {
        return option.startsWith("--") ? option.substring(2) : option;
    }
}
