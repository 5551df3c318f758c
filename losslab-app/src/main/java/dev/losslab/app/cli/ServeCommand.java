package dev.losslab.app.cli;

import dev.losslab.app.web.WebServer;
import dev.losslab.core.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

final class ServeCommand extends Subcommand {

    static final String NAME = "serve";
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "127.0.0.1";

    private static final Opt<Integer> PORT = Opt.integer("--port", "N",
            "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})").defaultValue(DEFAULT_PORT);
    private static final Opt<String> HOST = Opt.text("--host", "HOST",
            "address to listen on; the default serves this machine only (default: ${DEFAULT-VALUE})").defaultValue(DEFAULT_HOST);

    private static final Opt<List<String>> ALLOW_HOST = Opt.list("--allow-host", "NAME[,NAME]",
            "also answer requests addressed to these names (e.g. a DNS alias of this machine);",
            "localhost, and with --host 0.0.0.0 this machine's names and addresses, are always answered");

    ServeCommand() {
        super(NAME, List.of("Serve the web lab (the page and its API, see docs/API.md) until stopped with Ctrl+C.",
                "`losslab` with no command does the same."), List.of(PORT, HOST, ALLOW_HOST));
    }

    @Override
    public Integer call() throws InterruptedException {
        List<String> allowHosts = get(ALLOW_HOST);
        return serve(get(HOST), get(PORT), allowHosts == null ? List.of() : allowHosts, out, err);
    }

    /** Serves until the JVM is told to stop; returns an exit code only when the server cannot start. */
    static int serve(String host, int port, List<String> allowHosts, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw InvalidInputException.outOfRange("port", "in [0, 65535]", port);
        }
        WebServer server;
        try {
            server = WebServer.start(host, port, allowHosts);
        } catch (BindException e) {
            // The same exception says "address already in use" and "not an address of this machine".
            boolean inUse = e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("in use");
            err.println(inUse
                    ? "error: port " + port + " is in use; try --port " + (port == 65535 ? 8081 : port + 1)
                    : "error: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return Main.FAILURE;
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return Main.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "losslab-serve-shutdown"));
        out.println("LossLab is running at " + server.url() + " (Ctrl+C stops it)");
        if (server.reachableFromNetwork()) {
            List<String> urls = server.networkUrls();
            if (!urls.isEmpty()) {
                out.println("  from other machines: " + String.join("  ", urls));
            }
            err.println("warning: the lab is reachable from other machines (--host " + host + "): anyone who can "
                    + "reach this port can use it and its computing time; the default, 127.0.0.1, serves this machine only");
        }
        out.flush();
        err.flush();
        stopped.await();
        return Main.OK;
    }
}
