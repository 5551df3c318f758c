package dev.losslab.app.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.app.Limits;
import dev.losslab.app.web.ApiAssertions;
import dev.losslab.app.web.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A bug inside an endpoint is a 500 with a plain message; the server logs it and keeps serving. */
class ServerResilienceTest {

    @Test
    void aBugIsA500WithoutAStackTraceAndTheServerStaysUp() throws Exception {
        var log = new ByteArrayOutputStream();
        Router router = new Router(new StaticFiles("webtest/", getClass().getClassLoader()), Limits.DEFAULT.requests(),
                new PrintStream(log, true, StandardCharsets.UTF_8), HostGuard.forAddress(java.net.InetAddress.getLoopbackAddress(), java.util.List.of()))
                .get("/api/bug", Router.Cost.COMPUTE, request -> {
                    throw new IllegalStateException("secret internal detail");
                })
                .get("/api/overflow", Router.Cost.COMPUTE, request -> {
                    throw new StackOverflowError();
                })
                .get("/api/ok", Router.Cost.COMPUTE, request -> Reply.json(dev.losslab.app.output.JsonViews.object().put("ok", true)));
        try (Http1Server server = serve(router);
             HttpClient client = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.address().getPort();
            for (String path : List.of("/api/bug", "/api/overflow")) {
                var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(500);
                assertThat(response.body()).isEqualTo("{\"error\":\"" + ErrorMapping.INTERNAL_ERROR + "\",\"field\":null}");
                ApiAssertions.assertSecurityHeaders(response);
                var ok = client.send(HttpRequest.newBuilder(URI.create(base + "/api/ok")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(ok.body()).isEqualTo("{\"ok\":true}");
            }
            assertThat(log.toString(StandardCharsets.UTF_8))
                    .contains("internal error on GET /api/bug: java.lang.IllegalStateException: secret internal detail")
                    .contains("internal error on GET /api/overflow: java.lang.StackOverflowError");
        }
    }

    @Test
    void aRequestThatComputesTooLongIsStoppedWithA503() throws Exception {
        var oneMillisecond = new Limits.Requests(64 * 1024, 16 * 1024, 2, 16, 1);
        var spec = dev.losslab.core.run.RunBuilder.on("rosenbrock").steps(1_000_000).tolerance(0).spec();
        Router router = new Router(new StaticFiles("webtest/", getClass().getClassLoader()), oneMillisecond,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), HostGuard.forAddress(java.net.InetAddress.getLoopbackAddress(), java.util.List.of()))
                .get("/api/slow", Router.Cost.COMPUTE, request -> {
                    dev.losslab.core.run.Runner.run(spec); // a million recorded steps: far more than 1 ms
                    return Reply.json(dev.losslab.app.output.JsonViews.object().put("finished", true));
                })
                .get("/api/ok", Router.Cost.COMPUTE, request -> Reply.json(dev.losslab.app.output.JsonViews.object().put("ok", true)));
        try (Http1Server server = serve(router);
             HttpClient client = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + server.address().getPort();
            var slow = client.send(HttpRequest.newBuilder(URI.create(base + "/api/slow")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(slow.statusCode()).isEqualTo(503);
            assertThat(slow.body()).contains("needed more than 0.001 s of computing and was stopped");
            var ok = client.send(HttpRequest.newBuilder(URI.create(base + "/api/ok")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.body()).isEqualTo("{\"ok\":true}");
        }
    }

    private static Http1Server serve(Router router) throws java.io.IOException {
        return Http1Server.start(new InetSocketAddress("127.0.0.1", 0), router, Limits.DEFAULT.connections(),
                Limits.DEFAULT.requests().maxBodyBytes(), System.err);
    }

    @Test
    void manyConcurrentRacesAllGetTheirAnswer() throws Exception {
        try (TestServer lab = TestServer.start()) {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int k = 0; k < 24; k++) {
                String body = "{\"surface\": \"himmelblau\", \"steps\": 2000, \"tol\": 0, \"racers\": [{\"optimizer\": \"sgd\", "
                        + "\"params\": {\"seed\": " + k + "}}]}";
                answers.add(lab.client.sendAsync(HttpRequest.newBuilder(lab.uri("/api/race"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (int k = 0; k < answers.size(); k++) {
                var response = answers.get(k).get();
                assertThat(response.statusCode()).isEqualTo(200);
                var run = TestServer.json(response).get("runs").get(0);
                assertThat(run.get("spec").get("seed").asLong()).isEqualTo(k);
                assertThat(run.get("points")).hasSize(2001);
            }
        }
    }
}
