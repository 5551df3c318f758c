package dev.losslab.app.web.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request's body whole, as its head frames it, before any handler sees the request: the one
 * place where a body's size is bounded (413 beyond {@code maxBodyBytes}, whether declared or counted)
 * and where a broken chunked body is found. Read whole, the next request on the connection starts
 * right after it, and no handler ever holds a half-read stream. Bodies are small (64 KiB by
 * default), so holding one costs no more than reading it into a JSON tree did.
 */
final class RequestBody {

    /** Longest chunk-size line, extensions included (RFC 9112 §7.1.1 lets a server bound them). */
    private static final int MAX_CHUNK_LINE = 1024;

    private static final String WHERE = "the chunked body";

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private RequestBody() {}

    /**
     * The body of the request {@code head} begins, after "100 Continue" when the client waits for it
     * (sent only once the body is known to be acceptable, RFC 9110 §10.1.1).
     *
     * @param out where the interim answer goes
     * @param maxTrailerBytes most bytes a chunked body's trailer lines may have
     * @throws ApiException 413 for a body larger than {@code maxBodyBytes}, 400 for a broken one
     */
    static byte[] read(WireInput in, OutputStream out, RequestHead head, int maxBodyBytes, int maxTrailerBytes)
            throws IOException {
        if (head.body() instanceof RequestHead.Body.Length(long declared) && declared > maxBodyBytes) {
            throw ApiException.bodyTooLarge(maxBodyBytes);
        }
        if (head.expectContinue() && !(head.body() instanceof RequestHead.Body.Length(long none) && none == 0)) {
            out.write(CONTINUE);
            out.flush();
        }
        return switch (head.body()) {
            case RequestHead.Body.Length(long bytes) -> {
                byte[] body = new byte[(int) bytes];
                int came = in.readFully(body);
                if (came < bytes) {
                    throw ApiException.badRequest(null, "the request body ended after " + came + " of the " + bytes
                            + " bytes its Content-Length declared");
                }
                yield body;
            }
            case RequestHead.Body.Chunked() -> chunked(in, maxBodyBytes, maxTrailerBytes);
        };
    }

    /**
     * chunked-body = *chunk last-chunk trailer-section CRLF; chunk = chunk-size [ chunk-ext ] CRLF
     * chunk-data CRLF (RFC 9112 §7.1). Extensions are ignored, as a recipient MUST ignore unknown
     * ones (§7.1.1); trailer fields are read and dropped, as §7.1.2 allows.
     */
    private static byte[] chunked(WireInput in, int maxBodyBytes, int maxTrailerBytes) throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            String line = in.readLine(MAX_CHUNK_LINE, WHERE,
                    () -> ApiException.badRequest(null, "a chunk-size line is longer than " + MAX_CHUNK_LINE + " bytes"));
            if (line == null) {
                throw endedEarly();
            }
            int semicolon = line.indexOf(';');
            String size = semicolon < 0 ? line : RequestHead.stripOws(line.substring(0, semicolon));
            if (size.isEmpty() || !size.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw ApiException.badRequest(null, "a chunk size must be hex digits; got '" + RequestHead.shown(size) + "'");
            }
            String digits = size.replaceFirst("^0+(?=.)", "");
            long bytes = digits.length() > 15 ? Long.MAX_VALUE : Long.parseLong(digits, 16);
            if (bytes > maxBodyBytes - body.size()) {
                throw ApiException.bodyTooLarge(maxBodyBytes);
            }
            if (bytes == 0) {
                break;
            }
            byte[] chunk = new byte[(int) bytes];
            byte[] crlf = new byte[2];
            if (in.readFully(chunk) < bytes || in.readFully(crlf) < 2) {
                throw endedEarly();
            }
            if (crlf[0] != '\r' || crlf[1] != '\n') {
                throw ApiException.badRequest(null, "a chunk's data must be followed by CRLF");
            }
            body.write(chunk);
        }
        int left = maxTrailerBytes;
        String trailer;
        do {
            trailer = in.readLine(left, WHERE, () -> ApiException.headersTooLarge("the chunked body's trailer lines are",
                    maxTrailerBytes));
            if (trailer == null) {
                throw endedEarly();
            }
            left -= trailer.length() + 2;
        } while (!trailer.isEmpty());
        return body.toByteArray();
    }

    private static ApiException endedEarly() {
        return ApiException.badRequest(null, "the request body ended before its last chunk");
    }
}
