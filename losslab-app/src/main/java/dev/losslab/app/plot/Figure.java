package dev.losslab.app.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A plot of a fixed size in pixels that draws itself on any {@link Canvas}; written as PNG or SVG by file name. */
public interface Figure {

    int width();

    int height();

    void draw(Canvas canvas);

    /** True for names ending in .png or .svg (any case): the formats {@link #write} knows. */
    static boolean writable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".svg");
    }

    /** Writes the figure as PNG or SVG, chosen by the file's extension. */
    default void write(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            Files.writeString(file, svg(), StandardCharsets.UTF_8);
        } else {
            // Through our own stream: ImageIO's file writer prints a stack trace when it cannot open the file.
            try (OutputStream stream = Files.newOutputStream(file)) {
                if (!ImageIO.write(png(), "png", stream)) {
                    throw new IOException("no PNG writer");
                }
            }
        }
    }

    default BufferedImage png() {
        System.setProperty("java.awt.headless", "true");
        PngCanvas canvas = new PngCanvas(width(), height());
        draw(canvas);
        return canvas.finish();
    }

    default String svg() {
        SvgCanvas canvas = new SvgCanvas(width(), height());
        draw(canvas);
        return canvas.finish();
    }
}
