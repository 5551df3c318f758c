package dev.losslab.core.optim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference trajectories stored as JSON (the format of {@code /work/shared/reference/README.md}):
 * {@code fixtures/optax/optax-0.2.8-cases.json} from optax itself,
 * {@code fixtures/optax/authors-cases.json} from {@code tools/torch-fixtures/modern.py} and
 * {@code fixtures/optax/schedule-free-cases.json} from {@code tools/torch-fixtures/schedule_free.py}.
 * A few lines of JSON reading, so that the core's tests need no library.
 */
final class ReferenceCases {

    private ReferenceCases() {}

    /**
     * One run: LossLab's options in {@code flags} (lr among them; a bare flag as true) and the
     * reference's points, one row per step from step 0, in {@code columns}: step, x, y, loss, and for
     * the schedule-free rules gradient_point_x, gradient_point_y (x, y being the reported point).
     */
    record Case(String file, String surface, String optimizer, Map<String, Object> flags, double[] start, int steps,
                List<String> columns, double[][] rows) {

        /** The column where the gradient point's x is, or −1 when the run's gradient is taken at (x, y). */
        int gradientPointColumn() {
            return columns.indexOf("gradient_point_x");
        }

        double lr() {
            return ((Number) flags.get("lr")).doubleValue();
        }

        /** The flags other than lr as LossLab's settings (true as 1). */
        Map<String, Double> options() {
            Map<String, Double> options = new LinkedHashMap<>();
            flags.forEach((name, value) -> {
                if (!name.equals("lr")) {
                    options.put(name, value instanceof Boolean b ? (b ? 1.0 : 0.0) : ((Number) value).doubleValue());
                }
            });
            return options;
        }

        @Override
        public String toString() {
            return file + ": " + optimizer + " on " + surface + " " + flags;
        }
    }

    static List<Case> read(String resource) {
        try (InputStream in = ReferenceCases.class.getResourceAsStream("/fixtures/optax/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + resource);
            }
            List<Case> cases = new ArrayList<>();
            for (Object item : (List<?>) new Json(new String(in.readAllBytes(), StandardCharsets.UTF_8)).value()) {
                Map<?, ?> c = (Map<?, ?>) item;
                List<?> rows = (List<?>) c.get("rows");
                double[][] table = new double[rows.size()][];
                for (int k = 0; k < table.length; k++) {
                    table[k] = numbers((List<?>) rows.get(k));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> flags = (Map<String, Object>) c.get("flags");
                List<String> columns = ((List<?>) c.get("columns")).stream().map(String.class::cast).toList();
                if (!columns.subList(0, 4).equals(List.of("step", "x", "y", "loss"))
                        || columns.size() > 4 && !columns.subList(4, columns.size())
                                .equals(List.of("gradient_point_x", "gradient_point_y"))) {
                    throw new IllegalStateException(resource + ": unexpected columns " + columns);
                }
                cases.add(new Case(resource, (String) c.get("surface"), (String) c.get("optimizer"), flags,
                        numbers((List<?>) c.get("start")), ((Number) c.get("steps")).intValue(), columns, table));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] numbers(List<?> list) {
        return list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    /** Objects, arrays, strings (with the escapes JSON writers use), numbers, true, false, null. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            switch (c) {
                case '{' -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    at++;
                    skipSpace();
                    if (text.charAt(at) == '}') {
                        at++;
                        return map;
                    }
                    while (true) {
                        skipSpace();
                        String key = string();
                        skipSpace();
                        expect(':');
                        map.put(key, value());
                        skipSpace();
                        if (text.charAt(at++) == '}') {
                            return map;
                        }
                    }
                }
                case '[' -> {
                    List<Object> list = new ArrayList<>();
                    at++;
                    skipSpace();
                    if (text.charAt(at) == ']') {
                        at++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        skipSpace();
                        if (text.charAt(at++) == ']') {
                            return list;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int from = at;
                    while (at < text.length() && ",]} \n\r\t".indexOf(text.charAt(at)) < 0) {
                        at++;
                    }
                    String word = text.substring(from, at);
                    return switch (word) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> Double.parseDouble(word);
                    };
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> s.append('\n');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> s.append(e);
                }
            }
        }

        private void expect(char c) {
            if (text.charAt(at) != c) {
                throw new IllegalStateException("expected '" + c + "' at " + at);
            }
            at++;
        }

        private void skipSpace() {
            while (Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
