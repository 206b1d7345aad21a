package dev.loyalty.rules;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;

/** Test fixtures: a GBP program in London, a fixed clock, members and purchases. */
final class Shop {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ProgramSettings PROGRAM = ProgramSettings.builder().currency("GBP").zone("Europe/London").build();
    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    static final Instant ENROLLED = Instant.parse("2024-01-02T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Built once: compiling DRL is the slow part of every test. Never closed by a test. */
    static final DroolsRuleEngine DEFAULT_RULES = DroolsRuleEngine.builder().defaultCampaigns().build();

    private static final AtomicInteger IDS = new AtomicInteger();

    private Shop() {
    }

    static LoyaltyEngine engine(RuleEngine rules) {
        return LoyaltyEngine.builder().program(PROGRAM).clock(CLOCK).ruleEngine(rules).build();
    }

    /** Enrols a new member on the given tier and returns their id. */
    static MemberId enrol(LoyaltyEngine engine, String tier) {
        return enrol(engine, tier, LONDON);
    }

    /** Enrols a new member on the given tier in their own time zone and returns their id. */
    static MemberId enrol(LoyaltyEngine engine, String tier, ZoneId zone) {
        MemberId member = MemberId.of("member-" + IDS.incrementAndGet());
        engine.process(Enrolment.of(EventId.of("enrol-" + member), member, ENROLLED).withTier(tier).withZone(zone));
        return member;
    }

    /** The instant of a London wall-clock time, such as {@code 2024-03-05T12:00}. */
    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    static Money gbp(String amount) {
        return Money.of(amount, "GBP");
    }

    static Purchase.Builder purchase(MemberId member, Instant at) {
        return Purchase.builder(EventId.of("order-" + IDS.incrementAndGet()), member, at);
    }

    /** The ledger entries of an outcome as (rule, points) tuples, in order. */
    static List<Tuple> awards(Outcome outcome) {
        return outcome.entries().stream().map(e -> Tuple.tuple(e.rule(), e.points().value())).toList();
    }

    static Tuple award(String rule, long points) {
        return Tuple.tuple(rule, points);
    }

    /** A rule context for evaluating a purchase directly, without the core. */
    static RuleContext context(Purchase purchase, String tier) {
        Member member = new Member(purchase.memberId(), ENROLLED, tier, MemberStatus.ACTIVE, null, null);
        return new RuleContext(member, Points.ZERO, purchase, LocalDate.ofInstant(purchase.occurredAt(), LONDON), LONDON, PROGRAM);
    }
}
