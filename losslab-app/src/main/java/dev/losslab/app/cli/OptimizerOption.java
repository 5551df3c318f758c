package dev.losslab.app.cli;

import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;

/** {@code --optimizer NAME}: one optimizer from the registry (a typo gets the closest name). */
final class OptimizerOption {

    static final Opt<String> OPTIMIZER = Opt.text("--optimizer", "NAME", String.join(", ", Optimizers.names())).mandatory();

    private OptimizerOption() {}

    static OptimizerKind kind(Subcommand command) {
        return Optimizers.get(command.get(OPTIMIZER));
    }
}
