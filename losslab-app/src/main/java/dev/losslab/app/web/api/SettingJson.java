package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.web.http.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * A racer's hyper-parameter or schedule setting as a JSON body gives it, turned into the plain value
 * {@code Param.accept} reads (a number, true/false, a name, or a list of those), the one reading that
 * the lab's races and the models page's training races share.
 */
final class SettingJson {

    private SettingJson() {}

    /**
     * @param racer the racer's index in {@code racers}, for the error
     * @param where the object the setting is in, such as {@code racers[0].params}
     * @param name  the setting's name
     */
    static Object plain(int racer, String where, String name, JsonNode value) {
        if (value != null && value.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull()) {
                    throw ApiException.badRacer(racer, name, where + "." + name + " must list numbers, got "
                            + describe(value));
                }
                items.add(plain(racer, where, name, item));
            }
            return items;
        }
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw ApiException.badRacer(racer, name, where + "." + name + " must be a number, true/false, a name "
                    + "or a list of numbers, got " + describe(value));
        }
        return value.isNumber() ? (Object) value.doubleValue() : value.isBoolean() ? (Object) value.booleanValue()
                : value.asText();
    }

    /** A value for an error message, cut to 60 characters. */
    static String describe(JsonNode value) {
        String text = value == null ? "null" : value.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }
}
