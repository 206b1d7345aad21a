package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleEvaluationException;
import org.mvel2.ConversionHandler;
import org.mvel2.DataConversion;
import org.mvel2.conversion.IntegerCH;
import org.mvel2.conversion.LongCH;

/**
 * Refuses NaN where an MVEL consequence passes it to a {@code long} or {@code int} parameter, such as the points
 * of {@code earn.points(0 / 0, ...)}: MVEL divides whole numbers as doubles, so {@code 0 / 0} is NaN,
 * and its conversion to {@code long} makes that 0, which the method receiving it cannot tell from
 * a real 0. Overloads taking a {@link Number} do not help: MVEL keeps the method it chose on a
 * consequence's first firing, {@code long} when the argument's type is a whole number, and converts
 * a later NaN to it.
 *
 * <p>MVEL's conversions are one table for the whole JVM, so this replaces its conversions to
 * {@code long}, {@link Long}, {@code int} and {@link Integer} with ones that convert as MVEL's own
 * {@link LongCH} and {@link IntegerCH} do, and refuse NaN only while the current thread
 * {@linkplain #firing() fires} or {@linkplain #building() builds} this engine's rules; other users of
 * MVEL in the JVM convert as before.
 * Such a conversion another library registered is replaced too.
 *
 * <p>The refusal names neither the parameter nor the method the NaN was passed to, and cannot
 * cleanly: a {@link ConversionHandler} is given the value alone. MVEL converts the arguments before
 * it calls the method, in {@code ReflectiveAccessorOptimizer.getMethod} on a consequence's first
 * firing and in its {@code MethodAccessor} later, where the method is a local variable or a private
 * field, so the vocabulary method is never entered and catching around it sees nothing. Nor can the
 * consequence's text tell: the same conversion serves every whole-number parameter a consequence
 * passes, to a vocabulary method or any other, such as {@code java.time.Duration.ofDays(0 / 0)}
 * inside the points of {@code earn.points}, so naming the vocabulary call on the line would
 * misname such a failure. What the refusal does say, {@code RuleFailures.ofConsequence} puts after
 * the rule, the event and the consequence's file and line.
 *
 * <p>A NaN computed while firing and kept in a typed local, {@code long n = $a / $b}, is refused
 * too, but MVEL's {@code SimpleSTValueResolver} replaces the refusal with its own
 * {@code RuntimeException} ("cannot convert value of java.lang.Double to: long"), without a cause.
 * So the refusal is also kept for the thread ({@link #takeRefusal()}), and
 * {@code RuleFailures.ofConsequence} reports it in place of MVEL's message.
 *
 * <p>A NaN that is a constant kept in a typed local, {@code long n = 0 / 0;} or
 * {@code int n = 0 / 0;} (also {@code Long}, {@code Integer} and {@code 0 / 0 + 0}), is refused when
 * the rule set is built. In its strict typing, which Drools uses for consequences, MVEL's compiler
 * folds {@code 0 / 0} to a constant NaN and converts a constant assigned to a typed local of another
 * type once, while compiling ({@code ExpressionCompiler.verify}), through this same table of
 * conversions; left alone it would make the constant 0, and {@code earn.points(n, ...)} would award
 * 0 points with nothing NaN when the rule fires. So {@code DrlCompiler} marks its thread as
 * {@linkplain #building() building} this engine's rules around Drools' compilation, and builds every
 * rule on that thread: Drools otherwise compiles the rules of a package of more than 10 rules on a
 * pool of compiler threads every Drools build in the JVM shares, which no thread mark reaches. MVEL
 * replaces the refusal with its own error, "cannot assign type java.lang.Double to long", at the
 * rule's first line and without a cause; {@link #refusedWhileBuilding(int[])} tells
 * {@code DrlCompiler} that the error is this refusal, and {@code BuildErrors} reports the NaN at the statement's line.
 * Other threads' builds, another user's Drools or MVEL, convert as before. An Infinity kept this way,
 * {@code long n = 1 / 0}, becomes the largest {@code long}, which the vocabulary refuses when the
 * rule fires; an explicit cast, {@code (long) (0 / 0)}, converts when firing and is refused then.
 * Not public API.
 */
final class MvelNaNGuard {

