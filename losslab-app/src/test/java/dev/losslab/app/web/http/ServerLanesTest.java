package dev.losslab.app.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Heavy work does not hold up light work: quick calls never wait for a compute permit, and an answer
 * is written after its permit is released, so a client that never reads holds none. One permit here,
 * so any wait would show.
 */
class ServerLanesTest {

    private static final Limits.Requests ONE_PERMIT = new Limits.Requests(64 * 1024, 16 * 1024, 1, 16, 10_000);

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final CountDownLatch release = new CountDownLatch(1);
    private Http1Server server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private String start(Router router) throws Exception {
        server = Http1Server.start(new InetSocketAddress("127.0.0.1", 0), router, Limits.DEFAULT.connections(),
                ONE_PERMIT.maxBodyBytes(), new PrintStream(log, true, StandardCharsets.UTF_8));
        return "http://127.0.0.1:" + server.address().getPort();
    }

    private Router router() {
        return new Router(new StaticFiles("webtest/", getClass().getClassLoader()), ONE_PERMIT,
                new PrintStream(log, true, StandardCharsets.UTF_8), HostGuard.forAddress(java.net.InetAddress.getLoopbackAddress(), java.util.List.of()))
                .get("/api/quick", Router.Cost.QUICK, request -> Reply.json(JsonViews.object().put("quick", true)))
                .get("/api/small", Router.Cost.COMPUTE, request -> Reply.json(JsonViews.object().put("small", true)));
    }

    @Test
    void aQuickCallIsAnsweredWhileHeavyWorkHoldsEveryPermit() throws Exception {
        CountDownLatch computing = new CountDownLatch(1);
        String base = start(router().get("/api/heavy", Router.Cost.COMPUTE, request -> {
            computing.countDown();
            release.await();
            return Reply.json(JsonViews.object().put("heavy", true));
        }));
        try (HttpClient client = HttpClient.newHttpClient()) {
            var heavy = client.sendAsync(get(base + "/api/heavy"), HttpResponse.BodyHandlers.ofString());
            assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();

            var quick = client.send(get(base + "/api/quick"), HttpResponse.BodyHandlers.ofString());
            assertThat(quick.body()).isEqualTo("{\"quick\":true}");
            assertThat(heavy).as("the heavy call still holds the only permit").isNotDone();

            release.countDown();
            assertThat(heavy.get(10, TimeUnit.SECONDS).body()).isEqualTo("{\"heavy\":true}");
        }
    }

    @Test
    void aClientThatNeverReadsItsAnswerHoldsNoPermit() throws Exception {
        // ~40 MB of answer: far more than the socket buffers take, so its writer blocks until read.
        String base = start(router().get("/api/big", Router.Cost.COMPUTE, request -> new Reply.JsonStream(json -> {
            json.writeStartArray();
            for (int i = 0; i < 4_000_000; i++) {
                json.writeNumber(1234567.5);
            }
            json.writeEndArray();
        })));
        var address = server.address();
        try (Socket neverReads = new Socket(address.getAddress(), address.getPort());
             HttpClient client = HttpClient.newHttpClient()) {
            OutputStream out = neverReads.getOutputStream();
            out.write("GET /api/big HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(500); // its answer is computed and stuck in writing

            var small = client.send(HttpRequest.newBuilder(URI.create(base + "/api/small")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(small.body()).isEqualTo("{\"small\":true}");
        }
    }

    @Test
    void aStoppedRequestIsLoggedInOneShortLineWithoutItsQuery() throws Exception {
        var oneMillisecond = new Limits.Requests(64 * 1024, 16 * 1024, 1, 16, 1);
        var spec = dev.losslab.core.run.RunBuilder.on("rosenbrock").steps(1_000_000).tolerance(0).spec();
        Router router = new Router(new StaticFiles("webtest/", getClass().getClassLoader()), oneMillisecond,
                new PrintStream(log, true, StandardCharsets.UTF_8), HostGuard.forAddress(java.net.InetAddress.getLoopbackAddress(), java.util.List.of()))
                .get("/api/slow", Router.Cost.COMPUTE, request -> {
                    dev.losslab.core.run.Runner.run(spec);
                    return Reply.json(JsonViews.object());
                });
        String base = start(router);
        try (HttpClient client = HttpClient.newHttpClient()) {
            var slow = client.send(get(base + "/api/slow?secret=" + "x".repeat(5000)), HttpResponse.BodyHandlers.ofString());
            assertThat(slow.statusCode()).isEqualTo(503);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).startsWith("losslab serve: 503 on GET /api/slow: this request needed more than 0.001 s")
                .doesNotContain("internal error", "secret").hasLineCount(1);
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).build();
    }
}
