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
     * The request's body. The server read it whole before routing, and refused it (413) when larger
     * than {@link dev.losslab.app.Limits.Requests#maxBodyBytes()}: see {@link RequestBody}.
     */
    static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }
}
