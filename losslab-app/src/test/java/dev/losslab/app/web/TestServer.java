package dev.losslab.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.output.JsonViews;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A real server on an ephemeral loopback port, in-process, with the test page
 * ({@code src/test/resources/webtest/}) as its static root, and a client that talks to it over HTTP.
 */
final class TestServer implements AutoCloseable {

    final WebServer server;
    final HttpClient client = HttpClient.newHttpClient();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private TestServer(Limits limits, JobLimits jobLimits) {
        try {
            server = WebServer.start("127.0.0.1", 0, limits, jobLimits,
                    new StaticFiles("webtest/", TestServer.class.getClassLoader()),
                    new PrintStream(log, true, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestServer start() {
        return new TestServer(Limits.DEFAULT, JobLimits.DEFAULT);
    }

    static TestServer start(Limits limits) {
        return new TestServer(limits, JobLimits.DEFAULT);
    }

    static TestServer start(JobLimits jobLimits) {
        return new TestServer(Limits.DEFAULT, jobLimits);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> delete(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).DELETE().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the server wrote to its log (internal errors only). */
    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<String> response) {
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
