package dev.losslab.app.web.http;

import dev.losslab.app.output.Numbers;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.Names;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's parameters, parsed and validated once at the edge: a GET request's query string, or
 * the fields of a POST body read as such ({@link #fromJson}). Every getter fails with
 * a 400 whose message names the parameter, the rule and the value ({@code grid must be in [2, 400],
 * got 1000}); an unknown or repeated parameter is an error too, so a typo never silently falls back
 * to a default.
 */
public final class QueryParams {

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code a=1&b=x%2Cy} (the raw, still-encoded query; null for none). */
    public static QueryParams parse(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParams(values);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (values.putIfAbsent(name, value) != null) {
                throw ApiException.badRequest(name, "parameter '" + name + "' is given more than once");
            }
        }
        return new QueryParams(values);
    }

    /**
     * The fields of a JSON object as if they were query parameters, so a POST body is read by the
     * same parser and rules as a GET query: a string as it is, a number as its text, true/false as
     * "true"/"false" (flags take them), and a list of numbers or strings joined by commas
     * ({@code "start": [1, 2]} is {@code start=1,2}). Anything else is a 400 naming the field.
     *
     * @param skip a field the caller reads itself (e.g. {@code kind})
     */
    public static QueryParams fromJson(com.fasterxml.jackson.databind.JsonNode body, String skip) {
        Map<String, String> values = new LinkedHashMap<>();
        for (var field : body.properties()) {
            if (!field.getKey().equals(skip)) {
                values.put(field.getKey(), text(field.getKey(), field.getValue()));
            }
        }
        return new QueryParams(values);
    }

    private static String text(String name, com.fasterxml.jackson.databind.JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (value.isArray() && !value.isEmpty()) {
            List<String> parts = new java.util.ArrayList<>();
            for (var item : value) {
                if (!(item.isNumber() || item.isTextual())) {
                    throw ApiException.badRequest(name, name + " must list numbers or names, got " + item);
                }
                parts.add(item.asText());
            }
            return String.join(",", parts);
        }
        throw ApiException.badRequest(name, name + " must be a number, a string, true/false or a list of numbers, got "
                + (value.isNull() ? "null" : value.isArray() ? "an empty list" : "an object"));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(null, "the query string is not valid URL encoding near '" + text + "'");
        }
    }

    /** Fails on any parameter not in {@code allowed}, suggesting the closest one. */
    public QueryParams allowOnly(String... allowed) {
        List<String> names = Arrays.asList(allowed);
        for (String name : values.keySet()) {
            if (!names.contains(name)) {
                String suggestion = Names.closest(name, names);
                throw ApiException.badRequest(name, "unknown parameter '" + name + "'"
                        + (suggestion != null ? ": did you mean '" + suggestion + "'?"
                        : "; this endpoint takes: " + String.join(", ", names)));
            }
        }
        return this;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name, name + " is required");
        }
        return value.strip();
    }

    /** {@code surface=NAME}, required. */
    public Landscape surface() {
        return Surfaces.resolve(required("surface"));
    }

    /** A whole number in [min, max], or {@code defaultValue} when absent. */
    public int integer(String name, int defaultValue, int min, int max) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw InvalidInputException.outOfRange(name, "in [" + min + ", " + max + "]", value);
        }
        return (int) value;
    }

    /** A plain decimal number, or {@code defaultValue} when absent (NaN: required). */
    public double number(String name, double defaultValue) {
        String text = values.get(name);
        if (text == null) {
            if (Double.isNaN(defaultValue)) {
                throw ApiException.badRequest(name, name + " is required");
            }
            return defaultValue;
        }
        return numbers(name, text, 1, "a number")[0];
    }

    /** The names given, in query order. */
    public java.util.Set<String> names() {
        return values.keySet();
    }

    /** A finite plain decimal, if given. */
    public java.util.OptionalDouble number(String name) {
        String text = values.get(name);
        if (text == null) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(numbers(name, text, 1, "a number (e.g. 0.01)")[0]);
    }

    /** A flag's value, if given: true or 1, false or 0 (as the core's 1/0). */
    public java.util.OptionalDouble flag(String name) {
        String text = values.get(name);
        if (text == null) {
            return java.util.OptionalDouble.empty();
        }
        return switch (text.strip()) {
            case "1", "true" -> java.util.OptionalDouble.of(1);
            case "0", "false" -> java.util.OptionalDouble.of(0);
            default -> throw ApiException.badRequest(name, name + " must be true, false, 1 or 0, got '" + text + "'");
        };
    }

    /** A whole number (any long), if given. */
    public java.util.OptionalLong whole(String name) {
        String text = values.get(name);
        if (text == null) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number, got '" + text + "'");
        }
    }

    /** {@code x0,x1,y0,y1}, if given. */
    public Optional<Window> window(String name) {
        String text = values.get(name);
        if (text == null) {
            return Optional.empty();
        }
        double[] v = numbers(name, text, 4, "x0,x1,y0,y1 (four numbers, e.g. -5,5,-5,5)");
        try {
            return Optional.of(new Window(v[0], v[1], v[2], v[3]));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, e.getMessage());
        }
    }

    /** {@code x,y}, required. */
    public Vec2 point(String name) {
        double[] v = numbers(name, required(name), 2, "x,y (two numbers, e.g. 0.05,0.05)");
        return new Vec2(v[0], v[1]);
    }

    private static double[] numbers(String name, String text, int count, String expected) {
        String[] parts = text.split(",", -1);
        if (parts.length != count) {
            throw ApiException.badRequest(name, name + " must be " + expected + ", got '" + text + "'");
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            String part = parts[i].strip();
            try {
                values[i] = Double.parseDouble(part);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(name, name + ": '" + part + "' is not a number; expected " + expected);
            }
            if (!Double.isFinite(values[i])) {
                throw ApiException.badRequest(name, name + ": '" + part + "' is not a finite number; expected " + expected);
            }
            // Double.parseDouble also reads "0x1p3" and "1d"; the API takes plain decimals only.
            if (!Numbers.isPlain(part)) {
                throw ApiException.badRequest(name, name + ": '" + part + "' is not a number; expected " + expected);
            }
        }
        return values;
    }
}
