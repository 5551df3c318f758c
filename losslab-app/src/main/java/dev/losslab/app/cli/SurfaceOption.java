package dev.losslab.app.cli;

import dev.losslab.core.Landscapes;
import dev.losslab.core.surface.Landscape;

/** {@code --surface NAME|FORMULA}: a catalog surface by name, or a formula in x and y. */
final class SurfaceOption {

    static final Opt<String> SURFACE = Opt.text("--surface", "NAME",
            "a surface from `losslab surfaces` (e.g. bowl, ravine, himmelblau),",
            "or a formula in x and y, e.g. \"(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2\"").mandatory();

    private SurfaceOption() {}

    static Landscape landscape(Subcommand command) {
        return Landscapes.resolve(command.get(SURFACE));
    }
}
