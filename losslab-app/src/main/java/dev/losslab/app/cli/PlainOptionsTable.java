package dev.losslab.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Generates, when the jar is built, the class {@value #CLASS_NAME} that gives {@link PlainCommandLine}
 * every command's options ({@link PlainOptions}) without reading an annotation or setting a field
 * by reflection at run time. Why: in a fresh JVM the first annotation read costs ~20 ms, a resource
 * read from the jar ~17 ms, and reflective field writes ~20 ms (a method handle is spun for each
 * field type); a generated class comes from the AOT cache and writes fields with plain
 * {@code putfield}s.
 *
 * <p>The table has one line per option, tab-separated:
 * <pre>
 *   command  class                              field          type  names    required  default  split  converter
 *   basins   dev.losslab.app.cli.BasinsCommand  grid           int   --grid   false     256      -      -
 *   basins   dev.losslab.app.cli.BasinsCommand  options.steps  int   --steps  false     1000     -      -
 * </pre>
 * ({@code options.steps}: field {@code steps} of the mixin in field {@code options}; {@code -}: none.)
 * Line i's field is what {@code set(i, …)} writes. {@link #main} is the build step (an
 * exec-maven-plugin execution in losslab-app's pom, at process-classes). Options using picocli
 * features the reader does not imitate fail the build here, by name. A build that skips the step
 * (an IDE's own compiler) keeps an older class: a changed field then fails to link and the reader
 * leaves the line to picocli, but an option added since is missing until Maven builds again.
 */
final class PlainOptionsTable {

    static final String CLASS_NAME = "dev.losslab.app.cli.PlainOptionsCode";
    static final String NONE = "-";
    static final int COLUMNS = 9;
    /** picocli's marker for "no defaultValue given" in {@link Option#defaultValue()}. */
    private static final String NO_DEFAULT = "__no_default_value__";
    /** The field types PlainCommandLine converts (besides enums and split List&lt;String&gt;). */
    private static final Set<Class<?>> PLAIN_TYPES = Set.of(String.class, int.class, Integer.class, long.class,
            Long.class, double.class, Double.class, boolean.class, Boolean.class, Path.class);

    private PlainOptionsTable() {}

    /** One option: its command, the fields from the command down to the option's, and its annotation. */
    record Entry(String command, Class<?> commandType, List<Field> path, Option option) {

        Field field() {
            return path.getLast();
        }

        String line() {
            String text = String.join("\t", command, commandType.getName(),
                    String.join(".", path.stream().map(Field::getName).toList()), field().getType().getName(),
                    String.join(",", option.names()), String.valueOf(option.required()),
                    option.defaultValue().equals(NO_DEFAULT) ? NONE : option.defaultValue(),
                    option.split().isEmpty() ? NONE : option.split(),
                    option.converter().length == 0 ? NONE : option.converter()[0].getName());
            if (text.split("\t", -1).length != COLUMNS || text.contains("\n")
                    || option.defaultValue().equals(NONE) || option.split().equals(NONE)) {
                throw new IllegalStateException("an option of " + command + " does not fit the table: " + text);
            }
            return text;
        }
    }

    /** Writes the generated class below the class-output directory {@code args[0]}. */
    public static void main(String[] args) {
        Path file = Path.of(args[0], CLASS_NAME.replace('.', '/') + ".class");
        try {
            Files.write(file, generate(entries(Main.COMMANDS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The options of every {@link Subcommand} of {@code commands}, in table order.
     *
     * @throws IllegalStateException when an option uses a picocli feature PlainCommandLine does not
     *     read as picocli would (the build fails, naming it, rather than the reader going wrong)
     */
    static List<Entry> entries(List<Class<?>> commands) {
        List<Entry> entries = new ArrayList<>();
        for (Class<?> command : commands) {
            if (Subcommand.class.isAssignableFrom(command)) {
                for (Class<?> up = command.getSuperclass(); up != null; up = up.getSuperclass()) {
                    for (Field field : up.getDeclaredFields()) {
                        unsupported(field, field.getAnnotations().length > 0, "an annotated field of a superclass");
                    }
                }
                collect(entries, command.getAnnotation(Command.class).name(), command, List.of(), command);
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("no options to tabulate");
        }
        return entries;
    }

    private static void collect(List<Entry> entries, String command, Class<?> commandType, List<Field> prefix, Class<?> type) {
        int before = entries.size();
        for (Field field : type.getDeclaredFields()) {
            List<Field> path = new ArrayList<>(prefix);
            path.add(field);
            Option option = field.getAnnotation(Option.class);
            unsupported(field, field.isAnnotationPresent(Parameters.class) || field.isAnnotationPresent(ArgGroup.class)
                    || field.isAnnotationPresent(ParentCommand.class) || field.isAnnotationPresent(Spec.class),
                    "@Parameters, @ArgGroup, @ParentCommand or @Spec");
            if (option != null) {
                Class<?> t = field.getType();
                unsupported(field, !PLAIN_TYPES.contains(t) && !t.isEnum() && option.converter().length == 0
                        && !(t == List.class && !option.split().isEmpty() && isListOfStrings(field)),
                        "a type it cannot convert (teach PlainCommandLine, or give a converter)");
                unsupported(field, !option.arity().isEmpty() || !option.fallbackValue().isEmpty() || option.negatable()
                        || option.interactive(), "arity, fallbackValue, negatable or interactive");
                unsupported(field, option.defaultValue().contains("${"), "a ${…} placeholder in defaultValue");
                boolean flag = t == boolean.class || t == Boolean.class;
                // picocli sets a flag to the opposite of its default: true only when it starts false.
                unsupported(field, flag && (!option.defaultValue().equals(NO_DEFAULT) || Boolean.TRUE.equals(initialValue(field))),
                        "a flag that does not start false");
                entries.add(new Entry(command, commandType, List.copyOf(path), option));
            } else if (field.isAnnotationPresent(Mixin.class)) {
                collect(entries, command, commandType, path, field.getType());
            }
        }
        unsupported(null, entries.size() == before && type != commandType, "a mixin without options (" + type.getName() + ")");
    }

    private static void unsupported(Field field, boolean condition, String what) {
        if (condition) {
            throw new IllegalStateException("PlainCommandLine cannot read " + (field == null ? "" : field + ": ") + what);
        }
    }

    /** The value a field has in a newly made instance of the class that declares it. */
    private static Object initialValue(Field field) {
        try {
            var constructor = field.getDeclaringClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            field.setAccessible(true);
            return field.get(constructor.newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + field.getDeclaringClass().getName(), e);
        }
    }

    static boolean isListOfStrings(Field field) {
        return field.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class;
    }

    /** The class file of {@value #CLASS_NAME}: a final class implementing {@link PlainOptions}. */
    static byte[] generate(List<Entry> entries) {
        String table = String.join("\n", entries.stream().map(Entry::line).toList());
        if (table.getBytes(StandardCharsets.UTF_8).length > 65_000) {
            throw new IllegalStateException("the options table outgrew one class-file string constant (64 KiB)");
        }
        ClassDesc subcommand = desc(Subcommand.class);
        var classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.ofClassLoading(PlainOptionsTable.class.getClassLoader())));
        return classFile.build(ClassDesc.of(CLASS_NAME), type -> type
                .withVersion(ClassFile.JAVA_25_VERSION, 0)   // the project's release, whatever JDK builds it
                .withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                .withInterfaceSymbols(desc(PlainOptions.class))
                .withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, code -> code
                        .aload(0)
                        .invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void)
                        .return_())
                .withMethodBody("table", MethodTypeDesc.of(ConstantDescs.CD_String), ClassFile.ACC_PUBLIC, code -> code
                        .ldc(table)
                        .areturn())
                .withMethodBody("set", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int, subcommand,
                        ConstantDescs.CD_Object), ClassFile.ACC_PUBLIC, code -> switchOnRow(code, entries, e -> store(e, true)))
                .withMethodBody("createMixins", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int, subcommand),
                        ClassFile.ACC_PUBLIC, code -> switchOnRow(code, entries, e -> store(e, false)))
                .withMethodBody("enumConstants", MethodTypeDesc.of(ConstantDescs.CD_Object.arrayType(), ConstantDescs.CD_int),
                        ClassFile.ACC_PUBLIC, code -> switchOnRow(code, entries, entry -> c -> {
                            Class<?> t = entry.field().getType();
                            if (t.isEnum()) {
                                c.invokestatic(desc(t), "values", MethodTypeDesc.of(desc(t).arrayType()));
                            } else {
                                c.aconst_null();
                            }
                            c.areturn();
                        })));
    }

    /** {@code switch (row) { case i -> caseFor(entry i) }}, and an IllegalArgumentException for any other row. */
    private static void switchOnRow(CodeBuilder code, List<Entry> entries,
                                    Function<Entry, Consumer<CodeBuilder>> caseFor) {
        List<SwitchCase> cases = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Label label = code.newLabel();
            labels.add(label);
            cases.add(SwitchCase.of(i, label));
        }
        Label other = code.newLabel();
        code.iload(1).tableswitch(0, entries.size() - 1, other, cases);
        for (int i = 0; i < entries.size(); i++) {
            code.labelBinding(labels.get(i));
            caseFor.apply(entries.get(i)).accept(code);
        }
        code.labelBinding(other)
                .new_(desc(IllegalArgumentException.class)).dup()
                .invokespecial(desc(IllegalArgumentException.class), ConstantDescs.INIT_NAME, ConstantDescs.MTD_void)
                .athrow();
    }

    /**
     * {@code ((Command) command).mixin… .field = (Type) value}, unboxing for a primitive field and
     * creating each mixin that is still null; without {@code value}, only the mixins. Locals: 2 the
     * command, 3 the value, 4 the owner so far.
     */
    private static Consumer<CodeBuilder> store(Entry entry, boolean value) {
        return code -> {
            Class<?> owner = entry.commandType();
            code.aload(2).checkcast(desc(owner));
            for (Field mixin : entry.path().subList(0, entry.path().size() - 1)) {
                ClassDesc ownerDesc = desc(owner);
                ClassDesc mixinDesc = desc(mixin.getType());
                Label present = code.newLabel();
                code.astore(4)
                        .aload(4).getfield(ownerDesc, mixin.getName(), mixinDesc)
                        .dup().ifnonnull(present)
                        .pop()
                        .aload(4).new_(mixinDesc).dup()
                        .invokespecial(mixinDesc, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void)
                        .putfield(ownerDesc, mixin.getName(), mixinDesc)
                        .aload(4).getfield(ownerDesc, mixin.getName(), mixinDesc)
                        .labelBinding(present);
                owner = mixin.getType();
            }
            if (!value) {
                code.pop().return_();
                return;
            }
            Class<?> type = entry.field().getType();
            code.aload(3);
            if (type.isPrimitive()) {
                Class<?> box = switch (type.getName()) {
                    case "int" -> Integer.class;
                    case "long" -> Long.class;
                    case "double" -> Double.class;
                    case "boolean" -> Boolean.class;
                    default -> throw new IllegalStateException("no plain reading for " + type);
                };
                code.checkcast(desc(box)).invokevirtual(desc(box), type.getName() + "Value", MethodTypeDesc.of(desc(type)));
            } else {
                code.checkcast(desc(type));
            }
            code.putfield(desc(owner), entry.field().getName(), desc(type)).return_();
        };
    }

    private static ClassDesc desc(Class<?> type) {
        return type.describeConstable().orElseThrow();
    }
}
