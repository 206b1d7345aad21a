package dev.loyalty.core.spi;

import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.tier.Qualifying;
import dev.loyalty.core.tier.TierState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A member's state as seen inside a store transaction, while the member is locked.
 */
public interface MemberView {

    /**
     * Returns the member, if enrolled.
     *
     * @return the member, or empty before enrolment
     */
    Optional<Member> member();

    /**
     * Tells the view what the work is about to read, before it reads anything but the member,
     * so that a store can fetch it together (one round trip to a database instead of one per
     * read). Every read must answer the same whether or not it was told; a view told twice may
     * ignore the second call. The work works out what it will read only when the view asks
     * ({@code reads.get()}), so a view whose reads are cheap pays nothing: the default does nothing.
     *
     * @param reads what will be read, worked out on demand
     */
    default void readAhead(Supplier<ReadAhead> reads) {
    }

    /**
     * Returns the member's balance, the sum of all their ledger entries.
     *
     * @return the balance
     */
    Points balance();

    /**
     * Returns the sequence number of the member's last ledger entry.
     *
     * @return the last sequence, 0 when the ledger is empty
     */
    long lastSequence();

    /**
     * Returns the points earned by events that happened in a time range; used for daily caps.
     *
     * @param fromInclusive the start of the range
     * @param toExclusive the end of the range
     * @return the sum of earn and pending entries whose event happened in the range, or {@link Long#MAX_VALUE} when the
     *         sum is more (points earned, spent and earned again): no daily cap leaves room beyond it
     */
    long pointsEarnedBetween(Instant fromInclusive, Instant toExclusive);

    /**
     * Returns the member's lots, in the order they were created.
     *
     * @return the lots
     */
    List<Lot> lots();

    /**
     * Returns what the member owes on the debt lot ({@link Lot#DEBT_LOT}), where the negative-balance
     * claw-back policy writes the shortfall of a return: the lot's remainder negated, 0 when the
     * member has no debt lot. Read when points are credited, under either claw-back policy, so
     * that a debt lot left by the negative-balance policy is repaid after the program switched to
     * the debt policy; a store whose lots are costly to read answers it without reading them all.
     *
     * <p>The default scans {@link #lots()}.
     *
     * @return the points owed on the debt lot, 0 or more
     */
    default long owedOnDebtLot() {
        for (Lot lot : lots()) {
            if (lot.id().equals(Lot.DEBT_LOT)) {
                return -lot.remaining();
            }
        }
        return 0;
    }

    /**
     * Returns the member's holds, in the order they were placed.
     *
     * @return the holds, whatever their status
     */
    List<Hold> holds();

    /**
     * Returns the member's account state: claw-back debt and last activity.
     *
     * @return the account; {@link Account#NEW} before anything was recorded
     */
    Account account();

    /**
     * Returns the earliest instant at which time-based work falls due for the member by date:
     * the release of a pending lot, the expiry of a lot with points left, the lapse of an
     * active hold (see {@link Lot#dueAt()} and {@link Hold#dueAt()}). The engine reads the lots
     * and holds only when this is not after its clock, or when inactivity expiry is due, so a
     * store that keeps this indexed spares every event a scan of the member's lots.
     *
     * <p>The default scans {@link #lots()} and {@link #holds()}.
     *
     * @return the earliest due instant, or null when nothing falls due by date
     */
    default Instant nextDueAt() {
        Instant earliest = null;
        for (Lot lot : lots()) {
            Instant due = lot.dueAt();
            if (due != null && (earliest == null || due.isBefore(earliest))) {
                earliest = due;
            }
        }
        for (Hold hold : holds()) {
            Instant due = hold.dueAt();
            if (due != null && (earliest == null || due.isBefore(earliest))) {
                earliest = due;
            }
        }
        return earliest;
    }

    /**
     * Returns the member's tier bookkeeping.
     *
     * @return the state, or null when none was recorded (before enrolment, or without a tier policy)
     */
    TierState tierState();

    /**
     * Returns the member's qualifying totals over a range of their local days, from bucketed
     * day totals (never from a scan of the ledger).
     *
     * @param fromInclusive the first day
     * @param toInclusive the last day
     * @return the summed totals; {@link Qualifying#ZERO} when the range is empty
     */
    Qualifying qualifying(LocalDate fromInclusive, LocalDate toInclusive);

    /**
     * Returns the member's offer bookkeeping: last purchase, birthday given at, open win-back
     * spell, armed multiplier, next offer expiry. Cheap: kept with the member.
     *
     * @return the bookkeeping; {@link OfferBook#NEW} before anything was recorded
     */
    OfferBook offerBook();

    /**
     * Returns the member's offers, in the order they were issued; read only when the bookkeeping
     * says something concerns them.
     *
     * @return the offers, whatever their status
     */
    List<Offer> offers();

    /**
     * Returns the member's RFM scores and segment as the last segmentation run stored them.
     * The default has none, for stores that keep no segments.
     *
     * @return the stored scores and segment, if the member was scored
     */
    default Optional<MemberSegment> segment() {
        return Optional.empty();
    }

    /**
     * Returns the points the member has earned from a counted campaign (one with a budget or a
     * member limit) in all, from a kept total (never from a scan of the ledger). A total that
     * would pass {@link Long#MAX_VALUE} stays at it (a member limit, the only reader, allows no
     * more points either way), so that a draw never makes the store refuse an event it has begun
     * to write. The default has none, for stores that keep no campaign totals.
     *
     * @param campaign the campaign id
     * @return the points, 0 when none
     */
    default long campaignPoints(String campaign) {
        return 0;
    }

    /**
     * Returns the points drawn so far from a campaign's total budget, by all members. Read
     * without a lock: a draw that no longer fits when the changes are applied makes the store run
     * the work again. The default has none, for stores that keep no budgets.
     *
     * @param campaign the campaign id
     * @return the points spent, 0 when none
     */
    default long campaignBudgetSpent(String campaign) {
        return 0;
    }

    /**
     * Returns the referral in which this member is the referee, as stored now.
     * The default has none, for stores that keep no referrals.
     *
     * @return the referral, if the member joined with a code
     */
    default Optional<dev.loyalty.core.referral.Referral> referral() {
        return Optional.empty();
    }

    /**
     * Returns the referrals in which this member is the referrer, as stored now, in referee id order.
     * The default has none, for stores that keep no referrals.
     *
     * @return the referrals
     */
    default List<dev.loyalty.core.referral.Referral> referralsMade() {
        return List.of();
    }
}
