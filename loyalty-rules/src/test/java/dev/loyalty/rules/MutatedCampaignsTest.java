package dev.loyalty.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.LoyaltyConfigurationException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.testing.Slips;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The default pack with random slips of an author's hand (a character lost or added, a word or
 * number changed, a line lost, doubled or moved, the text cut short) either builds and then only
 * ever fails an event with the library's own exceptions, or is refused with problems that each
 * name one of the files, a line within it and the trouble in the author's words, never the rule
 * compiler's insides; a reload of such a set that is refused leaves the running set answering as
 * before. Seeds 1 to 200 by default, the first 100 of them for reloads; {@code -Dmutations.from=N
 * -Dmutations.to=M -Dmutations.reloads=K} runs others.
 */
class MutatedCampaignsTest {

    private static final List<String> FILES = List.of("base", "bonuses", "caps", "offers", "promotions", "referrals", "tiers", "welcome");
    /** What a slip may write: DRL's keywords and punctuation, the pack's words, odd numbers. */
    private static final List<String> WORDS = List.of("when", "then", "end", "rule", "salience", "Purchase", "PurchaseLine", "earn",
            "$p", "$l", "==", "!=", ">", "<", "&&", "||", "not", "exists", "from", "(", ")", "\"", ",", ";", ".", ":", "@", "//", "/*",
            "*/", "\\", "\n", "import", "global", "package", "declare", "function", "query", "eval(", "modify(", "insert(", "no-loop",
            "agenda-group \"x\"", "dialect \"mvel\"", "timer (int: 1s)", "enabled false", "null", "true", "0", "-1", "1.5", "NaN",
            "1e309", "2147483648", "99999999999999999999", "from entry-point \"web\"", "over window:time( 30d )", "accumulate(",
            "collect(", "forall(", "$x", "import function java.lang.Math.max;", "global java.util.List earn;", "declare Basket end");
    /** A slip replaces a word or a number. */
    private static final Slips SLIPS = new Slips(WORDS, Pattern.compile("\\S+"), Pattern.compile("\\d+(\\.\\d+)?"));
    /** A whole rule of a file, from its {@code rule} line to its {@code end} line. */
    private static final Pattern RULE = Pattern.compile("(?ms)^rule .*?^end\\b");
    /**
     * What only the compiler's insides say: exception names, stack frames, generated classes, Drools' error codes and type names,
     * MVEL's analysis, its parser's window and place, and its own classes.
     */
    private static final Pattern INSIDES = Pattern.compile("Exception|Stack trace|org\\.drools|org\\.kie|\\[ERR|\\.java:\\d|Rule_|ObjectType|strict-mode|Unable to Analyse|org\\.mvel2|\\[Near :|\\[Line: \\d|\\[Error|must be registered|Error importing|ClassNotFound|NullPointer");

    @Test
    void shouldBuildOrReportEveryProblemAtAFileAndLineInTheAuthorsWordsWhenTheDefaultPackHasSlips() throws IOException {
        Map<String, String> pack = pack();
        for (long seed = Long.getLong("mutations.from", 1); seed <= Long.getLong("mutations.to", 200); seed++) {
            Random random = new Random(seed);
            String slipped = FILES.get(random.nextInt(FILES.size())) + ".drl";
            Map<String, String> files = new LinkedHashMap<>(pack);
            String text = SLIPS.slipOnceOrTwice(files.get(slipped), random);
            files.put(slipped, text);
            assertBuiltOrPlaced(files, "seed " + seed + ", " + slipped + ":\n" + text);
        }
    }

    /**
     * As above with two files at once: each slipped, or one of the first file's rules copied whole
     * into the second (a campaign copied to another file, its name now given twice), so that the
     * problems of two files meet in one report and each must still be placed in its own file.
     * Seeds 1 to 100 by default, {@code -Dmutations.pairs.from=N -Dmutations.pairs.to=M} for others.
     */
    @Test
    void shouldBuildOrReportEveryProblemAtAFileAndLineWhenTwoFilesOfTheDefaultPackHaveSlips() throws IOException {
        Map<String, String> pack = pack();
        for (long seed = Long.getLong("mutations.pairs.from", 1); seed <= Long.getLong("mutations.pairs.to", 100); seed++) {
            Random random = new Random(seed);
            int first = random.nextInt(FILES.size());
            int second = (first + 1 + random.nextInt(FILES.size() - 1)) % FILES.size();
            Map<String, String> files = new LinkedHashMap<>(pack);
            StringBuilder context = new StringBuilder("seed " + seed + " (two files)");
            String from = FILES.get(first) + ".drl";
            String to = FILES.get(second) + ".drl";
            List<String> rules = RULE.matcher(files.get(from)).results().map(MatchResult::group).toList();
            if (random.nextInt(3) == 0 && !rules.isEmpty()) {
                String copied = rules.get(random.nextInt(rules.size()));
                files.put(to, files.get(to) + "\n" + copied + "\n");
                context.append(", a rule of ").append(from).append(" copied to the end of ").append(to).append(":\n").append(copied);
            } else {
                for (String name : List.of(from, to)) {
                    String text = SLIPS.slipOnceOrTwice(files.get(name), random);
                    files.put(name, text);
                    context.append(", ").append(name).append(":\n").append(text);
                }
            }
            assertBuiltOrPlaced(files, context.toString());
        }
    }

