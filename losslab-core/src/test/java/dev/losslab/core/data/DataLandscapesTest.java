package dev.losslab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Vec2;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Specs of surfaces made of data, on small tables whose answers are worked by hand. */
class DataLandscapesTest {

    /** y = 2x + 1 exactly at x = 0 … 3, a second feature z, so the best line is (2, 1) with f* = 0. */
    private static final Dataset LINE = new Dataset("line", "a line", "made up", List.of("x", "z"), "y",
            new double[][] {{0, 1, 2, 3}, {5, 5, 6, 7}}, new double[] {1, 3, 5, 7}, Dataset.LabelKind.REAL, List.of());
    /** Three classes; class a where x1 > 0, the others by x2's sign. */
    private static final Dataset THREE = new Dataset("three", "three classes", "made up", List.of("x1", "x2"), "class",
            new double[][] {{1, 2, -1, -2, -1, -0.5}, {0.5, -1, 1, 2, -1, -2}}, new double[] {0, 0, 1, 1, 2, 2},
            Dataset.LabelKind.CLASS, List.of("a", "b", "c"));
    private static final Function<String, Dataset> TABLES = name -> {
        Dataset d = Map.of("line", LINE, "three", THREE).get(name);
        if (d == null) {
            throw InvalidInputException.unknownName("data", name, List.of("line", "three"));
        }
        return d;
    };

    @Test
    void aRegressionSpecIsTheLeastSquaresLineThroughItsFeature() {
        Landscape l = DataLandscapes.resolve("regression:line", TABLES);
        assertThat(l.name()).isEqualTo("regression:line");
        assertThat(l.knownMinima()).singleElement().satisfies(m -> {
            assertThat(m.at().x()).isCloseTo(2, within(1e-14));
            assertThat(m.at().y()).isCloseTo(1, within(1e-14));
            assertThat(m.value()).isCloseTo(0, within(1e-28));
        });
        assertThat(l.defaultStart()).isEqualTo(new Vec2(0, 0));
        assertThat(l.window().contains(l.defaultStart())).isTrue();
        assertThat(l.window().contains(l.knownMinima().getFirst().at())).isTrue();
        // ∇²f = (2/n)·XᵀX = [[7, 3], [3, 2]]: λmax = (9 + √61)/2, and the default lr is 1/λmax.
        assertThat(l.learningRate()).isCloseTo(2 / (9 + Math.sqrt(61)), within(1e-15));
        assertThat(l.formula()).isEqualTo("(1/4)·Σ (x·x + y − y)²");
    }

    @Test
    void aNamedFeatureAndStandardizing() {
        Landscape byName = DataLandscapes.resolve("regression:line:z", TABLES);
        Landscape byIndex = DataLandscapes.resolve("regression:line:1", TABLES);
        assertThat(byName.knownMinima().getFirst()).isEqualTo(byIndex.knownMinima().getFirst());
        Landscape round = DataLandscapes.resolve("regression:line:x:standardized", TABLES);
        // standardized x has mean 0 and sd 1: the Hessian is 2·I, condition number 1
        var h = round.surface().hessian(0.3, -2);
        assertThat(h.xx()).isCloseTo(2, within(1e-14));
        assertThat(h.xy()).isCloseTo(0, within(1e-14));
        assertThat(h.yy()).isEqualTo(2);
        assertThat(round.description()).contains("condition number 1")
                .contains("the bowl is round, and at lr = 1/2 it lands on the bottom in one step").doesNotContain("crawls");
    }

    @Test
    void onlyAnIllConditionedBowlIsSaidToMakeGradientDescentCrawl() {
        // raw diabetes BMI: curvatures 1432 and 0.054 at any point (a quadratic), condition number ≈ 26,000
        Landscape raw = DataLandscapes.resolve("regression:diabetes:bmi", name -> Datasets.resolve(name, false));
        assertThat(raw.description()).contains("condition number 2.633e+04").contains("crawls along the valley");
    }

    @Test
    void oneClassAgainstTheRestIsNamedInTheTitle() {
        Landscape l = DataLandscapes.resolve("logistic:three:x1,x2:b", TABLES);
        assertThat(l.title()).isEqualTo("Logistic regression: b vs the rest (three)");
        assertThat(DataLandscapes.resolve("logistic:three", TABLES).title()).startsWith("Logistic regression: a vs the rest");
    }

    @Test
    void classesSeparatedThroughTheOriginHaveNoMinimumAndSaySo() {
        // class a is exactly where x1 > 0: w = (1, 0) separates it from the rest.
        Landscape l = DataLandscapes.resolve("logistic:three:x1,x2:a", TABLES);
        assertThat(l.knownMinima()).isEmpty();
        assertThat(l.description()).contains("no minimum");
    }

    @Test
    void badSpecsNameWhatIsWrong() {
        assertThatThrownBy(() -> DataLandscapes.resolve("regression:", TABLES)).hasMessageContaining("names no dataset");
        assertThatThrownBy(() -> DataLandscapes.resolve("regression:lnie", TABLES)).hasMessageContaining("did you mean 'line'");
        assertThatThrownBy(() -> DataLandscapes.resolve("regression:line:weight", TABLES))
                .isInstanceOf(InvalidInputException.class).hasMessage("unknown feature 'weight' in line; valid: x, z");
        assertThatThrownBy(() -> DataLandscapes.resolve("regression:line:7", TABLES)).hasMessageContaining("features 0 … 1");
        assertThatThrownBy(() -> DataLandscapes.resolve("regression:three", TABLES)).hasMessageContaining("use logistic:three");
        assertThatThrownBy(() -> DataLandscapes.resolve("logistic:line", TABLES)).hasMessageContaining("use regression:line");
        assertThatThrownBy(() -> DataLandscapes.resolve("logistic:three:x1,x1", TABLES)).hasMessageContaining("two different");
        assertThatThrownBy(() -> DataLandscapes.resolve("logistic:three:x1", TABLES))
                .hasMessage("logistic takes two features, F1,F2, and then a class; 'x1' is one feature of three");
        assertThatThrownBy(() -> DataLandscapes.resolve("logistic:three:x1,x2:dog", TABLES))
                .hasMessage("unknown class 'dog' in three; valid: a, b, c");
        assertThatThrownBy(() -> DataLandscapes.resolve("regression:line:xx", TABLES))
                .hasMessage("unknown feature 'xx' in line: did you mean 'x'?");
        assertThatThrownBy(() -> DataLandscapes.resolve("regression:line:x:z", TABLES)).hasMessageContaining("did not expect 'z'");
        assertThatThrownBy(() -> DataLandscapes.resolve("regression:line::", TABLES)).hasMessageContaining("empty part");
    }
}
