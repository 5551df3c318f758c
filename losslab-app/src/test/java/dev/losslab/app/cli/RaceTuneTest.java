package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code race --tune lr|lr,momentum}: each racer at its own best settings, with the same budget. */
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
        assertThat(tuned.get(0).at("/lrGrid/from").asDouble()).isCloseTo(0.0018, Offset.offset(1e-15));
        for (int k = 0; k < 3; k++) {
            JsonNode t = tuned.get(k);
            // The same budget for every racer: 37 learning rates, each from 5 starts.
            assertThat(t.get("scope").asText()).isEqualTo("lr");
            assertThat(t.get("configurations").asInt()).isEqualTo(37);
            assertThat(t.at("/lrGrid/count").asInt()).isEqualTo(37);
            assertThat(t.get("parameter").isNull()).isTrue();
            assertThat(t.get("runs").asInt()).isEqualTo(185);
            assertThat(t.get("starts")).hasSize(5);
            assertThat(t.at("/score/runs").asInt()).isEqualTo(5);
            JsonNode run = root.get("runs").get(k);
            assertThat(run.at("/spec/lr").asDouble()).isEqualTo(t.get("lr").asDouble());
            assertThat(run.at("/stop/reason").asText()).isEqualTo("converged");
        }
    }

    @Test
    void theRaceRunIsTheFirstOfTheChosenSettingsTrials() throws Exception {
        // Tuned over five starts the momentum racer on the ravine no longer gets the default lr 0.008, which
        // converges from the race's start in 407 steps but diverges from two of the four starts beside it.
        Cli cli = Cli.run("race", "--surface", "ravine", "--optimizers", "momentum", "--tune", "lr", "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(cli.out());
        JsonNode tuned = root.at("/tuned/0");
        assertThat(tuned.get("lr").asDouble()).isLessThan(0.008);
        assertThat(tuned.at("/score/diverged").asInt()).isZero();
        assertThat(root.at("/tuned/0/starts/0/0").asDouble()).isEqualTo(root.at("/runs/0/spec/start/x").asDouble());
        int steps = root.at("/runs/0/stop/step").asInt();
        assertThat(steps).isBetween(tuned.at("/score/steps/min").asInt(), tuned.at("/score/steps/max").asInt());
        double loss = root.at("/runs/0/points").get(steps).get("loss").asDouble();
        assertThat(loss).isBetween(tuned.at("/score/loss/min").asDouble(), tuned.at("/score/loss/max").asDouble());
    }

    @Test
    void lrAndMomentumGivesEveryRacerTheSameNumberOfSettings() throws Exception {
        Cli cli = Cli.run("race", "--surface", "bowl", "--optimizers", "gd,momentum,nesterov,adam,sgd", "--tune", "lr,momentum",
                "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode tuned = new ObjectMapper().readTree(cli.out()).get("tuned");
        for (JsonNode t : tuned) {
            assertThat(t.get("configurations").asInt()).as(t.get("optimizer").asText()).isEqualTo(133);
            assertThat(t.at("/lrGrid/count").asInt() * Math.max(1, t.get("values").size())).isEqualTo(133);
        }
        assertThat(tuned.get(0).get("parameter").isNull()).isTrue();
        assertThat(tuned.get(0).at("/lrGrid/count").asInt()).isEqualTo(133);
        // Heavy ball on curvatures 1 and 10: μ = 0.5 gives rate √0.5 ≈ 0.71, better than μ = 0 (9/11) and 0.8 (√0.8).
        assertThat(tuned.get(1).get("parameter").asText()).isEqualTo("momentum");
        assertThat(tuned.get(1).get("value").asDouble()).isEqualTo(0.5);
        assertThat(tuned.get(2).get("values").get(0).asDouble()).isEqualTo(0.5);
        assertThat(tuned.get(3).get("parameter").asText()).isEqualTo("beta1");
        // SGD's noise: three seeds per start.
        assertThat(tuned.get(4).get("seeds")).hasSize(3);
        assertThat(tuned.get(4).get("runs").asInt()).isEqualTo(133 * 15);
        assertThat(tuned.get(4).at("/score/medianStepsToConverge").isNull()).isTrue();
    }

    @Test
    void textSaysWhichSettingsEachRacerGotAndHowTheyDid() {
        Cli cli = Cli.run("race", "--surface", "bowl", "--optimizers", "gd,momentum", "--tune", "lr,momentum", "--format", "text");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String[] lines = cli.outLines();
        assertThat(lines[0]).matches("gd +lr 0\\.18 +converged after \\d+ steps .*reached minimum 1 \\(0, 0\\)");
        assertThat(lines[1]).matches("momentum +lr [0-9.]+, μ 0\\.5 +converged after \\d+ steps .*");
        assertThat(lines[2]).isEmpty();
        assertThat(lines[3]).isEqualTo("tuned (--tune lr,momentum): 133 settings per racer, each run from 5 starts (the race's "
                + "and 4 at 0.4 beside it)");
        assertThat(lines[5]).startsWith("optimizer").contains("diverged", "converged", "steps median [min, max]");
        assertThat(lines[6]).matches("gd +665 +0/5 +5/5 +\\d+ \\[\\d+, \\d+\\] +.*");
        assertThat(lines[7]).matches("momentum +665 +0/5 +5/5 +\\d+ \\[\\d+, \\d+\\] +.*");
        assertThat(lines).hasSize(8);
    }

    @Test
    void newtonFromHimmelblausOriginIsNotTunedIntoTheMaximum() {
        // From (0, 0) and beside it Newton converges to the maximum or a saddle at most lrs: not a
        // minimum, so not counted as converged; the tuner takes the lr that ends lowest on most starts.
        Cli cli = Cli.run("race", "--surface", "himmelblau", "--start=0,0", "--optimizers", "gd,newton", "--tune", "lr",
                "--format", "text");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.outLines()[0]).matches("gd +lr [0-9.]+ +converged after \\d+ steps .*reached minimum 1 \\(3, 2\\)");
        assertThat(cli.outLines()[1]).startsWith("newton").doesNotContain("lr 1 ").doesNotContain("maximum");
    }

    @Test
    void csvRepeatsEachRacersTuningOnItsRows() {
        Cli cli = Cli.run("race", "--surface", "bowl", "--optimizers", "gd,momentum", "--tune", "lr,momentum", "--format", "csv");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String[] lines = cli.outLines();
        assertThat(lines[0]).isEqualTo("optimizer,step,x,y,loss,grad_x,grad_y,lr,f_evals,g_evals,tuned_lr,tuned_momentum,"
                + "tuned_settings_tried,tuned_runs,tuned_trials,tuned_diverged,tuned_converged,tuned_steps_median,"
                + "tuned_steps_min,tuned_steps_max,tuned_loss_median,tuned_loss_min,tuned_loss_max");
        List<String[]> gd = Arrays.stream(lines).filter(l -> l.startsWith("gd,")).map(l -> l.split(",", -1)).toList();
        List<String[]> momentum = Arrays.stream(lines).filter(l -> l.startsWith("momentum,")).map(l -> l.split(",", -1)).toList();
        assertThat(gd.getFirst()).hasSize(23);
        assertThat(gd.getFirst()[11]).isEmpty();
        assertThat(gd.getFirst()[12]).isEqualTo("133");
        assertThat(gd.getFirst()[13]).isEqualTo("665");
        assertThat(momentum.getFirst()[11]).isEqualTo("0.5");
        // The tuning columns are the racer's, the same on every row; the row's lr is the tuned lr.
        assertThat(momentum.stream().map(r -> String.join(",", Arrays.copyOfRange(r, 10, 23))).distinct()).hasSize(1);
        assertThat(momentum.getFirst()[7]).isEqualTo(momentum.getFirst()[10]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            race --surface bowl --optimizers gd --tune momentum                    | --tune takes lr, or lr,momentum (μ, or β₁ for the Adam family), got 'momentum'
            race --surface bowl --optimizers gd --tune all                         | --tune takes lr, or lr,momentum (μ, or β₁ for the Adam family), got 'all'
            race --surface bowl --optimizers gd --tune lr --lr 0.1                 | --tune lr and --lr exclude each other
            race --surface bowl --optimizers gd,adam --tune lr,momentum --beta1 0.8 | --tune lr,momentum and --beta1 exclude each other: tuning chooses beta1 for adam (use --tune lr to keep yours)
            race --surface bowl --optimizers adam --tune lr,momentum --schedule one-cycle | adam's beta1 cannot be tuned while the one-cycle schedule cycles it
            race --surface bowl --optimizers gd --tune lr --steps 200000           | steps must be in [0, 100000]
            """)
    void badInputExitsTwo(String args, String message) {
        Cli cli = Cli.run(args.strip().split("\\s+"));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains(message);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aFixedMomentumIsKeptWhenOnlyLrIsTuned() throws Exception {
        Cli cli = Cli.run("race", "--surface", "bowl", "--optimizers", "momentum", "--momentum", "0.8", "--tune", "lr",
                "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(new ObjectMapper().readTree(cli.out()).at("/runs/0/spec/hyperParameters/momentum").asDouble()).isEqualTo(0.8);
    }
}
