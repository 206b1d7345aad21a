package dev.loyalty.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.examples.retail.RetailEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real-data check behind the comparisons: the retail sample earns the same under every engine, one by one and in a batch. */
class RetailEquivalenceTest {

    private static final List<LoyaltyEvent> EVENTS = RetailEvents.bundled();
    private static final Clock CLOCK = Clock.fixed(EVENTS.stream().map(LoyaltyEvent::occurredAt).max(Comparator.naturalOrder())
            .orElse(Instant.EPOCH).plusSeconds(86_400), ZoneOffset.UTC);

    private static List<EventResult> replay(RuleEngine rules, boolean batch) {
        LoyaltyEngine engine = LoyaltyEngine.builder().program(RetailEvents.program()).clock(CLOCK).ruleEngine(rules).build();
        if (batch) {
            return engine.processAll(EVENTS);
        }
        return EVENTS.stream().map(event -> new EventResult(event, engine.process(event), null)).toList();
    }

    private static List<String> earned(Outcome outcome) {
        return outcome.entries().stream().map(RetailEquivalenceTest::entry).sorted().toList();
    }

    private static String entry(LedgerEntry e) {
        return e.type() + " " + e.rule() + " " + e.points() + " " + e.lotId();
    }

    @Test
    void shouldEarnTheSameOnTheRetailSampleWhateverTheEngineAndWhetherBatchedOrNot() {
        try (RuleEngine drools = RuleEngines.create(RuleEngines.DROOLS); RuleEngine plain = RuleEngines.create(RuleEngines.PLAIN_JAVA);
             RuleEngine evrete = RuleEngines.create(RuleEngines.EVRETE)) {
            List<EventResult> expected = replay(drools, false);
            List<List<EventResult>> others = List.of(replay(drools, true), replay(plain, false), replay(plain, true), replay(evrete, false),
                    replay(evrete, true));
            List<String> names = List.of("drools batch", "plain", "plain batch", "evrete", "evrete batch");

            for (int k = 0; k < others.size(); k++) {
                List<EventResult> actual = others.get(k);
                for (int i = 0; i < EVENTS.size(); i++) {
                    assertThat(earned(actual.get(i).outcomeOrThrow())).as("%s: event %d, %s", names.get(k), i, EVENTS.get(i).eventId())
                            .isEqualTo(earned(expected.get(i).outcome()));
                }
            }
            // the demo's totals: issued less clawed back; members the tier ladder promotes earn its multipliers from then on
            assertThat(expected.stream().mapToLong(r -> r.outcome().points().value()).sum()).isEqualTo(1_155_254 - 16_811);
        }
    }
}
