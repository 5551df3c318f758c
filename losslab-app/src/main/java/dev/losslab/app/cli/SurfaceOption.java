package dev.losslab.app.cli;

import dev.losslab.core.Landscapes;
import dev.losslab.core.surface.Landscape;
import picocli.CommandLine.Option;

/** {@code --surface NAME|FORMULA}: a catalog surface by name, or a formula in x and y. */
final class SurfaceOption {

    @Option(names = "--surface", required = true, paramLabel = "NAME",
            description = {"a surface from `losslab surfaces` (e.g. bowl, ravine, himmelblau),",
                    "or a formula in x and y, e.g. \"(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2\""})
    String name;

    Landscape landscape() {
        return Landscapes.resolve(name);
    }
}
