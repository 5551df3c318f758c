package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** What every answer of the API promises, checked alike by the tests of each package. */
public final class ApiAssertions {

    private ApiAssertions() {}

    /** The headers every response carries, errors included (docs/API.md, "Static files"). */
    public static void assertSecurityHeaders(HttpResponse<?> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'self'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    /**
     * An error answer: {@code status}, JSON with the security headers, never cached, no stack trace,
     * and {@code message} (a prefix when it ends in ": ", unchecked when null) and {@code field}.
     */
    public static JsonNode assertError(HttpResponse<String> response, int status, String message, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertSecurityHeaders(response);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "dev.losslab");
        JsonNode error = TestServer.json(response);
        if (message != null && message.endsWith(": ")) {
            assertThat(error.get("error").asText()).startsWith(message);
        } else if (message != null) {
            assertThat(error.get("error").asText()).isEqualTo(message);
        }
        if (field == null) {
            assertThat(error.get("field").isNull()).as(response.body()).isTrue();
        } else {
            assertThat(error.get("field").asText()).isEqualTo(field);
        }
        return error;
    }
}
