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
 * {@linkplain #firing() fires} this engine's rules; other users of MVEL in the JVM convert as before.
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
 * <p>Not refused: a NaN that is a constant kept in a typed local, {@code long n = 0 / 0;} or
 * {@code int n = 0 / 0;} (also {@code Long}, and {@code 0 / 0 + 0}), then passed on as points:
 * {@code earn.points(n, ...)} awards 0 points and the purchase is stored. In its strict typing,
 * which Drools uses for consequences, MVEL's compiler folds {@code 0 / 0} to a constant NaN and
 * converts a constant assigned to a typed local of another type once, when the rule set is built
 * ({@code ExpressionCompiler.verify}), through this same table of conversions, outside any firing;
 * the consequence then holds the constant 0 and nothing is NaN when it fires. Refusing it while
 * this engine builds its rules would need the building thread marked as this engine's, but Drools
 * compiles the rules of a package of more than 10 rules in parallel, on a pool of compiler threads
 * every Drools build in the JVM shares: such a refusal would miss some of those rules, or refuse
 * NaN in other users' builds; building serially would cost build time. An Infinity kept this way,
 * {@code long n = 1 / 0}, becomes the largest {@code long}, which the vocabulary refuses; an
 * explicit cast, {@code (long) (0 / 0)}, converts when firing and is refused.
 * Not public API.
 */
final class MvelNaNGuard {

    /** How deep the current thread is in {@link #firing()}; an array so that entering costs one look-up. */
    private static final ThreadLocal<int[]> FIRING = ThreadLocal.withInitial(() -> new int[1]);

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

    /** Ends what {@link #firing()} began. */
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

    /** MVEL's conversion to {@code long}, refusing NaN while the thread fires this engine's rules. */
    private static final class Guarded implements ConversionHandler {
        private final ConversionHandler mvel;

        Guarded(ConversionHandler mvel) {
            this.mvel = mvel;
        }

        @Override
        public Object convertFrom(Object in) {
            if ((in instanceof Double || in instanceof Float) && Double.isNaN(((Number) in).doubleValue()) && FIRING.get()[0] > 0) {
                RuleEvaluationException refusal = new RuleEvaluationException("a whole number such as points is NaN (not a number), "
                        + "as zero divided by zero gives in the MVEL dialect; MVEL would make it 0");
                REFUSAL.set(refusal);
                throw refusal;
            }
            return mvel.convertFrom(in);
        }

        @Override
        public boolean canConvertFrom(Class cls) {
            return mvel.canConvertFrom(cls);
        }
    }
}
