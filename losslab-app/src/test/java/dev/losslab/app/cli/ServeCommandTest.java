package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** `losslab serve`: what it says when it cannot start, and where it is listed. */
class ServeCommandTest {

    @Test
    void aTakenPortIsOneLineAndExitOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Cli cli = Cli.run("serve", "--port", Integer.toString(port));
            assertThat(cli.exitCode()).isEqualTo(Main.FAILURE);
            assertThat(cli.err().strip()).isEqualTo("error: port " + port + " is in use; try --port " + (port + 1));
            assertThat(cli.out()).isEmpty();
        }
    }

    @Test
    void aPortOutOfRangeIsBadInput() {
        Cli cli = Cli.run("serve", "--port", "70000");
        assertThat(cli.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err().strip()).isEqualTo("error: port must be in [0, 65535], got 70000");
    }

    @Test
    void serveOptionsWithoutTheCommandNameServeAsTheCommandWould() throws IOException {
        Cli bad = Cli.run("--port", "70000");
        assertThat(bad.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(bad.err().strip()).isEqualTo("error: port must be in [0, 65535], got 70000");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Cli cli = Cli.run("--host=127.0.0.1", "--port=" + port);
            assertThat(cli.exitCode()).isEqualTo(Main.FAILURE);
            assertThat(cli.err().strip()).isEqualTo("error: port " + port + " is in use; try --port " + (port + 1));
        }
    }

    @Test
    void helpListsServeFirstAndSaysWhatNoCommandDoes() {
        Cli cli = Cli.run("--help");
        assertThat(cli.exitCode()).isEqualTo(Main.OK);
        assertThat(cli.out()).contains("With no command, serves the web lab at http://127.0.0.1:8080/");
        assertThat(cli.out()).containsPattern("(?m)^\\s+serve\\s+Serve the web lab");
        assertThat(cli.out()).contains("surfaces", "optimizers", "run", "race", "analyze", "critical-points");
    }

    @Test
    void serveHelpShowsTheDefaults() {
        Cli cli = Cli.run("serve", "--help");
        assertThat(cli.out()).contains("--port=N", "(default: 8080)", "--host=HOST", "(default: 127.0.0.1)");
    }
}
