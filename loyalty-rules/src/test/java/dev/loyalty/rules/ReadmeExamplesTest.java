package dev.loyalty.rules;

import static dev.loyalty.rules.testkit.CampaignScenarios.member;
import static dev.loyalty.rules.testkit.CampaignScenarios.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.rules.testkit.CampaignScenarios;
import dev.loyalty.rules.testkit.Then;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.model.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The examples of the campaign author's guide (this module's {@code README.md}), read from the
 * guide itself and run the way it tells a reader to: each must build and print or award what the
 * guide says, so that an example cannot drift from the code unnoticed. The project's README's
 * embedding example, campaign and test kit line are run the same way.
 */
class ReadmeExamplesTest {

    private static final String GUIDE = read(Path.of("README.md"));
    /** The project's README, whose embedding, campaign and test kit examples run on this module. */
    private static final String MAIN = read(Path.of("..", "README.md"));
    private static final Pattern BLOCK = Pattern.compile("(?m)^```[a-z]*\\n(.*?)^```$", Pattern.DOTALL);

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the one fenced code block of the guide that holds the text, without its fences. */
    private static String block(String holding) {
        return block(GUIDE, holding);
    }

    /** Returns the one fenced code block of the document that holds the text, without its fences. */
    private static String block(String document, String holding) {
        List<String> found = new ArrayList<>();
        Matcher block = BLOCK.matcher(document);
        while (block.find()) {
            if (block.group(1).contains(holding)) {
                found.add(block.group(1));
            }
        }
        assertThat(found).as("code blocks holding %s", holding).hasSize(1);
        return found.get(0);
    }

    /** Returns the whole number a call in a code block is given, such as 20 in {@code .thenAwardedBy("SPRING-01", 20)}. */
    private static long number(String block, String call) {
        Matcher number = Pattern.compile(Pattern.quote(call) + "(\\d+)\\)").matcher(block);
        assertThat(number.find()).as("%s in %s", call, block).isTrue();
        return Long.parseLong(number.group(1));
    }

