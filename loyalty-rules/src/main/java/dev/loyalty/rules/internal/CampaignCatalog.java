package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleProblem;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.rules.Campaign;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * Reads the campaigns of a compiled rule base from the rules' metadata ({@code @campaign},
 * {@code @name}, {@code @owner}, {@code @activeFrom}, {@code @activeUntil}, {@code @budget},
 * {@code @memberLimit}, {@code @group}) and knows which rules may fire on which local dates and
 * which campaigns the core must limit. Not public API.
 */
final class CampaignCatalog {

    /** The metadata key naming a rule's campaign explicitly. */
    public static final String CAMPAIGN = "campaign";
    /** The metadata key of the campaign's display name. */
    public static final String NAME = "name";
    /** The metadata key of the campaign's owner. */
    public static final String OWNER = "owner";
    /** The metadata key of the first active local date. */
    public static final String ACTIVE_FROM = "activeFrom";
    /** The metadata key of the last active local date, inclusive. */
    public static final String ACTIVE_UNTIL = "activeUntil";

    /** The metadata key of the campaign's total points budget. */
    public static final String BUDGET = "budget";
    /** The metadata key of the campaign's per-member limit. */
    public static final String MEMBER_LIMIT = "memberLimit";
    /** The metadata key of the campaign's exclusive group. */
    public static final String GROUP = "group";

    private static final List<String> KEYS = List.of(NAME, OWNER, ACTIVE_FROM, ACTIVE_UNTIL, GROUP, BUDGET, MEMBER_LIMIT);
    /** Every metadata key the catalog reads. */
    static final List<String> ALL_KEYS = List.of(CAMPAIGN, NAME, OWNER, ACTIVE_FROM, ACTIVE_UNTIL, GROUP, BUDGET, MEMBER_LIMIT);
    private static final List<String> NUMBERS = List.of(BUDGET, MEMBER_LIMIT);

    private final List<Campaign> campaigns;
    private final Map<String, Campaign> byRuleKey;
    private final boolean dated;
    private final Map<String, CampaignLimits> limits;

    private CampaignCatalog(List<Campaign> campaigns, Map<String, Campaign> byRuleKey) {
        this.campaigns = List.copyOf(campaigns);
        this.byRuleKey = byRuleKey;
        this.dated = campaigns.stream().anyMatch(c -> c.activeFrom() != null || c.activeUntil() != null);
        Map<String, CampaignLimits> byRule = new HashMap<>();
        for (Campaign campaign : campaigns) {
            if (campaign.limited()) {
                CampaignLimits declared = campaign.limits();
                campaign.rules().forEach(rule -> byRule.putIfAbsent(rule, declared));
            }
        }
        this.limits = Map.copyOf(byRule);
    }

    /**
     * Returns the limits of the limited campaigns (a budget, a member limit or a group), by the
     * name of each of their rules; one unmodifiable map for the rule set, handed to every evaluation.
     *
     * @return the limits by rule name
     */
    public Map<String, CampaignLimits> limits() {
        return limits;
    }

