package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import picocli.CommandLine;

import org.junit.jupiter.api.Test;

/**
 * The build rewrites picocli's Java 5 class files as Java 8 ones in target/classes so the JDK's AOT
 * cache can hold them (tools/build/RetargetOldClasses.java). The CLI tests must run against those
 * rewritten classes, or a broken rewrite would only show in the shipped jar.
 */
class RetargetedPicocliTest {

    @Test
    void picocliIsLoadedFromTheRewrittenJava8Classes() throws Exception {
        Path loadedFrom = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(loadedFrom).as("where picocli.CommandLine comes from").endsWith(Path.of("target", "classes"));
        for (Class<?> type : new Class<?>[] {CommandLine.class, CommandLine.Model.CommandSpec.class, CommandLine.Help.class}) {
            assertThat(majorVersion(type)).as(type.getName()).isEqualTo(52);
        }
    }

    private static int majorVersion(Class<?> type) throws IOException {
        String file = type.getName().substring(type.getPackageName().length() + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(file); DataInputStream data = new DataInputStream(in)) {
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
