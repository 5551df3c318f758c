package dev.losslab.app.web;

import static dev.losslab.app.web.http.Router.Cost.COMPUTE;
import static dev.losslab.app.web.http.Router.Cost.QUICK;

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
import dev.losslab.app.web.api.TuneWork;
import dev.losslab.app.web.http.HostGuard;
import dev.losslab.app.web.http.Router;
import dev.losslab.app.web.http.StaticFiles;
import dev.losslab.app.web.jobs.Jobs;
import dev.losslab.app.web.jobs.JobsEndpoint;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
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
    private static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";
    private static final String MAX_RESPONSE_SECONDS = "sun.net.httpserver.maxRspTime";

    /** How long a client may take to send a request (its headers and body): a page sends in milliseconds. */
    static final long REQUEST_SECONDS = 20;

    /** How long a client may take to read an answer: the largest race (~125 MB) takes a second or two locally. */
    static final long RESPONSE_SECONDS = 120;

    private final HttpServer server;
    private final HostGuard hosts;
    private final ExecutorService executor;
    /** Kept for tests, which look at its cache. */
    final LandscapeEndpoint landscapes;
    /** Kept for tests, which check that cancelled jobs stop. */
    final Jobs jobs;

    private WebServer(HttpServer server, ExecutorService executor, LandscapeEndpoint landscapes, Jobs jobs, HostGuard hosts) {
        this.hosts = hosts;
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
        return start(host, port, List.of());
    }

    /**
     * Binds {@code host:port} and answers requests addressed to this machine's names, and to
     * {@code allowHosts} (see {@link HostGuard}).
     */
    public static WebServer start(String host, int port, List<String> allowHosts) throws IOException {
        return start(host, port, allowHosts, Limits.DEFAULT, new StaticFiles("web/", WebServer.class.getClassLoader()),
                System.err);
    }

    /** With {@code limits}, the page and assets from {@code files} and internal errors logged to {@code log}. */
    static WebServer start(String host, int port, List<String> allowHosts, Limits limits, StaticFiles files, PrintStream log)
            throws IOException {
        // Without TCP_NODELAY the last small packet of an answer waits for the client's delayed ACK:
        // 40 ms added to a 1 ms answer. Read once, when the JDK's server first loads.
        setIfUnset(NODELAY, "true");
        // The JDK's server keeps a connection as long as its client likes unless told otherwise: 20 slow
        // senders stayed open for good, and two clients that never read held their answers for ever.
        // A request must arrive, and an answer be taken, within these many seconds; then it is closed.
        setIfUnset(MAX_REQUEST_SECONDS, Long.toString(REQUEST_SECONDS));
        setIfUnset(MAX_RESPONSE_SECONDS, Long.toString(RESPONSE_SECONDS));
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        LandscapeEndpoint landscapes = new LandscapeEndpoint(limits.landscape());
        HostGuard hosts = HostGuard.forAddress(server.getAddress().getAddress(), allowHosts);
        Jobs jobs = new Jobs(limits.jobs(), log);
        JobsEndpoint jobsEndpoint = new JobsEndpoint(jobs, limits, Map.of("tune", body -> TuneWork.parse(body, limits)));
        Router router = new Router(files, limits.requests(), log, hosts)
                .get("/api/catalog", QUICK, new CatalogEndpoint(limits))
                .get("/api/surface", QUICK, new SurfaceEndpoint())
                .get("/api/landscape", COMPUTE, landscapes)
                .post("/api/race", COMPUTE, new RaceEndpoint(limits.race()))
                .get("/api/analyze", QUICK, new AnalyzeEndpoint())
                .get("/api/critical-points", COMPUTE, new CriticalPointsEndpoint())
                .get("/api/step-factor", QUICK, new StepFactorEndpoint())
                .get("/api/adam-first-step", QUICK, new AdamFirstStepEndpoint())
                .get("/api/sgd-stats", COMPUTE, new MapEndpoint("sgd-stats", limits))
                .get("/api/basins", COMPUTE, new MapEndpoint("basins", limits))
                .get("/api/sweep", COMPUTE, new MapEndpoint("sweep", limits))
                // Jobs compute on their own threads (at most limits.jobs().maxRunning()); asking is quick.
                .post(JobsEndpoint.PATH, QUICK, jobsEndpoint::create)
                .under("GET", JobsEndpoint.PREFIX, QUICK, jobsEndpoint::show)
                .under("DELETE", JobsEndpoint.PREFIX, QUICK, jobsEndpoint::cancel);
        server.createContext("/", router);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        return new WebServer(server, executor, landscapes, jobs, hosts);
    }

    private static void setIfUnset(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** The port actually bound (the chosen one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** http://host:port/ as a person types it: for a lab listening on every address, its loopback one. */
    public String url() {
        var address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : HostGuard.literal(address.getAddress());
        return "http://" + host + ":" + address.getPort() + "/";
    }

    /** Whether other machines can reach the lab: it listens on an address that is not loopback. */
    public boolean reachableFromNetwork() {
        return !server.getAddress().getAddress().isLoopbackAddress();
    }

    /**
     * The addresses other machines may use (http://NAME:port/): the names and IPv4 addresses the lab
     * answers to, without loopback ones and IPv6 ones (which few people type); empty on loopback only.
     */
    public List<String> networkUrls() {
        int port = server.getAddress().getPort();
        return hosts.allowed().stream()
                .filter(name -> !name.equals("localhost") && !name.startsWith("127.") && !name.startsWith("["))
                .map(name -> "http://" + name + ":" + port + "/")
                .toList();
    }

    /** Stops accepting requests, gives running ones a moment to finish, and stops. */
    @Override
    public void close() {
        jobs.close();
        server.stop(1);
        executor.shutdownNow();
    }
}