    /**
     * Reads the campaigns of a rule base.
     *
     * @param kieBase the compiled rules
     * @param sources the sources, to point problems at a rule's line
     * @param problems receives malformed or conflicting metadata
     * @return the catalog
     */
    public static CampaignCatalog of(KieBase kieBase, List<DrlSource> sources, List<RuleProblem> problems) {
        Map<String, List<Rule>> rulesByCampaign = new TreeMap<>();
        Map<String, DrlSource> byName = DrlSource.byName(sources);
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> {
            if (!isQuery(r) && campaignId(r).isEmpty()) {
                // an empty name gives no campaign id: reported, where it would otherwise fail as a blank campaign
                problems.add(problem(r, byName, "the rule has no name; name it by its campaign id and what it does, such as rule \"SPRING-01 double points\""));
            } else if (!isQuery(r)) {
                rulesByCampaign.computeIfAbsent(campaignId(r), k -> new ArrayList<>()).add(r);
            }
        }));
        List<Campaign> campaigns = new ArrayList<>();
        Map<String, Campaign> byRuleKey = new HashMap<>();
        for (Map.Entry<String, List<Rule>> entry : rulesByCampaign.entrySet()) {
            String id = entry.getKey();
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, Rule> declaredBy = new HashMap<>();
            TreeSet<String> ruleNames = new TreeSet<>();
            TreeSet<String> resources = new TreeSet<>();
            for (Rule rule : entry.getValue()) {
                ruleNames.add(rule.getName());
                resources.add(resourceOf(rule));
                checkPresent(rule, byName, problems);
                for (String key : KEYS) {
                    Object value = rule.getMetaData().get(key);
                    if (value == null) {
                        continue;
                    }
                    if (NUMBERS.contains(key)) {
                        value = points(value);
                        if (value == null) {
                            problems.add(problem(rule, byName, "@" + key + "(" + rule.getMetaData().get(key) + ") is not a whole number of points"
                                    + " from 0 up; write it as @" + key + example(key)));
                            continue;
                        }
                    }
                    if (!(value instanceof String text) || text.isBlank()) {
                        problems.add(problem(rule, byName, "@" + key + " must be text in double quotes, such as @" + key
                                + example(key) + "; was " + value));
                        continue;
                    }
                    String earlier = values.putIfAbsent(key, text.strip());
                    if (earlier == null) {
                        declaredBy.put(key, rule);
                    } else if (!earlier.equals(text.strip())) {
                        problems.add(problem(rule, byName, "campaign " + id + " has two values for @" + key + ": '" + earlier
                                + "' on rule \"" + declaredBy.get(key).getName() + "\" and '" + text.strip() + "' here"));
                    }
                }
            }
            LocalDate from = date(values, ACTIVE_FROM, declaredBy, byName, problems);
            LocalDate until = date(values, ACTIVE_UNTIL, declaredBy, byName, problems);
            if (from != null && until != null && until.isBefore(from)) {
                problems.add(problem(declaredBy.get(ACTIVE_UNTIL), byName, "campaign " + id + " ends (@activeUntil " + until
                        + ") before it starts (@activeFrom " + from + "), so it can never fire"));
                until = null;
                from = null;
            }
            Campaign campaign = new Campaign(id, values.get(NAME), values.get(OWNER), from, until, List.copyOf(ruleNames),
                    List.copyOf(resources), limit(values, BUDGET), limit(values, MEMBER_LIMIT), values.get(GROUP));
            campaigns.add(campaign);
            entry.getValue().forEach(r -> byRuleKey.put(key(r), campaign));
        }
        return new CampaignCatalog(campaigns, byRuleKey);
    }

    /**
     * Returns the campaigns, sorted by id.
     *
     * @return the campaigns
     */
    public List<Campaign> campaigns() {
        return campaigns;
    }

    /**
     * Tells whether any campaign has active dates; when none has, every rule may always fire.
     *
     * @return true when some rule's firing depends on the date
     */
    public boolean dated() {
        return dated;
    }

    /**
     * Tells whether a rule may fire on a local date.
     *
     * @param rule the rule
     * @param date the event's date in the member's zone
     * @return true when the rule's campaign is active on that date
     */
    public boolean firesOn(Rule rule, LocalDate date) {
        Campaign campaign = byRuleKey.get(key(rule));
        return campaign == null || campaign.activeOn(date);
    }

    /**
     * Returns the id of the campaign a rule belongs to: its {@code @campaign}, else its name up to
     * the first white space.
     *
     * @param rule the rule
     * @return the campaign id
     */
    static String campaignId(Rule rule) {
        Object explicit = rule.getMetaData().get(CAMPAIGN);
        if (explicit instanceof String text && !text.isBlank()) {
            return text.strip();
        }
        String name = rule.getName().strip();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /**
     * Reports a known key written without a value ({@code @budget}, {@code @budget()}), which
     * Drools reads as no value at all: left alone, the campaign would silently have no budget,
     * no dates or no explicit campaign. An empty {@code @campaign("")} is reported too.
     */
    private static void checkPresent(Rule rule, Map<String, DrlSource> byName, List<RuleProblem> problems) {
        for (String key : ALL_KEYS) {
            if (rule.getMetaData().containsKey(key) && rule.getMetaData().get(key) == null) {
                problems.add(problem(rule, byName, "@" + key + " has no value; write it as @" + key + example(key)));
            }
        }
        if (rule.getMetaData().get(CAMPAIGN) instanceof String text && text.isBlank()) {
            problems.add(problem(rule, byName, "@" + CAMPAIGN + " must be text in double quotes, such as @" + CAMPAIGN + example(CAMPAIGN)
                    + "; was \"" + text + "\""));
        }
    }

    /** Returns an example value of a metadata key, in parentheses. */
    private static String example(String key) {
        return switch (key) {
            case BUDGET -> "(100000)";
            case MEMBER_LIMIT -> "(5000)";
            case ACTIVE_FROM, ACTIVE_UNTIL -> "(\"2026-04-01\")";
            case CAMPAIGN -> "(\"SPRING-01\")";
            default -> "(\"Spring sale\")";
        };
    }

    /** Locates a rule's declaration for a problem report. */
    static RuleProblem problem(Rule rule, Map<String, DrlSource> byName, String message) {
        String resource = resourceOf(rule);
        DrlSource source = byName.get(resource);
        int line = source == null ? 0 : lineOfRule(source.content(), rule.getName());
        return new RuleProblem(resource, line, 0, rule.getName(), message);
    }

    /** Returns the 1-based line declaring the rule, or 0; one pass over the text, as a rule's failure looks it up too. */
    static int lineOfRule(String drl, String ruleName) {
        String[] lines = DrlCode.lines(drl);
        for (int i = 0; i < lines.length; i++) {
            if (ruleName.equals(DrlLines.declaredRule(lines[i]))) {
                return i + 1;
            }
        }
        return 0;
    }

    static String resourceOf(Rule rule) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null
                && impl.getResource().getSourcePath() != null) {
            return impl.getResource().getSourcePath();
        }
        return "";
    }

    /**
     * Returns the rules of a rule base as Drools' own type, queries left out.
     *
     * @param kieBase the compiled rules
     * @return the rules, package by package
     */
    static List<org.drools.base.definitions.rule.impl.RuleImpl> rulesOf(KieBase kieBase) {
        List<org.drools.base.definitions.rule.impl.RuleImpl> rules = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(rule -> {
            if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && !impl.isQuery()) {
                rules.add(impl);
            }
        }));
        return rules;
    }

    private static boolean isQuery(Rule rule) {
        return rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.isQuery();
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + '\u0000' + rule.getName();
    }

    /** Reads a whole, non-negative number of points given as a number or as text; null when it is not one. */
    private static String points(Object value) {
        String text = value instanceof String string ? string.strip().replace("_", "") : value instanceof Number ? value.toString() : null;
        if (text == null || !text.matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.toString(Long.parseLong(text));
    }

    private static long limit(Map<String, String> values, String key) {
        String text = values.get(key);
        return text == null ? CampaignLimits.UNLIMITED : Long.parseLong(text);
    }

    private static LocalDate date(Map<String, String> values, String key, Map<String, Rule> declaredBy,
                                  Map<String, DrlSource> byName, List<RuleProblem> problems) {
        String text = values.get(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(problem(declaredBy.get(key), byName, "@" + key + "(\"" + text + "\") is not a date; write it as YYYY-MM-DD, such as 2026-04-01"));
            return null;
        }
    }

    @Override
    public String toString() {
        return "CampaignCatalog" + Objects.toString(campaigns);
    }
}
