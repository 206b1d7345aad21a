package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleProblem;
import dev.loyalty.rules.Campaign;
import dev.loyalty.rules.vocabulary.Earn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.base.rule.RuleConditionElement;
import org.drools.core.base.FieldNameSupplier;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.mvel.MVELConstraint;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * The checks of the campaign vocabulary that Drools does not make: files that declare nothing,
 * misspelled metadata keys, the rules' attributes ({@link AttributeChecks}: Drools' own
 * wall-clock attributes, a salience written as text, agenda and ruleflow groups that never get
 * the focus), consequences that change facts, actions without a reason, patterns read from an
 * entry point the engine never feeds, patterns on types the
 * engine never inserts, number fields compared with text, and campaigns whose dates are past.
 * Not public API.
 */
final class CampaignChecks {

    private static final Pattern CHANGES_FACTS = Pattern.compile("(?<![\\w$.])(?:drools\\s*\\.\\s*)?(insert|insertLogical|update|modify|retract|delete)\\s*\\(");
    /** A call on the {@code earn} or {@code offers} global; both take the reason last. */
    private static final Pattern ACTION = Pattern.compile("\\b(earn|offers)\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern NO_REASON = Pattern.compile(",\\s*(\"\\s*\"|null)\\s*\\)\\s*;");
    private static final String VOCABULARY = Earn.class.getPackageName();
    private static final Pattern THEN = Pattern.compile("(^|\\s)then(\\s|$)");
    /** The name of the entry point every fact is inserted into. */
    private static final String DEFAULT_ENTRY_POINT = "DEFAULT";

    private CampaignChecks() {
    }

    /**
     * Checks the sources' rules as written, before they are compiled: files that declare nothing,
     * misspelled metadata keys, wall-clock attributes, a salience written as text, agenda and
     * ruleflow groups without auto-focus, consequences that change facts and actions whose reason
     * is empty, and patterns read from an entry point the engine never feeds. A source that does
     * not parse is skipped: the compiler reports it.
     *
     * @param parsed each source with its package's description ({@link #parseAll}), null where it does not parse
     * @return the problems found
     */
    public static List<RuleProblem> beforeBuild(Map<DrlSource, PackageDescr> parsed) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<DrlSource, PackageDescr> entry : parsed.entrySet()) {
            DrlSource source = entry.getKey();
            PackageDescr descr = entry.getValue();
            if (descr == null) {
                continue;
            }
            if (declaresNothing(descr)) {
                problems.add(new RuleProblem(source.name(), 0, 0, "", "no rules: the file declares no rule, query, function, type or global; "
                        + "add a rule or remove the file"));
            }
            // split once per source: per rule, a pack of a thousand campaigns spent seconds splitting it again
            String[] sourceLines = DrlLines.lines(source.content());
            for (RuleDescr rule : descr.getRules()) {
                if (rule.isQuery()) {
                    continue;
                }
                AttributeChecks.check(source, rule, problems);
                for (AnnotationDescr annotation : rule.getAnnotations()) {
                    String known = misspelledKey(annotation.getName());
                    if (known != null) {
                        // the parser gives annotations no line: find the key in the rule
                        int line = annotation.getLine() > 0 ? annotation.getLine()
                                : DrlLines.lineOfText(source.content(), rule.getLine(), "@" + annotation.getName());
                        problems.add(new RuleProblem(source.name(), line, 0, rule.getName(), "unknown metadata @"
                                + annotation.getName() + "; did you mean @" + known + "?"));
                    }
                }
                checkConsequence(source, sourceLines, rule, problems);
                checkEntryPoints(source, rule, problems);
            }
        }
        return problems;
    }

    /**
     * Parses each source once, for the checks before the build.
     *
     * @param sources the sources
     * @return each source with its package's description, in source order; null for a source that does not parse
     */
    public static Map<DrlSource, PackageDescr> parseAll(List<DrlSource> sources) {
        Map<DrlSource, PackageDescr> parsed = new LinkedHashMap<>();
        sources.forEach(source -> parsed.put(source, parse(source)));
        return parsed;
    }

    /**
     * Reports a pattern read {@code from entry-point "name"}: the engine inserts every fact into the
     * session's default entry point, so such a pattern matches nothing and its rule never fires.
     * Patterns inside {@code not}, {@code exists}, {@code or}, {@code accumulate} and {@code collect} count too.
     */
    private static void checkEntryPoints(DrlSource source, RuleDescr rule, List<RuleProblem> problems) {
        for (BaseDescr descr : Conditions.of(rule)) {
            if (descr instanceof PatternDescr pattern && pattern.getSource() instanceof EntryPointDescr entryPoint
                    && !DEFAULT_ENTRY_POINT.equals(entryPoint.getEntryId())) {
                problems.add(new RuleProblem(source.name(), pattern.getLine() > 0 ? pattern.getLine() : rule.getLine(), 0, rule.getName(),
                        "from entry-point \"" + entryPoint.getEntryId() + "\" is never fed: the engine inserts every fact into the default "
                                + "entry point, so this rule would never fire; match the fact without from entry-point"));
            }
        }
    }

    /**
     * Checks the compiled rules: no two rules of different packages share a name, every pattern
     * must match a fact type the engine inserts, and no constraint may compare a number field
     * with text that is not a number.
     *
     * @param kieBase the compiled rules
     * @param sources the sources, to locate the problems
     * @return the problems found
     */
    public static List<RuleProblem> afterBuild(KieBase kieBase, List<DrlSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, DrlSource> byName = DrlSource.byName(sources);
        Map<String, Rule> named = new HashMap<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(rule -> {
            if (!(rule instanceof RuleImpl impl) || impl.isQuery()) {
                return;
            }
            Rule first = named.putIfAbsent(rule.getName(), rule);
            if (first != null) {
                // Drools refuses a name twice in one package only; the ledger names rules without their package
                problems.add(CampaignCatalog.problem(rule, byName, "rule \"" + rule.getName() + "\" is also declared in package "
                        + first.getPackageName() + " (" + CampaignCatalog.resourceOf(first) + "); ledger entries and explanations name a rule "
                        + "by its name alone, so give each rule a name of its own"));
            }
            List<org.drools.base.rule.Pattern> patterns = new ArrayList<>();
            collectPatterns(impl.getLhs(), patterns);
            Set<Class<?>> types = new LinkedHashSet<>();
            for (org.drools.base.rule.Pattern pattern : patterns) {
                checkNumberLiterals(pattern, rule, byName, problems);
                if (pattern.getSource() == null && pattern.getObjectType() instanceof ClassObjectType type) {
                    types.add(type.getClassType());
                }
            }
            for (Class<?> type : types) {
                if (!type.getPackageName().equals(VOCABULARY) || type == Earn.class) {
                    RuleProblem at = CampaignCatalog.problem(rule, byName, "");
                    int line = lineOfPattern(byName.get(at.resource()), rule.getName(), type);
                    problems.add(new RuleProblem(at.resource(), line > 0 ? line : at.line(), 0, rule.getName(),
                            "'" + type.getName() + "' is not a fact the engine inserts, so this rule never fires; "
                                    + "match the facts of " + VOCABULARY + " (Member, Purchase, PurchaseLine, Enrolment, ProfileChange, Today, Program)"));
                }
            }
        }));
        return problems;
    }

    /**
     * Checks the campaigns against a date: a campaign whose last active date is before it can
     * never fire again.
     *
     * @param kieBase the compiled rules
     * @param campaigns the campaigns
     * @param sources the sources, to locate the problems
     * @param today the date to check against, in the program's zone
     * @return the problems found
     */
    public static List<RuleProblem> expired(KieBase kieBase, List<Campaign> campaigns, List<DrlSource> sources, LocalDate today) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, DrlSource> byName = DrlSource.byName(sources);
        for (Campaign campaign : campaigns) {
            if (campaign.activeUntil() == null || !campaign.activeUntil().isBefore(today)) {
                continue;
            }
            kieBase.getKiePackages().forEach(p -> p.getRules().forEach(rule -> {
                if (campaign.rules().contains(rule.getName()) && CampaignCatalog.campaignId(rule).equals(campaign.id())) {
                    problems.add(CampaignCatalog.problem(rule, byName, "campaign " + campaign.id() + " ended on " + campaign.activeUntil()
                            + " (@activeUntil), before " + today + ", so this rule can never fire; remove it or move its dates"));
                }
            }));
        }
        return problems;
    }

    /**
     * Tells whether a source declares nothing: no rule or query, and none of what other files may
     * use (a function, a type or a global); only a package, imports and comments, or nothing at all.
     */
    private static boolean declaresNothing(PackageDescr descr) {
        return descr.getRules().isEmpty() && descr.getFunctions().isEmpty() && descr.getTypeDeclarations().isEmpty()
                && descr.getEnumDeclarations().isEmpty() && descr.getGlobals().isEmpty();
    }

    /**
     * Returns the metadata key the catalog reads that a key is a likely misspelling of: one edit
     * away from a key of five letters or fewer, two from a longer one; null for a known key and
     * for keys of the rules' own, such as {@code @team}.
     */
    static String misspelledKey(String key) {
        if (key == null || CampaignCatalog.ALL_KEYS.contains(key)) {
            return null;
        }
        return likelyMeant(key, CampaignCatalog.ALL_KEYS);
    }

    /**
     * Returns the word a written one is likely a slip of: the nearest, ignoring case, within one
     * edit of a word of five letters or fewer or two of a longer one; null when none is that near.
     *
     * @param written the word as written
     * @param words the words it may be meant for
     * @return the nearest word, or null
     */
    static String likelyMeant(String written, Collection<String> words) {
        String nearest = null;
        int least = Integer.MAX_VALUE;
        for (String word : words) {
            int distance = distance(written.toLowerCase(Locale.ROOT), word.toLowerCase(Locale.ROOT));
            if (distance <= (word.length() <= 5 ? 1 : 2) && distance < least) {
                nearest = word;
                least = distance;
            }
        }
        return nearest;
    }

    /** Returns the Levenshtein distance between two texts. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static void checkConsequence(DrlSource source, String[] sourceLines, RuleDescr rule, List<RuleProblem> problems) {
        if (!(rule.getConsequence() instanceof String consequence)) {
            return;
        }
        int firstLine = consequenceLine(sourceLines, rule);
        String[] lines = DrlLines.lines(consequence);
        for (int i = 0; i < lines.length; i++) {
            String code = lines[i].replaceAll("//.*$", "");
            int line = firstLine > 0 ? firstLine + i : 0;
            // a reason's text ("your profile update (thanks)") changes nothing: look for calls outside string literals
            Matcher change = CHANGES_FACTS.matcher(DrlCode.withoutStrings(lines[i]).replaceAll("//.*$", ""));
            if (change.find()) {
                problems.add(new RuleProblem(source.name(), line, 0, rule.getName(),
                        "'" + change.group(1) + "' changes the facts, which are read-only; a rule only proposes through earn"));
            }
            Matcher action = ACTION.matcher(code);
            if (action.find() && NO_REASON.matcher(code.substring(action.start())).find()) {
                problems.add(new RuleProblem(source.name(), line, 0, rule.getName(),
                        action.group(1) + "." + action.group(2)
                                + " is given no reason; write one a member can read, such as \"Double points at the weekend\""));
            }
        }
    }

    /** Returns the line the consequence's text starts on: the line after {@code then}, unless code follows on the same line. */
    private static int consequenceLine(String[] lines, RuleDescr rule) {
        // from the parser's line of the consequence: a "then" in the rule's name or metadata is not the keyword
        int start = Math.max(Math.max(rule.getConsequenceLine(), rule.getLine()), 1) - 1;
        for (int i = start; i < lines.length; i++) {
            Matcher then = THEN.matcher(lines[i]);
            if (then.find()) {
                return lines[i].substring(then.end()).isBlank() ? i + 2 : i + 1;
            }
        }
        return 0;
    }


    /**
     * Reports a constraint that compares a number field with text that is not a number, such as
     * {@code total > "abc"}: Drools compiles it, then fails on every fact the pattern is tested on.
     */
    private static void checkNumberLiterals(org.drools.base.rule.Pattern pattern, Rule rule, Map<String, DrlSource> byName,
                                            List<RuleProblem> problems) {
        for (Constraint constraint : pattern.getConstraints()) {
            if (!(constraint instanceof MVELConstraint test) || !(test.getFieldExtractor() instanceof FieldNameSupplier named)
                    || !isNumberType(test.getFieldExtractor().getExtractToClass())) {
                continue;
            }
            String field = named.getFieldName();
            String text = textLiteral(test, field);
            if (text == null || isNumber(text)) {
                continue;
            }
            RuleProblem at = CampaignCatalog.problem(rule, byName, "");
            DrlSource source = byName.get(at.resource());
            int line = source == null || at.line() <= 0 ? at.line() : DrlLines.lineOfText(source.content(), at.line(), "\"" + text + "\"");
            problems.add(new RuleProblem(at.resource(), line, 0, rule.getName(), "'" + field + "' is a number, but constraint "
                    + test.getExpression() + " compares it with text that is not one, so every event fails when this rule is matched; "
                    + "write a number without quotes, such as " + field + " > 100"));
        }
    }

    /** Returns the text a constraint compares its field with ({@code field > "text"}), or null when it compares with no text literal. */
    private static String textLiteral(MVELConstraint test, String field) {
        if (test.getField() != null && !test.getField().isNull()) {
            return test.getField().getValue() instanceof String text ? text : null;
        }
        Matcher literal = Pattern.compile("\\s*" + Pattern.quote(field) + "\\s*(?:==|!=|<=|>=|<|>)\\s*\"([^\"]*)\"\\s*")
                .matcher(test.getExpression());
        return literal.matches() ? literal.group(1) : null;
    }

    private static boolean isNumberType(Class<?> type) {
        return type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class && type != char.class);
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void collectPatterns(RuleConditionElement element, List<org.drools.base.rule.Pattern> patterns) {
        if (element instanceof org.drools.base.rule.Pattern pattern) {
            patterns.add(pattern);
        } else if (element instanceof GroupElement group) {
            group.getChildren().forEach(child -> collectPatterns(child, patterns));
        }
    }

    private static int lineOfPattern(DrlSource source, String ruleName, Class<?> type) {
        PackageDescr descr = source == null ? null : parse(source);
        if (descr == null) {
            return 0;
        }
        for (RuleDescr rule : descr.getRules()) {
            if (rule.getName().equals(ruleName)) {
                return lineOfPattern(rule, type);
            }
        }
        return 0;
    }

    private static int lineOfPattern(RuleDescr rule, Class<?> type) {
        for (BaseDescr descr : Conditions.of(rule)) {
            if (descr instanceof PatternDescr pattern && pattern.getObjectType() != null
                    && (pattern.getObjectType().equals(type.getName()) || pattern.getObjectType().equals(type.getSimpleName()))) {
                return pattern.getLine();
            }
        }
        return 0;
    }

    /** Parses a source into its package's description, or null when it does not parse. */
    static PackageDescr parse(DrlSource source) {
        try {
            DrlParser parser = new DrlParser();
            PackageDescr descr = parser.parse(false, source.content());
            return parser.hasErrors() ? null : descr;
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }
}
