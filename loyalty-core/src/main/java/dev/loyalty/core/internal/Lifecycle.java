package dev.loyalty.core.internal;

import dev.loyalty.core.ClawbackPolicy;
import dev.loyalty.core.CoreRules;
import dev.loyalty.core.Explanation;
import dev.loyalty.core.HoldStateException;
import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.HoldCapture;
import dev.loyalty.core.event.HoldVoid;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.PointsHold;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.HoldStatus;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What happens to points after they are earned: redemptions, holds and returns. Rules are not
 * consulted: these are the program's policies, applied by the core. Not public API.
 */
final class Lifecycle {

    private Lifecycle() {
    }

    static void apply(MemberLedger ledger, LoyaltyEvent event, ProgramSettings program, List<Explanation.Step> steps) {
        if (event instanceof Redemption redemption) {
            redeem(ledger, redemption, steps);
        } else if (event instanceof PointsHold hold) {
            hold(ledger, hold, steps);
        } else if (event instanceof HoldCapture capture) {
            capture(ledger, capture, steps);
        } else if (event instanceof HoldVoid release) {
            Hold hold = activeHold(ledger, release, release.holdId());
            ledger.putHold(hold.withStatus(HoldStatus.VOIDED));
            steps.add(new Explanation.Step(CoreRules.HOLD, "Hold " + hold.id() + " voided", 0, hold.points() + " points spendable again"));
        } else if (event instanceof Return refund) {
            refund(ledger, refund, program, steps);
        } else {
            throw new IllegalStateException("not a lifecycle event: " + event.kind());
        }
    }

    private static void redeem(MemberLedger ledger, Redemption redemption, List<Explanation.Step> steps) {
        requireSpendable(ledger, redemption.memberId(), redemption.points(), ledger.spendable());
        String reason = "Redeemed for " + redemption.rewardCode();
        ledger.take(redemption.points(), redemption.eventId(), EntryType.REDEEM, CoreRules.REDEMPTION, reason, redemption.occurredAt(), null);
        ledger.account(ledger.account().activeAt(redemption.occurredAt()));
        steps.add(new Explanation.Step(CoreRules.REDEMPTION, reason, -redemption.points(),
                redemption.value() == null ? "oldest-expiring points first" : "worth " + redemption.value()));
    }

    private static void hold(MemberLedger ledger, PointsHold hold, List<Explanation.Step> steps) {
        requireSpendable(ledger, hold.memberId(), hold.points(), ledger.spendable());
        ledger.putHold(new Hold(hold.eventId().value(), ledger.memberId(), hold.points(), hold.rewardCode(), hold.occurredAt(), hold.expiresAt(),
                HoldStatus.ACTIVE));
        steps.add(new Explanation.Step(CoreRules.HOLD, "Holds points for " + hold.rewardCode(), 0,
                hold.points() + " points reserved until " + hold.expiresAt()));
    }

    private static void capture(MemberLedger ledger, HoldCapture capture, List<Explanation.Step> steps) {
        Hold hold = activeHold(ledger, capture, capture.holdId());
        if (!capture.occurredAt().isBefore(hold.expiresAt())) {
            // lapsed by the capture's own time, though the engine's clock has not reached the expiry yet (a till running ahead)
            throw new HoldStateException("hold " + hold.id() + " of member " + capture.memberId() + " lapsed at " + hold.expiresAt()
                    + ", before the capture at " + capture.occurredAt());
        }
        requireSpendable(ledger, capture.memberId(), hold.points(), ledger.spendable() + hold.points());
        ledger.putHold(hold.withStatus(HoldStatus.CAPTURED));
        String reason = "Redeemed for " + hold.rewardCode();
        ledger.take(hold.points(), capture.eventId(), EntryType.REDEEM, CoreRules.REDEMPTION, reason, capture.occurredAt(), hold.createdAt());
        ledger.account(ledger.account().activeAt(capture.occurredAt()));
        steps.add(new Explanation.Step(CoreRules.REDEMPTION, reason, -hold.points(), "captures hold " + hold.id()));
    }

