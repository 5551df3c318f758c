package dev.losslab.app.web.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Jackson as the API uses it: strict on the way in (unknown fields, duplicate keys, trailing text,
 * strings where numbers belong and fractions where whole numbers belong are all errors), compact on
 * the way out (the trees come from {@link JsonViews}, shared with the CLI).
 */
public final class ApiJson {

    /** Most digits a JSON number may have: far more than a double needs, far fewer than a body can hold. */
    static final int MAX_NUMBER_DIGITS = 1000;

    /** Longest key: every key the API takes is a short word. */
    static final int MAX_KEY_LENGTH = 1000;

    public static final ObjectMapper READER = strictReader();

    /** JsonViews' mapper without its indentation: the page reads the answers, people rarely do. */
    static final ObjectMapper COMPACT = compactWriter();

    public static final ObjectWriter WRITER = COMPACT.writer();

    private ApiJson() {}

    private static ObjectMapper strictReader() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Limits.MAX_JSON_NESTING)
                .maxNumberLength(MAX_NUMBER_DIGITS).maxNameLength(MAX_KEY_LENGTH).build());
        // "surface": 5 is a mistake, not the surface called "5".
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    private static ObjectMapper compactWriter() {
        ObjectMapper mapper = JsonViews.MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);
        // Same shortest round-trip digits as Double.toString, several times faster: a race is mostly doubles.
        mapper.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
        return mapper;
    }

    /** A compact generator over {@code out}, able to write {@link JsonViews} trees. */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return COMPACT.createGenerator(out);
    }
}
