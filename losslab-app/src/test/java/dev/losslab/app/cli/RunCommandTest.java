package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.losslab.core.run.RunBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void csvHasOneRowPerPointFromStepZeroAndReadsBackToTheSameDoubles() {
        Cli cli = Cli.run("run", "--surface", "bowl", "--optimizer", "gd", "--start=1,1", "--lr", "0.1",
                "--steps", "5", "--format", "csv");
        assertThat(cli.exitCode()).isZero();
        String[] lines = cli.outLines();
        assertThat(lines[0]).startsWith("step,x,y,loss");
        assertThat(lines).hasSize(7);
        // Step 1 of GD on 0.5x² + 5y² from (1, 1) with lr 0.1: x = 1 − 0.1·1, y = 1 − 0.1·10.
        String[] step1 = lines[2].split(",");
        assertThat(step1[0]).isEqualTo("1");
        assertThat(Double.parseDouble(step1[1])).isEqualTo(0.9);
        assertThat(Double.parseDouble(step1[2])).isEqualTo(0.0);
        // Every number equals the library's, bit for bit.
        var run = RunBuilder.on("bowl").learningRate(0.1).start(1, 1).steps(5).run();
        for (int i = 0; i <= 5; i++) {
            String[] row = lines[i + 1].split(",");
            assertThat(Double.parseDouble(row[1])).isEqualTo(run.trajectory().x(i));
            assertThat(Double.parseDouble(row[3])).isEqualTo(run.trajectory().loss(i));
        }
    }

    @Test
    void jsonHasStopAndPoints() throws Exception {
        Cli cli = Cli.run("run", "--surface", "bowl", "--optimizer", "newton", "--start=3,-2", "--format", "json");
        assertThat(cli.exitCode()).isZero();
        JsonNode root = JSON.readTree(cli.out());
        assertThat(root.at("/stop/reason").asText()).isEqualTo("converged");
        assertThat(root.at("/stop/step").asInt()).isEqualTo(1);
        assertThat(root.at("/points/0/x").asDouble()).isEqualTo(3.0);
        assertThat(root.at("/points/1/loss").asDouble()).isEqualTo(0.0);
        assertThat(root.at("/minimumReached/x").asDouble()).isEqualTo(0.0);
    }

    @Test
    void csvAndJsonCountTheEvaluationsAsTheLibraryDoes() throws Exception {
        // BFGS's line search spends more than the one f and ∇f per step the engine evaluates.
        var run = RunBuilder.on("rosenbrock").optimizer("bfgs").run();
        Cli csv = Cli.run("run", "--surface", "rosenbrock", "--optimizer", "bfgs", "--format", "csv");
        Cli json = Cli.run("run", "--surface", "rosenbrock", "--optimizer", "bfgs", "--format", "json");
        String[] lines = csv.outLines();
        assertThat(lines[0]).isEqualTo("step,x,y,loss,grad_x,grad_y,lr,f_evals,g_evals");
        JsonNode points = JSON.readTree(json.out()).get("points");
        assertThat(lines).hasSize(run.trajectory().size() + 1);
        assertThat(points).hasSize(run.trajectory().size());
        for (int i = 0; i < run.trajectory().size(); i++) {
            var p = run.trajectory().point(i);
            String[] row = lines[i + 1].split(",");
            assertThat(Long.parseLong(row[7])).isEqualTo(p.functionEvaluations());
            assertThat(Long.parseLong(row[8])).isEqualTo(p.gradientEvaluations());
            assertThat(points.get(i).get("fEvals").asLong()).isEqualTo(p.functionEvaluations());
            assertThat(points.get(i).get("gEvals").asLong()).isEqualTo(p.gradientEvaluations());
        }
        // SciPy's BFGS from (-1.2, 1): 32 iterations, 39 evaluations of f and of ∇f.
        assertThat(lines[lines.length - 1]).startsWith("32,").endsWith(",39,39");
    }

    @Test
    void jsonHyperParametersUseTheRegistryNamesSoARunCanBeAskedForAgain() throws Exception {
        Cli cli = Cli.run("run", "--surface", "bowl", "--optimizer", "adam", "--beta1", "0.8", "--steps", "3",
                "--format", "json");
        JsonNode hyper = JSON.readTree(cli.out()).at("/spec/hyperParameters");
        List<String> names = new ArrayList<>();
        hyper.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("beta1", "beta2", "eps", "amsgrad", "weight-decay",
                "no-bias-correction", "maximize");
        assertThat(hyper.get("beta1").asDouble()).isEqualTo(0.8);
        assertThat(hyper.get("no-bias-correction").asBoolean()).isFalse();
    }

    @Test
    void divergedRunsExitZeroAndJsonHasNoNaN() throws Exception {
        Cli cli = Cli.run("run", "--surface", "bowl", "--optimizer", "gd", "--lr", "0.5", "--start=1,1",
                "--steps", "10000", "--format", "json");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(JSON.readTree(cli.out()).at("/stop/reason").asText()).isEqualTo("diverged");
    }

    @Test
    void textEndsWithASummaryLine() {
        Cli cli = Cli.run("run", "--surface", "bowl", "--optimizer", "newton", "--start=3,-2", "--format", "text");
        assertThat(cli.exitCode()).isZero();
        String[] lines = cli.outLines();
        assertThat(lines[lines.length - 1])
                .isEqualTo("converged after 1 step at (0, 0), loss 0; reached minimum 1 (0, 0)");
    }

    @Test
    void noiseIsReproducibleFromTheSeed() {
        String[] args = {"run", "--surface", "bowl", "--optimizer", "sgd", "--steps", "20", "--format", "csv", "--seed", "7"};
        assertThat(Cli.run(args).out()).isEqualTo(Cli.run(args).out());
        assertThat(Cli.run(args).out()).isNotEqualTo(
                Cli.run("run", "--surface", "bowl", "--optimizer", "sgd", "--steps", "20", "--format", "csv", "--seed", "8").out());
    }
}
