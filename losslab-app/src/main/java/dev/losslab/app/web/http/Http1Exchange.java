package dev.losslab.app.web.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request and its answer on an {@link Http1Server} connection, behind the JDK's
 * {@link HttpExchange} so that handlers are written as for the JDK's own server. The request's body
 * was read whole before (by {@link RequestBody}); the answer is framed here (RFC 9112 §6): a
 * Content-Length when the handler gives one, chunked when it streams (length 0), nothing for HEAD,
 * 1xx, 204 and 304, as {@link #sendResponseHeaders} documents.
 */
final class Http1Exchange extends HttpExchange {

    /** IMF-fixdate, the Date header's form (RFC 9110 §5.6.7). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    /** A streamed answer is sent in chunks of up to this many bytes. */
    private static final int CHUNK = 16 * 1024;

    private final Http1Server.Connection connection;
    private final OutputStream raw;
    private final String method;
    private final URI uri;
    private final boolean http11;
    private final Headers requestHeaders;
    private final byte[] body;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private int status = -1;
    private boolean close;
    private Framed responseBody;
    private boolean closed;

    private Http1Exchange(Http1Server.Connection connection, OutputStream raw, String method, URI uri, boolean http11,
                          Headers requestHeaders, byte[] body, boolean close) {
        this.connection = connection;
        this.raw = raw;
        this.method = method;
        this.uri = uri;
        this.http11 = http11;
        this.requestHeaders = requestHeaders;
        this.body = body;
        this.close = close;
    }

    /** The exchange of a well-formed request, its body read. */
    static Http1Exchange of(Http1Server.Connection connection, OutputStream raw, RequestHead head, byte[] body) {
        return new Http1Exchange(connection, raw, head.method(), head.uri(), head.http11(), head.headers(), body, head.close());
    }

    /**
     * For answering a request refused before it was understood: no method, target or headers are
     * trusted, and the connection closes after the answer.
     */
    static Http1Exchange refused(Http1Server.Connection connection, OutputStream raw) {
        return new Http1Exchange(connection, raw, "", null, true, new Headers(), new byte[0], true);
    }

    /** Whether the connection may carry another request: the answer was complete and nobody asked to close. */
    boolean keepsAlive() {
        return closed && !close && status >= 0 && responseBody.complete();
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    /** The target, as sent; null for a refused request. */
    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    /** There are no contexts: the server has one handler, which routes every path itself. */
    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("Http1Server has no contexts: its one handler routes every path");
    }

    @Override
    public InputStream getRequestBody() {
        return new ByteArrayInputStream(body);
    }

    /** The answer's body, once {@link #sendResponseHeaders} has framed it. */
    @Override
    public OutputStream getResponseBody() {
        if (responseBody == null) {
            throw new IllegalStateException("sendResponseHeaders comes before getResponseBody");
        }
        return responseBody;
    }

    /**
     * Writes the status line and headers. {@code length}: the body's bytes; 0 for a body of unknown
     * length, sent chunked (to an HTTP/1.0 client: until the connection closes, §6.3); -1 for none.
     * HEAD, 1xx, 204 and 304 answers never have a body (RFC 9110 §6.4.1), and a HEAD or 304 answer
     * keeps the Content-Length its handler set, which tells the length a GET would have had. The
     * answer must then be taken within the response time-out.
     */
    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (status >= 0) {
            throw new IOException("the headers were already sent");
        }
        status = code;
        connection.deadline(connection.limits().responseMillis());
        responseHeaders.set("Date", DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        boolean noBody = method.equals("HEAD") || code < 200 || code == 204 || code == 304;
        if (code < 200 || code == 204) {
            responseHeaders.remove("Content-Length");
        }
        if (noBody) {
            responseBody = new Framed(raw, 0, false);
        } else if (length == 0) {
            responseHeaders.remove("Content-Length");
            if (http11) {
                responseHeaders.set("Transfer-Encoding", "chunked");
                responseBody = new Framed(raw, -1, true);
            } else {
                close = true;
                responseBody = new Framed(raw, -1, false);
            }
        } else {
            long bytes = Math.max(0, length);
            responseHeaders.set("Content-Length", Long.toString(bytes));
            responseBody = new Framed(raw, bytes, false);
        }
        List<String> connectionHeader = responseHeaders.get("Connection");
        if (connectionHeader != null && connectionHeader.stream().anyMatch("close"::equalsIgnoreCase)) {
            close = true; // the handler asked
        }
        if (close) {
            responseHeaders.set("Connection", "close"); // a server that will close says so (RFC 9112 §9.6)
        }
        var head = new ByteArrayOutputStream(512);
        head.writeBytes(("HTTP/1.1 " + code + " " + reason(code) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        responseHeaders.forEach((name, values) -> values.forEach(value ->
                head.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1))));
        head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        head.writeTo(raw);
        if (noBody || length < 0) {
            raw.flush();
        }
    }

    /** Ends the exchange: finishes the answer's body (the last chunk), or, when none was sent, closes the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (responseBody == null) {
                close = true;
                connection.close(); // no answer at all: the client must not wait for one
                return;
            }
            responseBody.close();
        } catch (IOException gone) {
            close = true;
            connection.close();
        } finally {
            connection.noDeadline();
        }
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return connection.remote();
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return connection.local();
    }

    @Override
    public String getProtocol() {
        return http11 ? "HTTP/1.1" : "HTTP/1.0";
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    /** Filters are a JDK server's; this server has none. */
    @Override
    public void setStreams(InputStream in, OutputStream out) {
        throw new UnsupportedOperationException("Http1Server has no filters");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** The reason phrases of the statuses the lab answers; the phrase is optional (RFC 9112 §4). */
    private static String reason(int code) {
        return switch (code) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 417 -> "Expectation Failed";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "";
        };
    }

    /**
     * An answer's body as framed: exactly {@code length} bytes, or (length -1) chunks or bytes until
     * the connection closes. It never holds more than one chunk; closing it ends the body (the last
     * chunk) but not the connection.
     */
    private static final class Framed extends OutputStream {

        private final OutputStream raw;
        private final long length;
        private final byte[] chunk;
        private int buffered;
        private long written;
        private boolean ended;

        Framed(OutputStream raw, long length, boolean chunked) {
            this.raw = raw;
            this.length = length;
            this.chunk = chunked ? new byte[CHUNK] : null;
        }

        /** Whether the body was ended and is as long as its head said. */
        boolean complete() {
            return ended && (length < 0 || written == length);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            if (ended) {
                throw new IOException("the answer's body was already ended");
            }
            if (length >= 0 && written + len > length) {
                throw new IOException("the answer is longer than its " + length + " bytes");
            }
            written += len;
            if (chunk == null) {
                raw.write(bytes, off, len);
                return;
            }
            while (len > 0) {
                int take = Math.min(len, chunk.length - buffered);
                System.arraycopy(bytes, off, chunk, buffered, take);
                buffered += take;
                off += take;
                len -= take;
                if (buffered == chunk.length) {
                    sendChunk();
                }
            }
        }

        /** chunk = chunk-size CRLF chunk-data CRLF (RFC 9112 §7.1). */
        private void sendChunk() throws IOException {
            if (buffered > 0) {
                raw.write((Integer.toHexString(buffered) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                raw.write(chunk, 0, buffered);
                raw.write('\r');
                raw.write('\n');
                buffered = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            if (chunk != null) {
                sendChunk();
            }
            raw.flush();
        }

        @Override
        public void close() throws IOException {
            if (ended) {
                return;
            }
            ended = true;
            if (chunk != null) {
                sendChunk();
                raw.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)); // last-chunk, no trailers
            }
            raw.flush();
        }
    }
}
