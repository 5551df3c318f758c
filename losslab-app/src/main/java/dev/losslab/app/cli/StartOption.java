package dev.losslab.app.cli;

import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Vec2;

/** {@code --start=X,Y}: where runs begin; the surface's default start when not given. */
final class StartOption {

    static final Opt<Vec2> START = Opt.converted("--start", Vec2.class, "X,Y", new Converters.PointConverter(),
            "starting point (default: the surface's)");

    private StartOption() {}

    /** Sets the start on {@code builder} when {@code command} was given one; returns the builder. */
    static RunBuilder applyTo(Subcommand command, RunBuilder builder) {
        Vec2 point = command.get(START);
        return point == null ? builder : builder.start(point);
    }
}
