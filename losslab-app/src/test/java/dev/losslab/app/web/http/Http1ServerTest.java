package dev.losslab.app.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.losslab.app.web.ApiAssertions;
import dev.losslab.app.web.RawHttp;
import dev.losslab.app.web.TestServer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Well-formed HTTP/1.1 that clients other than browsers send, over a raw socket: several requests
 * on one connection (in turn, or pipelined in one write), chunked bodies, 100-continue, HTTP/1.0,
 * HEAD, and a target in absolute form, whose host the Host guard checks. Each step factor
 * 1 − lr·h (h 4) tells the answers apart.
 */
class Http1ServerTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    private static final String HOST = "Host: 127.0.0.1\r\n";

    private static String factor(String lr, String extraHeaders) {
        return "GET /api/step-factor?h=4&lr=" + lr + " HTTP/1.1\r\n" + HOST + extraHeaders + "\r\n";
    }

    private static double factorOf(RawHttp.Response answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return TestServer.json(answer).get("factor").asDouble();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() {
        var answers = RawHttp.exchange(lab.port(), factor("0.1", "") + factor("0.25", "") + factor("0.125", "Connection: close\r\n"));
        assertThat(answers).hasSize(3);
        assertThat(answers.stream().map(Http1ServerTest::factorOf).toList()).containsExactly(0.6, 0.0, 0.5);
        assertThat(answers.get(0).headers().firstValue("Connection")).isEmpty();
        assertThat(answers.get(2).headers().firstValue("Connection")).hasValue("close");
    }

    /** Between the two requests the connection waits in the selector, and is served again when the second comes. */
    @Test
    void aKeptAliveConnectionServesTheNextRequest() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", lab.port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(factor("0.1", "").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write(factor("0.25", "Connection: close\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var answers = RawHttp.parseAll(socket.getInputStream().readAllBytes(), false);
            assertThat(answers.stream().map(Http1ServerTest::factorOf).toList()).containsExactly(0.6, 0.0);
        }
    }

    @Test
    void anErrorAnswerKeepsTheConnection() {
        var answers = RawHttp.exchange(lab.port(), "GET /nope HTTP/1.1\r\n" + HOST + "\r\n" + factor("0.1", "Connection: close\r\n"));
        ApiAssertions.assertError(answers.get(0), 404, "no such page: /nope", null);
        assertThat(factorOf(answers.get(1))).isEqualTo(0.6);
    }

    /** RFC 9112 §2.2: an empty line before a request line is ignored (some clients send CRLF after a body). */
    @Test
    void anEmptyLineBeforeTheRequestIsIgnored() {
        assertThat(factorOf(RawHttp.finalAnswer(RawHttp.exchange(lab.port(), "\r\n" + factor("0.1", "Connection: close\r\n")))))
                .isEqualTo(0.6);
    }

    @Test
    void aChunkedBodyWithExtensionsAndTrailersIsRead() {
        String race = "{\"surface\": \"bowl\", \"steps\": 3, \"racers\": [{\"optimizer\": \"gd\"}]}";
        String chunked = Integer.toHexString(10) + ";note=\"first\"\r\n" + race.substring(0, 10) + "\r\n"
                + Integer.toHexString(race.length() - 10) + "\r\n" + race.substring(10) + "\r\n"
                + "0\r\nX-Trailer: ignored\r\n\r\n";
        var answer = RawHttp.finalAnswer(RawHttp.exchange(lab.port(), "POST /api/race HTTP/1.1\r\n" + HOST
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Transfer-Encoding")).hasValue("chunked"); // a race is streamed
        assertThat(TestServer.json(answer).get("runs").get(0).get("points")).hasSize(4);
    }

    @Test
    void aClientExpectingContinueGetsItBeforeItsAnswer() {
        String race = "{\"surface\": \"bowl\", \"steps\": 3, \"racers\": [{\"optimizer\": \"gd\"}]}";
        var answers = RawHttp.exchange(lab.port(), "POST /api/race HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                + "Expect: 100-continue\r\nContent-Length: " + race.length() + "\r\nConnection: close\r\n\r\n" + race);
        assertThat(answers.get(0).statusLine()).isEqualTo("HTTP/1.1 100 Continue");
        assertThat(answers.get(1).statusCode()).isEqualTo(200);
    }

    /** Too large a body is refused before the client sends it, without a 100 Continue. */
    @Test
    void aClientExpectingContinueWithTooLargeABodyIsRefusedAtOnce() {
        var answers = RawHttp.exchange(lab.port(), "POST /api/race HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                + "Expect: 100-continue\r\nContent-Length: 1000000\r\n\r\n");
        assertThat(answers).hasSize(1);
        ApiAssertions.assertError(answers.getFirst(), 413, "the request body is larger than 65536 bytes", null);
    }

    @Test
    void anHttp10RequestIsAnsweredAndTheConnectionClosed() {
        var answer = RawHttp.finalAnswer(RawHttp.exchange(lab.port(), "GET /api/step-factor?h=4&lr=0.1 HTTP/1.0\r\n" + HOST + "\r\n"));
        assertThat(factorOf(answer)).isEqualTo(0.6);
        assertThat(answer.headers().firstValue("Connection")).hasValue("close");
    }

    @Test
    void aHeadAnswerHasTheLengthOfTheGetOneAndNoBody() throws Exception {
        byte[] get = lab.client.send(java.net.http.HttpRequest.newBuilder(lab.uri("/api/catalog")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        try (Socket socket = new Socket("127.0.0.1", lab.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("HEAD /api/catalog HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-length: " + get.length + "\r\n").endsWith("\r\n\r\n");
        }
    }

    /** RFC 9112 §3.2.2: an absolute target's host replaces the Host header, and is what the Host guard checks. */
    @Test
    void anAbsoluteTargetIsServedAndItsHostGuarded() {
        var ours = RawHttp.finalAnswer(RawHttp.exchange(lab.port(),
                "GET http://127.0.0.1/api/step-factor?h=4&lr=0.1 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"));
        assertThat(factorOf(ours)).isEqualTo(0.6);
        var theirs = RawHttp.finalAnswer(RawHttp.exchange(lab.port(),
                "GET http://evil.example/api/step-factor?h=4&lr=0.1 HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n"));
        ApiAssertions.assertError(theirs, 403,
                "this lab only answers requests addressed to localhost or 127.0.0.1, not 'evil.example'", null);
    }

    /** A large streamed answer arrives whole, in chunks of bounded size. */
    @Test
    void aStreamedAnswerIsChunked() throws Exception {
        String race = "{\"surface\": \"bowl\", \"steps\": 20000, \"tol\": 0, \"racers\": [{\"optimizer\": \"gd\"}, {\"optimizer\": \"adam\"}]}";
        try (Socket socket = new Socket("127.0.0.1", lab.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/race HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                    + "Content-Length: " + race.length() + "\r\nConnection: close\r\n\r\n" + race).getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = socket.getInputStream().readAllBytes();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            // Chunks of at most 16 KiB (one buffer), smaller where the writer flushed.
            var sizes = java.util.regex.Pattern.compile("\r\n([0-9a-f]+)\r\n").matcher(text).results()
                    .map(m -> Integer.parseInt(m.group(1), 16)).toList();
            assertThat(text).contains("Transfer-encoding: chunked\r\n");
            assertThat(sizes).contains(0x4000).allMatch(size -> size <= 0x4000);
            List<RawHttp.Response> answers = RawHttp.parseAll(bytes, false);
            JsonNode runs = TestServer.json(answers.getFirst()).get("runs");
            assertThat(runs.get(0).get("points")).hasSize(20001);
            assertThat(runs.get(1).get("points")).hasSize(20001);
        }
    }

    @Test
    void aClientThatClosesMidRequestLeavesNothingBehind() throws Exception {
        int before = lab.openConnections(); // the test client's kept-alive ones
        for (int i = 0; i < 20; i++) {
            try (Socket socket = new Socket("127.0.0.1", lab.port())) {
                socket.getOutputStream().write("GET /api/cat".getBytes(StandardCharsets.US_ASCII));
            }
        }
        long end = System.nanoTime() + 5_000_000_000L;
        while (lab.openConnections() > before && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(lab.openConnections()).isLessThanOrEqualTo(before);
        assertThat(lab.log()).isEmpty();
    }
}
