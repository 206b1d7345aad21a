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
import dev.loyalty.rules.internal.SteppingClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A scenario with its member, waiting for the event to check. */
public final class Scenario {

    private final DroolsRuleEngine rules;
    private final ProgramSettings program;
    private final Clock clock;
    private final GivenMember member;
    private final List<GivenPurchase> earlier;

    Scenario(DroolsRuleEngine rules, ProgramSettings program, Clock clock, GivenMember member) {
        this(rules, program, clock, member, List.of());
    }

    private Scenario(DroolsRuleEngine rules, ProgramSettings program, Clock clock, GivenMember member, List<GivenPurchase> earlier) {
        this.rules = rules;
        this.program = program;
        this.clock = clock;
        this.member = member;
        this.earlier = earlier;
    }

    /**
     * Returns this scenario with purchases the member made before the one to check: {@link #when}
     * processes them first, in the order given and in the same engine, each with the engine's
     * clock at its own time, so that what they leave behind (a daily cap partly used, a member
     * limit reached, spend toward a tier) shapes the purchase checked. Only that purchase's
     * outcome is checked. Calling this again adds to the purchases given before; this scenario is
     * left as it was, and the purchases are taken as described at this call.
     *
     * @param purchases the earlier purchases, none later than the purchase to check
     * @return the scenario with those purchases first
     */
    public Scenario after(GivenPurchase... purchases) {
        List<GivenPurchase> all = new ArrayList<>(earlier);
        for (GivenPurchase purchase : Objects.requireNonNull(purchases, "purchases")) {
            all.add(Objects.requireNonNull(purchase, "purchases[]").copy());
        }
        return new Scenario(rules, program, clock, member, List.copyOf(all));
    }

    /**
     * Enrols the member, processes the {@linkplain #after earlier purchases}, if any, then the
     * purchase to check, through the whole engine.
     *
     * @param purchase the purchase
     * @return what it awarded, to check
     * @throws dev.loyalty.core.LoyaltyException when the engine rejects an event or a rule fails
     * @throws IllegalArgumentException when an earlier purchase is later than this one, or the member's
     *                                  {@linkplain GivenMember#enrolledOn(String) enrolment date} is after the first purchase's date
     * @throws IllegalStateException when the member was given a tier they no longer hold by the
     *                               first purchase (a tier review of the ladder came first), so that the
     *                               rules would see another tier than the one given
     */
    public Then when(GivenPurchase purchase) {
        Objects.requireNonNull(purchase, "purchase");
        for (GivenPurchase before : earlier) {
            if (before.at.isAfter(purchase.at)) {
                throw new IllegalArgumentException("the earlier " + before + " is later than the " + purchase
                        + " to check; give earlier purchases at or before it");
            }
        }
        ZoneId zone = zone();
        GivenPurchase first = earlier.isEmpty() ? purchase : earlier.get(0);
        LocalDate enrolled = member.enrolledOn != null ? member.enrolledOn : first.at.toLocalDate().minusYears(1);
        if (enrolled.isAfter(first.at.toLocalDate())) {
            throw new IllegalArgumentException("member " + member.id + " is enrolled on " + enrolled + ", after the " + (first == purchase ? "" : "first earlier ")
                    + first + "; give an enrolledOn(...) on or before " + first.at.toLocalDate());
        }
        // at noon, or at the first purchase when the member joins and buys on the same day before noon (a purchase cannot precede
        // its member's enrolment)
        Instant enrolledAt = enrolled.equals(first.at.toLocalDate()) && first.at.toLocalTime().isBefore(LocalTime.NOON)
                ? first.at.atZone(zone).toInstant() : enrolled.atTime(LocalTime.NOON).atZone(zone).toInstant();
        SteppingClock time = new SteppingClock(latest(enrolledAt, first.at.atZone(zone).toInstant()));
        try (LoyaltyEngine engine = engine(time)) {
            engine.process(enrolment(enrolledAt));
            requireGivenTier(engine, enrolled, first);
            for (int i = 0; i < earlier.size(); i++) {
                GivenPurchase before = earlier.get(i);
                Instant at = before.at.atZone(zone).toInstant();
                time.moveTo(latest(enrolledAt, at));
                engine.process(purchase(EventId.of("scenario-purchase-" + (i + 1)), at, before));
            }
            Instant at = purchase.at.atZone(zone).toInstant();
            time.moveTo(latest(enrolledAt, at));
            Outcome outcome = engine.process(purchase(EventId.of("scenario-purchase"), at, purchase));
            String after = earlier.isEmpty() ? "" : ", after the " + earlier.size() + " earlier " + earlier;
            return new Then(outcome, rules.campaignSet(), "when the " + purchase + " of " + member + after);
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
        try (LoyaltyEngine engine = engine(new SteppingClock(at))) {
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

    private Purchase purchase(EventId id, Instant at, GivenPurchase purchase) {
        Purchase.Builder builder = Purchase.builder(id, MemberId.of(member.id), at).channel(purchase.channel).store(purchase.store);
        String currency = program.currency().getCurrencyCode();
        for (GivenPurchase.Line line : purchase.lines) {
            builder.line(line.sku(), line.category(), line.quantity(), Money.of(line.unitPrice(), currency));
        }
        return builder.build();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private LoyaltyEngine engine(Clock time) {
        return LoyaltyEngine.builder().program(program).clock(time).ruleEngine(rules).build();
    }
}
