package dev.losslab.app.output;

import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Param;
import dev.losslab.core.optim.ScheduleKind;
import dev.losslab.core.optim.Schedules;
import java.util.stream.Collectors;

/**
 * The optimizer and schedule conventions as Markdown tables, generated from the registries. The
 * README embeds this text verbatim and a test keeps the two equal, so the README never drifts.
 */
public final class OptimizerTable {

    private OptimizerTable() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| optimizer | update rule | options (defaults) | default lr |\n");
        md.append("| --- | --- | --- | --- |\n");
        for (OptimizerKind k : Optimizers.all()) {
            md.append("| `").append(k.name()).append("` | ").append(escape(k.updateRule())).append(" | ")
                    .append(options(k)).append(" | ").append(lrDefault(k)).append(" |\n");
        }
        md.append('\n');
        md.append("| schedule | learning rate after k updates | options (defaults) |\n");
        md.append("| --- | --- | --- |\n");
        for (ScheduleKind s : Schedules.all()) {
            String options = s.params().isEmpty() ? "" : s.params().stream()
                    .map(OptimizerTable::option).collect(Collectors.joining(", "));
            md.append("| `").append(s.name()).append("` | ").append(escape(s.help())).append(" | ").append(options).append(" |\n");
        }
        return md.toString();
    }

    private static String options(OptimizerKind k) {
        String params = k.params().stream().map(OptimizerTable::option).collect(Collectors.joining(", "));
        String noise = k.defaultNoise() > 0 ? "`--noise` " + Numbers.brief(k.defaultNoise()) : "";
        return params.isEmpty() ? noise : noise.isEmpty() ? params : params + ", " + noise;
    }

    private static String option(Param p) {
        return "`--" + p.name() + "`" + (p.flag() ? "" : " " + Numbers.setting(p.defaultValue()));
    }

    private static String lrDefault(OptimizerKind k) {
        return switch (k.learningRateDefault()) {
            case GRADIENT -> "the surface's";
            case NESTEROV -> "2/3 of the surface's";
            case ADAPTIVE -> "the surface's adaptive lr";
            case RECTIFIED -> "the smaller of the surface's two";
            case ONE -> "1";
        };
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
