package dev.losslab.app.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/**
 * One HTTP request as an endpoint sees it: the method, the decoded path, the query parameters, and
 * the body on demand (read at most once, never more than the limit).
 */
record Request(String method, String path, QueryParams query, HttpExchange exchange, Limits limits) {

    /**
     * The body, at most {@link Limits#maxBodyBytes()} bytes.
     *
     * @throws ApiException 413 when the body is larger
     */
    byte[] body() throws IOException {
        int max = limits.maxBodyBytes();
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
