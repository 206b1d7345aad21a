package dev.loyalty.examples.shop;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.PointsSummary;
import dev.loyalty.core.RedeemedOffer;
import dev.loyalty.core.Statement;
import dev.loyalty.core.SweepReport;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.tier.MemberTier;
import dev.loyalty.core.tier.TierChange;
import dev.loyalty.core.tier.TierProgress;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON bodies the shop answers with, built from the engine's types. */
final class ShopResponses {

    private ShopResponses() {
    }

    /**
     * What processing an event did.
     *
     * @param eventId the event id (the idempotency key)
     * @param memberId the member
     * @param kind the event kind
     * @param points the change to the balance
     * @param balance the balance right after the event
     * @param ruleSetVersion the campaigns' version
     * @param entries the ledger entries written
     * @param explanation why, step by step
     */
    record EventOutcome(String eventId, String memberId, String kind, long points, long balance, String ruleSetVersion,
                        List<Entry> entries, ExplanationBody explanation) {

        static EventOutcome of(Outcome outcome) {
            return new EventOutcome(outcome.eventId().value(), outcome.memberId().value(), outcome.eventKind(), outcome.points().value(),
                    outcome.balance().value(), outcome.ruleSetVersion(), outcome.entries().stream().map(Entry::of).toList(),
                    ExplanationBody.of(outcome.explanation()));
        }
    }

    /**
     * A ledger entry.
     *
     * @param sequence its place in the member's ledger
     * @param type EARN, PENDING, RELEASE, REDEEM, REVERSE, EXPIRE or REPAY
     * @param points the signed points
     * @param eventId the event that wrote it
     * @param rule the rule (or core policy) that produced it
     * @param reason why
     * @param occurredAt when its event happened
     */
    record Entry(long sequence, String type, long points, String eventId, String rule, String reason, Instant occurredAt) {

        static Entry of(LedgerEntry entry) {
            return new Entry(entry.sequence(), entry.type().name(), entry.points().value(), entry.eventId().value(), entry.rule(),
                    entry.reason(), entry.occurredAt());
        }
    }

    /**
     * An explanation for a support agent.
     *
     * @param summary one line
     * @param steps each rule's or policy's contribution
     * @param text the whole explanation as text
     */
    record ExplanationBody(String summary, List<Explanation.Step> steps, String text) {

        static ExplanationBody of(Explanation explanation) {
            return new ExplanationBody(explanation.summary(), explanation.steps(), explanation.toText());
        }
    }

    /**
     * A member's points at a glance.
     *
     * @param balance the sum of the ledger
     * @param spendable what a redemption may spend now
     * @param pending earned but within the return window
     * @param held reserved by holds
     * @param debt clawed back but not yet repaid
     */
    record Points(long balance, long spendable, long pending, long held, long debt) {

        static Points of(PointsSummary summary) {
            return new Points(summary.balance().value(), summary.spendable().value(), summary.pending().value(), summary.held().value(),
                    summary.debt().value());
        }
    }

    /**
     * A member and their points.
     *
     * @param memberId the id
     * @param status ACTIVE or otherwise
     * @param tier the tier code
     * @param enrolledAt when the member enrolled
     * @param birthday the birthday, if known
     * @param zone the member's time zone, if set
     * @param points the points summary
     */
    record MemberSummary(String memberId, String status, String tier, Instant enrolledAt, LocalDate birthday, String zone, Points points) {

        static MemberSummary of(Member member, PointsSummary summary) {
            return new MemberSummary(member.id().value(), member.status().name(), member.tierCode(), member.enrolledAt(), member.birthday(),
                    member.zone() == null ? null : member.zone().getId(), Points.of(summary));
        }
    }

    /**
     * A member's statement.
     *
     * @param memberId the member
     * @param lines the ledger entries with the running balance
     * @param lots the points lots
     * @param points the summary
     */
    record StatementBody(String memberId, List<StatementLine> lines, List<LotBody> lots, Points points) {

        static StatementBody of(Statement statement) {
            return new StatementBody(statement.member().id().value(),
                    statement.lines().stream().map(line -> new StatementLine(Entry.of(line.entry()), line.runningBalance())).toList(),
                    statement.lots().stream().map(LotBody::of).toList(), Points.of(statement.summary()));
        }
    }

    /**
     * A statement line.
     *
     * @param entry the ledger entry
     * @param runningBalance the balance after it
     */
    record StatementLine(Entry entry, long runningBalance) {
    }

    /**
     * A points lot.
     *
     * @param id the lot id
     * @param sourceEventId the event that earned it
     * @param points what it was earned with
     * @param remaining what is left
     * @param pendingUntil when it becomes spendable, if pending
     * @param expiresAt when it expires, if it does
     */
    record LotBody(String id, String sourceEventId, long points, long remaining, Instant pendingUntil, Instant expiresAt) {

        static LotBody of(Lot lot) {
            return new LotBody(lot.id(), lot.sourceEventId() == null ? null : lot.sourceEventId().value(), lot.points(), lot.remaining(),
                    lot.pendingUntil(), lot.expiresAt());
        }
    }