    private static void refund(MemberLedger ledger, Return refund, ProgramSettings program, List<Explanation.Step> steps) {
        Lot lot = refund.purchaseId() == null ? null : ledger.lot(refund.purchaseId().value());
        if (lot == null || lot.sourceAmount() == null) {
            unlinked(ledger, refund, program, steps);
            return;
        }
        if (refund.occurredAt().isBefore(lot.earnedAt())) {
            throw new InvalidInputException("return.occurredAt", refund.occurredAt() + " precedes purchase " + lot.id() + " at " + lot.earnedAt()
                    + ": goods cannot be refunded before they were bought");
        }
        BigDecimal returned = lot.returnedAmount().add(refund.amount().amount());
        BigDecimal counted = returned.min(lot.sourceAmount());
        // a purchase of free items (a total of zero) that earned points is returned whole by any refund: every amount is more
        long target = lot.sourceAmount().signum() == 0 ? lot.points()
                : Math.min(lot.points(), BigDecimal.valueOf(lot.points()).multiply(counted).divide(lot.sourceAmount(), 0, RoundingMode.HALF_UP).longValueExact());
        long clawback = Math.max(0, target - lot.clawedBack());
        String reason = "Returned " + refund.amount() + " of purchase " + lot.id();
        long fromLot = Math.min(clawback, lot.remaining());
        if (fromLot > 0) {
            ledger.debit(lot, fromLot, refund.eventId(), EntryType.REVERSE, CoreRules.RETURN, reason, refund.occurredAt());
        }
        // The purchase's own points pay first: what is left in its lot, then what expired from it (gone already, so not
        // taken again). Only points of the lot that were spent fall on the member's other points or on debt: over all
        // returns together, at most max(0, clawed back - (points - spent)), never more than the lot's spent points.
        long unspent = lot.points() - lot.spent();
        // all within [0, points]: clawed back, this claw-back included, is at most the points the purchase earned
        long shortfall = Math.min(clawback - fromLot,
                Math.max(0, lot.clawedBack() + clawback - unspent) - Math.max(0, lot.clawedBack() - unspent));
        long expired = clawback - fromLot - shortfall;
        long debited = fromLot;
        String detail = clawback + " of the " + lot.points() + " points the purchase earned"
                + (lot.isPending() ? ", cancelled while pending" : "")
                + (returned.compareTo(lot.sourceAmount()) > 0 ? "; returns exceed the purchase amount, capped at what it earned" : "")
                + (expired > 0 ? "; " + expired + " had expired, not taken again" : "");
        if (shortfall > 0) {
            detail += "; " + shortfall + " had been spent";
            if (program.points().clawback() == ClawbackPolicy.NEGATIVE_BALANCE) {
                ledger.owe(shortfall, refund.eventId(), CoreRules.RETURN, reason, refund.occurredAt());
                debited += shortfall;
                detail += ", owed as a negative balance";
            } else {
                long fromOthers = ledger.take(Math.min(shortfall, Math.max(0, ledger.spendable())), refund.eventId(), EntryType.REVERSE,
                        CoreRules.RETURN, reason, refund.occurredAt(), null);
                long owed = shortfall - fromOthers;
                debited += fromOthers;
                ledger.account(ledger.account().withDebt(Points.add(ledger.account().debt(), owed)));
                detail += ", " + fromOthers + " taken from other points, " + owed + " kept as debt";
            }
        }
        Lot after = ledger.lot(lot.id());
        ledger.put(after.withReturn(returned, lot.clawedBack() + clawback, after.remaining()));
        ledger.recordReturn(new LotReturn(ledger.memberId(), lot.id(), refund.eventId(), refund.occurredAt(), refund.amount().amount()));
        steps.add(new Explanation.Step(CoreRules.RETURN, reason, -debited, detail));
    }

    private static void unlinked(MemberLedger ledger, Return refund, ProgramSettings program, List<Explanation.Step> steps) {
        String reason = "Return without a known purchase";
        BigDecimal rate = program.points().unlinkedReturnPointsPerUnit();
        long wanted;
        try {
            wanted = refund.amount().amount().multiply(rate).setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw new PointsOverflowException("points overflow: return " + refund.eventId() + " would claw back more points than a long holds");
        }
        long taken = wanted == 0 ? 0 : ledger.take(Math.min(wanted, Math.max(0, ledger.spendable())), refund.eventId(), EntryType.REVERSE,
                CoreRules.UNLINKED_RETURN, reason, refund.occurredAt(), null);
        String purchase = refund.purchaseId() == null ? "no purchase named" : "purchase " + refund.purchaseId() + " unknown for this member";
        steps.add(new Explanation.Step(CoreRules.UNLINKED_RETURN, reason, -taken,
                purchase + "; " + rate.toPlainString() + " points per unit of " + refund.amount() + ", from spendable points only"));
    }

    /** The active hold a capture or void names, placed no later than the event. */
    private static Hold activeHold(MemberLedger ledger, LoyaltyEvent event, EventId holdId) {
        MemberId memberId = event.memberId();
        Hold hold = ledger.hold(holdId.value());
        if (hold == null) {
            throw new HoldStateException("member " + memberId + " has no hold " + holdId);
        }
        if (hold.status() != HoldStatus.ACTIVE) {
            throw new HoldStateException("hold " + holdId + " of member " + memberId + " is " + hold.status() + ", not ACTIVE"
                    + (hold.status() == HoldStatus.EXPIRED ? " (it lapsed at " + hold.expiresAt() + ")" : ""));
        }
        if (event.occurredAt().isBefore(hold.createdAt())) {
            throw new InvalidInputException(event.kind() + ".occurredAt", event.occurredAt() + " precedes hold " + holdId + ", placed at "
                    + hold.createdAt() + ": a hold is captured or voided after it is placed");
        }
        return hold;
    }

    private static void requireSpendable(MemberLedger ledger, MemberId memberId, long points, long spendable) {
        if (points > spendable) {
            throw new InsufficientPointsException(memberId, points, Math.max(0, spendable));
        }
    }
}
