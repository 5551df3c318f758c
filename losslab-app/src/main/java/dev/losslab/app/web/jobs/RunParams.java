package dev.losslab.app.web.jobs;

import dev.losslab.app.web.http.QueryParams;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.run.RunBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's settings given as parameters by their CLI names, as the maps endpoints take them:
 * {@code lr}, {@code noise}, {@code seed} (a whole number) and the optimizer's own hyper-parameters
 * (flags as true/false or 1/0, pairs and lists comma-separated, choices by name). Absent ones keep the
 * surface's defaults; the core reads and checks the optimizer's.
 */
final class RunParams {

    /** The settings every optimizer takes, besides its own hyper-parameters. */
    static final List<String> COMMON = Stream.concat(RunBuilder.RUN_SETTINGS.stream(),
            Stream.of("seed")).toList();

    private RunParams() {}

    /** {@code fixed} (the endpoint's own parameters) followed by every setting {@code kind} takes. */
    static String[] allowed(List<String> fixed, OptimizerKind kind) {
        List<String> names = new ArrayList<>(fixed);
        COMMON.forEach(n -> {
            if (!names.contains(n)) {
                names.add(n);
            }
        });
        kind.params().forEach(p -> names.add(p.name()));
        return names.toArray(String[]::new);
    }

    /** True when {@code name} is a setting of a run with this optimizer. */
    static boolean isSetting(String name, OptimizerKind kind) {
        return COMMON.contains(name) || kind.takes(name);
    }

    /** Sets every setting given in {@code query} on {@code builder}. */
    static RunBuilder apply(QueryParams query, OptimizerKind kind, RunBuilder builder) {
        for (String name : query.names()) {
            if (name.equals("seed")) {
                builder.seed(query.whole(name).orElseThrow());
            } else if (COMMON.contains(name)) {
                builder.set(name, query.number(name).orElseThrow());
            } else if (kind.takes(name)) {
                // Each kind of value is read by its Param, from the text as given (0.5,1.2; cos; true).
                builder.set(name, (Object) query.required(name));
            }
        }
        return builder;
    }
}
