package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code race --tune lr}: each racer at its own best learning rate. */
class RaceTuneTest {

    @Test
    void gradientDescentOnTheBowlIsTunedJustBelowTwoOverTheSteepCurvature() throws Exception {
        Cli cli = Cli.run("race", "--surface", "bowl", "--optimizers", "gd,momentum,adam", "--tune", "lr", "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(cli.out());
        JsonNode tuned = root.get("tuned");
        assertThat(tuned).hasSize(3);
        assertThat(tuned.get(0).get("optimizer").asText()).isEqualTo("gd");
        // Stable below 2/10; fastest near 2/(1 + 10) ≈ 0.18.
        assertThat(tuned.get(0).get("lr").asDouble()).isBetween(0.15, 0.2);
        assertThat(tuned.get(0).get("found").asBoolean()).isTrue();
        assertThat(tuned.get(0).get("candidates").asInt()).isEqualTo(37);
        assertThat(tuned.get(0).get("from").asDouble()).isCloseTo(0.0018, org.assertj.core.data.Offset.offset(1e-15));
        for (int k = 0; k < 3; k++) {
            JsonNode run = root.get("runs").get(k);
            assertThat(run.at("/spec/lr").asDouble()).isEqualTo(tuned.get(k).get("lr").asDouble());
            assertThat(run.at("/stop/reason").asText()).isEqualTo("converged");
        }
    }

    @Test
    void textSaysWhichLrEachRacerGot() {
        Cli cli = Cli.run("race", "--surface", "himmelblau", "--start=0,0", "--optimizers", "gd,newton", "--tune", "lr",
                "--format", "text");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.outLines()).hasSize(2);
        assertThat(cli.outLines()[0]).matches("gd +lr [0-9.]+ +converged after \\d+ steps .*reached the known minimum \\(3, 2\\)");
        // Newton at its default lr 1 converges to the maximum; tuned, it must reach a minimum.
        assertThat(cli.outLines()[1]).startsWith("newton").contains("reached the known minimum");
    }

    @Test
    void tuningNeverDoesWorseThanTheDefaultLr() throws Exception {
        Cli plain = Cli.run("race", "--surface", "ravine", "--optimizers", "momentum", "--format", "json");
        Cli tuned = Cli.run("race", "--surface", "ravine", "--optimizers", "momentum", "--tune", "lr", "--format", "json");
        var mapper = new ObjectMapper();
        int plainSteps = mapper.readTree(plain.out()).at("/runs/0/stop/step").asInt();
        int tunedSteps = mapper.readTree(tuned.out()).at("/runs/0/stop/step").asInt();
        assertThat(tunedSteps).isLessThanOrEqualTo(plainSteps);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            race --surface bowl --optimizers gd --tune momentum          | --tune takes lr (the only tunable setting), got 'momentum'
            race --surface bowl --optimizers gd --tune lr --lr 0.1       | --tune lr and --lr exclude each other
            """)
    void badInputExitsTwo(String args, String message) {
        Cli cli = Cli.run(args.strip().split("\\s+"));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains(message);
        assertThat(cli.out()).isEmpty();
    }
}
