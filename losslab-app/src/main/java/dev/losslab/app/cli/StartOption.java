package dev.losslab.app.cli;

import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Vec2;
import picocli.CommandLine.Option;

/** {@code --start=X,Y}: where runs begin; the surface's default start when not given. */
final class StartOption {

    @Option(names = "--start", paramLabel = "X,Y", converter = Converters.PointConverter.class,
            description = "starting point (default: the surface's)")
    Vec2 point;

    /** Sets the start on {@code builder} when one was given; returns the builder. */
    RunBuilder applyTo(RunBuilder builder) {
        return point == null ? builder : builder.start(point);
    }
}
