package dev.losslab.core.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Window;
import org.junit.jupiter.api.Test;

class GridAndAxisTest {

    @Test
    void gridPointsAreNumpyLinspaceAndIncludeBothEdges() {
        Grid grid = new Grid(Window.of(-5, 5, -1, 3), 5, 3);
        // numpy.linspace(-5, 5, 5) and numpy.linspace(-1, 3, 3)
        assertThat(new double[] {grid.x(0), grid.x(1), grid.x(2), grid.x(3), grid.x(4)})
                .containsExactly(-5, -2.5, 0, 2.5, 5);
        assertThat(new double[] {grid.y(0), grid.y(1), grid.y(2)}).containsExactly(-1, 1, 3);
        assertThat(grid.cells()).isEqualTo(15);
    }

    @Test
    void theLastPointIsTheEdgeExactlyEvenWhenTheStepDoesNotAddUpToIt() {
        Grid grid = Grid.square(Window.of(0, 0.3, 0, 0.7), 4);
        assertThat(grid.x(3)).isEqualTo(0.3);
        assertThat(grid.y(3)).isEqualTo(0.7);
        assertThat(grid.x(1)).isEqualTo(1 * (0.3 / 3) + 0);   // numpy: i*step + start
    }

    @Test
    void aGridNeedsTwoPointsASide() {
        assertThatThrownBy(() -> Grid.square(Window.square(1), 1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("grid needs at least 2 points a side, got 1×1");
    }

    @Test
    void axesSpaceLinearlyOrInLog10WithExactEnds() {
        assertThat(Axis.linear("lr", 0.1, 0.3, 3).values()).containsExactly(0.1, 1 * ((0.3 - 0.1) / 2) + 0.1, 0.3);
        double[] log = Axis.logarithmic("lr", 1e-3, 1e-1, 3).values();
        assertThat(log[0]).isEqualTo(1e-3);
        assertThat(log[1]).isCloseTo(1e-2, org.assertj.core.data.Offset.offset(1e-17));
        assertThat(log[2]).isEqualTo(1e-1);
        assertThat(Axis.linear("momentum", 0.5, 0.5, 1).values()).containsExactly(0.5);
    }

    @Test
    void badAxesAreRejectedWithTheParameterNamed() {
        assertThatThrownBy(() -> Axis.logarithmic("lr", 0, 1, 3)).hasMessage("a log-spaced lr needs ends > 0, got 0.0:1.0");
        assertThatThrownBy(() -> Axis.linear("lr", 0, 1, 0)).hasMessage("lr count must be in [1, 1024], got 0");
        assertThatThrownBy(() -> Axis.linear("lr", 0, 1, 1)).hasMessage("lr with 1 value needs from = to, got 0.0:1.0");
    }

    @Test
    void theBudgetBoundsGridStepsAndTheirProduct() {
        Budget.checkGrid(2048);
        Budget.checkWork(2048L * 2048, 2000);
        assertThatThrownBy(() -> Budget.checkGrid(2049)).hasMessage("grid must be in [2, 2048], got 2049");
        assertThatThrownBy(() -> Budget.checkWork(4, 100_001))
                .hasMessage("steps must be in [0, 100000] for maps and sweeps, got 100001");
        assertThatThrownBy(() -> Budget.checkWork(2048L * 2048, 100_000))
                .hasMessage("runs × steps must be at most 10000000000 (1e10), got 4194304 × 100000 = 419430400000;"
                        + " use fewer points or fewer steps");
    }

    @Test
    void aCallersTighterBudgetIsTheOneItsMessagesName() {
        Budget.checkGrid(200, 200);
        Budget.checkWork(200L * 200, 1250, 5_000, 50_000_000L);
        assertThatThrownBy(() -> Budget.checkGrid(201, 200)).hasMessage("grid must be in [2, 200], got 201");
        assertThatThrownBy(() -> Budget.checkWork(4, 5_001, 5_000, 50_000_000L))
                .hasMessage("steps must be in [0, 5000] for maps and sweeps, got 5001");
        assertThatThrownBy(() -> Budget.checkWork(200L * 200, 2_000, 5_000, 50_000_000L))
                .hasMessage("runs × steps must be at most 50000000 (5e7), got 40000 × 2000 = 80000000;"
                        + " use fewer points or fewer steps");
    }
}
