package dev.losslab.app.web;

import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;

/**
 * The one place the API turns {@code surface=NAME} into a landscape. Today that is a catalog name;
 * when typed formulas land (docs/API.md), this is where {@code Landscapes.resolve} takes over.
 */
final class Surfaces {

    private Surfaces() {}

    /** @throws dev.losslab.core.InvalidInputException naming {@code surface}, with a suggestion for a typo */
    static Landscape resolve(String name) {
        return Catalog.get(name);
    }
}
