package dev.losslab.app.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.app.web.ApiAssertions;
import dev.losslab.app.web.TestServer;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Guards against other web sites driving a lab on this machine: DNS rebinding and simple-form POSTs. */
class CrossSiteGuardTest {

    @RegisterExtension
    static final TestServer lab = TestServer.start();

    private static final HostGuard LOOPBACK = HostGuard.forAddress(InetAddress.getLoopbackAddress(), List.of());

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "127.0.0.1", "127.0.0.1:51234", "127.1.2.3:80", "[::1]",
            "[::1]:8080", "LOCALHOST:8080"})
    void loopbackHostsAreAnswered(String host) {
        assertThatCode(() -> LOOPBACK.require(host)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.evil.example",
            "10.0.0.1:8080", "[::2]", ""})
    void otherHostsAreRefused(String host) {
        assertThatThrownBy(() -> LOOPBACK.require(host))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("only answers requests addressed to localhost");
    }

    @Test
    void aMissingHostIsRefused() {
        assertThatThrownBy(() -> LOOPBACK.require(null)).isInstanceOf(ApiException.class);
    }

    /** Listening on every address, the lab answers this machine's names and addresses and --allow-host's, never others. */
    @Test
    void aLabOnTheNetworkStillRefusesNamesThatAreNotThisMachines() throws Exception {
        HostGuard everywhere = HostGuard.forAddress(InetAddress.getByName("0.0.0.0"), List.of("Lab.Example"));
        assertThatCode(() -> everywhere.require("localhost:8080")).doesNotThrowAnyException();
        assertThatCode(() -> everywhere.require("lab.example:8080")).doesNotThrowAnyException();
        for (String own : everywhere.allowed()) {
            assertThatCode(() -> everywhere.require(own + ":8080")).as(own).doesNotThrowAnyException();
        }
        assertThat(everywhere.allowed()).doesNotContain("0.0.0.0");
        assertThatThrownBy(() -> everywhere.require("evil.example:8080"))
                .isInstanceOf(ApiException.class)
                .hasMessage("this lab does not answer requests addressed to 'evil.example:8080'; "
                        + "start it with --allow-host NAME to add a name");
    }

    @Test
    void aLabOnTheNetworkIsServedWithAHostGuard() throws Exception {
        try (var server = dev.losslab.app.web.WebServer.start("0.0.0.0", 0, List.of())) {
            assertThat(server.reachableFromNetwork()).isTrue();
            assertThat(server.url()).startsWith("http://127.0.0.1:");
            // java.net.http refuses to set Host; a raw socket sends what a rebinding page would.
            try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write("GET /api/catalog HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 403");
            }
            var client = java.net.http.HttpClient.newHttpClient();
            assertThat(client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "api/catalog")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPostThatIsNotJsonIs415() {
        var form = lab.send(HttpRequest.newBuilder(lab.uri("/api/race"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"gd\"}]}"))
                .build());
        ApiAssertions.assertError(form, 415,
                "send the body as Content-Type: application/json, got 'application/x-www-form-urlencoded'", null);
        var json = lab.send(HttpRequest.newBuilder(lab.uri("/api/race"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"surface\": \"bowl\", \"racers\": [{\"optimizer\": \"gd\"}]}"))
                .build());
        org.assertj.core.api.Assertions.assertThat(json.statusCode()).isEqualTo(200);
    }
}
