package dev.losslab.app.cli;

import dev.losslab.app.plot.Figure;
import dev.losslab.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code --out FILE.png|FILE.svg}: checked before any work starts, written after it. */
final class PlotFiles {

    /** {@code --out}, described for what the command draws. */
    static Opt<Path> option(String what) {
        return Opt.path("--out", "FILE.png|FILE.svg", "also draw " + what);
    }

    private PlotFiles() {}

    /**
     * Fails, before any work starts, on a name that is neither .png nor .svg, a folder that does not
     * exist or cannot be written, and a name that is a folder or a file that cannot be written.
     */
    static void check(Path out) {
        if (out == null) {
            return;
        }
        if (!Figure.writable(out)) {
            throw new InvalidInputException("out", "--out must name a .png or .svg file, got '" + out + "'");
        }
        if (Files.isDirectory(out)) {
            throw new InvalidInputException("out", "cannot write " + out + ": it is a folder");
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new InvalidInputException("out", "--out folder does not exist: " + folder);
        }
        if (folder != null && !Files.isWritable(folder) || Files.exists(out) && !Files.isWritable(out)) {
            throw new InvalidInputException("out", "cannot write " + out + ": permission denied");
        }
    }

    /** Writes the figure; a failure (a full disk, a path that changed since the check) is bad input, not a crash. */
    static void write(Path out, Figure figure) {
        try {
            figure.write(out);
        } catch (IOException e) {
            throw new InvalidInputException("out", "cannot write " + out + ": " + reason(e));
        }
    }

    private static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> "no such file or folder";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }
}
