package dev.losslab.app.web.http;

/**
 * A request the API answers with an error status and a one-sentence message, e.g. 404 for an
 * unknown path or 413 for a body too large. Bad values from the core arrive as
 * {@link dev.losslab.core.InvalidInputException} instead; {@link ErrorMapping} turns both into JSON.
 * Carries no stack trace: it is an answer, not a bug.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String field;
    private final Integer racer;
    private final String allow;

    private ApiException(int status, String field, String message, Integer racer, String allow) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.racer = racer;
        this.allow = allow;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, field, message, null, null);
    }

    /** A bad value, in racer {@code racer} when not null. */
    public static ApiException badValue(Integer racer, String field, String message) {
        return new ApiException(400, field, message, racer, null);
    }

    /** A bad value in racer {@code racer} (0-based) of a race. */
    public static ApiException badRacer(int racer, String field, String message) {
        return new ApiException(400, field, message, racer, null);
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, null, message, null, null);
    }

    static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, null, message, null, null);
    }

    /** 503: the request computed longer than the server allows one request to. */
    static ApiException tooLong(long millis) {
        return new ApiException(503, null, "this request needed more than " + millis / 1000.0
                + " s of computing and was stopped; ask for fewer steps or racers, a smaller grid, or a simpler formula",
                null, null);
    }

    /** 429: the server is busy with as much of this kind of work as it takes at once. */
    public static ApiException tooManyRequests(String message) {
        return new ApiException(429, null, message, null, null);
    }

    /** 503: the server cannot take the request now (it is shutting down). */
    public static ApiException unavailable(String message) {
        return new ApiException(503, null, message, null, null);
    }

    public static ApiException notFound(String message) {
        return notFound(null, message);
    }

    /** 404 for a resource named by {@code field} (e.g. a job's {@code id}). */
    public static ApiException notFound(String field, String message) {
        return new ApiException(404, field, message, null, null);
    }

    /** 405, with the methods the path does allow (sent as the Allow header). */
    static ApiException methodNotAllowed(String method, String path, String allow) {
        return new ApiException(405, null, method + " is not allowed on " + path + "; use " + allow, null, allow);
    }

    static ApiException bodyTooLarge(int maxBytes) {
        return new ApiException(413, null, "the request body is larger than " + maxBytes + " bytes", null, null);
    }

    static ApiException queryTooLong(int length, int maxLength) {
        return new ApiException(414, null,
                "the query string has " + length + " characters; at most " + maxLength + " are allowed", null, null);
    }

    /** 414: the request line alone is larger than a request head may be (its target, nearly always). */
    static ApiException requestLineTooLong(int maxHeadBytes) {
        return new ApiException(414, null, "the request line is longer than the " + maxHeadBytes
                + " bytes a request head may have", null, null);
    }

    /** 431 (RFC 6585 §5): the header lines make the request head larger than it may be. */
    static ApiException headersTooLarge(String what, int maxBytes) {
        return new ApiException(431, null, what + " larger than the " + maxBytes + " bytes a request head may have", null, null);
    }

    /** 417 (RFC 9110 §10.1.1): an Expect header asking for something other than 100-continue. */
    static ApiException expectationFailed(String message) {
        return new ApiException(417, null, message, null, null);
    }

    /** 501: a part of HTTP this server does not implement (a transfer coding other than chunked). */
    static ApiException notImplemented(String message) {
        return new ApiException(501, null, message, null, null);
    }

    /** 505 (RFC 9110 §15.6.6): a major or minor HTTP version other than 1.1 and 1.0. */
    static ApiException versionNotSupported(String version) {
        return new ApiException(505, null, version + " is not supported; this server speaks HTTP/1.1 and HTTP/1.0", null, null);
    }

    public int status() {
        return status;
    }

    /** The field or parameter that was wrong, or null. */
    public String field() {
        return field;
    }

    /** The 0-based index of the racer that was wrong, or null. */
    Integer racer() {
        return racer;
    }

    /** The Allow header of a 405, or null. */
    String allow() {
        return allow;
    }
}
