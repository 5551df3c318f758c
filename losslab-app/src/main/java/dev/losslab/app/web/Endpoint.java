package dev.losslab.app.web;

/** One API endpoint: a request in, a reply out. Whatever it throws, {@link ErrorMapping} answers. */
@FunctionalInterface
interface Endpoint {
    Reply handle(Request request) throws Exception;
}