    /** Builds the files: refused, every problem must be placed; built, events may fail only as {@link LoyaltyException}s. */
    private static void assertBuiltOrPlaced(Map<String, String> files, String context) {
        DroolsRuleEngine.Builder builder = DroolsRuleEngine.builder();
        files.forEach(builder::drl);
        DroolsRuleEngine rules;
        try {
            rules = builder.build();
        } catch (RuleDefinitionException e) {
            for (RuleProblem problem : e.problems()) {
                assertPlaced(problem, files, context);
            }
            return;
        }
        try (rules) {
            assertOnlyTypedFailures(rules);
        }
    }

    @Test
    void shouldKeepTheRunningSetWhenAReloadOfTheDefaultPackWithSlipsIsRefused() throws IOException {
        Map<String, String> pack = pack();
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().defaultCampaigns().build()) {
            LoyaltyEngine engine = Shop.engine(rules);
            String version = rules.version();
            long points = pointsOfANewMembersPurchase(engine);
            long from = Long.getLong("mutations.from", 1);
            for (long seed = from; seed < from + Long.getLong("mutations.reloads", 100); seed++) {
                Random random = new Random(seed);
                String slipped = FILES.get(random.nextInt(FILES.size())) + ".drl";
                DroolsRuleEngine.Builder candidate = DroolsRuleEngine.builder();
                pack.forEach((name, text) -> candidate.drl(name, name.equals(slipped) ? SLIPS.slipOnceOrTwice(text, random) : text));
                try {
                    rules.reload(candidate);
                } catch (RuleDefinitionException | LoyaltyConfigurationException refused) {
                    // the tier guard's refusal (a ladder that does not fit the program) keeps the old set as a build's does
                    assertThat(rules.version()).as("version after seed %d's refused reload", seed).isEqualTo(version);
                    assertThat(pointsOfANewMembersPurchase(engine)).as("points after seed %d's refused reload", seed).isEqualTo(points);
                    continue;
                }
                rules.reload(DroolsRuleEngine.builder().defaultCampaigns());
            }
        }
    }

    /** The points a purchase of a member enrolled for it earns. */
    private static long pointsOfANewMembersPurchase(LoyaltyEngine engine) {
        MemberId member = Shop.enrol(engine, "member");
        return engine.process(Shop.purchase(member, Shop.london("2025-05-02T12:00"))
                .line("85123A", "home", 2, Shop.gbp("2.55")).line("G-1", "garden", 1, Shop.gbp("10.00")).build()).points().value();
    }

    private static void assertPlaced(RuleProblem problem, Map<String, String> files, String context) {
        assertThat(files).as("file of %s (%s)", problem, context).containsKey(problem.resource());
        int lines = files.get(problem.resource()).split("\r\n|\r|\n", -1).length;
        if (!problem.message().startsWith("no rules:")) {
            assertThat(problem.line()).as("line of %s (%s)", problem, context).isBetween(1, lines);
        }
        assertThat(problem.rule()).as("rule of %s (%s)", problem, context).doesNotContain("\n", "\r");
        assertThat(problem.message()).as("message of %s (%s)", problem, context).isNotBlank().doesNotContainPattern(INSIDES);
    }

    /** Builds an engine, enrols a member and runs purchases and a sweep: whatever fails must fail as a {@link LoyaltyException}. */
    private static void assertOnlyTypedFailures(DroolsRuleEngine rules) {
        LoyaltyEngine engine;
        MemberId member;
        try {
            // a ladder whose thresholds fall along the program's tiers is refused here, as the module's README says
            engine = Shop.engine(rules);
            member = Shop.enrol(engine, "silver");
        } catch (LoyaltyException e) {
            return;
        }
        for (int day = 1; day <= 5; day++) {
            try {
                engine.process(Shop.purchase(member, Shop.london("2025-05-0" + day + "T12:00"))
                        .line("85123A", "home", 2, Shop.gbp("2.55")).line("G-1", "garden", 1, Shop.gbp("10.00")).build());
            } catch (LoyaltyException e) {
                // a rule that fails an event is reported so, typed
            }
        }
        try {
            engine.sweep();
        } catch (LoyaltyException e) {
            // as above
        }
    }

    private static Map<String, String> pack() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = MutatedCampaignsTest.class.getResourceAsStream("/dev/loyalty/rules/campaigns/default/" + file + ".drl")) {
                files.put(file + ".drl", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
