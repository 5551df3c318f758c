package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RaceCommandTest {

    @Test
    void csvTellsRacersApartByTheFirstColumn() {
        Cli cli = Cli.run("race", "--surface", "bowl", "--start=-3.5,2.5", "--optimizers", "gd,momentum,newton",
                "--format", "csv");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String[] lines = cli.outLines();
        assertThat(lines[0]).isEqualTo("optimizer,step,x,y,loss,grad_x,grad_y,lr,f_evals,g_evals");
        var racers = Arrays.stream(lines).skip(1).map(l -> l.split(",")[0]).collect(Collectors.toSet());
        assertThat(racers).containsExactlyInAnyOrder("gd", "momentum", "newton");
        // Newton lands on the bowl's minimum in one step: two rows (steps 0 and 1).
        assertThat(Arrays.stream(lines).filter(l -> l.startsWith("newton,"))).hasSize(2);
    }

    @Test
    void jsonHasOneRunPerRacerAndSharedOptionsApplyWhereTaken() throws Exception {
        Cli cli = Cli.run("race", "--surface", "himmelblau", "--start=0,0", "--optimizers", "gd,momentum,adam",
                "--momentum", "0.5", "--steps", "200", "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode runs = new ObjectMapper().readTree(cli.out()).get("runs");
        assertThat(runs).hasSize(3);
        assertThat(runs.get(1).at("/spec/optimizer").asText()).isEqualTo("momentum");
        assertThat(runs.get(1).at("/spec/hyperParameters/momentum").asDouble()).isEqualTo(0.5);
        assertThat(runs.get(0).at("/points/0/loss").asDouble()).isEqualTo(170.0);
    }
}
