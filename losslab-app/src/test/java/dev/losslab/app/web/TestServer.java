package dev.losslab.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.api.LandscapeEndpoint;
import dev.losslab.app.web.http.StaticFiles;
import dev.losslab.app.web.jobs.Jobs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on an ephemeral loopback port, in-process, with the test page
 * ({@code src/test/resources/webtest/}) as its static root, and a client that talks to it over HTTP.
 * A test class holds one as {@code @RegisterExtension static final TestServer lab = TestServer.start();}
 * and it is closed after the class's tests.
 */
public final class TestServer implements AutoCloseable, AfterAllCallback {

    private final WebServer server;
    public final HttpClient client = HttpClient.newHttpClient();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private TestServer(Limits limits) {
        try {
            server = WebServer.start("127.0.0.1", 0, java.util.List.of(), limits,
                    new StaticFiles("webtest/", TestServer.class.getClassLoader()),
                    new PrintStream(log, true, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestServer start() {
        return new TestServer(Limits.DEFAULT);
    }

    /** A server that stops each request after {@code millis} of computing, otherwise as by default. */
    public static TestServer withComputeMillis(long millis) {
        Limits d = Limits.DEFAULT;
        Limits.Requests r = d.requests();
        var requests = new Limits.Requests(r.maxBodyBytes(), r.maxQueryLength(), r.maxConcurrentWork(), r.maxWaitingPerClient(), millis);
        return new TestServer(new Limits(requests, d.connections(), d.race(), d.landscape(), d.basins(), d.sweep(), d.sgdStats(),
                d.tuning(), d.jobs(), d.training()));
    }

    /** A server with {@code connections}' head size and time-outs, otherwise as by default. */
    public static TestServer withConnections(Limits.Connections connections) {
        Limits d = Limits.DEFAULT;
        return new TestServer(new Limits(d.requests(), connections, d.race(), d.landscape(), d.basins(), d.sweep(), d.sgdStats(),
                d.tuning(), d.jobs(), d.training()));
    }

    /** The port the server listens on, for tests that talk to it over a raw socket. */
    public int port() {
        return server.port();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    public HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> delete(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).DELETE().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many connections are open, served or waiting for a request. */
    public int openConnections() {
        return server.server.openCount();
    }

    /** How many connections a thread is serving now. */
    public int servingConnections() {
        return server.server.servingCount();
    }

    /** The server's background jobs, to check that none is left running. */
    public Jobs jobs() {
        return server.jobs;
    }

    /** The server's landscape endpoint, to look at its cache. */
    public LandscapeEndpoint landscapes() {
        return server.landscapes;
    }

    /** What the server wrote to its log (internal errors only). */
    public String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JsonViews.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}
