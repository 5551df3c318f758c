package dev.losslab.app.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * Sends bytes no HTTP client library would send (a bad request line, a negative Content-Length, a
 * header without a colon) over a loopback socket, and reads what comes back until the server
 * closes the connection. The answers are {@link HttpResponse}s, so {@link ApiAssertions} checks
 * them as it checks any other.
 */
public final class RawHttp {

    /** How long a test waits for the server to answer and close: it answers in milliseconds. */
    private static final int READ_MILLIS = 10_000;

    private RawHttp() {}

    /**
     * Writes {@code request} to {@code port} on 127.0.0.1 (then half-closes the connection when
     * {@code endInput}) and reads every answer until the server closes the connection.
     *
     * @throws java.net.SocketTimeoutException (unchecked) when the server keeps the connection open
     */
    public static List<Response> exchange(int port, byte[] request, boolean endInput) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            if (endInput) {
                socket.shutdownOutput();
            }
            boolean head = new String(request, 0, Math.min(5, request.length), StandardCharsets.ISO_8859_1).equals("HEAD ");
            return parseAll(readUntilClosed(socket.getInputStream()), head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #exchange} of ASCII text, leaving the connection open for the server to close. */
    public static List<Response> exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /** The one final answer to {@code request}, skipping interim (1xx) ones. */
    public static Response finalAnswer(List<Response> answers) {
        List<Response> finals = answers.stream().filter(r -> r.statusCode() >= 200).toList();
        if (finals.size() != 1) {
            throw new AssertionError("expected one final answer, got " + answers);
        }
        return finals.getFirst();
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 14];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // a reset after the answer: what was read is the answer
            if (bytes.size() == 0) {
                throw reset;
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Splits a connection's bytes into responses: status line, headers, a Content-Length or chunked
     * body (none when they answer HEAD requests).
     */
    public static List<Response> parseAll(byte[] bytes, boolean head) {
        List<Response> responses = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (headEnd < 0) {
                throw new AssertionError("a response without a complete head: "
                        + new String(bytes, at, bytes.length - at, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(bytes, at, headEnd - at, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] status = lines[0].split(" ", 3);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            HttpHeaders httpHeaders = HttpHeaders.of(headers, (name, value) -> true);
            int code = Integer.parseInt(status[1]);
            at = headEnd + 4;
            var body = new ByteArrayOutputStream();
            boolean chunked = httpHeaders.firstValue("Transfer-Encoding").map(v -> v.equalsIgnoreCase("chunked")).orElse(false);
            if (head || code < 200 || code == 204 || code == 304) {
                // no body
            } else if (chunked) {
                while (true) {
                    int lineEnd = indexOf(bytes, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
                    int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).strip(), 16);
                    at = lineEnd + 2;
                    body.write(bytes, at, size);
                    at += size + 2;
                    if (size == 0) {
                        break;
                    }
                }
            } else {
                long length = httpHeaders.firstValueAsLong("Content-Length").orElse(bytes.length - at);
                body.write(bytes, at, (int) length);
                at += (int) length;
            }
            responses.add(new Response(code, httpHeaders, body.toString(StandardCharsets.UTF_8), lines[0]));
        }
        return responses;
    }

    private static int indexOf(byte[] bytes, byte[] what, int from) {
        outer:
        for (int i = from; i <= bytes.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One answer read off the wire, as java.net.http would give it (its headers match names in any case). */
    public record Response(int statusCode, HttpHeaders headers, String body, String statusLine)
            implements HttpResponse<String> {

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request().uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
