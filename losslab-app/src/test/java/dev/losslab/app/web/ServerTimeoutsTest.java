package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.app.cli.Main;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Clients that send or read too slowly are cut off instead of holding connections for good. The
 * server runs in its own JVM with the JDK server's time limits set to 1 s (to send a request) and
 * 2 s (to take an answer), since those are read once per JVM; the lab's own are 20 s and 120 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerTimeoutsTest {

    private Process server;
    private int port;

    @BeforeAll
    void start() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Dsun.net.httpserver.maxReqTime=1", "-Dsun.net.httpserver.maxRspTime=2",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0"));
        server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Matcher running = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(lines.readLine());
        assertThat(running.find()).isTrue();
        port = Integer.parseInt(running.group(1));
    }

    @AfterAll
    void stop() throws Exception {
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void aClientThatNeverFinishesItsHeadersIsCutOff() throws Exception {
        assertClosedWithin(10, "GET /api/catalog HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    }

    @Test
    void aClientThatNeverFinishesItsBodyIsCutOff() throws Exception {
        assertClosedWithin(10, "POST /api/race HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"surface\": ");
    }

    @Test
    void aClientThatNeverReadsItsAnswerIsCutOff() throws Exception {
        String race = "{\"surface\":\"bowl\",\"steps\":100000,\"tol\":0,\"racers\":[{\"optimizer\":\"gd\"},"
                + "{\"optimizer\":\"adam\"},{\"optimizer\":\"sgd\"}]}";
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write(("POST /api/race HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + race.length() + "\r\n\r\n" + race).getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(6_000); // reads nothing for three times the limit
            client.setSoTimeout(10_000);
            long read = 0;
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read += n;
            }
            // The three runs are ~25 MB of JSON; the server gave up long before sending them all.
            assertThat(read).isLessThan(20_000_000);
        }
    }

    @Test
    void theServerStillAnswersAfterwards() throws Exception {
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            var catalog = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/api/catalog")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(catalog.statusCode()).isEqualTo(200);
        }
    }

    private void assertClosedWithin(int seconds, String partialRequest) throws Exception {
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write(partialRequest.getBytes(StandardCharsets.US_ASCII));
            client.setSoTimeout(seconds * 1000);
            long start = System.nanoTime();
            InputStream in = client.getInputStream();
            while (in.read() >= 0) {
                // an error answer may come first; the connection must still end
            }
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(seconds);
        }
    }
}