    @Test
    void shouldAwardWhatTheTestKitExampleExpectsForTheCampaignFileExample() {
        String campaignFile = block("package com.example.campaigns;");
        String testKit = block("class SpringCampaignTest");
        assertThat(testKit).contains("member(\"m-1\").tier(\"gold\").zone(\"Europe/London\")")
                .contains("purchase(\"2026-04-07T11:00\").line(\"G-1\", \"garden\", 1, \"10.00\")")
                .contains(".thenNotAwardedBy(\"PROMO-01\")");

        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().defaultCampaigns().drl("spring.drl", campaignFile))) {
            scenarios.given(member("m-1").tier("gold").zone("Europe/London"))
                    .when(purchase("2026-04-07T11:00").line("G-1", "garden", 1, "10.00"))
                    .thenAwardedBy("SPRING-01", number(testKit, ".thenAwardedBy(\"SPRING-01\", "))
                    .thenNotAwardedBy("PROMO-01")
                    .thenAwarded(number(testKit, ".thenAwarded("));
        }
    }

    @Test
    void shouldShowTheTestKitsFailureAsTheGuidePrintsIt() {
        List<String> shown = block("expected SKU-01 to award 60 points").lines().takeWhile(line -> !line.strip().equals("...")).toList();
        AssertionError failure;
        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().defaultCampaigns())) {
            Then then = scenarios.given(member("m-5").tier("gold"))
                    .when(purchase("2026-03-07T11:00").line("85123A", "home", 2, "2.55").line("G-1", "garden", 1, "10.00")
                            .line("POST", "service", 1, "5.00"));
            failure = catchThrowableOfType(AssertionError.class, () -> then.thenAwardedBy("SKU-01", 60));
        }

        List<String> printed = failure.getMessage().lines().limit(shown.size()).toList();
        assertThat(printed).hasSameSizeAs(shown);
        for (int i = 0; i < shown.size(); i++) {
            // the guide writes [...] for the purchase's lines
            String expected = Pattern.quote(shown.get(i)).replace("[...]", "\\E.*\\Q");
            assertThat(printed.get(i)).as("line %d of the failure", i + 1).matches(expected);
        }
    }

    @Test
    void shouldReportTheErrorExampleAsTheGuidePrintsIt() {
        String header = """
                package test;
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Earn earn;
                """;
        RuleDefinitionException e = catchThrowableOfType(RuleDefinitionException.class, () -> DroolsRuleEngine.builder()
                .drl("a.drl", header + """
                        rule "A-01 unknown type"
                        when
                            Basket( )
                        then
                        end
                        """)
                .drl("b.drl", header + """
                        rule "B-01 no such field"
                        when
                            $l : PurchaseLine( colour == "red" )
                        then
                        end

                        rule "B-02 no such action"
                        when
                            Purchase( )
                        then
                            earn.nope();
                        end
                        """)
                .build());

        assertThat(e.getMessage()).isEqualTo(block("problems in campaign rules:").stripTrailing());
    }

    @Test
    void shouldExplainTheCappedPurchaseAsTheGuidePrintsIt() {
        // the guide wraps the cap's line: its continuation lines are indented under the rule
        String shown = block("purchase p-9 of member m-1").stripTrailing().replaceAll("\\n {9}(?=\\S)", " ");
        MemberId member = MemberId.of("m-1");
        Clock clock = Clock.fixed(Shop.london("2026-03-07T12:00"), ZoneOffset.UTC);

        try (LoyaltyEngine engine = LoyaltyEngine.builder().program(Shop.PROGRAM).clock(clock).ruleEngine(Shop.DEFAULT_RULES).build()) {
            // enrolled on gold this year: no tier review comes before the purchase
            engine.process(Enrolment.of(EventId.of("enrol-m-1"), member, Shop.london("2026-01-05T12:00")).withTier("gold"));
            Outcome outcome = engine.process(Purchase.builder(EventId.of("p-9"), member, Shop.london("2026-03-07T11:00"))
                    .line("85123A", "home", 200, Shop.gbp("2.55"))
                    .line("G-1", "garden", 1, Shop.gbp("10.00"))
                    .build());

            assertThat(outcome.explanation().toText()).isEqualTo(shown);
        }
    }

    @Test
    void shouldPrintWhatTheMainReadmeSaysForItsEmbeddingExample() {
        String example = block(MAIN, "try (LoyaltyEngine engine = LoyaltyEngine.builder()");
        assertThat(example).contains("ProgramSettings.builder()\n        .currency(\"GBP\").zone(\"Europe/London\").build();")
                .contains("engine.process(Enrolment.of(EventId.of(\"enrol-alice\"), alice, clock.instant()));")
                .contains("Purchase.builder(EventId.of(\"order-1001\"), alice, clock.instant())")
                .contains(".line(\"85123A\", \"home\", 2, Money.of(\"2.95\", \"GBP\"))")
                .contains(".line(\"POST\", \"service\", 1, Money.of(\"4.00\", \"GBP\"))")
                .contains("System.out.println(outcome.explanation().toText());");
        String shown = block(MAIN, "purchase order-1001 of member alice");
        Clock clock = Clock.fixed(Instant.parse("2026-03-03T12:00:00Z"), ZoneOffset.UTC);   // a Tuesday
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        // the README's code, with System.out captured
        ProgramSettings program = ProgramSettings.builder()
                .currency("GBP").zone("Europe/London").build();
        try (LoyaltyEngine engine = LoyaltyEngine.builder()
                .program(program)
                .clock(clock)
                .build()) {
            MemberId alice = MemberId.of("alice");
            engine.process(Enrolment.of(EventId.of("enrol-alice"), alice, clock.instant()));
            Outcome outcome = engine.process(Purchase.builder(EventId.of("order-1001"), alice, clock.instant())
                    .line("85123A", "home", 2, Money.of("2.95", "GBP"))
                    .line("POST", "service", 1, Money.of("4.00", "GBP"))
                    .build());
            out.println(outcome.explanation().toText());
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(shown);
    }

    @Test
    void shouldAwardWhatTheMainReadmeSaysForItsCampaignExample() {
        String campaign = block(MAIN, "package campaigns.spring;");
        Matcher testKit = Pattern.compile("`(CampaignScenarios\\.of\\(builder\\)[^`]*)`").matcher(MAIN);
        assertThat(testKit.find()).as("the test kit example of the main README").isTrue();
        String scenario = testKit.group(1).replaceAll("\\s+", " ");
        assertThat(scenario).contains(".given(member(\"m-1\").tier(\"gold\"))")
                .contains(".when(purchase(\"2026-04-07T11:00\").line(\"G-1\", \"garden\", 1, \"10.00\"))");

        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().defaultCampaigns().drl("spring.drl", campaign))) {
            scenarios.given(member("m-1").tier("gold"))
                    .when(purchase("2026-04-07T11:00").line("G-1", "garden", 1, "10.00"))
                    .thenAwardedBy("SPRING-01", number(scenario, ".thenAwardedBy(\"SPRING-01\", "));
        }
    }
}
