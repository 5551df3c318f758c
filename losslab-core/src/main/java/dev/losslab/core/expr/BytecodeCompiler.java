package dev.losslab.core.expr;

import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Compiles a {@link Program} to a hidden class (JDK ClassFile API, {@code defineHiddenClass}) that
 * extends {@link CompiledSurface} with five methods ({@link Method}):
 * <ul>
 *   <li>{@code valueAndGradient(p, n, f, g)}: one loop over the n points of a batch
 *       ({@link Surface}'s layout) whose body is the straight-line code of f and ∇f, followed by
 *       the stores {@code f[i]}, {@code g[i]}, {@code g[n + i]};
 *   <li>{@code hessian(p, n, h)}: the same loop around the straight-line code of ∇²f, storing
 *       {@code h[i]}, {@code h[n + i]}, {@code h[2n + i]};
 *   <li>{@code value(x, y)}, {@code valueAndGradient(x, y, g)} and {@code hessian(x, y)}: the
 *       same straight-line code for one point, f alone in {@code value}.
 * </ul>
 * In the straight-line code every needed tape node becomes one {@code double} local, computed once,
 * in tape order, by an arithmetic instruction or a static call ({@link Math}, {@link MoreMath}). A
 * batch and a call at one point run the same instructions on the same nodes, so each point of a
 * batch gets exactly the one-point doubles. A loop with no calls but {@code Math}'s intrinsics is
 * what the JIT vectorises, as for the catalog's hand-written batches.
 *
 * <p>The one-point methods are generated rather than taken from {@link Surface}'s batch-of-one
 * defaults. A default calls the batch method, which the JIT does not inline into the caller for a
 * formula of any size, so every one-point call would pay for a call, the batch's arrays and a loop
 * of one (Goldstein–Price: about ten times slower than straight-line code); and a default shared
 * by every compiled formula would see them all as receivers, making its call megamorphic for the
 * catalog surfaces that use it too.
 *
 * <p>The user's text never becomes code: it is read by the {@link Parser}, and only tape
 * operations, numbers and local-variable slots reach the class file; the formula itself is a
 * string constant for {@code toString}.
 *
 * <p>HotSpot does not JIT-compile methods longer than 8,000 bytes of bytecode (HugeMethodLimit),
 * and a method may not exceed 64 KB; a program whose longest method — loop and stores included, as
 * {@link #codeLength} counts it to the byte — would be longer than {@value #MAX_METHOD_BYTES}
 * bytes is run by {@link InterpretedSurface} instead.
 */
final class BytecodeCompiler {

    /** The longest method generated; past this the formula is interpreted. */
    static final int MAX_METHOD_BYTES = 8000;

    /**
     * The generated methods and their local-variable slots. Parameters come first (this = 0),
     * then, in the batch methods, the loop index i and the point's x and y; the tape's
     * temporaries follow, two slots each.
     */
    enum Method {
        /** {@code double value(double x, double y)}: x = 1–2, y = 3–4, temporaries from 5. */
        VALUE(-1, 1, 3, 5),
        /**
         * {@code double valueAndGradient(double x, double y, double[] g)}: x = 1–2, y = 3–4,
         * g = 5, temporaries from 6.
         */
        POINT_GRADIENT(-1, 1, 3, 6),
        /** {@code Sym2 hessian(double x, double y)}: x = 1–2, y = 3–4, temporaries from 5. */
        POINT_HESSIAN(-1, 1, 3, 5),
        /**
         * {@code void valueAndGradient(double[] p, int n, double[] f, double[] g)}: p = 1, n = 2,
         * f = 3, g = 4, i = 5, x = 6–7, y = 8–9, temporaries from 10.
         */
        GRADIENT(5, 6, 8, 10),
        /**
         * {@code void hessian(double[] p, int n, double[] h)}: p = 1, n = 2, h = 3, i = 4,
         * x = 5–6, y = 7–8, temporaries from 9.
         */
        HESSIAN(4, 5, 7, 9);

        final int i;
        final int x;
        final int y;
        final int firstTemporary;

        Method(int i, int x, int y, int firstTemporary) {
            this.i = i;
            this.x = x;
            this.y = y;
            this.firstTemporary = firstTemporary;
        }

        /** The nodes whose values the method returns or stores. */
        int[] outputs(Program p) {
            return switch (this) {
                case VALUE -> new int[] {p.value()};
                case POINT_GRADIENT, GRADIENT -> new int[] {p.value(), p.gradX(), p.gradY()};
                case POINT_HESSIAN, HESSIAN -> new int[] {p.hessXX(), p.hessXY(), p.hessYY()};
            };
        }

        /** The nodes the method computes, in tape order. */
        int[] schedule(Program p) {
            return p.schedule(outputs(p));
        }
    }

    /** The one-point valueAndGradient's gradient array. */
    private static final int G_SLOT = 5;
    /** The batch methods' parameter slots. */
    private static final int P_SLOT = 1;
    private static final int N_SLOT = 2;
    /** f in valueAndGradient, h in hessian: output k goes to {@code array(k)[multiple(k)·n + i]}. */
    private static final int FIRST_ARRAY_SLOT = 3;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final ClassDesc CD_COMPILED = ClassDesc.of(CompiledSurface.class.getName());
    private static final ClassDesc CD_NAME = ClassDesc.of(BytecodeCompiler.class.getPackageName() + ".CompiledFormula");
    private static final ClassDesc CD_MATH = ClassDesc.of("java.lang.Math");
    private static final ClassDesc CD_MORE_MATH = ClassDesc.of(MoreMath.class.getName());
    private static final ClassDesc CD_SYM2 = ClassDesc.of(Sym2.class.getName());
    private static final ClassDesc CD_DOUBLES = CD_double.arrayType();
    private static final MethodTypeDesc D_D = MethodTypeDesc.of(CD_double, CD_double);
    private static final MethodTypeDesc D_DD = MethodTypeDesc.of(CD_double, CD_double, CD_double);
    private static final MethodTypeDesc D_DDD = MethodTypeDesc.of(CD_double, CD_double, CD_double, CD_double);
    private static final MethodTypeDesc INIT = MethodTypeDesc.of(CD_void, CD_String);
    private static final MethodTypeDesc SYM2_INIT = MethodTypeDesc.of(CD_void, CD_double, CD_double, CD_double);
    private static final MethodTypeDesc POINT_GRADIENT_TYPE = MethodTypeDesc.of(CD_double, CD_double, CD_double, CD_DOUBLES);
    private static final MethodTypeDesc POINT_HESSIAN_TYPE = MethodTypeDesc.of(CD_SYM2, CD_double, CD_double);
    private static final MethodTypeDesc GRADIENT_TYPE = MethodTypeDesc.of(CD_void, CD_DOUBLES, CD_int, CD_DOUBLES, CD_DOUBLES);
    private static final MethodTypeDesc HESSIAN_TYPE = MethodTypeDesc.of(CD_void, CD_DOUBLES, CD_int, CD_DOUBLES);

    private BytecodeCompiler() {}

    /** A surface computing {@code p}: compiled when it fits {@link #MAX_METHOD_BYTES}, else interpreted. */
    static Surface compile(Program p, String formula) {
        for (Method m : Method.values()) {
            if (codeLength(p, m, m.schedule(p)) > MAX_METHOD_BYTES) {
                return new InterpretedSurface(p, formula);
            }
        }
        byte[] bytes = classBytes(p, Method.VALUE.schedule(p), Method.GRADIENT.schedule(p), Method.HESSIAN.schedule(p));
        try {
            var hidden = LOOKUP.defineHiddenClass(bytes, true);
            var constructor = hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class, String.class));
            return (Surface) constructor.invoke(formula);
        } catch (Throwable e) {
            throw new IllegalStateException("compiling " + formula + " failed", e);
        }
    }

    /**
     * The class file, for tests that verify it; {@code value}, {@code gradient} and
     * {@code hessian} are the schedules of f, of f with ∇f, and of ∇²f.
     */
    static byte[] classBytes(Program p, int[] value, int[] gradient, int[] hessian) {
        Tape t = p.tape();
        int flags = ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL;
        return ClassFile.of().build(CD_NAME, cb -> cb
                .withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER | ClassFile.ACC_SYNTHETIC)
                .withSuperclass(CD_COMPILED)
                .withMethodBody(INIT_NAME, INIT, ClassFile.ACC_PUBLIC, code -> code
                        .aload(0).aload(1).invokespecial(CD_COMPILED, INIT_NAME, INIT).return_())
                .withMethodBody("valueAndGradient", GRADIENT_TYPE, flags,
                        code -> loop(code, p, gradient, Method.GRADIENT))
                .withMethodBody("hessian", HESSIAN_TYPE, flags,
                        code -> loop(code, p, hessian, Method.HESSIAN))
                .withMethodBody("value", D_DD, flags, code -> {
                    int[] slot = emit(code, t, value, Method.VALUE);
                    load(code, t, slot, p.value(), Method.VALUE);
                    code.dreturn();
                })
                .withMethodBody("valueAndGradient", POINT_GRADIENT_TYPE, flags, code -> {
                    Method m = Method.POINT_GRADIENT;
                    int[] slot = emit(code, t, gradient, m);
                    code.aload(G_SLOT).iconst_0();
                    load(code, t, slot, p.gradX(), m);
                    code.dastore().aload(G_SLOT).iconst_1();
                    load(code, t, slot, p.gradY(), m);
                    code.dastore();
                    load(code, t, slot, p.value(), m);
                    code.dreturn();
                })
                .withMethodBody("hessian", POINT_HESSIAN_TYPE, flags, code -> {
                    Method m = Method.POINT_HESSIAN;
                    int[] slot = emit(code, t, hessian, m);
                    code.new_(CD_SYM2).dup();
                    load(code, t, slot, p.hessXX(), m);
                    load(code, t, slot, p.hessXY(), m);
                    load(code, t, slot, p.hessYY(), m);
                    code.invokespecial(CD_SYM2, INIT_NAME, SYM2_INIT).areturn();
                }));
    }

    /**
     * {@code for (int i = 0; i < n; i++) { x = p[i]; y = p[n + i]; <straight line>; <stores> }}, as
     * javac writes it: the test at the top, {@code iinc} and a {@code goto} back at the bottom.
     */
    private static void loop(CodeBuilder code, Program p, int[] order, Method m) {
        Label top = code.newLabel();
        Label end = code.newLabel();
        code.iconst_0().istore(m.i);
        code.labelBinding(top);
        code.iload(m.i).iload(N_SLOT).if_icmpge(end);
        code.aload(P_SLOT).iload(m.i).daload().dstore(m.x);
        code.aload(P_SLOT).iload(N_SLOT).iload(m.i).iadd().daload().dstore(m.y);
        int[] slot = emit(code, p.tape(), order, m);
        int[] outputs = m.outputs(p);
        for (int k = 0; k < outputs.length; k++) {
            code.aload(array(m, k));
            switch (multiple(m, k)) {
                case 0 -> code.iload(m.i);
                case 1 -> code.iload(N_SLOT).iload(m.i).iadd();
                default -> code.iconst_2().iload(N_SLOT).imul().iload(m.i).iadd();
            }
            load(code, p.tape(), slot, outputs[k], m);
            code.dastore();
        }
        code.iinc(m.i, 1).goto_(top);
        code.labelBinding(end);
        code.return_();
    }

    /** The slot of the array output k is stored to: f, g, g in valueAndGradient; h, h, h in hessian. */
    private static int array(Method m, int k) {
        return m == Method.GRADIENT && k > 0 ? FIRST_ARRAY_SLOT + 1 : FIRST_ARRAY_SLOT;
    }

    /** Output k of a batch is stored at {@code [multiple·n + i]}. */
    private static int multiple(Method m, int k) {
        return m == Method.GRADIENT ? Math.max(0, k - 1) : k;
    }

    /** Computes each scheduled node into its own local; returns node → slot. */
    private static int[] emit(CodeBuilder code, Tape t, int[] order, Method m) {
        int[] slot = new int[t.size()];
        int next = m.firstTemporary;
        for (int node : order) {
            Op op = t.op(node);
            if (op == Op.CONST || op == Op.X || op == Op.Y) {
                continue;
            }
            for (int j = 0; j < op.arity(); j++) {
                load(code, t, slot, t.arg(node, j), m);
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

    private static void load(CodeBuilder code, Tape t, int[] slot, int node, Method m) {
        switch (t.op(node)) {
            case X -> code.dload(m.x);
            case Y -> code.dload(m.y);
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

    /**
     * The exact length in bytes of method {@code m} as {@link #classBytes} writes it for the
     * nodes {@code order}: the straight-line part, the loads of the outputs, the return, and in
     * the batch methods the loop and the array stores.
     */
    static int codeLength(Program p, Method m, int[] order) {
        Tape t = p.tape();
        int[] slot = new int[t.size()];
        int next = m.firstTemporary;
        int bytes = 0;
        for (int node : order) {
            Op op = t.op(node);
            if (op == Op.CONST || op == Op.X || op == Op.Y) {
                continue;
            }
            for (int j = 0; j < op.arity(); j++) {
                bytes += loadLength(t, slot, t.arg(node, j), m);
            }
            bytes += switch (op) {
                case NEG, ADD, SUB, MUL, DIV -> 1;
                default -> 3; // invokestatic
            };
            slot[node] = next;
            bytes += localLength(next);
            next += 2;
        }
        int[] outputs = m.outputs(p);
        for (int output : outputs) {
            bytes += loadLength(t, slot, output, m);
        }
        return bytes + switch (m) {
            case VALUE -> 1; // dreturn
            // aload g, iconst_0, dastore; aload g, iconst_1, dastore; dreturn
            case POINT_GRADIENT -> 2 * (localLength(G_SLOT) + 1 + 1) + 1;
            case POINT_HESSIAN -> 3 + 1 + 3 + 1; // new Sym2, dup, invokespecial, areturn
            case GRADIENT, HESSIAN -> loopLength(m, outputs.length);
        };
    }

    /** What {@link #loop} writes around the straight-line code and the loads of the outputs. */
    private static int loopLength(Method m, int outputs) {
        int bytes = 1 + localLength(m.i); // iconst_0, istore i
        bytes += localLength(m.i) + localLength(N_SLOT) + 3; // iload i, iload n, if_icmpge
        bytes += localLength(P_SLOT) + localLength(m.i) + 1 + localLength(m.x); // aload p, iload i, daload, dstore x
        bytes += localLength(P_SLOT) + localLength(N_SLOT) + localLength(m.i) + 1 + 1 + localLength(m.y); // … iadd, daload, dstore y
        for (int k = 0; k < outputs; k++) {
            bytes += localLength(array(m, k)) + 1; // aload array, dastore
            bytes += switch (multiple(m, k)) {
                case 0 -> localLength(m.i);
                case 1 -> localLength(N_SLOT) + localLength(m.i) + 1; // iload n, iload i, iadd
                default -> 1 + localLength(N_SLOT) + 1 + localLength(m.i) + 1; // iconst_2, iload n, imul, iload i, iadd
            };
        }
        return bytes + 3 + 3 + 1; // iinc i 1, goto, return
    }

    private static int loadLength(Tape t, int[] slot, int node, Method m) {
        return switch (t.op(node)) {
            case X -> localLength(m.x);
            case Y -> localLength(m.y);
            case CONST -> Double.doubleToRawLongBits(t.constantValue(node)) == 0L
                    || t.constantValue(node) == 1.0 ? 1 : 3; // dconst_0/1, ldc2_w
            default -> localLength(slot[node]);
        };
    }

    /** xload/xstore: 1 byte for slots 0–3, 2 up to 255, 4 (wide) beyond. */
    private static int localLength(int slot) {
        return slot <= 3 ? 1 : slot <= 255 ? 2 : 4;
    }
}
