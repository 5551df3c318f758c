package dev.losslab.app.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Sends each request to its endpoint and writes the reply; the one place that talks HTTP. API paths
 * are matched exactly ({@code /api/race}); everything else is a static file or a 404. Whatever
 * happens inside, the client gets a JSON answer with the shared headers and the server keeps
 * serving: bad input is a 4xx, a bug is a 500 whose details go to stderr only.
 */
final class Router implements HttpHandler {

    private final Map<String, Map<String, Endpoint>> api = new LinkedHashMap<>();
    private final StaticFiles staticFiles;
    private final Limits limits;
    private final Semaphore work;
    private final PrintStream log;

    Router(StaticFiles staticFiles, Limits limits, PrintStream log) {
        this.staticFiles = staticFiles;
        this.limits = limits;
        this.work = new Semaphore(limits.maxConcurrentWork(), true);
        this.log = log;
    }

    Router get(String path, Endpoint endpoint) {
        return route("GET", path, endpoint);
    }

    Router post(String path, Endpoint endpoint) {
        return route("POST", path, endpoint);
    }

    private Router route(String method, String path, Endpoint endpoint) {
        api.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, endpoint);
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            Reply reply;
            try {
                reply = answer(exchange);
            } catch (Throwable thrown) {
                reply = failure(exchange, thrown);
            }
            send(exchange, reply);
        } catch (Throwable broken) {
            // The client went away mid-answer, or the reply could not be written: nothing left to tell it.
            log.println("losslab serve: could not answer " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + ": " + broken);
        }
    }

    private Reply answer(HttpExchange exchange) throws Exception {
        URI uri = exchange.getRequestURI();
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null && rawQuery.length() > limits.maxQueryLength()) {
            throw ApiException.queryTooLong(rawQuery.length(), limits.maxQueryLength());
        }
        String path = StaticFiles.decodePath(uri.getRawPath());
        String method = exchange.getRequestMethod();
        Map<String, Endpoint> byMethod = api.get(path);
        if (byMethod == null) {
            if (path.startsWith("/api/") || path.equals("/api")) {
                throw ApiException.notFound("no API endpoint " + path + "; see docs/API.md");
            }
            return staticFiles.serve(method, path);
        }
        Endpoint endpoint = byMethod.get(method.equals("HEAD") ? "GET" : method);
        if (endpoint == null) {
            throw ApiException.methodNotAllowed(method, path, String.join(", ", byMethod.keySet()));
        }
        Request request = new Request(method, path, QueryParams.parse(rawQuery), exchange, limits);
        work.acquire();
        try {
            return endpoint.handle(request);
        } finally {
            work.release();
        }
    }

    private Reply failure(HttpExchange exchange, Throwable thrown) {
        ErrorMapping.Problem problem = ErrorMapping.of(thrown);
        if (problem.status() >= 500) {
            log.println("losslab serve: internal error on " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI() + ": " + thrown);
            if (System.getenv("LOSSLAB_DEBUG") != null) {
                thrown.printStackTrace(log);
            }
        }
        if (problem.allow() != null) {
            exchange.getResponseHeaders().set("Allow", problem.allow());
        }
        return new Reply.Json(problem.status(), problem.toJson());
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        var headers = exchange.getResponseHeaders();
        SecurityHeaders.apply(headers);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        switch (reply) {
            case Reply.Json(int status, var body) -> {
                byte[] bytes = ApiJson.WRITER.writeValueAsBytes(body);
                sendBytes(exchange, status, Reply.JSON, Reply.NO_STORE, bytes, head);
            }
            case Reply.Bytes(int status, String contentType, byte[] body, String cacheControl) ->
                    sendBytes(exchange, status, contentType, cacheControl, body, head);
            case Reply.JsonStream(Reply.JsonWriter writer) -> {
                headers.set("Content-Type", Reply.JSON);
                headers.set("Cache-Control", Reply.NO_STORE);
                if (head) {
                    exchange.sendResponseHeaders(200, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody(); JsonGenerator json = ApiJson.generator(out)) {
                    writer.write(json);
                }
            }
        }
    }

    private static void sendBytes(HttpExchange exchange, int status, String contentType, String cacheControl,
                                  byte[] body, boolean head) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("Cache-Control", cacheControl);
        if (head) {
            headers.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