    /** How deep the current thread is in {@link #firing()}; an array so that entering costs one look-up. */
    private static final ThreadLocal<int[]> FIRING = ThreadLocal.withInitial(() -> new int[1]);

    /** How deep the current thread is in {@link #building()}, and how many NaNs it refused since the outermost began. */
    private static final ThreadLocal<int[]> BUILDING = ThreadLocal.withInitial(() -> new int[2]);

    /** The current thread's latest refusal not yet {@linkplain #takeRefusal() taken}, or null; set only when refusing. */
    private static final ThreadLocal<RuleEvaluationException> REFUSAL = new ThreadLocal<>();

    static {
        ConversionHandler toLong = new Guarded(new LongCH());
        DataConversion.addConversionHandler(Long.class, toLong);
        DataConversion.addConversionHandler(long.class, toLong);
        ConversionHandler toInt = new Guarded(new IntegerCH());
        DataConversion.addConversionHandler(Integer.class, toInt);
        DataConversion.addConversionHandler(int.class, toInt);
    }

    /** What a constant NaN refused while building says, before the statement that keeps it. */
    static final String CONSTANT_NAN = "a whole number such as points is a constant NaN (not a number), as zero divided by zero "
            + "gives in the MVEL dialect; MVEL would make it 0";

    private MvelNaNGuard() {
    }

    /**
     * Marks the current thread as firing this engine's rules until {@link #done(int[])}; installs the
     * conversion on first use.
     *
     * @return what to pass to {@link #done(int[])}
     */
    static int[] firing() {
        int[] depth = FIRING.get();
        depth[0]++;
        return depth;
    }

    /**
     * Marks the current thread as building this engine's rules until {@link #done(int[])}, so that
     * a constant NaN MVEL converts to a whole number while compiling a consequence is refused;
     * installs the conversion on first use. The build must not hand rules to other threads.
     *
     * @return what to pass to {@link #done(int[])}
     */
    static int[] building() {
        int[] depth = BUILDING.get();
        if (depth[0]++ == 0) {
            depth[1] = 0;
        }
        return depth;
    }

    /**
     * Returns how many constant NaNs were refused on the thread since the outermost
     * {@link #building()} that returned the scope began. MVEL's compiler replaces the refusal with
     * its own error ("cannot assign type java.lang.Double to long"), without a cause, so this tells
     * such an error from any other.
     *
     * @param scope what {@link #building()} returned
     * @return the number of refusals
     */
    static int refusedWhileBuilding(int[] scope) {
        return scope[1];
    }

    /** Ends what {@link #firing()} or {@link #building()} began. */
    static void done(int[] depth) {
        depth[0]--;
    }

    /**
     * Returns the latest refusal of a NaN on the current thread and forgets it, for a failure in
     * which MVEL replaced the refusal with its own exception.
     *
     * @return the refusal, or null when none was made since the last call
     */
    static RuleEvaluationException takeRefusal() {
        RuleEvaluationException refusal = REFUSAL.get();
        if (refusal != null) {
            REFUSAL.remove();
        }
        return refusal;
    }

    /** MVEL's conversion to {@code long}, refusing NaN while the thread fires or builds this engine's rules. */
    private static final class Guarded implements ConversionHandler {
        private final ConversionHandler mvel;

        Guarded(ConversionHandler mvel) {
            this.mvel = mvel;
        }

        @Override
        public Object convertFrom(Object in) {
            if ((in instanceof Double || in instanceof Float) && Double.isNaN(((Number) in).doubleValue())) {
                if (FIRING.get()[0] > 0) {
                    RuleEvaluationException refusal = new RuleEvaluationException("a whole number such as points is NaN (not a number), "
                            + "as zero divided by zero gives in the MVEL dialect; MVEL would make it 0");
                    REFUSAL.set(refusal);
                    throw refusal;
                }
                int[] building = BUILDING.get();
                if (building[0] > 0) {
                    building[1]++;
                    throw new IllegalArgumentException(CONSTANT_NAN);
                }
            }
            return mvel.convertFrom(in);
        }

        @Override
        public boolean canConvertFrom(Class cls) {
            return mvel.canConvertFrom(cls);
        }
    }
}
