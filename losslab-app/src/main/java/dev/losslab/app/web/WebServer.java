package dev.losslab.app.web;

import static dev.losslab.app.web.http.Router.Cost.COMPUTE;
import static dev.losslab.app.web.http.Router.Cost.QUICK;

import dev.losslab.app.Limits;
import dev.losslab.app.web.api.AdamFirstStepEndpoint;
import dev.losslab.app.web.api.AnalyzeEndpoint;
import dev.losslab.app.web.api.CatalogEndpoint;
import dev.losslab.app.web.api.DataEndpoint;
import dev.losslab.app.web.api.GradientNoiseEndpoint;
import dev.losslab.app.web.api.CriticalPointsEndpoint;
import dev.losslab.app.web.api.LandscapeEndpoint;
import dev.losslab.app.web.api.MapEndpoint;
import dev.losslab.app.web.api.RaceEndpoint;
import dev.losslab.app.web.api.StepFactorEndpoint;
import dev.losslab.app.web.api.SurfaceEndpoint;
import dev.losslab.app.web.api.SaddlesWork;
import dev.losslab.app.web.api.SliceWork;
import dev.losslab.app.web.api.SpectrumWork;
import dev.losslab.app.web.api.TrainWork;
import dev.losslab.app.web.api.TuneWork;
import dev.losslab.app.web.http.HostGuard;
import dev.losslab.app.web.http.Http1Server;
import dev.losslab.app.web.http.Router;
import dev.losslab.app.web.http.StaticFiles;
import dev.losslab.app.web.jobs.Jobs;
import dev.losslab.app.web.jobs.JobsEndpoint;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * The web lab's HTTP server: {@link Http1Server} (strict HTTP/1.1, one virtual thread per request,
 * time-outs from {@link Limits.Connections}), the API routes of docs/API.md and the page from the
 * jar. Starting it does no computing (the catalog and landscapes are made on first request), so it
 * is up in well under a second.
 * <pre>{@code
 * try (WebServer server = WebServer.start("127.0.0.1", 0)) { … server.port() … }
 * }</pre>
 */
public final class WebServer implements AutoCloseable {

    /** Kept for tests, which count its connections. */
    final Http1Server server;
    private final HostGuard hosts;
    /** Kept for tests, which look at its cache. */
    final LandscapeEndpoint landscapes;
    /** Kept for tests, which check that cancelled jobs stop. */
    final Jobs jobs;

    private WebServer(Http1Server server, LandscapeEndpoint landscapes, Jobs jobs, HostGuard hosts) {
        this.hosts = hosts;
        this.server = server;
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
        LandscapeEndpoint landscapes = new LandscapeEndpoint(limits.landscape());
        // The Host guard needs the bound address, known before the server runs: a lab listening on
        // every address answers this machine's names, which the address says.
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new java.net.UnknownHostException("no address for the host name '" + host + "'");
        }
        HostGuard hosts = HostGuard.forAddress(address.getAddress(), allowHosts);
        Jobs jobs = new Jobs(limits.jobs(), log);
        JobsEndpoint jobsEndpoint = new JobsEndpoint(jobs, limits, Map.of("tune", body -> TuneWork.parse(body, limits),
                "train", body -> TrainWork.parse(body, limits.training()),
                "saddles", body -> SaddlesWork.parse(body, limits.training()),
                "slice", body -> SliceWork.parse(body, limits.training()),
                "spectrum", body -> SpectrumWork.parse(body, limits.training())));
        Router router = new Router(files, limits.requests(), log, hosts)
                .get("/api/catalog", QUICK, new CatalogEndpoint(limits))
                .get("/api/surface", QUICK, new SurfaceEndpoint())
                .get("/api/data", QUICK, new DataEndpoint())
                .get("/api/gradient-noise", COMPUTE, new GradientNoiseEndpoint())
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
        Http1Server server;
        try {
            server = Http1Server.start(address, router, limits.connections(), limits.requests().maxBodyBytes(), log);
        } catch (IOException | RuntimeException e) {
            jobs.close();
            throw e;
        }
        return new WebServer(server, landscapes, jobs, hosts);
    }

    /** The port actually bound (the chosen one when started with port 0). */
    public int port() {
        return server.address().getPort();
    }

    /** http://host:port/ as a person types it: for a lab listening on every address, its loopback one. */
    public String url() {
        var address = server.address();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : HostGuard.literal(address.getAddress());
        return "http://" + host + ":" + address.getPort() + "/";
    }

    /** Whether other machines can reach the lab: it listens on an address that is not loopback. */
    public boolean reachableFromNetwork() {
        return !server.address().getAddress().isLoopbackAddress();
    }

    /**
     * The addresses other machines may use (http://NAME:port/): the names and IPv4 addresses the lab
     * answers to, without loopback ones and IPv6 ones (which few people type); empty on loopback only.
     */
    public List<String> networkUrls() {
        int port = server.address().getPort();
        return hosts.allowed().stream()
                .filter(name -> !name.equals("localhost") && !name.startsWith("127.") && !name.startsWith("["))
                .map(name -> "http://" + name + ":" + port + "/")
                .toList();
    }

    /** Stops accepting requests, gives running ones a moment to finish, and stops. */
    @Override
    public void close() {
        jobs.close();
        server.stop(1_000);
    }
}