    /**
     * What a point of sale applies at checkout: the member's tier now, its benefits and how to
     * reach the next tier.
     *
     * @param memberId the member
     * @param asOf the member's local date the answer holds for
     * @param tier the tier code now (an active override's when it ranks higher)
     * @param tierName the tier's display name
     * @param earnedTier the tier earned by qualifying, without any override
     * @param earnMultiplier the tier's earn multiplier (1 without a ladder)
     * @param discountPercent the checkout discount in percent
     * @param perks the tier's perks, by name
     * @param progress how to reach the next tier, or null on the top tier
     * @param graceUntil the first day after a grace period the member is in, or null
     * @param overrideUntil the first day an override no longer applies, or null
     */
    record Benefits(String memberId, LocalDate asOf, String tier, String tierName, String earnedTier, BigDecimal earnMultiplier,
                    BigDecimal discountPercent, Map<String, String> perks, Progress progress, LocalDate graceUntil,
                    LocalDate overrideUntil) {

        static Benefits of(MemberTier tier) {
            return new Benefits(tier.memberId().value(), tier.asOf(), tier.tier().code(), tier.tier().name(), tier.earnedTier(),
                    tier.benefits().earnMultiplier(), tier.benefits().discountPercent(), tier.benefits().perks(),
                    tier.progress() == null ? null : Progress.of(tier.progress()), tier.graceUntil(), tier.overrideUntil());
        }
    }

    /**
     * The way to the next tier.
     *
     * @param nextTier the next tier's code
     * @param metric SPEND, POINTS or PURCHASES
     * @param needed how much more of the metric it takes
     * @param by the day by which it must be reached
     * @param text the same as one sentence, such as {@code spend 380.00 more by 2027-03-31 to reach silver}
     */
    record Progress(String nextTier, String metric, BigDecimal needed, LocalDate by, String text) {

        static Progress of(TierProgress progress) {
            return new Progress(progress.nextTier(), progress.metric().name(), progress.needed(), progress.by(), progress.text());
        }
    }

    /**
     * One change in a member's tier history.
     *
     * @param sequence its place in the history
     * @param kind ENROLMENT, PROMOTION, DEMOTION, GRACE, RETAINED, OVERRIDE or OVERRIDE_EXPIRED
     * @param fromTier the tier before
     * @param toTier the tier after
     * @param date the member's local date of the change
     * @param at the instant of the change
     * @param eventId the event that caused it, or null for a review or an override
     * @param reason why
     */
    record TierChangeBody(long sequence, String kind, String fromTier, String toTier, LocalDate date, Instant at, String eventId,
                          String reason) {

        static TierChangeBody of(TierChange change) {
            return new TierChangeBody(change.sequence(), change.kind().name(), change.fromTier(), change.toTier(), change.date(),
                    change.at(), change.eventId() == null ? null : change.eventId().value(), change.reason());
        }
    }

    /**
     * An offer.
     *
     * @param code the code to redeem it with
     * @param template the offer's template, such as {@code WINBACK-90}
     * @param kind POINTS, DISCOUNT, MULTIPLIER or FREE_ITEM
     * @param value the points, percent or factor
     * @param itemCode the free item's code, for FREE_ITEM
     * @param trigger what occasion issued it
     * @param reason the text for the member
     * @param issuedAt when it was issued
     * @param validUntil the instant it stops being redeemable
     * @param status ISSUED, REDEEMED or EXPIRED
     * @param redeemedAt when it was redeemed, or null
     * @param redeemedBy the event id that redeemed it, or null
     * @param converted for a win-back offer, whether the member came back with it; null while open
     */
    record OfferBody(String code, String template, String kind, BigDecimal value, String itemCode, String trigger, String reason,
                     Instant issuedAt, Instant validUntil, String status, Instant redeemedAt, String redeemedBy, Boolean converted) {

        static OfferBody of(Offer offer) {
            return new OfferBody(offer.code(), offer.template(), offer.kind().name(), offer.value(), offer.itemCode(),
                    offer.trigger().name(), offer.reason(), offer.issuedAt(), offer.validUntil(), offer.status().name(),
                    offer.redeemedAt(), offer.redeemedBy() == null ? null : offer.redeemedBy().value(), offer.converted());
        }
    }

    /**
     * A redeemed offer: what the point of sale gives, and the event's outcome.
     *
     * @param offer the offer as redeemed
     * @param outcome the redemption's outcome (a POINTS offer credits points)
     */
    record OfferRedemptionBody(OfferBody offer, EventOutcome outcome) {

        static OfferRedemptionBody of(RedeemedOffer redeemed) {
            return new OfferRedemptionBody(OfferBody.of(redeemed.offer()), EventOutcome.of(redeemed.outcome()));
        }
    }

    /**
     * What a sweep did.
     *
     * @param asOf the instant swept at
     * @param members members looked at
     * @param changedMembers members with something written
     * @param released pending points released
     * @param expiredPoints points expired
     * @param lapsedHolds holds lapsed
     * @param offersIssued offers issued
     * @param offersExpired offers expired
     * @param tierChanges tier history lines added: demotions, grace periods, override expiries
     * @param failures the members whose sweep failed and were left unchanged (the others were swept); empty when none
     */
    record SweepBody(Instant asOf, long members, long changedMembers, long released, long expiredPoints, long lapsedHolds,
                     long offersIssued, long offersExpired, long tierChanges, List<SweepFailureBody> failures) {

        static SweepBody of(Instant asOf, SweepReport report) {
            return new SweepBody(asOf, report.members(), report.changedMembers(), report.released(), report.expiredPoints(),
                    report.lapsedHolds(), report.offersIssued(), report.offersExpired(), report.tierChanges(),
                    report.failures().stream().map(f -> new SweepFailureBody(f.memberId().value(), f.cause().getMessage())).toList());
        }
    }

    /**
     * A member a sweep could not sweep.
     *
     * @param memberId the member, left as it was: sweeping again at the same instant tries it again
     * @param error why, naming the rule when a rule failed
     */
    record SweepFailureBody(String memberId, String error) {
    }
}
