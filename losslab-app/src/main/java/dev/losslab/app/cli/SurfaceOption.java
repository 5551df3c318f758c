package dev.losslab.app.cli;

import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import picocli.CommandLine.Option;

/** {@code --surface NAME}: a catalog surface by name. */
final class SurfaceOption {

    @Option(names = "--surface", required = true, paramLabel = "NAME",
            description = "a surface from `losslab surfaces` (e.g. bowl, ravine, himmelblau)")
    String name;

    Landscape landscape() {
        return Catalog.get(name);
    }
}
