package dev.losslab.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.surface.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DecisionMap} on networks whose boundary is known by hand: linear models, whose boundary is a
 * line that marching squares traces exactly (it interpolates a linear field without error), with the
 * threshold each loss classifies by, and three classes whose regions meet on three rays.
 */
class DecisionMapTest {

    private static final Window WINDOW = Window.of(-2, 2, -2, 2);

    /** Two examples of two inputs with labels 0 and 1 (or K classes): only their shape matters here. */
    private static Examples examples(int classes) {
        return new Examples("hand", 2, 2, new double[] {0, 0, 1, 1}, new double[] {0, 1}, classes);
    }

    private static DecisionMap linear(Loss loss, int classes, double... theta) {
        int outputs = theta.length / 3;
        Objective objective = new Objective(new Network(new int[] {2, outputs}, Activation.TANH), loss, examples(classes));
        return DecisionMap.of(objective, theta, WINDOW, 41);
    }

    private static int classAt(DecisionMap map, double x, double y) {
        int i = (int) Math.round((x - WINDOW.xMin()) / WINDOW.width() * (map.size() - 1));
        int j = (int) Math.round((y - WINDOW.yMin()) / WINDOW.height() * (map.size() - 1));
        return map.classes()[j * map.size() + i];
    }

    /** Every traced point, as [x, y]. */
    private static List<double[]> points(DecisionMap map) {
        return map.boundary().stream().flatMap(line -> java.util.stream.IntStream.range(0, line.length / 2)
                .mapToObj(k -> new double[] {line[2 * k], line[2 * k + 1]})).toList();
    }

    /** A logit z = x − y + ½ (bce): class 1 where σ(z) > ½, the boundary the line y = x + ½. */
    @Test
    void aLogitsBoundaryIsWhereItIsZero() {
        DecisionMap map = linear(Loss.BCE, 2, 1, -1, 0.5);
        assertThat(points(map)).isNotEmpty().allSatisfy(p -> assertThat(Math.abs(p[0] - p[1] + 0.5)).isLessThan(1e-12));
        assertThat(classAt(map, 1, -1)).isEqualTo(1);
        assertThat(classAt(map, -1, 1)).isEqualTo(0);
    }

    /** mse on 0/1 labels: one output z = x, class 1 above ½, so the boundary is x = ½, not x = 0. */
    @Test
    void anMseScoresBoundaryIsWhereItIsOneHalf() {
        DecisionMap map = linear(Loss.MSE, 2, 1, 0, 0);
        assertThat(points(map)).isNotEmpty().allSatisfy(p -> assertThat(p[0]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12)));
        assertThat(classAt(map, 0.3, 0)).isEqualTo(0);
        assertThat(classAt(map, 0.7, 0)).isEqualTo(1);
    }

    /**
     * Logits (x, y, 0) over three classes: class 0 where x is largest, 1 where y is, 2 where both are
     * negative. The regions meet on the rays x = y ≥ 0, x = 0 ≥ y and y = 0 ≥ x.
     */
    @Test
    void threeClassesMeetWhereTheTwoLargestLogitsAreEqual() {
        DecisionMap map = linear(Loss.CE, 3, 1, 0, 0, 1, 0, 0, 0, 0, 0);
        assertThat(classAt(map, 1, -1)).isEqualTo(0);
        assertThat(classAt(map, -1, 1)).isEqualTo(1);
        assertThat(classAt(map, -1, -1)).isEqualTo(2);
        List<double[]> points = points(map);
        assertThat(points).isNotEmpty().allSatisfy(p -> {
            double x = p[0], y = p[1];
            boolean diagonal = Math.abs(x - y) < 1e-12 && x >= -1e-12;
            boolean down = Math.abs(x) < 1e-12 && y <= 1e-12;
            boolean left = Math.abs(y) < 1e-12 && x <= 1e-12;
            assertThat(diagonal || down || left).as("(%s, %s) on a ray", x, y).isTrue();
        });
        // each ray is traced: its far end at the window's edge is on the boundary
        assertThat(points).anySatisfy(p -> assertThat(p[0] + p[1]).isGreaterThan(3.9));
        assertThat(points).anySatisfy(p -> assertThat(p[1]).isLessThan(-1.9));
        assertThat(points).anySatisfy(p -> assertThat(p[0]).isLessThan(-1.9));
    }

    @Test
    void onlyClassifiersOfTwoInputsHaveAMap() {
        Examples real = new Examples("real", 2, 2, new double[] {0, 0, 1, 1}, new double[] {0.5, 2}, 0);
        Objective regression = new Objective(new Network(new int[] {2, 1}, Activation.TANH), Loss.MSE, real);
        assertThatThrownBy(() -> DecisionMap.of(regression, new double[3], WINDOW, 11)).isInstanceOf(IllegalArgumentException.class);
    }
}
