package dev.loyalty.rules.testkit;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.rules.DroolsRuleEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A scenario with its member, waiting for the event to check. */
public final class Scenario {

    private final DroolsRuleEngine rules;
    private final ProgramSettings program;
    private final Clock clock;
    private final GivenMember member;

    Scenario(DroolsRuleEngine rules, ProgramSettings program, Clock clock, GivenMember member) {
        this.rules = rules;
        this.program = program;
        this.clock = clock;
        this.member = member;
    }

    /**
     * Enrols the member, then processes the purchase through the whole engine.
     *
     * @param purchase the purchase
     * @return what it awarded, to check
     * @throws dev.loyalty.core.LoyaltyException when the engine rejects the event or a rule fails
     * @throws IllegalStateException when the member was given a tier they no longer hold by the
     *                               purchase (a tier review of the ladder came first), so that the
     *                               rules would see another tier than the one given
     */
    public Then when(GivenPurchase purchase) {
        ZoneId zone = zone();
        Instant at = purchase.at.atZone(zone).toInstant();
        LocalDate enrolled = member.enrolledOn != null ? member.enrolledOn : purchase.at.toLocalDate().minusYears(1);
        Instant enrolledAt = enrolled.atTime(LocalTime.NOON).atZone(zone).toInstant();
        try (LoyaltyEngine engine = engine(at.isAfter(enrolledAt) ? at : enrolledAt)) {
            engine.process(enrolment(enrolledAt));
            requireGivenTier(engine, enrolled, purchase);
            Purchase.Builder builder = Purchase.builder(EventId.of("scenario-purchase"), MemberId.of(member.id), at)
                    .channel(purchase.channel).store(purchase.store);
            String currency = program.currency().getCurrencyCode();
            for (GivenPurchase.Line line : purchase.lines) {
                builder.line(line.sku(), line.category(), line.quantity(), Money.of(line.unitPrice(), currency));
            }
            return new Then(engine.process(builder.build()), rules.campaignSet(), "when the " + purchase + " of " + member);
        }
    }

    /**
     * Processes the member's enrolment as the event to check, at noon of their enrolment date
     * (by default today in the member's zone, else the program's, by the clock of
     * {@link CampaignScenarios#withClock(Clock)}: the system clock unless one is given).
     *
     * @return what the enrolment awarded, to check
     */
    public Then whenEnrolled() {
        ZoneId zone = zone();
        LocalDate date = member.enrolledOn != null ? member.enrolledOn : LocalDate.now(clock.withZone(zone));
        Instant at = date.atTime(LocalTime.NOON).atZone(zone).toInstant();
        try (LoyaltyEngine engine = engine(at)) {
            Outcome outcome = engine.process(enrolment(at));
            return new Then(outcome, rules.campaignSet(), "when " + member + " enrols on " + date);
        }
    }

    // a tier review due by the purchase (a year after enrolment, by default) can move the member off the
    // given tier before the rules see the purchase; the scenario would then check another member than the one given
    private void requireGivenTier(LoyaltyEngine engine, LocalDate enrolled, GivenPurchase purchase) {
        if (member.tier == null) {
            return;
        }
        String seen = engine.tier(MemberId.of(member.id)).tier().code();
        if (!seen.equals(member.tier)) {
            throw new IllegalStateException("member " + member.id + " was given tier " + member.tier + " but is on tier " + seen
                    + " by the purchase at " + purchase.at + ": enrolled on " + enrolled + ", they fell short at a tier review of the"
                    + " campaign set's ladder before the purchase; give a later enrolledOn(...), within the review period before"
                    + " the purchase, so the rules see the tier given");
        }
    }

    private ZoneId zone() {
        return member.zone != null ? member.zone : program.zone();
    }

    private Enrolment enrolment(Instant at) {
        Enrolment enrolment = Enrolment.of(EventId.of("scenario-enrolment"), MemberId.of(member.id), at).withZone(zone());
        if (member.tier != null) {
            enrolment = enrolment.withTier(member.tier);
        }
        if (member.birthday != null) {
            enrolment = enrolment.withBirthday(member.birthday);
        }
        return enrolment;
    }

    private LoyaltyEngine engine(Instant now) {
        return LoyaltyEngine.builder().program(program).clock(Clock.fixed(now, ZoneOffset.UTC)).ruleEngine(rules).build();
    }
}
