package dev.losslab.core.surface;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.expr.Formula;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalog's entries are complete and consistent: names, order, windows, formulas, minima. */
class CatalogTest {

    /** Typed formula against hand-written closed form, relative. */
    private static final double TOLERANCE = 1e-12;

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
     * The formula string, read and differentiated by the expression language, computes the
     * surface's f, ∇f and ∇²f: at 200 window points each agrees with the hand-written closed form to
     * 1e-12 relative to the size of that quantity's terms (different operation order, same
     * function). The scale is max(1, |f|) for f, and the largest |∇f|, |∇²f| entry at the point for
     * the derivatives, so a component that cancels to near zero is judged against its neighbours.
     */
    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void formulaTextDescribesTheSurface(Landscape landscape) {
        Surface typed = Formula.parse(landscape.formula(), "formula").compile();
        Surface s = landscape.surface();
        for (Vec2 p : CatalogCases.samplePoints(landscape, CatalogCases.POINTS)) {
            double f = s.value(p);
            assertThat(typed.value(p)).as("f = %s at %s", landscape.formula(), p)
                    .isCloseTo(f, Offset.offset(TOLERANCE * Math.max(1, Math.abs(f))));
            Vec2 g = s.gradient(p);
            Vec2 tg = typed.gradient(p);
            double gScale = TOLERANCE * Math.max(1, Math.max(Math.abs(g.x()), Math.abs(g.y())));
            assertThat(tg.x()).as("f_x at %s", p).isCloseTo(g.x(), Offset.offset(gScale));
            assertThat(tg.y()).as("f_y at %s", p).isCloseTo(g.y(), Offset.offset(gScale));
            Sym2 h = s.hessian(p);
            Sym2 th = typed.hessian(p);
            double hScale = TOLERANCE * Math.max(1, Math.max(Math.abs(h.xx()), Math.max(Math.abs(h.xy()), Math.abs(h.yy()))));
            assertThat(th.xx()).as("f_xx at %s", p).isCloseTo(h.xx(), Offset.offset(hScale));
            assertThat(th.xy()).as("f_xy at %s", p).isCloseTo(h.xy(), Offset.offset(hScale));
            assertThat(th.yy()).as("f_yy at %s", p).isCloseTo(h.yy(), Offset.offset(hScale));
        }
    }

    /** The catalog writes its formulas in the normalized spelling, so a formula prints as itself. */
    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void formulaTextIsNormalized(Landscape landscape) {
        assertThat(Formula.parse(landscape.formula(), "formula").normalized()).isEqualTo(landscape.formula());
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
    void formulasReadPrecedenceAsTheCatalogMeansIt() {
        assertThat(Formula.parse("-x^2", "formula").compile().value(3, 0)).isEqualTo(-9);
        assertThat(Formula.parse("2^3^2", "formula").compile().value(0, 0)).isEqualTo(512);
        assertThat(Formula.parse("x^6/6", "formula").compile().value(2, 0)).isEqualTo(64.0 / 6);
        assertThat(Formula.parse("sin(pi*x)^2 + e", "formula").compile().value(0.5, 0)).isEqualTo(1 + Math.E);
    }
}
