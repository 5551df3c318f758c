package dev.losslab.app.cli;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.app.output.OptimizerTable;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Param;
import java.util.List;
import java.util.Locale;

final class OptimizersCommand extends Subcommand {

    static final String NAME = "optimizers";

    enum Format { text, json, markdown }

    private static final Opt<Format> FORMAT = Opt.choice("--format", Format.class, "text|json|markdown",
            "output format (default: ${DEFAULT-VALUE})").defaultValue(Format.text);

    OptimizersCommand() {
        super(NAME, List.of("List the optimizers and schedules with their update rules and PyTorch defaults."),
                List.of(FORMAT));
    }

    @Override
    public Integer call() throws Exception {
        switch (get(FORMAT)) {
            case markdown -> out.print(OptimizerTable.markdown());
            case json -> {
                var list = JsonViews.array();
                Optimizers.all().forEach(k -> list.add(JsonViews.optimizer(k)));
                out.println(JsonViews.MAPPER.writeValueAsString(list));
            }
            case text -> {
                for (OptimizerKind k : Optimizers.all()) {
                    out.printf(Locale.ROOT, "%-19s %s%n", k.name(), k.title());
                    out.printf(Locale.ROOT, "%-19s %s%n", "", k.updateRule());
                    for (Param p : k.params()) {
                        out.printf(Locale.ROOT, "%-19s --%s%s: %s%n", "", p.name(),
                                p.flag() ? "" : " " + Numbers.setting(p.defaultValue()), p.help());
                    }
                }
            }
        }
        return Main.OK;
    }
}
