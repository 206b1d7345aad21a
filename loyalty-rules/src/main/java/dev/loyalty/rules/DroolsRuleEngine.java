package dev.loyalty.rules;

import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.SweepContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.tier.TierPolicy;
import dev.loyalty.rules.internal.DrlSource;
import dev.loyalty.rules.internal.RuleSet;
import dev.loyalty.rules.internal.RuleSetCompiler;
import dev.loyalty.rules.internal.SourceLoader;
import dev.loyalty.rules.vocabulary.Earn;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The Drools rule engine: campaign rules written in DRL against the facts and actions of
 * {@link dev.loyalty.rules.vocabulary}.
 *
 * <pre>{@code
 * RuleEngine rules = DroolsRuleEngine.builder()
 *         .defaultCampaigns()
 *         .directory(Path.of("/etc/loyalty/campaigns"))
 *         .build();
 * LoyaltyEngine engine = LoyaltyEngine.builder().program(program).ruleEngine(rules).build();
 * }</pre>
 *
 * <p>All DRL is compiled once, when the engine is built, into one rule base; each event is then
 * evaluated in a stateful session borrowed from a small pool and cleaned after use. The engine
 * is thread-safe. Close it to release the pooled sessions.
 *
 * <p>{@link #reload()} and {@link #reload(Builder)} replace the active campaign set while events
 * are being evaluated: the new set is compiled and checked first, then swapped in atomically;
 * evaluations already running finish on the old set, whose sessions are disposed as they come
 * back; a set that fails to build leaves the old one active.
 */
public final class DroolsRuleEngine implements RuleEngine {

    private final AtomicReference<Active> active;
    private final Object reloading = new Object();
    private volatile boolean closed;

    /** Checks the core registered on the tier policy of a set about to be swapped in. */
    private final List<Consumer<TierPolicy>> tierGuards = new CopyOnWriteArrayList<>();

    /** The active rule set with the configuration it was built from, and its tier policy (kept to hand out without allocating). */
    private record Active(String id, RuleSet rules, Builder source, Optional<TierPolicy> tierPolicy) {
        Active(String id, RuleSet rules, Builder source) {
            this(id, rules, source, Optional.ofNullable(rules.tierPolicy()));
        }
    }

    private DroolsRuleEngine(Active active) {
        this.active = new AtomicReference<>(active);
    }

    /**
     * Starts configuring an engine; add at least one source of DRL.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the version of the active rule set: the first 12 hex digits of the SHA-256 over the
     * sources' location-independent names (a directory's files by their path relative to it, a
     * file by its file name, other sources by the name given) and contents. The same files give
     * the same version wherever they lie.
     *
     * @return the version
     */
    @Override
    public String version() {
        return active.get().rules().version();
    }

    /**
     * Returns the active campaign set: its id, version and campaigns with their metadata.
     *
     * @return the campaign set
     */
    public CampaignSet campaignSet() {
        Active current = active.get();
        return new CampaignSet(current.id(), current.rules().version(), current.rules().campaigns());
    }

    /**
     * Reads the sources this engine was built from again (a directory's files as they are now),
     * compiles them and swaps the result in; see {@link #reload(Builder)}. A reload that runs at the
     * same time, of another configuration, is never undone: this one reads the configuration
     * active once that one is done.
     *
     * @return the new active campaign set
     * @throws RuleDefinitionException listing every problem; the old set stays active
     * @throws IllegalStateException when the engine is closed
     */
    public CampaignSet reload() {
        // the configuration is read under the lock: read before, it could be one a concurrent reload is replacing, and
        // reloading it would undo that reload
        synchronized (reloading) {
            return reload(active.get().source());
        }
    }

    /**
     * Replaces the active campaign set with the one the builder describes. The new set is read,
     * compiled, checked and warmed before the swap, which is atomic: every evaluation runs
     * entirely on the old set or entirely on the new one, and records that set's version. Reloads
     * run one at a time.
     *
     * @param candidate the configuration of the new set; later {@link #reload()} calls read it again
     * @return the new active campaign set
     * @throws RuleDefinitionException listing every problem; the old set stays active
     * @throws dev.loyalty.core.LoyaltyConfigurationException when the new set's tier ladder does not fit the program
     *         of a {@code LoyaltyEngine} using this engine (a tier not on its ladder, say); the old set stays active
     * @throws IllegalStateException when the engine is closed
     */
    public CampaignSet reload(Builder candidate) {
        Objects.requireNonNull(candidate, "candidate");
        synchronized (reloading) {
            if (closed) {
                throw new IllegalStateException("the rule engine is closed");
            }
            Builder snapshot = candidate.copy();
            RuleSet fresh = snapshot.compile();
            try {
                if (fresh.tierPolicy() != null) {
                    for (Consumer<TierPolicy> guard : tierGuards) {
                        guard.accept(fresh.tierPolicy());
                    }
                }
                fresh.warm();
            } catch (RuntimeException | Error e) {
                // never swapped in: its sessions go with it
                fresh.close();
                throw e;
            }
            Active previous = active.getAndSet(new Active(snapshot.id, fresh, snapshot));
            previous.rules().retire();
            return campaignSet();
        }
    }

    /**
     * Evaluates the rules for one event.
     *
     * @param context the member, event and date
     * @return the decisions, in the order the rules fired
     * @throws dev.loyalty.core.RuleEvaluationException when a rule fails, naming the rule and the event
     * @throws IllegalStateException when the engine is closed
     */
    @Override
    public Evaluation evaluate(RuleContext context) {
        Objects.requireNonNull(context, "context");
        RuleSet rules = rules();
        return new Evaluation(rules.version(), rules.evaluate(context), rules.limits(), rules.usesBalance());
    }

    /**
     * Evaluates the rules for several events (of different members, or of one member when the
     * rules cannot read the balance, see {@link #usesBalance()}). When every rule matches a single
     * fact ({@link #evaluatesInOnePass()}), all the events' facts are inserted into one session
     * (a pooled one for fewer than 64 events, else a fresh one) and fired once, and each decision
     * goes to the event whose fact the rule matched; otherwise the events are evaluated one by
     * one. Either way each event gets
     * the decisions, in the order, that {@link #evaluate(RuleContext)} gives it.
     *
     * @param contexts the events with their members
     * @return one evaluation per context, in the same order
     * @throws dev.loyalty.core.RuleEvaluationException when a rule fails on any of the events,
     *                                                  naming the rule and that event
     * @throws IllegalStateException when the engine is closed
     */
    @Override
    public List<Evaluation> evaluateAll(List<RuleContext> contexts) {
        Objects.requireNonNull(contexts, "contexts");
        RuleSet rules = rules();
        List<List<Decision>> decisions = rules.evaluateAll(contexts);
        List<Evaluation> evaluations = new ArrayList<>(decisions.size());
        for (List<Decision> each : decisions) {
            evaluations.add(new Evaluation(rules.version(), each, rules.limits(), rules.usesBalance()));
        }
        return evaluations;
    }

    /**
     * Tells whether some rule of the active campaign set matches the {@code Member} fact, the one
     * that carries the points balance; the default pack's rules do not.
     *
     * @return true when a rule may read the member's balance
     */
    @Override
    public boolean usesBalance() {
        return rules().usesBalance();
    }

    /**
     * Tells whether some rule of the active campaign set matches the {@code Segment} fact; when
     * none does, the core skips reading members' segments.
     *
     * @return true when a rule may read the member's segment
     */
    @Override
    public boolean usesSegments() {
        return rules().usesSegments();
    }

    /**
     * Returns the tier policy the rules declare on the {@link dev.loyalty.rules.vocabulary.TierLadder}
     * fact, read once when the active set was built (a reload brings the new set's).
     *
     * @return the policy, if a rule declares one
     */
    @Override
    public Optional<TierPolicy> tierPolicy() {
        Active current = active.get();
        if (closed) {
            throw new IllegalStateException("the rule engine is closed");
        }
        return current.tierPolicy();
    }

    /**
     * Registers a check run on the tier policy of every set {@link #reload(Builder)} is about to
     * swap in; a check that throws refuses the reload, keeping the old set.
     *
     * @param check throws when a policy does not fit
     * @return removes the check
     */
    @Override
    public Runnable guardTierPolicy(Consumer<TierPolicy> check) {
        Objects.requireNonNull(check, "check");
        tierGuards.add(check);
        return () -> tierGuards.remove(check);
    }

    /**
     * Evaluates the rules for one member in a sweep: the member's {@code BirthdayDue} and
     * {@code Dormant} occasions are inserted with the member, today and the program, and the
     * offers the rules propose through the {@code offers} global are returned.
     *
     * @param context the member, the date and the occasions
     * @return the offer decisions, in the order the rules fired
     * @throws dev.loyalty.core.RuleEvaluationException when a rule fails, naming the rule and the member
     * @throws IllegalStateException when the engine is closed
     */
    @Override
    public Evaluation evaluateSweep(SweepContext context) {
        Objects.requireNonNull(context, "context");
        RuleSet rules = rules();
        return new Evaluation(rules.version(), rules.evaluateSweep(context));
    }

    /**
     * Evaluates one reward of a qualified referral: a {@code ReferralQualified} fact is inserted
     * alone, and the points ({@code earn.points}) and offers ({@code offers.*}) the rules propose
     * are returned, with the campaigns' limits, which the core applies to referral rewards as to
     * events' points.
     *
     * @param context the referral and the reward asked for
     * @return the decisions, in the order the rules fired, and the limits of the limited campaigns
     * @throws dev.loyalty.core.RuleEvaluationException when a rule fails, naming the rule and the referral
     * @throws IllegalStateException when the engine is closed
     */
    @Override
    public Evaluation evaluateReferral(dev.loyalty.core.spi.ReferralContext context) {
        Objects.requireNonNull(context, "context");
        RuleSet rules = rules();
        return new Evaluation(rules.version(), rules.evaluateReferral(context), rules.limits());
    }

    /**
     * Tells whether {@link #evaluateAll(List)} evaluates many events in one firing. It does when
     * every rule has a single pattern without {@code from}, {@code accumulate}, {@code not},
     * {@code exists} or an activation group, as every rule of the default pack does; a rule that
     * joins two facts could otherwise match facts of two different events.
     *
     * @return true when events share one firing
     */
    public boolean evaluatesInOnePass() {
        return rules().evaluatesInOnePass();
    }

    /**
     * Returns the names of the compiled rules.
     *
     * @return the rule names, sorted
     */
    public List<String> ruleNames() {
        return rules().ruleNames();
    }

    /** Disposes the pooled sessions; evaluating afterwards fails. */
    @Override
    public void close() {
        synchronized (reloading) {
            closed = true;
            active.get().rules().close();
        }
    }

    /**
     * Returns the engine with the {@link #version()} of its active rule set, such as
     * {@code DroolsRuleEngine[version=3f2a9c01b7de]}.
     *
     * @return the text, for logs and debugging
     */
    @Override
    public String toString() {
        return "DroolsRuleEngine[version=" + version() + "]";
    }

    private RuleSet rules() {
        RuleSet rules = active.get().rules();
        if (closed) {
            throw new IllegalStateException("the rule engine is closed");
        }
        return rules;
    }

    /**
     * Collects the DRL sources of a {@link DroolsRuleEngine}. Sources are read and compiled in
     * {@link #build()}, which reports every problem at once.
     */
    public static final class Builder {

        private static final int MAX_IDLE_SESSIONS = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);

        /** Reads sources, given the class loader of the builder being read: a copy's, not the one of the builder it was copied from. */
        private interface Loader {
            void load(ClassLoader loader, List<DrlSource> sources, List<RuleProblem> problems);
        }

        private final List<Loader> loaders = new ArrayList<>();
        private boolean defaults;
        private ClassLoader classLoader = DroolsRuleEngine.class.getClassLoader();
        private String id = "campaigns";

        private Builder() {
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.loaders.addAll(loaders);
            copy.defaults = defaults;
            copy.classLoader = classLoader;
            copy.id = id;
            return copy;
        }

        /**
         * Names the campaign set, as {@link CampaignSet#id()} reports it; {@code campaigns} by default.
         *
         * @param setId the id, such as {@code retail-2026}
         * @return this builder
         * @throws IllegalArgumentException when the id is blank
         */
        public Builder id(String setId) {
            this.id = text(setId, "id");
            return this;
        }

        /**
         * Adds the default campaign pack (base earning, exclusions, bonuses, promotions, tiers,
         * welcome bonus, daily cap, birthday and win-back offers, referral rewards); see the
         * module's README. Adding it twice adds it once.
         *
         * @return this builder
         */
        public Builder defaultCampaigns() {
            defaults = true;
            return this;
        }

        /**
         * Adds a DRL file from the class path.
         *
         * @param resource the resource path, such as {@code campaigns/spring.drl}; it names the
         *                 file in error reports
         * @return this builder
         * @throws IllegalArgumentException when the path is blank
         */
        public Builder classpath(String resource) {
            String path = text(resource, "classpath resource");
            loaders.add((loader, sources, problems) -> sources.addAll(SourceLoader.classpath(path, loader, problems)));
            return this;
        }

        /**
         * Adds every {@code .drl} file under a directory, sub-directories included. Each file is
         * named in error reports by the directory as given joined with its relative path.
         *
         * @param directory the directory
         * @return this builder
         * @throws NullPointerException when the directory is null
         * @throws IllegalArgumentException when the path is empty ({@code Path.of("")}, as an unset
         *                                  variable gives), which would read the working directory;
         *                                  write {@code Path.of(".")} to mean it
         */
        public Builder directory(Path directory) {
            Objects.requireNonNull(directory, "directory must not be null");
            notEmpty(directory, "directory");
            loaders.add((loader, sources, problems) -> sources.addAll(SourceLoader.directory(directory, problems)));
            return this;
        }

        /**
         * Adds one DRL file. It is named in error reports by its path as given, and versioned by
         * its file name alone.
         *
         * @param file the file
         * @return this builder
         * @throws NullPointerException when the file is null
         * @throws IllegalArgumentException when the path is empty
         */
        public Builder file(Path file) {
            Objects.requireNonNull(file, "file must not be null");
            notEmpty(file, "file");
            loaders.add((loader, sources, problems) -> sources.addAll(SourceLoader.file(file, problems)));
            return this;
        }

        private static void notEmpty(Path path, String what) {
            if (path.toString().isEmpty()) {
                throw new IllegalArgumentException(what + " must not be an empty path; write Path.of(\".\") for the working directory");
            }
        }

        /**
         * Adds DRL text.
         *
         * @param resourceName the name the text is reported under, such as {@code spring.drl}
         * @param content the DRL
         * @return this builder
         * @throws IllegalArgumentException when the name is blank
         * @throws NullPointerException when the content is null
         */
        public Builder drl(String resourceName, String content) {
            String name = text(resourceName, "resourceName");
            Objects.requireNonNull(content, "content of " + name + " must not be null");
            loaders.add((loader, sources, problems) -> sources.add(new DrlSource(name, content)));
            return this;
        }

        /**
         * Sets the class loader that class-path resources are read with and that the rules'
         * imported types are resolved with; by default the one that loaded this library.
         * It must see the {@link Earn} type this library was loaded with.
         *
         * @param loader the class loader
         * @return this builder
         * @throws IllegalArgumentException when the loader cannot see this library's vocabulary
         */
        public Builder classLoader(ClassLoader loader) {
            Objects.requireNonNull(loader, "classLoader must not be null");
            try {
                if (Class.forName(Earn.class.getName(), false, loader) != Earn.class) {
                    throw new IllegalArgumentException("the class loader " + loader + " loads another copy of " + Earn.class.getName());
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("the class loader " + loader + " cannot see " + Earn.class.getName(), e);
            }
            this.classLoader = loader;
            return this;
        }

        /**
         * Reads and compiles every source.
         *
         * @return the engine
         * @throws RuleDefinitionException listing every problem: unreadable or missing sources, no
         *                                 DRL at all, duplicate names and every DRL error
         */
        public DroolsRuleEngine build() {
            Builder snapshot = copy();
            return new DroolsRuleEngine(new Active(snapshot.id, snapshot.compile(), snapshot));
        }

        /**
         * Reads, compiles and checks every source without building an engine, and returns every
         * problem instead of throwing: what {@link #build()} would report, plus campaigns whose
         * {@code @activeUntil} is before the given date, whose rules can never fire again.
         *
         * @param today the date to judge campaign dates by, or null to skip that check
         * @return every problem, in resource and line order; empty when the campaigns are sound
         */
        public List<RuleProblem> validate(LocalDate today) {
            List<RuleProblem> problems = new ArrayList<>();
            List<DrlSource> sources = read(problems);
            if (!problems.isEmpty()) {
                // read in the order the sources were added: list them as every other problem is listed
                problems.sort(Comparator.comparing(RuleProblem::resource).thenComparingInt(RuleProblem::line));
                return problems;
            }
            return RuleSetCompiler.validate(sources, classLoader, today);
        }

        private RuleSet compile() {
            List<RuleProblem> problems = new ArrayList<>();
            List<DrlSource> sources = read(problems);
            if (!problems.isEmpty()) {
                throw new RuleDefinitionException(problems, "");
            }
            return RuleSetCompiler.compile(sources, classLoader, MAX_IDLE_SESSIONS);
        }

        private List<DrlSource> read(List<RuleProblem> problems) {
            List<DrlSource> sources = new ArrayList<>();
            if (defaults) {
                sources.addAll(SourceLoader.defaultPack(classLoader, problems));
            }
            for (Loader loader : loaders) {
                loader.load(classLoader, sources, problems);
            }
            Set<String> names = new HashSet<>();
            for (DrlSource source : sources) {
                if (!names.add(source.name())) {
                    problems.add(new RuleProblem(source.name(), 0, 0, "", "is added more than once; each source needs its own name"));
                }
            }
            if (sources.isEmpty() && problems.isEmpty()) {
                problems.add(new RuleProblem("", 0, 0, "",
                        "no DRL: add defaultCampaigns(), classpath(...), directory(...) or drl(...)"));
            }
            return sources;
        }

        private static String text(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
            }
            return value.strip();
        }
    }
}
