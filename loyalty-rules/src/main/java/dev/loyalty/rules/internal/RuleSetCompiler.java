package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.kie.api.KieBase;

/**
 * Turns DRL sources into a {@link RuleSet}: compiles them, runs the campaign checks, reads the
 * campaigns' metadata and the tier ladder, and reports every problem at its file and line; and
 * gives a set of sources its version. Not public API.
 */
public final class RuleSetCompiler {

    private RuleSetCompiler() {
    }

    /**
     * Compiles the sources into a rule set.
     *
     * @param sources the DRL sources; at least one, names unique
     * @param classLoader the class loader the rules' types are resolved with
     * @param maxIdle how many idle sessions to keep for reuse
     * @return the rule set
     * @throws dev.loyalty.core.RuleDefinitionException when the DRL does not compile
     */
    public static RuleSet compile(List<DrlSource> sources, ClassLoader classLoader, int maxIdle) {
        List<RuleProblem> problems = new ArrayList<>();
        Refusal refusal = new Refusal();
        RuleSet rules = build(sources, classLoader, maxIdle, null, problems, refusal);
        if (rules == null) {
            throw new RuleDefinitionException(sorted(problems), refusal.note, refusal.cause);
        }
        return rules;
    }

    /**
     * Compiles the sources and checks them, collecting every problem instead of throwing: the
     * errors Drools reports, the vocabulary checks of {@link CampaignChecks}, malformed campaign
     * metadata and, given a date, campaigns that ended before it.
     *
     * @param sources the DRL sources
     * @param classLoader the class loader the rules' types are resolved with
     * @param today the date to find expired campaigns by, or null to skip that check
     * @return every problem, in resource and line order; empty when the sources are sound
     */
    public static List<RuleProblem> validate(List<DrlSource> sources, ClassLoader classLoader, LocalDate today) {
        List<RuleProblem> problems = new ArrayList<>();
        RuleSet rules = build(sources, classLoader, 0, today, problems, new Refusal());
        if (rules != null) {
            rules.close();
        }
        return sorted(problems);
    }

    /** The note to add to the problems, and what the rule compiler or the JVM threw, if anything. */
    private static final class Refusal {
        String note = "";
        Throwable cause;
    }

    /** Compiles and checks; returns null, with the problems and the refusal filled in, when there are problems. */
    private static RuleSet build(List<DrlSource> sources, ClassLoader classLoader, int maxIdle, LocalDate today,
                                 List<RuleProblem> problems, Refusal refusal) {
        Map<DrlSource, PackageDescr> parsed = CampaignChecks.parseAll(sources);
        List<RuleProblem> checked = CampaignChecks.beforeBuild(parsed);
        problems.addAll(checked);
        PackageChecks shared = PackageChecks.of(parsed);
        problems.addAll(shared.problems());
        KieBase kieBase;
        try {
            kieBase = DrlCompiler.compile(sources, classLoader);
        } catch (RuleDefinitionException e) {
            // a salience refused before the build fails it too, in Drools' words: the check's are the author's
            // so is what the package checks reported: a function or type declared twice
            problems.addAll(0, e.problems().stream().filter(p -> !AttributeChecks.repeatsRefusedSalience(p, checked) && !shared.repeats(p)).toList());
            refusal.note = e.getMessage().endsWith(DrlCompiler.SYNTAX_NOTE) ? DrlCompiler.SYNTAX_NOTE : "";
            refusal.cause = e.getCause();
            return null;
        }
        problems.addAll(CampaignChecks.afterBuild(kieBase, sources));
        problems.addAll(GlobalChecks.check(kieBase, sources));
        CampaignCatalog catalog = CampaignCatalog.of(kieBase, sources, problems);
        if (today != null) {
            problems.addAll(CampaignChecks.expired(kieBase, catalog.campaigns(), sources, today));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new RuleSet(kieBase, version(sources), maxIdle, catalog);
        } catch (RuleDefinitionException e) {
            // the tier ladder is read by firing its rule: point its problems at that rule's file and line
            Map<String, DrlSource> byName = DrlSource.byName(sources);
            for (RuleProblem problem : e.problems()) {
                problems.add(kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                        .filter(r -> r.getName().equals(problem.rule())).findFirst()
                        .map(r -> CampaignCatalog.problem(r, byName, problem.message())).orElse(problem));
            }
            return null;
        }
    }

    /** Orders problems, each once, by resource, then line; problems of one line keep their order. */
    private static List<RuleProblem> sorted(List<RuleProblem> problems) {
        List<RuleProblem> sorted = ProblemList.dedupe(problems);
        sorted.sort(Comparator.comparing(RuleProblem::resource).thenComparingInt(RuleProblem::line));
        return sorted;
    }

    /**
     * Returns the first 12 hex digits of the SHA-256 over the sources' keys and contents, sorted by
     * key then content. Keys are location-independent, so the same campaign files give the same
     * version wherever their directory lies.
     *
     * @param sources the DRL sources
     * @return the version
     */
    public static String version(List<DrlSource> sources) {
        List<DrlSource> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparing(DrlSource::key).thenComparing(DrlSource::content));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DrlSource source : sorted) {
                // length prefixes keep ("ab","c") apart from ("a","bc")
                byte[] name = source.key().getBytes(StandardCharsets.UTF_8);
                byte[] content = source.content().getBytes(StandardCharsets.UTF_8);
                digest.update((name.length + ":").getBytes(StandardCharsets.UTF_8));
                digest.update(name);
                digest.update((content.length + ":").getBytes(StandardCharsets.UTF_8));
                digest.update(content);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
