package dev.losslab.core.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalog's entries are complete and consistent: names, order, windows, formulas, minima. */
class CatalogTest {

    @Test
    void listsTheSeedPresetsFirstThenAtLeastTenClassics() {
        assertThat(Catalog.names()).startsWith("bowl", "rosenbrock", "ravine", "saddle", "himmelblau", "bumpy");
        assertThat(Catalog.names()).hasSizeGreaterThanOrEqualTo(16)
                .contains("beale", "booth", "matyas", "three-hump-camel", "six-hump-camel", "goldstein-price",
                        "rastrigin", "ackley", "styblinski-tang", "monkey-saddle");
    }

    @Test
    void ravineIsRosenbrockWithSteepnessTwenty() {
        assertThat(Catalog.get("ravine").surface()).isEqualTo(new Rosenbrock(1, 20));
        assertThat(Catalog.get("rosenbrock").surface()).isEqualTo(new Rosenbrock(1, 100));
    }

    @Test
    void himmelblauStartsAtTheOriginWithLoss170() {
        Landscape h = Catalog.get("himmelblau");
        assertThat(h.defaultStart()).isEqualTo(Vec2.ZERO);
        assertThat(h.surface().value(h.defaultStart())).isEqualTo(170);
        assertThat(h.knownMinima()).hasSize(4);
    }

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void hasAWellFormedEntry(Landscape landscape) {
        assertThat(landscape.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(landscape.title()).isNotBlank();
        assertThat(landscape.description()).isNotBlank().endsWith(".");
        assertThat(landscape.window().contains(landscape.defaultStart())).as("default start inside the window").isTrue();
        double span = landscape.window().span();
        assertThat(landscape.adaptiveLearningRate()).as("adaptive lr between span/100 and span/50")
                .isBetween(span / 100, span / 50);
    }

    /**
     * The formula string, read in the expression language's syntax, computes the surface's f: at
     * 200 window points |formula − f| ≤ 1e-10·max(1, |f|) (different operation order, same function).
     */
    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void formulaTextDescribesTheSurface(Landscape landscape) {
        DoubleBinaryOperator formula = PlainFormula.parse(landscape.formula());
        Surface s = landscape.surface();
        for (Vec2 p : CatalogCases.samplePoints(landscape, CatalogCases.POINTS)) {
            double f = s.value(p);
            assertThat(formula.applyAsDouble(p.x(), p.y()))
                    .as("%s at %s", landscape.formula(), p)
                    .isCloseTo(f, org.assertj.core.data.Offset.offset(1e-10 * Math.max(1, Math.abs(f))));
        }
    }

    /** The first known minimum is global: no point of a 401 × 401 grid over the window is lower. */
    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void firstKnownMinimumIsTheLowestPointOfTheWindow(Landscape landscape) {
        if (landscape.knownMinima().isEmpty()) {
            return;
        }
        Minimum global = landscape.knownMinima().getFirst();
        Window w = landscape.window();
        Surface s = landscape.surface();
        int n = 400;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double x = w.xMin() + w.width() * i / n;
                double y = w.yMin() + w.height() * j / n;
                assertThat(s.value(x, y)).as("f(%s, %s)", x, y)
                        .isGreaterThanOrEqualTo(global.value() - 1e-12 * Math.max(1, Math.abs(global.value())));
            }
        }
        for (Minimum m : landscape.knownMinima()) {
            assertThat(m.value()).as("global minimum listed first").isGreaterThanOrEqualTo(global.value());
        }
    }

    @Test
    void plainFormulaReadsPrecedenceAsTheExpressionLanguageWill() {
        assertThat(PlainFormula.parse("-x^2").applyAsDouble(3, 0)).isEqualTo(-9);
        assertThat(PlainFormula.parse("2^3^2").applyAsDouble(0, 0)).isEqualTo(512);
        assertThat(PlainFormula.parse("x^6/6").applyAsDouble(2, 0)).isEqualTo(64.0 / 6);
        assertThat(PlainFormula.parse("sin(pi*x)^2 + e").applyAsDouble(0.5, 0)).isEqualTo(1 + Math.E);
    }
}
