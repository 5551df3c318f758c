package dev.losslab.app.output;

import dev.losslab.core.maps.BasinMap;
import dev.losslab.core.surface.Minimum;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The rows a basin map's legend shows, the same in the CLI's text, the PNG and the maps page (which
 * reads them from the JSON): every listed minimum; the other minima the runs reached, the largest
 * basins first, {@value #FOUND_SHOWN} at most, the rest summed in one row (Rastrigin has 120 of
 * them); then saddles and maxima when any run ended at one, runs still on their way, and diverged.
 */
public final class BasinLegend {

    /** The most minima the surface does not list that get a row of their own. */
    public static final int FOUND_SHOWN = 8;

    /**
     * One row.
     *
     * @param kind    {@code minimum}, {@code other-minima}, {@code saddle}, {@code maximum},
     *                {@code unconverged} or {@code diverged}
     * @param label   the map's label for the row's cells (for other-minima, none: −100)
     * @param minimum the minimum's number from 1 (label + 1) and the minimum, for a minimum's row
     * @param count   how many minima the row stands for (1, or the other minima summed)
     * @param share   the fraction of starts
     */
    public record Row(String kind, int label, Minimum minimum, boolean listed, int count, double share) {

        /** The words of the row, as the CLI and the PNG print them. */
        public String text() {
            return switch (kind) {
                case "minimum" -> "minimum " + (label + 1) + " " + Numbers.point(minimum.at().x(), minimum.at().y())
                        + (listed ? "" : " (local)");
                case "other-minima" -> count + " other local minima";
                case "saddle" -> "at a saddle";
                case "maximum" -> "at a maximum";
                case "unconverged" -> "still on its way";
                default -> "diverged";
            };
        }
    }

    private BasinLegend() {}

    public static List<Row> of(BasinMap map) {
        List<Row> rows = new ArrayList<>();
        List<Minimum> minima = map.minima();
        for (int m = 0; m < map.listedCount(); m++) {
            rows.add(new Row("minimum", m, minima.get(m), true, 1, map.share(m)));
        }
        List<Integer> found = IntStream.range(map.listedCount(), minima.size()).filter(m -> map.count(m) > 0).boxed()
                .sorted(Comparator.comparingInt((Integer m) -> -map.count(m)).thenComparingInt(m -> m)).toList();
        for (int m : found.subList(0, Math.min(FOUND_SHOWN, found.size()))) {
            rows.add(new Row("minimum", m, minima.get(m), false, 1, map.share(m)));
        }
        if (found.size() > FOUND_SHOWN) {
            List<Integer> rest = found.subList(FOUND_SHOWN, found.size());
            rows.add(new Row("other-minima", -100, null, false, rest.size(), rest.stream().mapToDouble(map::share).sum()));
        }
        if (map.saddleShare() > 0) {
            rows.add(new Row("saddle", BasinMap.SADDLE, null, false, 1, map.saddleShare()));
        }
        if (map.maximumShare() > 0) {
            rows.add(new Row("maximum", BasinMap.MAXIMUM, null, false, 1, map.maximumShare()));
        }
        rows.add(new Row("unconverged", BasinMap.UNCONVERGED, null, false, 1, map.unconvergedShare()));
        rows.add(new Row("diverged", BasinMap.DIVERGED, null, false, 1, map.divergedShare()));
        return rows;
    }
}
