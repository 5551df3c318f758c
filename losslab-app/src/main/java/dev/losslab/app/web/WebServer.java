package dev.losslab.app.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The web lab's HTTP server: the JDK's built-in {@link HttpServer}, one virtual thread per request,
 * the API routes of docs/API.md and the page from the jar. Starting it does no computing (the
 * catalog and landscapes are made on first request), so it is up in well under a second.
 * <pre>{@code
 * try (WebServer server = WebServer.start("127.0.0.1", 0)) { … server.port() … }
 * }</pre>
 */
public final class WebServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private WebServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code host:port} (0 picks a free port) and starts serving.
     *
     * @throws java.net.BindException when the port is taken
     */
    public static WebServer start(String host, int port) throws IOException {
        return start(host, port, Limits.DEFAULT, new StaticFiles("web/", WebServer.class.getClassLoader()), System.err);
    }

    static WebServer start(String host, int port, Limits limits, StaticFiles files, PrintStream log) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        Router router = new Router(files, limits, log)
                .get("/api/catalog", new CatalogEndpoint(limits))
                .get("/api/surface", new SurfaceEndpoint())
                .post("/api/race", new RaceEndpoint(limits));
        server.createContext("/", router);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        return new WebServer(server, executor);
    }

    /** The port actually bound (the chosen one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** http://host:port/ as a person types it. */
    public String url() {
        var address = server.getAddress();
        String host = address.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + address.getPort() + "/";
    }

    /** Stops accepting requests, gives running ones a moment to finish, and stops. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
