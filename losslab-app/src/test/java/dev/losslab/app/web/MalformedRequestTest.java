package dev.losslab.app.web;

import static dev.losslab.app.web.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests broken below the API, in their framing (issue 15, item 4): each is answered as every other
 * error is, a JSON message naming what was wrong with the status that fits and the security headers,
 * and then the connection is closed (a request whose head cannot be trusted leaves no trustworthy
 * place where the next one starts). Nothing here is logged: a broken request is not a bug of ours.
 * Sent over a raw socket, since no HTTP client library sends such bytes.
 */
class MalformedRequestTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    private static final String HOST = "Host: 127.0.0.1\r\n";
    private static final String POST_JSON = "POST /api/race HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n";
    private static final String TARGET_ENCODED = ", which must be %-encoded";

    static Stream<Arguments> malformed() {
        return Stream.of(
                // The request line (RFC 9112 §3) and its target (§3.2, RFC 3986)
                bad("a request line of one word", "GARBAGE\r\n" + HOST + "\r\n", 400,
                        "the request line must be 'METHOD TARGET HTTP/1.1', three parts one space apart (a space in "
                                + "the target is written %20); got 'GARBAGE'"),
                bad("a request line without a version", "GET /\r\n" + HOST + "\r\n", 400,
                        "the request line must be 'METHOD TARGET HTTP/1.1', three parts one space apart (a space in "
                                + "the target is written %20); got 'GET /'"),
                bad("a space in the target", "GET /a b HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "the request line must be 'METHOD TARGET HTTP/1.1', three parts one space apart (a space in "
                                + "the target is written %20); got 'GET /a b HTTP/1.1'"),
                bad("a method that is not a token", "G(T / HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "the method 'G(T' has '(', which a method name may not contain"),
                bad("an HTTP version of another major", "GET / HTTP/2.0\r\n" + HOST + "\r\n", 505,
                        "HTTP/2.0 is not supported; this server speaks HTTP/1.1 and HTTP/1.0"),
                bad("an HTTP version of another minor", "GET / HTTP/1.9\r\n" + HOST + "\r\n", 505,
                        "HTTP/1.9 is not supported; this server speaks HTTP/1.1 and HTTP/1.0"),
                bad("a version that is not HTTP's", "GET / http/1.1\r\n" + HOST + "\r\n", 400,
                        "'http/1.1' is not an HTTP version; send HTTP/1.1"),
                bad("bad %-encoding in the path", "GET /%zz HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "the request target has '%zz' at character 2: a '%' must be followed by two hex digits"),
                bad("bad %-encoding in the query", "GET /api/surface?surface=%4 HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "the request target has '%4' at character 22: a '%' must be followed by two hex digits"),
                bad("a character that must be %-encoded", "GET /api/surface?a|b HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "the request target has '|' at character 15" + TARGET_ENCODED),
                bad("a fragment", "GET /#top HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "the request target has '#' at character 2" + TARGET_ENCODED),
                bad("a raw UTF-8 byte", "GET /\u00c3\u00a9 HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "the request target has byte 0xC3 at character 2" + TARGET_ENCODED),
                bad("a NUL byte", "GET /\u0000 HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "the request target has byte 0x00 at character 2" + TARGET_ENCODED),
                bad("an authority-form target", "CONNECT 127.0.0.1:80 HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "the request target must be a path starting with '/' or an absolute http:// URL; got '127.0.0.1:80'"),
                bad("an https target", "GET https://127.0.0.1/ HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "the request target must be a path starting with '/' or an absolute http:// URL; got 'https://127.0.0.1/'"),
                bad("a path starting with //", "GET //evil.example/x HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "the request target may not start with '//'"),
                bad("a request line longer than a head may be", "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\n" + HOST + "\r\n",
                        414, "the request line is longer than the 65536 bytes a request head may have"),

                // Lines (RFC 9112 §2.2) and header fields (§5)
                bad("a bare LF", "GET / HTTP/1.1\n" + HOST + "\r\n", 400,
                        "a line of the request head ends in LF without CR; HTTP/1.1 lines end in CRLF"),
                bad("a bare CR", "GET / HTTP/1.1\r\nX-A: a\rb\r\n" + HOST + "\r\n", 400,
                        "a line of the request head has a CR that is not followed by LF"),
                bad("a header line without a colon", "GET / HTTP/1.1\r\n" + HOST + "NoColonHere\r\n\r\n", 400,
                        "the header line 'NoColonHere' has no ':' after its name"),
                bad("whitespace before the colon", "GET / HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n", 400,
                        "the header line 'Host : 127.0.0.1' has whitespace before its ':'"),
                bad("a name that is not a token", "GET / HTTP/1.1\r\n" + HOST + "X(A: b\r\n\r\n", 400,
                        "the header name 'X(A' has '(', which a header name may not contain"),
                bad("an empty name", "GET / HTTP/1.1\r\n" + HOST + ": b\r\n\r\n", 400,
                        "the header line ': b' has no name before its ':'"),
                bad("a folded header line", "GET / HTTP/1.1\r\n" + HOST + "X-A: b\r\n c\r\n\r\n", 400,
                        "the header line ' c' starts with whitespace: folded header lines are obsolete; send each header on one line"),
                bad("a control character in a value", "GET / HTTP/1.1\r\n" + HOST + "X-A: a\u0001b\r\n\r\n", 400,
                        "the value of the header 'X-A' has the control character 0x01"),
                bad("headers larger than a head may be", "GET / HTTP/1.1\r\n" + HOST + "X-Big: " + "a".repeat(70_000) + "\r\n\r\n",
                        431, "the request's header lines are larger than the 65536 bytes a request head may have"),
                bad("an HTTP/1.1 request without Host", "GET / HTTP/1.1\r\n\r\n", 400,
                        "an HTTP/1.1 request must have a Host header"),
                bad("two Host headers", "GET / HTTP/1.1\r\n" + HOST + "Host: evil.example\r\n\r\n", 400,
                        "the request has more than one Host header"),
                bad("a Host that is no host", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400,
                        "the Host header 'a b' is not a host name or address with an optional port"),
                bad("an expectation other than 100-continue", "GET / HTTP/1.1\r\n" + HOST + "Expect: magic\r\n\r\n", 417,
                        "the expectation 'magic' is not supported; only 100-continue is"),

                // The body's length (RFC 9112 §6, RFC 9110 §8.6)
                bad("a negative Content-Length", POST_JSON + "Content-Length: -5\r\n\r\n{}", 400,
                        "Content-Length must be a number of bytes (digits only); got '-5'"),
                bad("a fractional Content-Length", POST_JSON + "Content-Length: 1.5\r\n\r\n{}", 400,
                        "Content-Length must be a number of bytes (digits only); got '1.5'"),
                bad("a 20-digit Content-Length", POST_JSON + "Content-Length: 99999999999999999999\r\n\r\n{}", 413,
                        "the request body is larger than 65536 bytes"),
                bad("two Content-Lengths", POST_JSON + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}", 400,
                        "the request has more than one Content-Length"),
                bad("Content-Length and Transfer-Encoding", POST_JSON + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "2\r\n{}\r\n0\r\n\r\n", 400,
                        "the request has both Content-Length and Transfer-Encoding, so the length of its body is ambiguous; send one"),
                bad("a transfer coding we do not decode", POST_JSON + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501,
                        "the transfer coding 'gzip' is not supported; send the body as it is, with a Content-Length or chunked"),
                bad("a body whose length cannot be known", POST_JSON + "Transfer-Encoding: chunked, gzip\r\n\r\n{}", 400,
                        "Transfer-Encoding must end in chunked; got 'chunked, gzip'"),
                bad("chunked twice", POST_JSON + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400,
                        "Transfer-Encoding names chunked more than once; got 'chunked, chunked'"),
                bad("Transfer-Encoding in HTTP/1.0", "POST /api/race HTTP/1.0\r\n" + HOST + "Content-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400,
                        "an HTTP/1.0 request may not use Transfer-Encoding; send a Content-Length"),

                // Chunked bodies (RFC 9112 §7.1)
                bad("a chunk size that is not hex", POST_JSON + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400,
                        "a chunk size must be hex digits; got 'zz'"),
                bad("chunk data not followed by CRLF", POST_JSON + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}}\r\n0\r\n\r\n", 400,
                        "a chunk's data must be followed by CRLF"),
                bad("a chunked body larger than allowed", POST_JSON + "Transfer-Encoding: chunked\r\n\r\n20000\r\n", 413,
                        "the request body is larger than 65536 bytes"));
    }

    private static Arguments bad(String what, String request, int status, String message) {
        return Arguments.of(what, request, status, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isAnsweredAsEveryOtherErrorAndTheConnectionClosed(String what, String request, int status, String message) {
        var answer = RawHttp.finalAnswer(RawHttp.exchange(port(), request));
        assertError(answer, status, message, null);
        assertThat(answer.headers().firstValue("Connection")).hasValue("close");
        BadInputApiTest.assertStillServing(lab);
    }

    /** A body cut short by the client's end of input: the server says how much of it came. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cutShort")
    void aBodyThatEndsEarlyIsA400(String what, String request, String message) {
        var answer = RawHttp.finalAnswer(RawHttp.exchange(port(), request.getBytes(StandardCharsets.ISO_8859_1), true));
        assertError(answer, 400, message, null);
        BadInputApiTest.assertStillServing(lab);
    }

    static Stream<Arguments> cutShort() {
        return Stream.of(
                Arguments.of("by its Content-Length", POST_JSON + "Content-Length: 10\r\n\r\n{\"a\"",
                        "the request body ended after 4 of the 10 bytes its Content-Length declared"),
                Arguments.of("chunked", POST_JSON + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"a\"",
                        "the request body ended before its last chunk"));
    }

    private static int port() {
        return lab.uri("/").getPort();
    }
}
