package dev.losslab.app.cli;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.Landscapes;
import dev.losslab.core.data.DataLandscapes;
import dev.losslab.core.surface.Landscape;

/**
 * {@code --surface NAME|SPEC|FORMULA}: a catalog surface by name, a surface made of data, or a
 * formula in x and y; and {@code --standardize}, the data spec's {@code :standardized} as a flag.
 */
final class SurfaceOption {

    static final Opt<String> SURFACE = Opt.text("--surface", "NAME",
            "a surface from `losslab surfaces` (e.g. bowl, ravine, himmelblau),",
            "a surface made of data: regression:DATA[:FEATURE] or logistic:DATA[:F1,F2][:CLASS]",
            "  (DATA from `losslab datasets`, or a CSV file), e.g. regression:diabetes:bmi,",
            "or a formula in x and y, e.g. \"(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2\"").mandatory();
    static final Opt<Boolean> STANDARDIZE = Opt.flag("--standardize",
            "on a surface made of data, scale each feature to mean 0 and standard deviation 1 (as :standardized)");

    private SurfaceOption() {}

    static Landscape landscape(Subcommand command) {
        String surface = command.get(SURFACE);
        if (Boolean.TRUE.equals(command.get(STANDARDIZE))) {
            if (!DataLandscapes.isSpec(surface)) {
                throw new InvalidInputException("standardize", "--standardize scales a dataset's features, but "
                        + surface.strip() + " is not a surface made of data (regression:…, logistic:…)");
            }
            if (!surface.strip().endsWith(":" + DataLandscapes.STANDARDIZED)) {
                surface = surface.strip() + ":" + DataLandscapes.STANDARDIZED;
            }
        }
        // The command line may name a CSV file; the web server never reads paths.
        return Landscapes.resolve(surface, true);
    }
}
