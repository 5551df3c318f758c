package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code --surface} takes a formula in x and y wherever it takes a catalog name. */
class FormulaSurfaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEALE_TWO_TERMS = "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2";

    @Test
    void runOnATypedFormula() throws Exception {
        Cli cli = Cli.run("run", "--surface", BEALE_TWO_TERMS, "--optimizer", "adam", "--start=1,1", "--steps", "2000",
                "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode run = JSON.readTree(cli.out());
        JsonNode points = run.get("points");
        // f(1, 1) = 1.5² + 2.25² = 7.3125; Adam slides down towards the zero at (3, 0.5).
        assertThat(points.get(0).get("loss").asDouble()).isEqualTo(7.3125);
        JsonNode last = points.get(points.size() - 1);
        assertThat(last.get("loss").asDouble()).isLessThan(1e-3);
        assertThat(last.get("x").asDouble()).isCloseTo(3, within(0.1));
        assertThat(last.get("y").asDouble()).isCloseTo(0.5, within(0.05));
        assertThat(run.at("/minimumReached").isNull()).as("a typed surface has no known minima").isTrue();
    }

    @Test
    void runPrintsTheFormulaAsTheSurfaceName() {
        Cli cli = Cli.run("run", "--surface", "x^2 + 10*y^2", "--optimizer", "gd", "--format", "text");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        // Default start (−4, 4) and lr 1/20 (the curvature 20 along y).
        assertThat(cli.out()).startsWith("gd on x^2 + 10*y^2 from (-4, 4), lr 0.05");
        assertThat(cli.outLines()[cli.outLines().length - 1]).startsWith("converged after");
    }

    @Test
    void analyzeATypedFormula() throws Exception {
        Cli cli = Cli.run("analyze", "--surface", "x^2 - y^2 + x*y", "--at=1,2", "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode a = JSON.readTree(cli.out());
        assertThat(a.get("value").asDouble()).isEqualTo(-1);
        assertThat(a.at("/gradient/0").asDouble()).isEqualTo(4);
        assertThat(a.at("/gradient/1").asDouble()).isEqualTo(-3);
        assertThat(a.get("kind").asText()).isEqualTo("saddle");
        assertThat(a.at("/eigenvalues/0").asDouble()).isCloseTo(Math.sqrt(5), within(1e-15));
    }

    @Test
    void aRunThatDriftsOutOfTheDomainStopsWithLeftDomain() throws Exception {
        // f = log(x) falls towards x = 0; one GD step of lr 1 from x = 0.5 jumps to x = −1.5.
        Cli cli = Cli.run("run", "--surface", "log(x)", "--optimizer", "gd", "--start=0.5,0", "--lr", "1",
                "--format", "json");
        assertThat(cli.exitCode()).as("the stop reason is data, not an error").isZero();
        assertThat(JSON.readTree(cli.out()).at("/stop/reason").asText()).isEqualTo("left-domain");
    }

    @Test
    void analyzeOutsideTheDomainIsBadInputWithAClearMessage() {
        Cli cli = Cli.run("analyze", "--surface", "log(x)", "--at=-1,0");
        assertThat(cli.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("error: f is undefined at (-1.0, 0.0)" + System.lineSeparator());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            (1 - x      | surface: expected ')' after '(1 - x' at column 7                                        | 7
            2 * * x     | surface: expected a number, a name or '(' after '2 *', found '*' at column 5           | 5
            x + z       | surface: unknown name 'z' at column 5: expected x, y, pi, e or a function call such as sin(x) | 5
            sinn(x)     | surface: unknown function 'sinn' at column 1: did you mean 'sin'?                       | 1
            """)
    void malformedFormulasAreBadInputWithACaret(String formula, String message, int column) {
        for (String command : new String[] {"run", "analyze", "critical-points", "race"}) {
            String[] args = switch (command) {
                case "run" -> new String[] {"run", "--surface", formula, "--optimizer", "gd"};
                case "analyze" -> new String[] {"analyze", "--surface", formula, "--at=0,0"};
                case "race" -> new String[] {"race", "--surface", formula, "--optimizers", "gd,adam"};
                default -> new String[] {command, "--surface", formula};
            };
            Cli cli = Cli.run(args);
            assertThat(cli.exitCode()).as(command).isEqualTo(Main.BAD_INPUT);
            assertThat(cli.out()).isEmpty();
            assertThat(cli.err().lines().toList()).as(command).containsExactly(
                    "error: " + message, "  " + formula, "  " + " ".repeat(column - 1) + "^");
        }
    }

    @Test
    void emptyFormulaIsBadInput() {
        Cli cli = Cli.run("run", "--surface", "", "--optimizer", "gd");
        assertThat(cli.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli.err()).startsWith("error: surface: expected a formula in x and y, found an empty text at column 1");
    }

    @Test
    void helpSaysAFormulaIsAccepted() {
        Cli cli = Cli.run("run", "--help");
        assertThat(cli.out()).contains("--surface=NAME").contains("or a formula in x and y");
    }
}
