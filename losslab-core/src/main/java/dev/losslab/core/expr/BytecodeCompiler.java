package dev.losslab.core.expr;

import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;

import dev.losslab.core.surface.Surface;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Compiles a {@link Program} to a hidden class (JDK ClassFile API, {@code defineHiddenClass}) whose
 * three methods are straight-line code: every needed tape node becomes one {@code double} local,
 * computed once, in tape order, by an arithmetic instruction or a static call ({@link Math},
 * {@link MoreMath}). The user's text never becomes code: it is read by the {@link Parser}, and only
 * tape operations, numbers and local-variable slots reach the class file; the formula itself is a
 * string constant for {@code toString}.
 *
 * <p>HotSpot does not JIT-compile methods longer than 8,000 bytes of bytecode (HugeMethodLimit),
 * and a method may not exceed 64 KB; a program whose largest method would be longer than
 * {@value #MAX_METHOD_BYTES} bytes is run by {@link InterpretedSurface} instead.
 */
final class BytecodeCompiler {

    /** The longest method generated; past this the formula is interpreted. */
    static final int MAX_METHOD_BYTES = 8000;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final ClassDesc CD_COMPILED = ClassDesc.of(CompiledSurface.class.getName());
    private static final ClassDesc CD_NAME = ClassDesc.of(BytecodeCompiler.class.getPackageName() + ".CompiledFormula");
    private static final ClassDesc CD_MATH = ClassDesc.of("java.lang.Math");
    private static final ClassDesc CD_MORE_MATH = ClassDesc.of(MoreMath.class.getName());
    private static final ClassDesc CD_SYM2 = ClassDesc.of("dev.losslab.core.surface.Sym2");
    private static final MethodTypeDesc D_D = MethodTypeDesc.of(CD_double, CD_double);
    private static final MethodTypeDesc D_DD = MethodTypeDesc.of(CD_double, CD_double, CD_double);
    private static final MethodTypeDesc D_DDD = MethodTypeDesc.of(CD_double, CD_double, CD_double, CD_double);
    private static final MethodTypeDesc INIT = MethodTypeDesc.of(CD_void, CD_String);

    /** Slots: this = 0, x = 1–2, y = 3–4, then the gradient array (valueAndGradient only). */
    private static final int X_SLOT = 1;
    private static final int Y_SLOT = 3;

    private BytecodeCompiler() {}

    /** A surface computing {@code p}: compiled when it fits {@link #MAX_METHOD_BYTES}, else interpreted. */
    static Surface compile(Program p, String formula) {
        int[] value = p.schedule(p.value());
        int[] gradient = p.schedule(p.value(), p.gradX(), p.gradY());
        int[] hessian = p.schedule(p.hessXX(), p.hessXY(), p.hessYY());
        Tape t = p.tape();
        if (codeLength(t, value, 5) > MAX_METHOD_BYTES || codeLength(t, gradient, 6) > MAX_METHOD_BYTES
                || codeLength(t, hessian, 5) > MAX_METHOD_BYTES) {
            return new InterpretedSurface(p, formula);
        }
        byte[] bytes = classBytes(p, value, gradient, hessian);
        try {
            var hidden = LOOKUP.defineHiddenClass(bytes, true);
            var constructor = hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class, String.class));
            return (Surface) constructor.invoke(formula);
        } catch (Throwable e) {
            throw new IllegalStateException("compiling " + formula + " failed", e);
        }
    }

    /** The class file, for tests that verify it. */
    static byte[] classBytes(Program p, int[] value, int[] gradient, int[] hessian) {
        Tape t = p.tape();
        return ClassFile.of().build(CD_NAME, cb -> cb
                .withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER | ClassFile.ACC_SYNTHETIC)
                .withSuperclass(CD_COMPILED)
                .withMethodBody(INIT_NAME, INIT, ClassFile.ACC_PUBLIC, code -> code
                        .aload(0).aload(1).invokespecial(CD_COMPILED, INIT_NAME, INIT).return_())
                .withMethodBody("value", D_DD, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, code -> {
                    int[] slot = emit(code, t, value, 5);
                    load(code, t, slot, p.value());
                    code.dreturn();
                })
                .withMethodBody("valueAndGradient",
                        MethodTypeDesc.of(CD_double, CD_double, CD_double, CD_double.arrayType()),
                        ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, code -> {
                            int[] slot = emit(code, t, gradient, 6);
                            code.aload(5).iconst_0();
                            load(code, t, slot, p.gradX());
                            code.dastore().aload(5).iconst_1();
                            load(code, t, slot, p.gradY());
                            code.dastore();
                            load(code, t, slot, p.value());
                            code.dreturn();
                        })
                .withMethodBody("hessian", MethodTypeDesc.of(CD_SYM2, CD_double, CD_double),
                        ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, code -> {
                            int[] slot = emit(code, t, hessian, 5);
                            code.new_(CD_SYM2).dup();
                            load(code, t, slot, p.hessXX());
                            load(code, t, slot, p.hessXY());
                            load(code, t, slot, p.hessYY());
                            code.invokespecial(CD_SYM2, INIT_NAME, MethodTypeDesc.of(CD_void, CD_double, CD_double, CD_double))
                                    .areturn();
                        }));
    }

    /** Computes each scheduled node into its own local; returns node → slot. */
    private static int[] emit(CodeBuilder code, Tape t, int[] order, int firstSlot) {
        int[] slot = new int[t.size()];
        int next = firstSlot;
        for (int node : order) {
            Op op = t.op(node);
            if (op == Op.CONST || op == Op.X || op == Op.Y) {
                continue;
            }
            for (int j = 0; j < op.arity(); j++) {
                load(code, t, slot, t.arg(node, j));
            }
            switch (op) {
                case CONST, X, Y -> throw new IllegalStateException("loaded, not computed");
                case NEG -> code.dneg();
                case ADD -> code.dadd();
                case SUB -> code.dsub();
                case MUL -> code.dmul();
                case DIV -> code.ddiv();
                case POW -> code.invokestatic(CD_MATH, "pow", D_DD);
                case ATAN2 -> code.invokestatic(CD_MATH, "atan2", D_DD);
                case MIN -> code.invokestatic(CD_MATH, "min", D_DD);
                case MAX -> code.invokestatic(CD_MATH, "max", D_DD);
                case SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH, EXP, LOG, LOG10, SQRT, ABS ->
                        code.invokestatic(CD_MATH, op.name().toLowerCase(java.util.Locale.ROOT), D_D);
                case SIGMOID -> code.invokestatic(CD_MORE_MATH, "sigmoid", D_D);
                case SOFTPLUS -> code.invokestatic(CD_MORE_MATH, "softplus", D_D);
                case PICK -> code.invokestatic(CD_MORE_MATH, "pick", D_DDD);
            }
            slot[node] = next;
            code.dstore(next);
            next += 2;
        }
        return slot;
    }

    private static void load(CodeBuilder code, Tape t, int[] slot, int node) {
        switch (t.op(node)) {
            case X -> code.dload(X_SLOT);
            case Y -> code.dload(Y_SLOT);
            case CONST -> {
                double v = t.constantValue(node);
                if (Double.doubleToRawLongBits(v) == 0L) {
                    code.dconst_0();
                } else if (v == 1.0) {
                    code.dconst_1();
                } else {
                    code.ldc(v);
                }
            }
            default -> code.dload(slot[node]);
        }
    }

    /** The exact length in bytes of a method's straight-line part, as {@link #emit} writes it. */
    static int codeLength(Tape t, int[] order, int firstSlot) {
        int[] slot = new int[t.size()];
        int next = firstSlot;
        int bytes = 32; // returns, the gradient stores and the Sym2 construction
        for (int node : order) {
            Op op = t.op(node);
            if (op == Op.CONST || op == Op.X || op == Op.Y) {
                continue;
            }
            for (int j = 0; j < op.arity(); j++) {
                int arg = t.arg(node, j);
                bytes += switch (t.op(arg)) {
                    case X, Y -> 1;
                    case CONST -> Double.doubleToRawLongBits(t.constantValue(arg)) == 0L
                            || t.constantValue(arg) == 1.0 ? 1 : 3;
                    default -> localLength(slot[arg]);
                };
            }
            bytes += switch (op) {
                case NEG, ADD, SUB, MUL, DIV -> 1;
                default -> 3;
            };
            slot[node] = next;
            bytes += localLength(next);
            next += 2;
        }
        return bytes;
    }

    /** dload/dstore: 1 byte for slots 0–3, 2 up to 255, 4 (wide) beyond. */
    private static int localLength(int slot) {
        return slot <= 3 ? 1 : slot <= 255 ? 2 : 4;
    }
}
