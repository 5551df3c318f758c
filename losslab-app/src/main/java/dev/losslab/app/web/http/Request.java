package dev.losslab.app.web.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/**
 * One API request as an endpoint sees it: the method, the decoded path, the query parameters and
 * the body (already read, at most {@link dev.losslab.app.Limits.Requests#maxBodyBytes()}; empty but for POST).
 */
public record Request(String method, String path, QueryParams query, byte[] body) {

    /**
     * Reads a request body of at most {@code max} bytes.
     *
     * @throws ApiException 413 when the body is larger (by its Content-Length, or by counting)
     */
    static byte[] readBody(HttpExchange exchange, int max) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > max) {
                    throw ApiException.bodyTooLarge(max);
                }
            } catch (NumberFormatException ignored) {
                // The server itself rejects a malformed Content-Length; read and count instead.
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw ApiException.bodyTooLarge(max);
            }
            return body;
        }
    }
}
