package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriticalPointsCommandTest {

    @Test
    void himmelblauHasFourMinimaOneMaximumAndFourSaddles() throws Exception {
        Cli cli = Cli.run("critical-points", "--surface", "himmelblau", "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode list = new ObjectMapper().readTree(cli.out());
        Map<String, Integer> kinds = new HashMap<>();
        for (JsonNode p : list) {
            assertThat(p.has("x") && p.has("y") && p.has("value")).isTrue();
            kinds.merge(p.get("kind").asText(), 1, Integer::sum);
        }
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("minimum", 4, "maximum", 1, "saddle", 4));
    }

    @Test
    void aWindowNarrowsTheSearch() throws Exception {
        Cli cli = Cli.run("critical-points", "--surface", "himmelblau", "--window=2,4,1,3", "--format", "json");
        JsonNode list = new ObjectMapper().readTree(cli.out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("kind").asText()).isEqualTo("minimum");
    }

    @Test
    void textCountsThePoints() {
        Cli cli = Cli.run("critical-points", "--surface", "saddle");
        assertThat(cli.out()).startsWith("1 critical point of saddle").contains("saddle     (0, 0)");
    }

    @Test
    void anEmptyWindowIsBadInput() {
        Cli cli = Cli.run("critical-points", "--surface", "saddle", "--window=1,0,0,1");
        assertThat(cli.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains("window needs finite x0 < x1");
    }
}
