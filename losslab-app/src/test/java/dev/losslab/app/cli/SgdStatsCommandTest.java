package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SgdStatsCommandTest {

    @Test
    void withoutNoiseEveryRunFromTheOriginEndsAtThreeTwoAndWithMuchNoiseNotAll() throws Exception {
        Cli cli = Cli.run("sgd-stats", "--surface", "himmelblau", "--start=0,0", "--noise", "0:40:2", "--runs", "40",
                "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(cli.out());
        assertThat(root.get("runs").asInt()).isEqualTo(40);
        JsonNode quiet = root.get("levels").get(0);
        assertThat(quiet.get("noise").asDouble()).isZero();
        assertThat(root.at("/minima/0/x").asDouble()).isEqualTo(3.0);
        assertThat(quiet.at("/shares/0").asDouble()).isEqualTo(1.0);
        assertThat(quiet.get("diverged").asDouble()).isZero();
        assertThat(quiet.get("unconverged").asDouble()).isZero();
        JsonNode loud = root.get("levels").get(1);
        assertThat(loud.at("/shares/0").asDouble()).isLessThan(1.0);
    }

    @Test
    void textHasOneRowPerNoiseLevel() {
        Cli cli = Cli.run("sgd-stats", "--surface", "himmelblau", "--start=0,0", "--noise", "0:10:3", "--runs", "5", "--steps", "300");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.outLines()).hasSize(6);
        assertThat(cli.outLines()[0]).isEqualTo("sgd on himmelblau from (0, 0), lr 0.01, 300 steps; 5 runs per noise level (seeds 1 to 5)");
        assertThat(cli.outLines()[3]).startsWith("       0   100.0 %");
    }

    @Test
    void csvHasTheSharesAsExactNumbers() {
        Cli cli = Cli.run("sgd-stats", "--surface", "bowl", "--noise", "0:0:1", "--runs", "3", "--format", "csv");
        assertThat(cli.outLines()).containsExactly("noise,\"(0.0 0.0)\",diverged,unconverged", "0.0,1.0,0.0,0.0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sgd-stats --surface himmelblau --noise 0:40             | --noise expects FROM:TO:COUNT, e.g. 0:40:5, got '0:40'
            sgd-stats --surface himmelblau --noise 0:x:3            | --noise expects FROM:TO:COUNT with numbers
            sgd-stats --surface himmelblau --noise 0:0x14p0:3       | --noise expects FROM:TO:COUNT with numbers such as 0:40:5 (plain decimals), got '0:0x14p0:3'
            sgd-stats --surface himmelblau --noise 0:20d:3          | --noise expects FROM:TO:COUNT with numbers such as 0:40:5 (plain decimals), got '0:20d:3'
            sgd-stats --surface himmelblau --noise -1:4:3           | noise must be >= 0, got -1
            sgd-stats --surface himmelblau --noise 0:4:3 --runs 0   | runs must be in [1, 100000], got 0
            sgd-stats --surface himmelblau --noise 0:4:3 --optimizer adma | unknown optimizer 'adma': did you mean 'adam'?
            sgd-stats --surface himmelblau                          | Missing required option: '--noise=A:B:N'
            """)
    void badInputExitsTwoWithOneClearLine(String args, String message) {
        Cli cli = Cli.run(args.strip().split("\\s+"));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.out()).isEmpty();
    }
}
