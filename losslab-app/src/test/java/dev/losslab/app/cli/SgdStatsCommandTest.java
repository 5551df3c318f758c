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
            sgd-stats --surface himmelblau                          | error: sgd-stats takes exactly one of --noise (noise levels σ, e.g. 0:40:5) and --batch-sizes (minibatch sizes on a surface made of data, e.g. 1,4,16,64)
            sgd-stats --surface himmelblau --noise 0:4:3 --batch-sizes 4 | and --batch-sizes (minibatch sizes on a surface made of data, e.g. 1,4,16,64), not both
            sgd-stats --surface himmelblau --batch-sizes 4          | batch-sizes need a surface made of data (regression:…, logistic:…); himmelblau is a formula
            sgd-stats --surface regression:diabetes:bmi --batch-sizes 1,443 | batch-sizes must be in [1, 442] (the examples in regression:diabetes:bmi), got 443
            sgd-stats --surface regression:diabetes:bmi --batch-sizes 0,4   | batch-sizes must be in [1, 442] (the examples in regression:diabetes:bmi), got 0
            sgd-stats --surface regression:diabetes:bmi --batch-sizes 4,x   | --batch-sizes expects whole numbers separated by commas, e.g. 1,4,16,64, got '4,x'
            """)
    void badInputExitsTwoWithOneClearLine(String args, String message) {
        Cli cli = Cli.run(args.strip().split("\\s+"));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.out()).isEmpty();
    }

    // On data: the diabetes set's standardized body-mass index. ∇²f = (2/n)·XᵀX = 2·I, so gradient descent (B = n)
    // is stable for lr < 1; at lr 0.9 one example's step multiplies the error along (xᵢ, 1) by 1 − 1.8·(1 + xᵢ²),
    // beyond −1 for most examples, so batches of one blow up (SgdStatsTest has the argument).
    private static final String DIABETES = "regression:diabetes:bmi:standardized";

    @Test
    void batchSizesOnDataAreTheLevelsAndTheFullBatchNeverMisses() throws Exception {
        Cli cli = Cli.run("sgd-stats", "--surface", DIABETES, "--lr", "0.9", "--batch-sizes", "442,1,8", "--runs", "40",
                "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(cli.out());
        assertThat(root.get("varies").asText()).isEqualTo("batchSize");
        assertThat(root.at("/spec/noise").asDouble()).isZero();
        assertThat(root.get("spec").has("batchSize")).as("varied, so per level").isFalse();
        JsonNode levels = root.get("levels");
        assertThat(levels).hasSize(3);
        assertThat(levels.findValuesAsText("batchSize")).containsExactly("442", "1", "8");
        assertThat(levels.get(0).has("noise")).isFalse();
        assertThat(levels.get(0).at("/shares/0").asDouble()).as("B = n: gradient descent").isEqualTo(1.0);
        assertThat(levels.get(1).get("diverged").asDouble()).as("B = 1").isGreaterThan(0.9);
    }

    @Test
    void textAndCsvLabelTheLevelsAsBatchSizes() {
        Cli text = Cli.run("sgd-stats", "--surface", DIABETES, "--lr", "0.9", "--batch-sizes", "1,442", "--runs", "5",
                "--steps", "300");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.outLines()).containsExactly(
                "sgd on " + DIABETES + " from (0, 0), lr 0.9, 300 steps; 5 runs per batch size (seeds 1 to 5)",
                "share of runs ending in each basin:",
                "batch size  (45.16, 152.133)  diverged  unconverged",
                "         1             0.0 %   100.0 %        0.0 %",
                "       442           100.0 %     0.0 %        0.0 %");
        Cli csv = Cli.run("sgd-stats", "--surface", DIABETES, "--lr", "0.9", "--batch-sizes", "1,442", "--runs", "5",
                "--steps", "300", "--format", "csv");
        assertThat(csv.outLines()).containsExactly("batch_size,\"(45.160030020462905 152.13348416289614)\",diverged,unconverged",
                "1,0.0,1.0,0.0", "442,1.0,0.0,0.0");
    }
}
