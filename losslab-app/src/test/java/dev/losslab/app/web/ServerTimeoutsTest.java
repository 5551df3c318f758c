package dev.losslab.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.app.Limits;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that send or read too slowly, or not at all, are cut off instead of holding connections
 * for good, and a connection waiting for a request holds no thread. The server here allows 1 s to
 * send a request, 2 s to take an answer and 1 s between requests; the lab's own are 20 s, 120 s and 30 s.
 */
class ServerTimeoutsTest {

    private static final Limits.Connections SHORT = new Limits.Connections(64 * 1024, 1_000, 2_000, 1_000);

    @RegisterExtension
    static final TestServer lab = TestServer.withConnections(SHORT);

    @Test
    void aClientThatNeverFinishesItsHeadersIsCutOff() throws Exception {
        assertClosedWithin(10, "GET /api/catalog HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    }

    @Test
    void aClientThatSendsItsHeadersByteByByteIsCutOffAtTheRequestTimeOut() throws Exception {
        try (Socket client = new Socket("127.0.0.1", lab.port())) {
            OutputStream out = client.getOutputStream();
            long start = System.nanoTime();
            boolean cut = false;
            for (int i = 0; i < 100 && !cut; i++) { // 100 × 100 ms: far longer than the 1 s allowed
                try {
                    out.write('X');
                    out.flush();
                    Thread.sleep(100);
                } catch (java.io.IOException closed) {
                    cut = true;
                }
            }
            client.setSoTimeout(10_000);
            if (!cut) {
                assertThat(client.getInputStream().read()).as("the server closed the connection").isEqualTo(-1);
            }
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(8);
        }
    }

    @Test
    void aClientThatNeverFinishesItsBodyIsCutOff() throws Exception {
        assertClosedWithin(10, "POST /api/race HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"surface\": ");
    }

    @Test
    void aConnectionThatNeverSendsAByteIsCutOff() throws Exception {
        assertClosedWithin(10, "");
    }

    @Test
    void aKeptAliveConnectionIsClosedWhenIdle() throws Exception {
        try (Socket client = new Socket("127.0.0.1", lab.port())) {
            client.getOutputStream().write("GET /api/step-factor?h=1&lr=0.1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            client.setSoTimeout(10_000);
            long start = System.nanoTime();
            byte[] all = client.getInputStream().readAllBytes(); // the answer, then the end when idle too long
            assertThat(new String(all, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 OK").doesNotContain("Connection: close");
            assertThat((System.nanoTime() - start) / 1e9).isBetween(0.5, 8.0);
        }
    }

    @Test
    void aClientThatNeverReadsItsAnswerIsCutOff() throws Exception {
        String race = "{\"surface\":\"bowl\",\"steps\":100000,\"tol\":0,\"racers\":[{\"optimizer\":\"gd\"},"
                + "{\"optimizer\":\"adam\"},{\"optimizer\":\"sgd\"}]}";
        try (Socket client = new Socket("127.0.0.1", lab.port())) {
            client.getOutputStream().write(("POST /api/race HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + race.length() + "\r\n\r\n" + race).getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(6_000); // reads nothing for three times the limit
            client.setSoTimeout(10_000);
            long read = 0;
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[1 << 16];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    read += n;
                }
            } catch (java.net.SocketException reset) {
                // closed with unsent answer: a reset is as good an end
            }
            // The three runs are ~25 MB of JSON; the server gave up long before sending them all.
            assertThat(read).isLessThan(20_000_000);
        }
    }

    /**
     * Fifty connections that send nothing wait in the server's selector: no thread serves any of
     * them (a thread per idle connection is what the selector is there to avoid).
     */
    @Test
    void connectionsWaitingForARequestHoldNoThread() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            int before = lab.openConnections();
            for (int i = 0; i < 50; i++) {
                idle.add(new Socket("127.0.0.1", lab.port()));
            }
            long end = System.nanoTime() + 5_000_000_000L;
            while (lab.openConnections() < before + 50 && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertThat(lab.openConnections()).isGreaterThanOrEqualTo(before + 50);
            assertThat(lab.servingConnections()).isZero();
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    @Test
    void theServerStillAnswersAfterwards() {
        assertThat(lab.get("/api/catalog").statusCode()).isEqualTo(200);
    }

    private void assertClosedWithin(int seconds, String partialRequest) throws Exception {
        try (Socket client = new Socket("127.0.0.1", lab.port())) {
            client.getOutputStream().write(partialRequest.getBytes(StandardCharsets.US_ASCII));
            client.setSoTimeout(seconds * 1000);
            long start = System.nanoTime();
            InputStream in = client.getInputStream();
            while (in.read() >= 0) {
                // an error answer may come first; the connection must still end
            }
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(seconds);
        }
    }
}
