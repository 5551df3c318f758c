package dev.losslab.app.web;

import com.sun.net.httpserver.HttpServer;
import dev.losslab.app.Limits;
import dev.losslab.app.web.api.AdamFirstStepEndpoint;
import dev.losslab.app.web.api.AnalyzeEndpoint;
import dev.losslab.app.web.api.CatalogEndpoint;
import dev.losslab.app.web.api.CriticalPointsEndpoint;
import dev.losslab.app.web.api.LandscapeEndpoint;
import dev.losslab.app.web.api.MapEndpoint;
import dev.losslab.app.web.api.RaceEndpoint;
import dev.losslab.app.web.api.StepFactorEndpoint;
import dev.losslab.app.web.api.SurfaceEndpoint;
import dev.losslab.app.web.http.Router;
import dev.losslab.app.web.http.StaticFiles;
import dev.losslab.app.web.jobs.Jobs;
import dev.losslab.app.web.jobs.JobsEndpoint;
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

    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    /** Kept for tests, which look at its cache. */
    final LandscapeEndpoint landscapes;
    /** Kept for tests, which check that cancelled jobs stop. */
    final Jobs jobs;

    private WebServer(HttpServer server, ExecutorService executor, LandscapeEndpoint landscapes, Jobs jobs) {
        this.server = server;
        this.executor = executor;
        this.landscapes = landscapes;
        this.jobs = jobs;
    }

    /**
     * Binds {@code host:port} (0 picks a free port) and starts serving.
     *
     * @throws java.net.BindException when the port is taken
     */
    public static WebServer start(String host, int port) throws IOException {
        return start(host, port, Limits.DEFAULT, new StaticFiles("web/", WebServer.class.getClassLoader()), System.err);
    }

    /** With {@code limits}, the page and assets from {@code files} and internal errors logged to {@code log}. */
    static WebServer start(String host, int port, Limits limits, StaticFiles files, PrintStream log) throws IOException {
        // Without TCP_NODELAY the last small packet of an answer waits for the client's delayed ACK:
        // 40 ms added to a 1 ms answer. Read once, when the JDK's server first loads.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        LandscapeEndpoint landscapes = new LandscapeEndpoint(limits.landscape());
        boolean loopbackOnly = new InetSocketAddress(host, port).getAddress().isLoopbackAddress();
        Jobs jobs = new Jobs(limits.jobs(), log);
        JobsEndpoint jobsEndpoint = new JobsEndpoint(jobs, limits);
        Router router = new Router(files, limits.requests(), log, loopbackOnly)
                .get("/api/catalog", new CatalogEndpoint(limits))
                .get("/api/surface", new SurfaceEndpoint())
                .get("/api/landscape", landscapes)
                .post("/api/race", new RaceEndpoint(limits.race()))
                .get("/api/analyze", new AnalyzeEndpoint())
                .get("/api/critical-points", new CriticalPointsEndpoint())
                .get("/api/step-factor", new StepFactorEndpoint())
                .get("/api/adam-first-step", new AdamFirstStepEndpoint())
                .get("/api/sgd-stats", new MapEndpoint("sgd-stats", limits))
                .get("/api/basins", new MapEndpoint("basins", limits))
                .get("/api/sweep", new MapEndpoint("sweep", limits))
                .post(JobsEndpoint.PATH, jobsEndpoint::create)
                .under("GET", JobsEndpoint.PREFIX, jobsEndpoint::show)
                .under("DELETE", JobsEndpoint.PREFIX, jobsEndpoint::cancel);
        server.createContext("/", router);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        return new WebServer(server, executor, landscapes, jobs);
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
        jobs.close();
        server.stop(1);
        executor.shutdownNow();
    }
}
