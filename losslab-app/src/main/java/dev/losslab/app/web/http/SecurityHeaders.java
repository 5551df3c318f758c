package dev.losslab.app.web.http;

import com.sun.net.httpserver.Headers;

/**
 * The headers every response carries, errors included (docs/API.md, "Static files"): the page may
 * load only its own scripts, styles and data, is never sniffed into another type, and leaks no
 * referrer. API responses are never cached by the browser: the page asks again when it wants.
 */
final class SecurityHeaders {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors ";

    static final String CONTENT_SECURITY_POLICY = POLICY + "'self'";

    /** /embed is made to be put in an iframe on any site; everything else only in our own pages. */
    static final String EMBED_CONTENT_SECURITY_POLICY = POLICY + "*";

    static final String EMBED_PATH = "/embed";

    private SecurityHeaders() {}

    static void apply(Headers headers, String path) {
        headers.set("Content-Security-Policy", EMBED_PATH.equals(path) ? EMBED_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
    }
}
