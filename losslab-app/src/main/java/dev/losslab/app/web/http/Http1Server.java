package dev.losslab.app.web.http;

import com.sun.net.httpserver.HttpHandler;
import dev.losslab.app.Limits;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Channels;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The lab's HTTP/1.1 server: it owns the listening socket, reads every request head itself, strictly
 * ({@link RequestHead}, {@link RequestBody}), answers a malformed one as every other error is answered
 * (JSON, the security headers, {@link Router#answer}) and closes the connection, and hands good ones
 * to one {@link HttpHandler} as {@link Http1Exchange}s.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver.HttpServer}: it refuses malformed requests
 * (bad %-encoding, a 20-digit Content-Length, a header without a colon) before any handler runs,
 * with its own text/html page naming a Java exception and without our headers; and it accepts other
 * malformed ones (HTTP/9.9, two Host headers, folded lines) as if they were fine.
 *
 * <p>How connections are held, each within {@link Limits.Connections}:
 * <ul>
 *   <li>waiting for a request (a new connection, or a kept-alive one between requests): no thread, only
 *       a key in one selector, whose thread ("losslab-http") accepts, wakes and times out connections;
 *   <li>from a request's first byte: a virtual thread reads its head and body, lets the handler
 *       answer, and hands the connection back to the selector (or reads the next pipelined request);
 *   <li>time-outs: a request must arrive within {@code requestMillis} of its first byte (a new
 *       connection must send that byte within as long), an answer be taken within
 *       {@code responseMillis}, and a kept-alive connection be used within {@code idleMillis};
 *       one timer thread closes a connection whose time is up, which ends whatever read or write
 *       it was blocked in.
 * </ul>
 * Memory per connection is bounded too: one read block, one head ({@code maxHeadBytes}), one body
 * ({@code maxBodyBytes}), one write block and one chunk.
 */
public final class Http1Server implements AutoCloseable {

    /** How often the selector looks for connections idle past their time. */
    private static final long SWEEP_MILLIS = 250;

    /** Bytes written at once to a socket; the answer's head and a small body go in one packet. */
    private static final int WRITE_BLOCK = 16 * 1024;

    /**
     * After refusing a request, how long and how much the server still reads before closing: a client
     * still sending a body it will not read its answer until sent, and a socket closed with unread input
     * is reset, which can lose the answer (RFC 9112 §9.6, "lingering close").
     */
    private static final long LINGER_MILLIS = 2_000;
    private static final long LINGER_BYTES = 256 * 1024;

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final HttpHandler handler;
    private final Limits.Connections limits;
    private final int maxBodyBytes;
    private final PrintStream log;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "losslab-http-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    /** Connections handed back by request threads, for the selector to wait on. */
    private final Queue<Connection> parked = new ConcurrentLinkedQueue<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Set<Connection> serving = ConcurrentHashMap.newKeySet();
    private final Thread selecting;
    private volatile boolean stopping;

    private Http1Server(ServerSocketChannel listener, HttpHandler handler, Limits.Connections limits, int maxBodyBytes,
                        PrintStream log) throws IOException {
        this.listener = listener;
        this.selector = Selector.open();
        this.handler = handler;
        this.limits = limits;
        this.maxBodyBytes = maxBodyBytes;
        this.log = log;
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        this.selecting = Thread.ofPlatform().name("losslab-http").daemon().unstarted(this::select);
    }

    /**
     * Listens on {@code address} (port 0: any free one) and serves every request with {@code handler}.
     *
     * @param maxBodyBytes largest request body (413 beyond)
     * @param log          where failures of the server itself are told
     * @throws java.net.BindException when the port is taken
     */
    public static Http1Server start(InetSocketAddress address, HttpHandler handler, Limits.Connections limits,
                                    int maxBodyBytes, PrintStream log) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.bind(address);
            Http1Server server = new Http1Server(listener, handler, limits, maxBodyBytes, log);
            server.selecting.start();
            return server;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /** The address and port listened on. */
    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException closed) {
            throw new IllegalStateException("the server is closed", closed);
        }
    }

    /** How many connections a thread is serving now (the rest wait in the selector, threadless). */
    public int servingCount() {
        return serving.size();
    }

    /** How many connections are open, served or waiting. */
    public int openCount() {
        return open.size();
    }

    // ---- The selector's thread: accepting, waiting for requests, timing out the idle -------------

    private void select() {
        long nextSweep = System.currentTimeMillis() + SWEEP_MILLIS;
        try {
            while (!stopping) {
                selector.select(SWEEP_MILLIS);
                List<Connection> ready = new ArrayList<>();
                takeSelected(ready);
                for (Connection c; (c = parked.poll()) != null; ) {
                    waitFor(c);
                }
                long now = System.currentTimeMillis();
                if (now >= nextSweep) {
                    closeIdle(now);
                    nextSweep = now + SWEEP_MILLIS;
                }
                while (!ready.isEmpty()) {
                    // A cancelled key leaves its selector at the next selection; only then may its
                    // channel block again. Keys that became ready meanwhile wait for the next round.
                    selector.selectNow();
                    List<Connection> more = new ArrayList<>();
                    takeSelected(more);
                    ready.forEach(this::dispatch);
                    ready = more;
                }
            }
        } catch (IOException | ClosedSelectorException broken) {
            if (!stopping) {
                log.println("losslab serve: the server stopped waiting for connections: " + broken);
            }
        } finally {
            closeQuietly(listener);
            selector.keys().forEach(key -> {
                if (key.attachment() instanceof Connection c) {
                    c.close();
                }
            });
            closeQuietly(selector);
        }
    }

    /** Accepts new connections, and takes readable ones out of the selector. */
    private void takeSelected(List<Connection> ready) {
        var keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            if (!key.isValid()) {
                continue;
            }
            if (key.isAcceptable()) {
                acceptAll();
            } else if (key.attachment() instanceof Connection c) {
                key.cancel();
                ready.add(c);
            }
        }
    }

    private void acceptAll() {
        while (true) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                // Out of file descriptors, most likely: say so, and let the next round try again.
                log.println("losslab serve: could not accept a connection: " + e);
                return;
            }
            if (channel == null) {
                return;
            }
            try {
                // Without TCP_NODELAY the last small packet of an answer waits for the client's
                // delayed ACK: 40 ms added to a 1 ms answer.
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                var connection = new Connection(channel, (InetSocketAddress) channel.getRemoteAddress(),
                        (InetSocketAddress) channel.getLocalAddress());
                open.add(connection);
                connection.idleUntil = System.currentTimeMillis() + limits.requestMillis();
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, connection);
            } catch (IOException e) {
                closeQuietly(channel);
            }
        }
    }

    /** Waits, without a thread, for the next request on a connection a request thread handed back. */
    private void waitFor(Connection c) {
        try {
            c.channel.configureBlocking(false);
            c.channel.register(selector, SelectionKey.OP_READ, c);
        } catch (IOException | RuntimeException closed) {
            c.close();
        }
    }

    private void closeIdle(long now) {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection c && now >= c.idleUntil) {
                key.cancel();
                c.close();
            }
        }
    }

    private void dispatch(Connection c) {
        try {
            c.channel.configureBlocking(true);
            requests.execute(() -> serve(c));
        } catch (IOException | RuntimeException stopped) { // RejectedExecutionException once stopping
            c.close();
        }
    }

    // ---- A request thread: one connection from a request's first byte to its answer's last -------

    private void serve(Connection c) {
        serving.add(c);
        try {
            WireInput in = new WireInput(c.channel);
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(c.channel), WRITE_BLOCK);
            while (true) {
                c.deadline(limits.requestMillis());
                RequestHead head;
                byte[] body;
                try {
                    head = RequestHead.read(in, limits.maxHeadBytes());
                    if (head == null) {
                        c.close(); // the client closed its connection between requests
                        return;
                    }
                    body = RequestBody.read(in, out, head, maxBodyBytes, limits.maxHeadBytes());
                } catch (ApiException refused) {
                    refuse(c, in, out, refused);
                    return;
                }
                c.noDeadline();
                Http1Exchange exchange = Http1Exchange.of(c, out, head, body);
                try {
                    handler.handle(exchange);
                } catch (Throwable bug) {
                    log.println("losslab serve: internal error answering " + head.method() + ": " + bug);
                } finally {
                    exchange.close();
                }
                if (!exchange.keepsAlive() || stopping) {
                    c.close();
                    return;
                }
                if (!in.hasBuffered()) {
                    c.idleUntil = System.currentTimeMillis() + limits.idleMillis();
                    serving.remove(c);
                    parked.add(c);
                    selector.wakeup();
                    return;
                }
                // else: the next request is already here (pipelined); answer it on this thread
            }
        } catch (IOException | RuntimeException gone) {
            // The client went away, or its time ran out and the connection was closed under us.
            c.close();
        } finally {
            serving.remove(c);
        }
    }

    /**
     * Answers a request refused before it was understood, then closes the connection: after a
     * malformed head, where the next request would start cannot be trusted (RFC 9112 §6.3 asks to
     * close after a framing error). The close lingers, reading what the client still sends.
     */
    private void refuse(Connection c, WireInput in, OutputStream out, ApiException refused) throws IOException {
        try (Http1Exchange exchange = Http1Exchange.refused(c, out)) {
            Router.answer(exchange, ErrorMapping.of(refused));
        }
        c.channel.shutdownOutput();
        c.deadline(LINGER_MILLIS);
        in.skip(LINGER_BYTES);
        c.close();
    }

    // ---- Stopping ---------------------------------------------------------------------------------

    /**
     * Stops accepting connections and closes the waiting ones at once, gives requests being answered
     * up to {@code graceMillis} to finish, then closes every connection left.
     */
    public void stop(long graceMillis) {
        stopping = true;
        selector.wakeup();
        long end = System.currentTimeMillis() + graceMillis;
        try {
            selecting.join(graceMillis);
            while (!serving.isEmpty() && System.currentTimeMillis() < end) {
                Thread.sleep(10);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        open.forEach(Connection::close);
        requests.shutdownNow();
        timer.shutdownNow();
    }

    /** {@link #stop} with a second's grace. */
    @Override
    public void close() {
        stop(1_000);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing what is already broken
        }
    }

    /** One client connection, and the time-out that is running on it. */
    final class Connection {

        private final SocketChannel channel;
        private final InetSocketAddress remote;
        private final InetSocketAddress local;
        /** While it waits in the selector: when it is closed if nothing came (read by the selector's thread). */
        private long idleUntil;
        private ScheduledFuture<?> deadline;

        private Connection(SocketChannel channel, InetSocketAddress remote, InetSocketAddress local) {
            this.channel = channel;
            this.remote = remote;
            this.local = local;
        }

        InetSocketAddress remote() {
            return remote;
        }

        InetSocketAddress local() {
            return local;
        }

        Limits.Connections limits() {
            return limits;
        }

        /** Closes the connection in {@code millis} unless {@link #noDeadline} or another deadline comes first. */
        void deadline(long millis) {
            noDeadline();
            try {
                deadline = timer.schedule(this::close, millis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                close();
            }
        }

        void noDeadline() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }

        /** Closes the connection; a read or write blocked on it ends with an exception. */
        void close() {
            open.remove(this);
            closeQuietly(channel);
        }
    }
}
