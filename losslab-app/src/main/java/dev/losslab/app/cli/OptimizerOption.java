package dev.losslab.app.cli;

import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import picocli.CommandLine.Option;

/** {@code --optimizer NAME}: one optimizer from the registry (a typo gets the closest name). */
final class OptimizerOption {

    @Option(names = "--optimizer", required = true, paramLabel = "NAME",
            description = "gd, sgd, momentum, nesterov, rmsprop, adagrad, adam, adamw, newton, saddle-free-newton")
    String name;

    OptimizerKind kind() {
        return Optimizers.get(name);
    }
}
