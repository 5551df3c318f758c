package dev.losslab.app.web.http;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request's head, read strictly by RFC 9112 (HTTP/1.1's message syntax) and RFC 9110 (its
 * semantics): the request line, the header lines, and what they say about the body that follows.
 * Every rule about a head lives here, each with the section it comes from; a head that breaks one is
 * an {@link ApiException} saying which, and {@link Http1Server} answers it and closes the connection.
 *
 * <p>Why strict: a head that two programs could read two ways (two lengths, a folded line, a bare LF)
 * is how requests are smuggled past a proxy; and a clear 400 now beats a confusing answer later.
 *
 * @param method  the method, case-sensitive (RFC 9110 §9.1)
 * @param uri     the target as a URI: a path and query, or an absolute http URL
 * @param http11  HTTP/1.1, else HTTP/1.0
 * @param headers the header fields, names in any case, values without surrounding whitespace
 * @param body    how the body's end is found
 * @param expectContinue whether the client waits for "100 Continue" before it sends the body
 * @param close   whether the connection ends after this exchange (HTTP/1.0, or "Connection: close")
 */
record RequestHead(String method, URI uri, boolean http11, Headers headers, Body body, boolean expectContinue,
                   boolean close) {

    /** How the body's length is known (RFC 9112 §6.3). */
    sealed interface Body {
        /** Content-Length bytes; no body is 0 (a request without either header has none, §6.3 rule 7). */
        record Length(long bytes) implements Body {}

        /** Transfer-Encoding: chunked (§7.1): chunks until one of size 0. */
        record Chunked() implements Body {}
    }

    static final String WHERE = "the request head";

    /** tchar (RFC 9110 §5.6.2), of which method names and field names are made. */
    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

    /** Besides letters and digits, what a path or query may hold unencoded (RFC 3986 §3.3, §3.4: pchar, '/', '?'). */
    private static final String TARGET_SYMBOLS = "-._~!$&'()*+,;=:@/?";

    /** uri-host [":" port] (RFC 9110 §7.2, RFC 3986 §3.2.2): an IP literal, or a name or IPv4 address. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(:[0-9]*)?");

    private static final Pattern VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");

    private static final String ABSOLUTE = "http://";

    /**
     * Reads one request head.
     *
     * @param maxBytes most bytes the head may have, request line and header lines together
     * @return null when the client closed the connection before sending a request
     * @throws ApiException naming the rule the head broke
     */
    static RequestHead read(WireInput in, int maxBytes) throws IOException {
        int left = maxBytes;
        String line;
        do {
            // A server SHOULD ignore at least one empty line before the request line (RFC 9112 §2.2):
            // some clients send CRLF after a POST body.
            line = in.readLine(left, WHERE, () -> ApiException.requestLineTooLong(maxBytes));
            if (line == null) {
                return null;
            }
            left -= line.length() + 2;
        } while (line.isEmpty());
        // request-line = method SP request-target SP HTTP-version (RFC 9112 §3), single spaces.
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw ApiException.badRequest(null, "the request line must be 'METHOD TARGET HTTP/1.1', three parts one space "
                    + "apart (a space in the target is written %20); got '" + shown(line) + "'");
        }
        boolean http11 = version(parts[2]);
        String method = parts[0];
        int notToken = firstNonToken(method);
        if (notToken >= 0) {
            throw ApiException.badRequest(null, "the method '" + shown(method) + "' has " + describe(method.charAt(notToken))
                    + ", which a method name may not contain");
        }
        Target target = target(parts[1]);

        Headers headers = new Headers();
        while (true) {
            line = in.readLine(left, WHERE, () -> ApiException.headersTooLarge("the request's header lines are", maxBytes));
            if (line == null) {
                throw ApiException.badRequest(null, "the input ended before the end of " + WHERE);
            }
            left -= line.length() + 2;
            if (line.isEmpty()) {
                break;
            }
            field(line, headers);
        }

        host(headers, http11, target.authority());
        Body body = body(headers, http11);
        return new RequestHead(method, target.uri(), http11, headers, body, expectContinue(headers, http11),
                !http11 || hasToken(headers, "Connection", "close"));
    }

    /**
     * HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive (RFC 9112 §2.3); 1.1 and 1.0 are
     * served, any other is a 505 (RFC 9110 §15.6.6). Returns whether it is 1.1.
     */
    private static boolean version(String version) {
        if (!VERSION.matcher(version).matches()) {
            throw ApiException.badRequest(null, "'" + shown(version) + "' is not an HTTP version; send HTTP/1.1");
        }
        return switch (version) {
            case "HTTP/1.1" -> true;
            case "HTTP/1.0" -> false;
            default -> throw ApiException.versionNotSupported(version);
        };
    }

    /** A request target as a URI, and the authority of an absolute one. */
    private record Target(URI uri, String authority) {}

    /**
     * The request target (RFC 9112 §3.2) in origin-form ({@code /path?query}) or absolute-form
     * ({@code http://host/path?query}), which a server MUST accept (§3.2.2). The authority-form is
     * CONNECT's and the asterisk-form {@code OPTIONS *}'s: the lab is neither a proxy nor has
     * server-wide options, so both are refused with the rest.
     */
    private static Target target(String target) {
        String authority = null;
        String pathAndQuery = target;
        int offset = 0;
        if (target.regionMatches(true, 0, ABSOLUTE, 0, ABSOLUTE.length())) {
            int end = ABSOLUTE.length();
            while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
                end++;
            }
            authority = target.substring(ABSOLUTE.length(), end);
            pathAndQuery = target.substring(end);
            offset = end;
            if (!pathAndQuery.startsWith("/")) {
                pathAndQuery = "/" + pathAndQuery; // an empty path is "/" (RFC 9112 §3.2.1)
                offset--;
            }
        } else if (!target.startsWith("/")) {
            throw ApiException.badRequest(null, "the request target must be a path starting with '/' or an absolute http:// "
                    + "URL; got '" + shown(target) + "'");
        }
        if (pathAndQuery.startsWith("//")) {
            // java.net.URI, which handlers read, would take the first segment for a host name.
            throw ApiException.badRequest(null, "the request target may not start with '//'");
        }
        checkCharacters(pathAndQuery, offset);
        try {
            return new Target(authority == null ? new URI(pathAndQuery) : new URI(ABSOLUTE + authority + pathAndQuery), authority);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest(null, "the request target '" + shown(target) + "' is not a URL");
        }
    }

    /**
     * Every character of a path and query is a letter, digit or one of {@link #TARGET_SYMBOLS}, or a
     * '%' and two hex digits (RFC 3986 §2.1); anything else, a space or a raw UTF-8 byte, must be
     * %-encoded. {@code offset}: where {@code text} starts in the target, for the message.
     */
    private static void checkCharacters(String text, int offset) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = offset + i + 1;
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw ApiException.badRequest(null, "the request target has '" + shown(text.substring(i, Math.min(i + 3,
                            text.length()))) + "' at character " + at + ": a '%' must be followed by two hex digits");
                }
                i += 2;
            } else if (!isAlphaNumeric(c) && TARGET_SYMBOLS.indexOf(c) < 0) {
                throw ApiException.badRequest(null, "the request target has " + describe(c) + " at character " + at
                        + ", which must be %-encoded");
            }
        }
    }

    /**
     * field-line = field-name ":" OWS field-value OWS (RFC 9112 §5), name a token, no whitespace
     * before the colon (§5.1, a server MUST reject it), no line starting with whitespace: obs-fold
     * (§5.2) is refused, as the RFC allows. Values are VCHAR, obs-text, SP and HTAB (RFC 9110 §5.5):
     * CR, LF and NUL are dangerous there, other controls useless.
     */
    private static void field(String line, Headers headers) {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw ApiException.badRequest(null, "the header line '" + shown(line) + "' starts with whitespace: folded header "
                    + "lines are obsolete; send each header on one line");
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw ApiException.badRequest(null, "the header line '" + shown(line) + "' has no ':' after its name");
        }
        if (colon == 0) {
            throw ApiException.badRequest(null, "the header line '" + shown(line) + "' has no name before its ':'");
        }
        String name = line.substring(0, colon);
        char last = name.charAt(name.length() - 1);
        if (last == ' ' || last == '\t') {
            throw ApiException.badRequest(null, "the header line '" + shown(line) + "' has whitespace before its ':'");
        }
        int notToken = firstNonToken(name);
        if (notToken >= 0) {
            throw ApiException.badRequest(null, "the header name '" + shown(name) + "' has " + describe(name.charAt(notToken))
                    + ", which a header name may not contain");
        }
        String value = stripOws(line.substring(colon + 1));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw ApiException.badRequest(null, "the value of the header '" + shown(name) + "' has the control character "
                        + String.format(Locale.ROOT, "0x%02X", (int) c));
            }
        }
        headers.add(name, value);
    }

    /**
     * An HTTP/1.1 request has exactly one Host, a valid one (RFC 9112 §3.2: a server MUST answer 400
     * otherwise). An absolute target's authority replaces it (§3.2.2: the server MUST ignore Host
     * then), so the Host guard checks the name the request really addresses.
     */
    private static void host(Headers headers, boolean http11, String authority) {
        List<String> hosts = headers.get("Host");
        if (hosts == null && http11) {
            throw ApiException.badRequest(null, "an HTTP/1.1 request must have a Host header");
        }
        if (hosts != null && hosts.size() > 1) {
            throw ApiException.badRequest(null, "the request has more than one Host header");
        }
        if (hosts != null && !HOST.matcher(hosts.getFirst()).matches()) {
            throw ApiException.badRequest(null, "the Host header '" + shown(hosts.getFirst())
                    + "' is not a host name or address with an optional port");
        }
        if (authority != null) {
            if (authority.isEmpty() || authority.startsWith(":") || !HOST.matcher(authority).matches()) {
                throw ApiException.badRequest(null, "the request target's host '" + shown(authority)
                        + "' is not a host name or address with an optional port");
            }
            headers.set("Host", authority);
        }
    }

    /**
     * The body's framing (RFC 9112 §6). Transfer-Encoding wins over Content-Length, but a request
     * with both is how requests are smuggled, so it is refused (§6.1 allows it, and requires closing
     * the connection either way); HTTP/1.0 has no Transfer-Encoding (§6.1). Chunked must be the last
     * coding, applied once (§6.3, §7); any other coding is not decoded here (501, §6.1). A
     * Content-Length is digits, once (RFC 9110 §8.6); too many digits for a long is simply larger than
     * any body taken, which {@link RequestBody} refuses as such.
     */
    private static Body body(Headers headers, boolean http11) {
        List<String> encodings = headers.get("Transfer-Encoding");
        List<String> lengths = headers.get("Content-Length");
        if (encodings != null) {
            if (!http11) {
                throw ApiException.badRequest(null, "an HTTP/1.0 request may not use Transfer-Encoding; send a Content-Length");
            }
            if (lengths != null) {
                throw ApiException.badRequest(null, "the request has both Content-Length and Transfer-Encoding, so the length "
                        + "of its body is ambiguous; send one");
            }
            List<String> codings = new ArrayList<>();
            for (String value : encodings) {
                for (String coding : value.split(",")) {
                    if (!stripOws(coding).isEmpty()) {
                        codings.add(stripOws(coding));
                    }
                }
            }
            String all = String.join(", ", codings);
            if (codings.isEmpty() || !codings.getLast().equalsIgnoreCase("chunked")) {
                throw ApiException.badRequest(null, "Transfer-Encoding must end in chunked; got '" + shown(all) + "'");
            }
            for (String coding : codings.subList(0, codings.size() - 1)) {
                if (coding.equalsIgnoreCase("chunked")) {
                    throw ApiException.badRequest(null, "Transfer-Encoding names chunked more than once; got '" + shown(all) + "'");
                }
                throw ApiException.notImplemented("the transfer coding '" + shown(coding) + "' is not supported; send the body "
                        + "as it is, with a Content-Length or chunked");
            }
            return new Body.Chunked();
        }
        if (lengths == null) {
            return new Body.Length(0);
        }
        if (lengths.size() > 1) {
            throw ApiException.badRequest(null, "the request has more than one Content-Length");
        }
        String length = lengths.getFirst();
        if (length.isEmpty() || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.badRequest(null, "Content-Length must be a number of bytes (digits only); got '"
                    + shown(length) + "'");
        }
        String digits = length.replaceFirst("^0+(?=.)", "");
        return new Body.Length(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits));
    }

    /**
     * Whether to send "100 Continue" before reading the body (RFC 9110 §10.1.1): only 100-continue
     * is an expectation (417 for another), and one in an HTTP/1.0 request MUST be ignored.
     */
    private static boolean expectContinue(Headers headers, boolean http11) {
        List<String> expect = headers.get("Expect");
        if (expect == null) {
            return false;
        }
        String all = String.join(", ", expect);
        if (!all.equalsIgnoreCase("100-continue")) {
            throw ApiException.expectationFailed("the expectation '" + shown(all) + "' is not supported; only 100-continue is");
        }
        return http11;
    }

    /** Whether a comma-separated header (Connection) lists {@code token}, in any case. */
    private static boolean hasToken(Headers headers, String name, String token) {
        for (String value : headers.getOrDefault(name, List.of())) {
            for (String item : value.split(",")) {
                if (stripOws(item).equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The index of the first character of {@code text} that is not a tchar, or -1. */
    private static int firstNonToken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAlphaNumeric(c) && TCHAR_SYMBOLS.indexOf(c) < 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAlphaNumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Without leading and trailing OWS: spaces and tabs (RFC 9110 §5.6.3). */
    static String stripOws(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** A character for a message: 'x' when printable ASCII, else its byte (0xC3). */
    private static String describe(char c) {
        return c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format(Locale.ROOT, "byte 0x%02X", (int) c);
    }

    /**
     * Client text quoted in a message: at most 100 characters, with controls and bytes past ASCII
     * written as \xNN (an answer quotes what was wrong; it does not echo a megabyte).
     */
    static String shown(String text) {
        var s = new StringBuilder();
        int i = 0;
        for (; i < text.length() && s.length() < 100; i++) {
            char c = text.charAt(i);
            s.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format(Locale.ROOT, "\\x%02X", (int) c));
        }
        return i < text.length() ? s + "…" : s.toString();
    }
}
