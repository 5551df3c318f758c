package dev.losslab.app.web.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.losslab.app.Limits;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends each request to its endpoint and writes the reply; the one place that turns replies and
 * errors into HTTP answers (requests too malformed to route are refused by {@link Http1Server}, and
 * answered here too, by {@link #answer}). API paths
 * are matched exactly ({@code /api/race}) or, for a resource by id, by prefix ({@code /api/jobs/ID});
 * everything else is a static file or a 404. Whatever
 * happens inside, the client gets a JSON answer with the shared headers and the server keeps
 * serving: bad input is a 4xx, a bug is a 500 whose details go to stderr only.
 */
public final class Router implements HttpHandler {

    /**
     * What answering a route costs, which decides whether it waits for one of the compute threads.
     * Quick answers never wait behind heavy work, so the page's catalog and readouts stay instant
     * while maps and races queue (issue: two clients looping 200² maps made the catalog wait seconds).
     */
    public enum Cost {
        /** Bounded small work (a cached document, one point's analysis): answered at once. */
        QUICK,
        /** Work that grows with the request (races, grids, maps): at most maxConcurrentWork at once. */
        COMPUTE
    }

    private record Route(Endpoint endpoint, Cost cost) {}

    private final Map<String, Map<String, Route>> api = new LinkedHashMap<>();
    /** Paths under a prefix ({@code /api/jobs/} + an id): the endpoint reads the rest of the path. */
    private final Map<String, Map<String, Route>> apiUnder = new LinkedHashMap<>();
    private final StaticFiles staticFiles;
    private final Limits.Requests limits;
    private final FairCompute compute;
    private final PrintStream log;
    private final HostGuard hosts;

    /** @param hosts the names requests may address the lab by */
    public Router(StaticFiles staticFiles, Limits.Requests limits, PrintStream log, HostGuard hosts) {
        this.hosts = hosts;
        this.staticFiles = staticFiles;
        this.limits = limits;
        this.compute = new FairCompute(limits.maxConcurrentWork(), limits.maxWaitingPerClient());
        this.log = log;
    }

    public Router get(String path, Cost cost, Endpoint endpoint) {
        return route("GET", path, new Route(endpoint, cost));
    }

    public Router post(String path, Cost cost, Endpoint endpoint) {
        return route("POST", path, new Route(endpoint, cost));
    }

    /**
     * Routes {@code method} on every path that starts with {@code prefix} (ending in '/') and has
     * more after it, e.g. {@code /api/jobs/} for {@code /api/jobs/ID}.
     */
    public Router under(String method, String prefix, Cost cost, Endpoint endpoint) {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("a route prefix ends with '/': " + prefix);
        }
        apiUnder.computeIfAbsent(prefix, p -> new LinkedHashMap<>()).put(method, new Route(endpoint, cost));
        return this;
    }

    private Router route(String method, String path, Route route) {
        api.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, route);
        return this;
    }

    /** The endpoints by method of the prefix route that {@code path} is under, or null. */
    private Map<String, Route> under(String path) {
        for (var route : apiUnder.entrySet()) {
            if (path.startsWith(route.getKey()) && path.length() > route.getKey().length()) {
                return route.getValue();
            }
        }
        return null;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            Reply reply;
            try {
                reply = switch (route(exchange)) {
                    case Routed.Api(Route(Endpoint endpoint, Cost cost), Request request) when cost == Cost.COMPUTE ->
                            computeGated(endpoint, request, exchange.getRemoteAddress().getAddress().getHostAddress());
                    case Routed.Api(Route(Endpoint endpoint, Cost cost), Request request) ->
                            computeWithin(limits.maxComputeMillis(), endpoint, request);
                    case Routed.Static(String method, String path) -> staticFiles.serve(method, path);
                };
            } catch (Throwable thrown) {
                answer(exchange, ErrorMapping.report(thrown, log,
                        "on " + exchange.getRequestMethod() + " " + brief(exchange.getRequestURI().getRawPath())));
                return;
            }
            send(exchange, reply);
        } catch (Throwable broken) {
            // The client went away mid-answer, or the reply could not be written: nothing left to tell it.
            log.println("losslab serve: could not answer " + exchange.getRequestMethod() + " "
                    + brief(exchange.getRequestURI().getRawPath()) + ": " + broken);
        }
    }

    /**
     * Computes the answer on one of the compute threads, taking turns with other clients, and waits
     * for it. The body was read before and the answer is written after, on the request's own thread:
     * a client that sends or reads slowly holds no compute thread (two clients that never read their
     * races froze every computing call), and the server's time limits close such connections.
     */
    private Reply computeGated(Endpoint endpoint, Request request, String client) throws Exception {
        return compute.call(client, () -> computeWithin(limits.maxComputeMillis(), endpoint, request));
    }

    /** Interrupts compute threads that compute too long; runs and searches check the flag. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "losslab-request-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Answers the request, interrupting this thread if it computes longer than {@code millis}: the
     * core's runs and critical-point search then stop with a {@link CancellationException}, which
     * becomes a 503 naming the limit.
     */
    private static Reply computeWithin(long millis, Endpoint endpoint, Request request) throws Exception {
        Thread self = Thread.currentThread();
        // The lock makes "interrupt" and "done" exclusive: once the answer is computed no late alarm
        // can interrupt this thread while it writes (an interrupted virtual thread loses its socket).
        var done = new boolean[1];
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            synchronized (done) {
                if (!done[0]) {
                    self.interrupt();
                }
            }
        }, millis, TimeUnit.MILLISECONDS);
        try {
            return endpoint.handle(request);
        } catch (CancellationException timedOut) {
            throw ApiException.tooLong(millis);
        } finally {
            synchronized (done) {
                done[0] = true;
            }
            alarm.cancel(false);
            Thread.interrupted(); // clear a flag the alarm set, so the answer can be written
        }
    }

    /** Where a request goes: an API endpoint with its parsed request, or the static files. */
    private sealed interface Routed {
        record Api(Route route, Request request) implements Routed {}

        record Static(String method, String path) implements Routed {}
    }

    private Routed route(HttpExchange exchange) throws IOException {
        hosts.require(exchange.getRequestHeaders().getFirst("Host"));
        URI uri = exchange.getRequestURI();
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null && rawQuery.length() > limits.maxQueryLength()) {
            throw ApiException.queryTooLong(rawQuery.length(), limits.maxQueryLength());
        }
        String path = StaticFiles.decodePath(uri.getRawPath());
        String method = exchange.getRequestMethod();
        Map<String, Route> byMethod = api.get(path);
        if (byMethod == null) {
            byMethod = under(path);
        }
        if (byMethod == null) {
            if (path.startsWith("/api/") || path.equals("/api")) {
                throw ApiException.notFound("no API endpoint " + path + "; see docs/API.md");
            }
            return new Routed.Static(method, path);
        }
        Route endpoint = byMethod.get(method.equals("HEAD") ? "GET" : method);
        if (endpoint == null) {
            throw ApiException.methodNotAllowed(method, path, String.join(", ", byMethod.keySet()));
        }
        QueryParams query = QueryParams.parse(rawQuery);
        if (method.equals("POST")) {
            requireJson(exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        byte[] body = method.equals("POST") ? Request.readBody(exchange) : new byte[0];
        return new Routed.Api(endpoint, new Request(method, path, query, body));
    }

    /**
     * POST bodies must be declared JSON: a form on another site can send a "simple" cross-origin
     * POST, but not one of type application/json without the browser asking us first (CORS).
     */
    static void requireJson(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!type.equals("application/json")) {
            throw ApiException.unsupportedMediaType("send the body as Content-Type: application/json, got '"
                    + (contentType == null ? "none" : contentType) + "'");
        }
    }

    /**
     * Answers {@code problem} as every error is answered: its status, the JSON of docs/API.md
     * ({@code {"error": …, "field": …}}), never cached, with the shared headers (and Allow for a 405).
     */
    static void answer(HttpExchange exchange, ErrorMapping.Problem problem) throws IOException {
        if (problem.allow() != null) {
            exchange.getResponseHeaders().set("Allow", problem.allow());
        }
        send(exchange, new Reply.Json(problem.status(), problem.toJson()));
    }

    /** A path for a log line: without its query, and cut short (a log line is not a copy of the request). */
    private static String brief(String path) {
        return path == null ? "" : path.length() <= 120 ? path : path.substring(0, 119) + "…";
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        var headers = exchange.getResponseHeaders();
        URI uri = exchange.getRequestURI(); // null for a request refused before its target was read
        SecurityHeaders.apply(headers, uri == null ? null : uri.getRawPath());
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
                Compression.vary(headers);
                boolean gzip = Compression.accepted(exchange.getRequestHeaders());
                if (gzip) {
                    Compression.mark(headers);
                }
                if (head) {
                    exchange.sendResponseHeaders(200, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, 0);
                OutputStream body = exchange.getResponseBody();
                try (OutputStream out = gzip ? Compression.gzipping(body) : body;
                     JsonGenerator json = ApiJson.generator(out)) {
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
        if (Compression.compressible(contentType)) {
            Compression.vary(headers);
            if (body.length >= Compression.MIN_BYTES && Compression.accepted(exchange.getRequestHeaders())) {
                body = Compression.gzip(body);
                Compression.mark(headers);
            }
        }
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
