package dev.loyalty.core.internal;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.Explanation;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.MemberAlreadyEnrolledException;
import dev.loyalty.core.MemberNotActiveException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.spi.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one event into the member's changes: checks it, evaluates the rules, composes the
 * points and builds the ledger entries, lot and outcome. Pure given the member's state, so a
 * store may run it again after a lost race. Not public API.
 */
public final class EventProcessor {

    private final ProgramSettings program;
    private final RuleEngine rules;
    private final Clock clock;

    /**
     * Creates a processor.
     *
     * @param program the program settings
     * @param rules the rule engine
     * @param clock the clock for recording times and rejecting future events
     */
    public EventProcessor(ProgramSettings program, RuleEngine rules, Clock clock) {
        this.program = program;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Checks what can be checked without the member's state: currency, limits, the clock.
     *
     * @param event the event
     * @throws InvalidInputException when the event is unacceptable
     */
    public void validate(LoyaltyEvent event) {
        Instant latest = clock.instant().plus(program.maxClockSkew());
        if (event.occurredAt().isAfter(latest)) {
            throw new InvalidInputException(event.kind() + ".occurredAt", event.occurredAt() + " is in the future; the engine's clock reads " + clock.instant());
        }
        if (event instanceof Purchase purchase) {
            if (!purchase.currency().equals(program.currency())) {
                throw new CurrencyMismatchException("purchase " + purchase.eventId() + " currency", program.currency(), purchase.currency());
            }
            if (purchase.total().compareTo(program.maxPurchaseAmount()) > 0) {
                throw new InvalidInputException("purchase " + purchase.eventId() + " total",
                        purchase.total() + " exceeds the program's limit of " + program.maxPurchaseAmount());
            }
        }
        if (event instanceof Enrolment enrolment && enrolment.tierCode() != null && program.tier(enrolment.tierCode()).isEmpty()) {
            throw new InvalidInputException("enrolment.tierCode", "'" + enrolment.tierCode() + "' is not a tier of this program (" + program.tierCodes() + ")");
        }
    }

    /**
     * Computes the member's changes for one event.
     *
     * @param view the member's state, locked by the store
     * @param event the event, already validated
     * @param fingerprint the event's payload hash
     * @return the changes to apply atomically
     */
    public MemberChanges process(MemberView view, LoyaltyEvent event, String fingerprint) {
        Member before = view.member().orElse(null);
        Member after = memberAfter(before, event);
        ZoneId zone = after.zoneOr(program.zone());
        LocalDate date = LocalDate.ofInstant(event.occurredAt(), zone);

        Evaluation evaluation = evaluate(new RuleContext(after, view.balance(), event, date, zone, program));
        PointsComposer.Composition composition = PointsComposer.compose(event, evaluation.decisions(), program.pointsRounding(),
                () -> view.pointsEarnedBetween(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant()),
                program.currency().getCurrencyCode());

        Instant now = clock.instant();
        String lotId = event.eventId().value();
        List<LedgerEntry> entries = new ArrayList<>(composition.awards().size());
        long sequence = view.lastSequence();
        for (PointsComposer.Award award : composition.awards()) {
            sequence++;
            entries.add(new LedgerEntry(event.memberId(), sequence, event.eventId(), EntryType.EARN, Points.of(award.points()),
                    lotId, award.rule(), award.reason(), evaluation.ruleSetVersion(), event.occurredAt(), now));
        }
        List<Lot> lots = composition.total() > 0
                ? List.of(new Lot(lotId, event.memberId(), event.eventId(), event.occurredAt(), null, composition.total(), composition.total()))
                : List.of();
        Points earned = Points.of(composition.total());
        Points balance = view.balance().plus(earned);
        String summary = event.kind() + " " + event.eventId() + " of member " + event.memberId() + " on " + date + " (" + date.getDayOfWeek()
                + "): " + (earned.value() >= 0 ? "+" : "") + earned + " points, balance " + balance;
        Outcome outcome = new Outcome(event.eventId(), event.memberId(), event.kind(), earned, balance, entries,
                new Explanation(summary, composition.steps()), evaluation.ruleSetVersion());
        return new MemberChanges(after.equals(before) ? null : after,
                new StoredEvent(event.eventId(), event.memberId(), fingerprint, outcome), entries, lots);
    }

    private Member memberAfter(Member before, LoyaltyEvent event) {
        if (event instanceof Enrolment enrolment) {
            if (before != null) {
                throw new MemberAlreadyEnrolledException(enrolment.memberId());
            }
            String tier = enrolment.tierCode() != null ? enrolment.tierCode() : program.entryTier().code();
            return new Member(enrolment.memberId(), enrolment.occurredAt(), tier, MemberStatus.ACTIVE, enrolment.birthday(), enrolment.zone());
        }
        if (before == null) {
            throw new UnknownMemberException(event.memberId());
        }
        if (event.occurredAt().isBefore(before.enrolledAt())) {
            throw new InvalidInputException(event.kind() + ".occurredAt", event.occurredAt() + " precedes the enrolment of member "
                    + before.id() + " at " + before.enrolledAt());
        }
        if (event instanceof ProfileChange change) {
            return before.withProfile(change.birthday(), change.zone(), change.status());
        }
        if (before.status() != MemberStatus.ACTIVE) {
            throw new MemberNotActiveException(before.id(), before.status());
        }
        return before;
    }

    private Evaluation evaluate(RuleContext context) {
        try {
            Evaluation evaluation = rules.evaluate(context);
            if (evaluation == null) {
                throw new RuleEvaluationException("the rule engine returned no evaluation for event " + context.event().eventId());
            }
            return evaluation;
        } catch (LoyaltyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleEvaluationException("rules failed on event " + context.event().eventId() + ": " + e, e);
        }
    }
}
