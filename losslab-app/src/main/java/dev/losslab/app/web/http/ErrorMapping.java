package dev.losslab.app.web.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.core.InvalidInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Turns whatever a request threw into the API's error answer: a status and
 * {@code {"error": "one clear sentence", "field": "lr"}} (plus {@code "racer": i} for a race).
 * Messages are in plain words, never a stack trace: bad input says what was wrong and where;
 * a bug says only that it is one (the details go to the server's stderr).
 */
public final class ErrorMapping {

    /** One error answer. {@code field} and {@code racer} may be null. */
    public record Problem(int status, String message, String field, Integer racer, String allow) {

        static Problem badRequest(String message, String field) {
            return new Problem(400, message, field, null, null);
        }

        public ObjectNode toJson() {
            ObjectNode node = JsonViews.object();
            node.put("error", message);
            node.put("field", field);
            if (racer != null) {
                node.put("racer", racer);
            }
            return node;
        }
    }

    public static final String INTERNAL_ERROR = "LossLab failed unexpectedly while answering; this is a bug "
            + "(the server's log has the details)";

    private ErrorMapping() {}

    /**
     * The answer for {@code thrown}, as {@link #of}; a bug (5xx) is also logged as "losslab serve:
     * internal error WHERE: the exception", with its stack trace when {@code LOSSLAB_DEBUG} is set.
     *
     * @param where what was being answered or computed ("on GET /api/x", "in basins job 3f9c…")
     */
    public static Problem report(Throwable thrown, PrintStream log, String where) {
        Problem problem = of(thrown);
        if (problem.status() == 500) {
            log.println("losslab serve: internal error " + where + ": " + thrown);
            if (System.getenv("LOSSLAB_DEBUG") != null) {
                thrown.printStackTrace(log);
            }
        } else if (problem.status() > 500) {
            // Not a bug: the server refused or stopped work it was asked for. One short line says so.
            log.println("losslab serve: " + problem.status() + " " + where + ": " + problem.message());
        }
        return problem;
    }

    public static Problem of(Throwable thrown) {
        return switch (thrown) {
            case ApiException e -> new Problem(e.status(), e.getMessage(), e.field(), e.racer(), e.allow());
            case InvalidInputException e -> Problem.badRequest(e.getMessage(), e.field());
            case UnrecognizedPropertyException e -> unknownField(e);
            case MismatchedInputException e when e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith("Trailing token") -> trailing(e);
            case InvalidNullException e -> Problem.badRequest(where(e.getPath()) + " must not be null", lastField(e.getPath()));
            case MismatchedInputException e -> mismatch(e);
            case DatabindException e when e.getCause() instanceof InvalidInputException bad ->
                    Problem.badRequest(bad.getMessage(), bad.field());
            case StreamConstraintsException e -> tooBig(e);
            case InputCoercionException e -> outOfRange(e, null);
            case JsonMappingException e when e.getCause() instanceof InputCoercionException tooLarge ->
                    outOfRange(tooLarge, lastField(e.getPath()));
            case JsonProcessingException e -> malformed(e);
            // Reading the request failed: the client closed the connection mid-body, or sent a broken one.
            case IOException e -> Problem.badRequest("the request could not be read: " + e.getMessage(), null);
            default -> new Problem(500, INTERNAL_ERROR, null, null, null);
        };
    }

    /**
     * A JSON text past one of the reader's bounds, named as the bound it broke: nesting, a number's
     * digits, a key's or a string's length (each said "nested deeper" once).
     */
    private static Problem tooBig(StreamConstraintsException e) {
        String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String message;
        if (what.startsWith("Number value length")) {
            message = "a number in the JSON has more digits than the " + ApiJson.MAX_NUMBER_DIGITS + " allowed";
        } else if (what.startsWith("Name length")) {
            message = "a key in the JSON is longer than the " + ApiJson.MAX_KEY_LENGTH + " characters allowed";
        } else if (what.startsWith("String value length")) {
            message = "a string in the JSON is longer than allowed";
        } else {
            message = "the JSON is nested deeper than " + Limits.MAX_JSON_NESTING + " levels";
        }
        return Problem.badRequest(message + at(e), null);
    }

    /**
     * "steps is too large for a whole number: 2147483648": a number no field of its type can hold,
     * named by {@code field} (from the mapping's path) or the parser's current key.
     */
    private static Problem outOfRange(InputCoercionException e, String field) {
        String value = "the number";
        if (e.getProcessor() instanceof JsonParser parser) {
            if (field == null) {
                field = parser.getParsingContext().getCurrentName();
            }
            try {
                value = parser.getText();
            } catch (IOException unreadable) {
                // keep "the number"
            }
        }
        return Problem.badRequest((field == null ? "a number" : field) + " is too large for a whole number: " + value
                + " (see docs/API.md for the range it takes)", field);
    }

    /** "unknown field 'lrr' in racers[0]; valid: optimizer, params, schedule". */
    private static Problem unknownField(UnrecognizedPropertyException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        String in = path.size() > 1 ? " in " + where(path.subList(0, path.size() - 1)) : "";
        StringBuilder message = new StringBuilder("unknown field '").append(e.getPropertyName()).append("'").append(in);
        Collection<Object> known = e.getKnownPropertyIds();
        if (known != null && !known.isEmpty()) {
            var names = new TreeSet<String>();
            known.forEach(k -> names.add(String.valueOf(k)));
            String suggestion = dev.losslab.core.Names.closest(e.getPropertyName(), names);
            message.append(suggestion != null ? ": did you mean '" + suggestion + "'?" : "; valid: " + String.join(", ", names));
        }
        return new Problem(400, message.toString(), e.getPropertyName(), racerOf(path), null);
    }

    /** A value of the wrong type: "steps must be a whole number, got "ten"". */
    private static Problem mismatch(MismatchedInputException e) {
        return mismatch(e, describeCurrentToken(e));
    }

    /**
     * A wrong-typed value found in a parsed tree (Jackson's own exception no longer knows the value
     * once the parser is closed), as an answer: "steps must be a whole number, got "ten"".
     */
    public static ApiException mismatch(MismatchedInputException e, JsonNode root) {
        JsonNode value = root;
        for (var ref : e.getPath()) {
            value = value == null ? null : ref.getFieldName() != null ? value.get(ref.getFieldName()) : value.get(ref.getIndex());
        }
        String got = value == null ? null : value.isTextual() ? "\"" + abbreviate(value.asText()) + "\""
                : value.isArray() ? "a list" : value.isObject() ? "an object" : abbreviate(value.toString());
        Problem p = mismatch(e, got);
        return ApiException.badValue(p.racer(), p.field(), p.message());
    }

    private static Problem mismatch(MismatchedInputException e, String got) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.isEmpty()) {
            return Problem.badRequest(got == null ? "the request body must be a JSON object"
                    : "the request body must be a JSON object, got " + got, null);
        }
        Class<?> type = e.getTargetType();
        if (type != null && type.isArray() && path.getLast().getIndex() >= 0) {
            type = type.getComponentType();
        }
        String expected = expected(type);
        return new Problem(400, where(path) + " must be " + expected + (got == null ? "" : ", got " + got),
                lastField(path), racerOf(path), null);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String describeCurrentToken(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        try {
            JsonToken token = parser.currentToken();
            if (token == null) {
                return null;
            }
            return switch (token) {
                case VALUE_STRING -> "\"" + abbreviate(parser.getText()) + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> abbreviate(parser.getText());
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NULL -> "null";
                case START_ARRAY, END_ARRAY -> "a list";
                case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
                default -> null;
            };
        } catch (java.io.IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Text after the JSON value: "{…} {…}". */
    private static Problem trailing(JsonProcessingException e) {
        return Problem.badRequest("malformed JSON" + at(e) + ": more text after the end of the JSON object", null);
    }

    private static String at(JsonProcessingException e) {
        var location = e.getLocation();
        return location != null && location.getLineNr() > 0
                ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
                : "";
    }

    /** "malformed JSON at line 3, column 7: unexpected character '}'". */
    private static Problem malformed(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        what = what.lines().findFirst().orElse("")
                .replaceAll("\\s*\\(code \\d+\\)", "")
                .replaceAll("\\('(.{1,4}?)'\\)", "'$1'")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll("\\s*\\(for [^)]*\\)", "")
                .replaceAll("\\s*\\(start marker at[^)]*\\)", "")
                .replaceAll("\\s+", " ")
                .strip();
        if (!what.isEmpty()) {
            what = ": " + what.substring(0, 1).toLowerCase(Locale.ROOT) + what.substring(1);
        }
        return Problem.badRequest("malformed JSON" + at(e) + abbreviate(what), null);
    }

    /** "racers[1].params" from Jackson's path. */
    static String where(List<JsonMappingException.Reference> path) {
        StringBuilder s = new StringBuilder();
        for (var ref : path) {
            if (ref.getFieldName() != null) {
                if (!s.isEmpty()) {
                    s.append('.');
                }
                s.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                s.append('[').append(ref.getIndex()).append(']');
            }
        }
        return s.isEmpty() ? "the request body" : s.toString();
    }

    private static String lastField(List<JsonMappingException.Reference> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).getFieldName() != null) {
                return path.get(i).getFieldName();
            }
        }
        return null;
    }

    /** The racer index when the path goes through racers[i]. */
    private static Integer racerOf(List<JsonMappingException.Reference> path) {
        for (int i = 0; i + 1 < path.size(); i++) {
            if ("racers".equals(path.get(i).getFieldName()) && path.get(i + 1).getIndex() >= 0) {
                return path.get(i + 1).getIndex();
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "…";
    }
}
