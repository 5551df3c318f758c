package dev.losslab.app.cli;

import dev.losslab.app.output.JsonViews;
import dev.losslab.app.output.Numbers;
import dev.losslab.app.output.OptimizerTable;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Param;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "optimizers", mixinStandardHelpOptions = true,
        description = "List the optimizers and schedules with their update rules and PyTorch defaults.")
final class OptimizersCommand extends Subcommand {

    enum Format { text, json, markdown }

    @Option(names = "--format", paramLabel = "text|json|markdown", description = "output format (default: text)")
    Format format = Format.text;

    @Override
    public Integer call() throws Exception {
        switch (format) {
            case markdown -> out.print(OptimizerTable.markdown());
            case json -> {
                var list = JsonViews.array();
                for (OptimizerKind k : Optimizers.all()) {
                    var node = list.addObject();
                    node.put("name", k.name());
                    node.put("title", k.title());
                    node.put("updateRule", k.updateRule());
                    node.put("learningRateDefault", k.learningRateDefault().name().toLowerCase(Locale.ROOT));
                    node.put("defaultNoise", k.defaultNoise());
                    var params = node.putArray("params");
                    for (Param p : k.params()) {
                        var pn = params.addObject();
                        pn.put("name", p.name());
                        pn.put("help", p.help());
                        pn.put("flag", p.flag());
                        pn.put("default", p.defaultValue());
                        pn.put("allowed", p.range().describe());
                    }
                }
                out.println(JsonViews.MAPPER.writeValueAsString(list));
            }
            case text -> {
                for (OptimizerKind k : Optimizers.all()) {
                    out.printf(Locale.ROOT, "%-19s %s%n", k.name(), k.title());
                    out.printf(Locale.ROOT, "%-19s %s%n", "", k.updateRule());
                    for (Param p : k.params()) {
                        out.printf(Locale.ROOT, "%-19s --%s%s: %s%n", "", p.name(),
                                p.flag() ? "" : " " + Numbers.brief(p.defaultValue()), p.help());
                    }
                }
            }
        }
        return Main.OK;
    }
}
