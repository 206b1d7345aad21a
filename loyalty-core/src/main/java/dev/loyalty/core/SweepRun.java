package dev.loyalty.core;

import dev.loyalty.core.internal.EventProcessor;
import dev.loyalty.core.internal.ReferralWork;
import dev.loyalty.core.internal.Saturating;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferStatus;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.SweepCheckpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One run of {@link LoyaltyEngine#sweep(SweepRequest)}: visits each member under its lock, settles
 * open referrals (quietly, through the engine), keeps the counts and the last member finished,
 * and saves checkpoints and reports progress as the request asks. A member whose sweep work
 * fails (any {@link LoyaltyException} but a {@link StoreException}) is recorded as a
 * {@link SweepFailure} and the run goes on; from the first failure on, saved checkpoints stay
 * at the last member finished before it, so that resuming the run sweeps the failed member again.
 */
final class SweepRun {
    private final LoyaltyStore store;
    private final EventProcessor processor;
    private final BiConsumer<MemberId, Instant> settleReferral;
    private final SweepRequest request;
    private final Instant asOf;
    private final MemberId skip;
    private final long before;
    /** Members, changed members, released lots, expired points, lapsed holds, offers issued, offers expired, tier changes. */
    final long[] counts = new long[8];
    MemberId last;
    /** The members whose sweep failed, in the order visited. */
    final List<SweepFailure> failures = new ArrayList<>();
    /** The last member finished before the first failure (where a resumed run may start after), and the members visited up to it. */
    MemberId safe;
    long safeCount;

    SweepRun(LoyaltyStore store, EventProcessor processor, BiConsumer<MemberId, Instant> settleReferral, SweepRequest request,
             Instant asOf, MemberId skip, long before) {
        this.store = store;
        this.processor = processor;
        this.settleReferral = settleReferral;
        this.request = request;
        this.asOf = asOf;
        this.skip = skip;
        this.before = before;
        this.safe = skip;
    }

    void visit(Member member) {
        if (member.id().equals(skip)) {
            return;
        }
        long[] seen = new long[6];
        boolean[] openReferral = new boolean[1];
        try {
            sweepOne(member, seen, openReferral);
        } catch (StoreException e) {
            // the store itself failing is not this member's problem: stop the run (a checkpointed run resumes)
            throw e;
        } catch (LoyaltyException e) {
            failures.add(new SweepFailure(member.id(), e));
            Arrays.fill(seen, 0);
            openReferral[0] = false;
        }
        if (openReferral[0]) {
            settleReferral.accept(member.id(), asOf);
        }
        counts[0]++;
        // each count on its own: summed, a member's expired points near a long's range and a release would overflow
        if (Arrays.stream(seen).anyMatch(count -> count > 0)) {
            counts[1]++;
        }
        for (int i = 0; i < seen.length; i++) {
            // points expired across members may pass what a long holds: the report then says Long.MAX_VALUE, never a wrapped sum
            counts[i + 2] = Saturating.add(counts[i + 2], seen[i]);
        }
        last = member.id();
        if (failures.isEmpty()) {
            safe = last;
            safeCount = counts[0];
        }
        if (request.checkpointId() != null && counts[0] % request.checkpointEvery() == 0) {
            store.saveSweepCheckpoint(checkpoint(false));
        }
        if (counts[0] % request.progressEvery() == 0) {
            request.listener().progress(progress());
        }
    }

    /**
     * The checkpoint of the run so far: after the last member finished before the first failure,
     * complete only when asked and no member failed.
     */
    SweepCheckpoint checkpoint(boolean end) {
        return new SweepCheckpoint(request.checkpointId(), asOf, safe, before + safeCount, end && failures.isEmpty());
    }

    /** Sweeps one member in one store transaction, counting what changed into {@code seen}. */
    private void sweepOne(Member member, long[] seen, boolean[] openReferral) {
        store.apply(member.id(), view -> {
            MemberChanges changes = processor.sweep(view, asOf);
            openReferral[0] = ReferralWork.isOpen(view);
            Arrays.fill(seen, 0);
            for (LedgerEntry entry : changes.entries()) {
                if (entry.type() == EntryType.RELEASE) {
                    seen[0]++;
                } else if (entry.type() == EntryType.EXPIRE) {
                    seen[1] -= entry.points().value();
                }
            }
            seen[2] = changes.holds().size();
            for (Offer offer : changes.offers()) {
                seen[offer.status() == OfferStatus.ISSUED ? 3 : 4]++;
            }
            seen[5] = changes.tiers() == null ? 0 : changes.tiers().history().size();
            return changes;
        });
    }

    SweepProgress progress() {
        return new SweepProgress(request.checkpointId(), asOf, last, counts[0], counts[1]);
    }

    SweepReport report() {
        return new SweepReport(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], failures);
    }
}
