package dev.loyalty.core.internal;

import dev.loyalty.core.Explanation;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gives the engine's stores the functions a lazy {@link Explanation} will write its text with,
 * while it has not written it yet, so that a store keeping millions of outcomes can keep those
 * functions' facts in its own record instead of the explanation object. {@link Explanation}
 * registers the access when its class is initialised; nothing else can. Not public API.
 */
public final class ExplanationSources {

    /** How the sources are read; implemented by {@link Explanation} alone. */
    public interface Access {
        /**
         * Returns the function that will write the summary.
         *
         * @param explanation the explanation
         * @return the function, or null when the summary is written already
         */
        Supplier<String> summary(Explanation explanation);

        /**
         * Returns the function that will write the steps.
         *
         * @param explanation the explanation
         * @return the function, or null when the steps are written already
         */
        Supplier<List<Explanation.Step>> steps(Explanation explanation);
    }

    private static volatile Access access;

    private ExplanationSources() {
    }

    /**
     * Registers the access, once: called by {@link Explanation}'s class initialisation.
     *
     * @param given the access
     * @throws IllegalStateException when an access is registered already
     */
    public static synchronized void register(Access given) {
        if (access != null) {
            throw new IllegalStateException("the explanation sources are registered already");
        }
        access = given;
    }

    /**
     * Returns the function that will write an explanation's summary.
     *
     * @param explanation the explanation
     * @return the function, or null when the summary is written already or the explanation was not made lazily
     */
    public static Supplier<String> summary(Explanation explanation) {
        return access.summary(explanation);
    }

    /**
     * Returns the function that will write an explanation's steps.
     *
     * @param explanation the explanation
     * @return the function, or null when the steps are written already or the explanation was not made lazily
     */
    public static Supplier<List<Explanation.Step>> steps(Explanation explanation) {
        return access.steps(explanation);
    }
}
