package dev.losslab.app.web.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.app.web.ApiAssertions;
import dev.losslab.app.web.TestServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Guards against other web sites driving a lab on this machine: DNS rebinding and simple-form POSTs. */
class CrossSiteGuardTest {

    static TestServer lab;

    @BeforeAll
    static void start() {
        lab = TestServer.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "127.0.0.1", "127.0.0.1:51234", "127.1.2.3:80", "[::1]",
            "[::1]:8080", "LOCALHOST:8080"})
    void loopbackHostsAreAnswered(String host) {
        assertThatCode(() -> Router.requireLoopbackHost(host)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.evil.example",
            "10.0.0.1:8080", "[::2]", ""})
    void otherHostsAreRefused(String host) {
        assertThatThrownBy(() -> Router.requireLoopbackHost(host))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("only answers requests addressed to localhost");
    }

    @Test
    void aMissingHostIsRefused() {
        assertThatThrownBy(() -> Router.requireLoopbackHost(null)).isInstanceOf(ApiException.class);
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
