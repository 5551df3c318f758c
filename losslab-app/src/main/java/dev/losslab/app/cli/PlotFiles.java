package dev.losslab.app.cli;

import dev.losslab.app.plot.Figure;
import dev.losslab.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --out FILE.png|FILE.svg}: checked before any work starts, written after it. */
final class PlotFiles {

    /** {@code --out}, described for what the command draws. */
    static Opt<Path> option(String what) {
        return Opt.path("--out", "FILE.png|FILE.svg", "also draw " + what);
    }

    private PlotFiles() {}

    /** Fails on a name that is neither .png nor .svg, or whose folder does not exist. */
    static void check(Path out) {
        if (out == null) {
            return;
        }
        if (!Figure.writable(out)) {
            throw new InvalidInputException("out", "--out must name a .png or .svg file, got '" + out + "'");
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new InvalidInputException("out", "--out folder does not exist: " + folder);
        }
    }

    static void write(Path out, Figure figure) throws IOException {
        figure.write(out);
    }
}
