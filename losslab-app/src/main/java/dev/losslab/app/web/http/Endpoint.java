package dev.losslab.app.web.http;

/** One API endpoint: a request in, a reply out. Whatever it throws, {@link ErrorMapping} answers. */
@FunctionalInterface
public interface Endpoint {
    Reply handle(Request request) throws Exception;
}
