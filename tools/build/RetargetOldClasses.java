import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build step: copies the classes of a dependency jar into a classes directory, rewriting those
 * compiled for Java 5 or older (class file major version below 50) as Java 8 class files with
 * stack maps.
 *
 * <p>Why: picocli is compiled for Java 5, and the JDK's AOT cache (JEP 483), which {@code ./losslab}
 * uses to start fast, skips classes that old, so every command paid ~50–90 ms to load and verify
 * picocli's 228 classes from the jar. Rewritten, they are loaded and linked from the cache. The
 * rewrite changes only the version number and adds the stack maps newer versions require (the JDK's
 * ClassFile API computes them); every instruction is kept. The app's tests run against the
 * rewritten classes, since target/classes comes first on the test class path.
 *
 * <pre>
 *   java tools/build/RetargetOldClasses.java DEPENDENCY.jar TARGET/classes
 * </pre>
 */
public final class RetargetOldClasses {

    private static final int FIRST_WITH_STACK_MAPS = ClassFile.JAVA_6_VERSION;

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java RetargetOldClasses.java DEPENDENCY.jar CLASSES_DIR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        int rewritten = 0;
        int copied = 0;
        try (ZipFile zip = new ZipFile(jar.toFile());
             URLClassLoader dependency = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            // Stack maps merge types at branch joins, so the rewriter must see the dependency's own
            // class hierarchy as well as the JDK's.
            ClassFile classFile = ClassFile.of(
                    ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.ofResourceParsing(dependency)
                            .orElse(ClassHierarchyResolver.defaultResolver())));
            for (ZipEntry entry : zip.stream().toList()) {
                if (entry.isDirectory() || !entry.getName().endsWith(".class") || entry.getName().contains("module-info")) {
                    continue;
                }
                byte[] bytes;
                try (var in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                ClassModel model = classFile.parse(bytes);
                if (model.majorVersion() < FIRST_WITH_STACK_MAPS) {
                    bytes = classFile.transformClass(model, ClassTransform.dropping(e -> e instanceof ClassFileVersion)
                            .andThen(ClassTransform.endHandler(b -> b.withVersion(ClassFile.JAVA_8_VERSION, 0)))
                            .andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
                    rewritten++;
                } else {
                    copied++;
                }
                Path target = classes.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            }
        }
        System.out.printf("RetargetOldClasses: %s: %d classes rewritten for Java 8, %d copied as they were%n",
                jar.getFileName(), rewritten, copied);
    }
}
