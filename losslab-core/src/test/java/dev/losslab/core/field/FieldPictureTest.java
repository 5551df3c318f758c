package dev.losslab.core.field;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Window;
import org.junit.jupiter.api.Test;

/** The grid's layout, and a whole picture of catalog surfaces. */
class FieldPictureTest {

    @Test
    void theGridIncludesBothEdgesAndRowsGoUpFromTheBottom() {
        SampledField field = SampledField.sample(MarchingSquaresTest.surface((x, y) -> 10 * x + y), Window.of(-1, 1, 0, 3), 4);
        assertThat(field.x(0)).isEqualTo(-1);
        assertThat(field.x(3)).isEqualTo(1);
        assertThat(field.y(0)).isEqualTo(0);
        assertThat(field.y(1)).isEqualTo(1);
        assertThat(field.y(3)).isEqualTo(3);
        assertThat(field.values()[0]).isEqualTo(-10);           // (x0, y0): bottom-left
        assertThat(field.values()[3]).isEqualTo(10);            // (x3, y0): bottom-right
        assertThat(field.values()[4]).isEqualTo(-10 + 1);       // (x0, y1): second row
        assertThat(field.value(2, 3)).isEqualTo(10.0 / 3 + 3, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void undefinedAndOverflowingValuesAreNaNAndShadeMinusOne() {
        SampledField field = SampledField.sample(
                MarchingSquaresTest.surface((x, y) -> x < 0 ? Math.log(x) : x > 0.9 ? Double.POSITIVE_INFINITY : x), Window.square(1), 11);
        FieldPicture picture = FieldPicture.of(field);
        assertThat(field.value(0, 0)).isNaN();
        assertThat(field.value(10, 0)).isNaN();
        assertThat(picture.shades()[0]).isEqualTo(-1);
        assertThat(picture.shades()[10]).isEqualTo(-1);
        assertThat(picture.shades()[5]).isZero();  // x = 0: the lowest defined value
        assertThat(picture.scale().max()).isEqualTo(0.8, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void himmelblausPictureHasItsMinimumNearZeroAndContoursInsideTheWindow() {
        Landscape himmelblau = Catalog.get("himmelblau");
        FieldPicture picture = FieldPicture.draw(himmelblau.surface(), himmelblau.window(), 161);
        assertThat(picture.scale().min()).isBetween(0.0, 0.05);
        assertThat(picture.scale().max()).isEqualTo(890);
        assertThat(picture.contours()).hasSize(FieldPicture.CONTOUR_LEVELS);
        for (ContourLine line : picture.contours()) {
            assertThat(line.paths()).isNotEmpty();
            for (double[] path : line.paths()) {
                for (int k = 0; k < path.length; k += 2) {
                    assertThat(path[k]).isBetween(-5.0, 5.0);
                    assertThat(path[k + 1]).isBetween(-5.0, 5.0);
                    double f = himmelblau.surface().value(path[k], path[k + 1]);
                    assertThat(Math.abs(f - line.level())).as("f on the %s line", line.level()).isLessThan(0.02 * line.level() + 1);
                }
            }
        }
        int lowest = 255;
        for (int shade : picture.shades()) {
            lowest = Math.min(lowest, shade);
        }
        assertThat(lowest).isZero();
    }

    @Test
    void everyCatalogSurfaceDrawsWithSortedLevelsAndTicks() {
        for (Landscape l : Catalog.all()) {
            FieldPicture picture = FieldPicture.draw(l.surface(), l.window(), 64);
            assertThat(picture.ticks().getFirst().shade()).as(l.name()).isZero();
            assertThat(picture.ticks().getLast().shade()).as(l.name()).isEqualTo(255);
            assertThat(picture.contours()).as(l.name()).extracting(ContourLine::level).isSorted();
            assertThat(picture.contours()).as(l.name()).extracting(ContourLine::shade).allMatch(s -> s > 0 && s < 255);
        }
    }
}
