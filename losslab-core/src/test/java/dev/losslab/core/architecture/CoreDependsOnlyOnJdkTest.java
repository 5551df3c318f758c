package dev.losslab.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.surface.Surface;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core is pure maths on the JDK: no CLI, web, JSON or rendering code may leak in. Maven's module
 * boundary already keeps app classes out of the core's compile path; this test reads the compiled
 * bytecode (with the JDK's ClassFile API) so that a dependency added to the core's pom is caught too.
 */
class CoreDependsOnlyOnJdkTest {

    /** Class names in descriptors and signatures: "Lpkg/Name;". */
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[\\w$]+)+);");

    @Test
    void everyCoreClassReferencesOnlyTheJdkAndTheCore() throws Exception {
        Path classes = Path.of(Surface.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> violations = new TreeSet<>();
        int classCount;
        try (Stream<Path> files = Files.walk(classes)) {
            var classFiles = files.filter(p -> p.toString().endsWith(".class")).toList();
            classCount = classFiles.size();
            for (Path file : classFiles) {
                for (String ref : foreignReferences(Files.readAllBytes(file))) {
                    violations.add(classes.relativize(file) + " -> " + ref);
                }
            }
        }
        assertThat(classCount).as("compiled core classes found in " + classes).isGreaterThan(10);
        assertThat(violations).as("core classes referencing code outside java.* and dev.losslab.core").isEmpty();
    }

    @Test
    void theCheckCatchesAClassThatUsesALibrary() throws IOException {
        // JUnit's @Test references org.apiguardian: the check must report it.
        try (InputStream in = Test.class.getResourceAsStream("Test.class")) {
            assertThat(foreignReferences(in.readAllBytes())).anyMatch(ref -> ref.startsWith("org/apiguardian/"));
        }
    }

    @Test
    void theCheckAcceptsACoreClass() throws IOException {
        try (InputStream in = Surface.class.getResourceAsStream("Vec2.class")) {
            assertThat(foreignReferences(in.readAllBytes())).isEmpty();
        }
    }

    /** Internal names of referenced classes that are neither java.* nor dev.losslab.core.*. */
    static Set<String> foreignReferences(byte[] bytes) {
        ClassModel model = ClassFile.of().parse(bytes);
        Set<String> referenced = new TreeSet<>();
        for (PoolEntry entry : model.constantPool()) {
            switch (entry) {
                case ClassEntry c -> referenced.add(c.asInternalName().replaceAll("^\\[*L?|;$", ""));
                case Utf8Entry u -> {
                    Matcher m = DESCRIPTOR_CLASS.matcher(u.stringValue());
                    while (m.find()) {
                        referenced.add(m.group(1));
                    }
                }
                default -> { }
            }
        }
        Set<String> foreign = new TreeSet<>();
        for (String name : referenced) {
            boolean primitiveArray = name.length() == 1;
            if (!primitiveArray && !name.startsWith("java/") && !name.startsWith("dev/losslab/core/")) {
                foreign.add(name);
            }
        }
        return foreign;
    }
}
