package dev.losslab.app.cli;

import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parsers for the CLI's compound values, with messages that show the expected form. */
final class Converters {

    private Converters() {}

    /** "X,Y" → a point, e.g. {@code --start=-1.5,2}. */
    static final class PointConverter implements ITypeConverter<Vec2> {
        @Override
        public Vec2 convert(String text) {
            double[] v = numbers(text, 2, "X,Y (two numbers, e.g. -1.5,2)");
            return new Vec2(v[0], v[1]);
        }
    }

    /** "X0,X1,Y0,Y1" → a window, e.g. {@code --window=-5,5,-5,5}. */
    static final class WindowConverter implements ITypeConverter<Window> {
        @Override
        public Window convert(String text) {
            double[] v = numbers(text, 4, "X0,X1,Y0,Y1 (four numbers, e.g. -5,5,-5,5)");
            try {
                return new Window(v[0], v[1], v[2], v[3]);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private static double[] numbers(String text, int count, String expected) {
        String[] parts = text.split(",", -1);
        if (parts.length != count) {
            throw new TypeConversionException("expected " + expected + ", got '" + text + "'");
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + parts[i].strip() + "' is not a number; expected " + expected);
            }
            if (!Double.isFinite(values[i])) {
                throw new TypeConversionException("expected finite numbers " + expected + ", got '" + text + "'");
            }
        }
        return values;
    }
}
