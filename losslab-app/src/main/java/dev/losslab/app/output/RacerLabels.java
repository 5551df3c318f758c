package dev.losslab.app.output;

import dev.losslab.core.run.Run;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What tells a race's racers apart when an optimizer races more than once (GD at lr 0.19 against GD
 * at 0.21): its name the first time, then {@code name:2}, {@code name:3}, … in race order — the same
 * labels the lab's page and its links use. A race of distinct optimizers is labelled by their names.
 */
public final class RacerLabels {

    private RacerLabels() {}

    public static List<String> of(List<Run> runs) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> labels = new ArrayList<>(runs.size());
        for (Run run : runs) {
            String name = run.spec().optimizerName();
            int k = seen.merge(name, 1, Integer::sum);
            labels.add(k == 1 ? name : name + ":" + k);
        }
        return labels;
    }
}
