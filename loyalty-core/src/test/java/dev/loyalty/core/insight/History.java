package dev.loyalty.core.insight;

import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.OfferStatus;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.TierUpdate;
import dev.loyalty.core.tier.TierChange;
import dev.loyalty.core.tier.TierState;
import dev.loyalty.core.store.InMemoryStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes hand-made member histories straight into an in-memory store, so KPIs and scores can be computed by hand. */
final class History {

    final InMemoryStore store = new InMemoryStore();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Long> tierSequences = new HashMap<>();

    static Instant at(String date) {
        return LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    History member(String id, String enrolledOn, String tier) {
        return member(id, at(enrolledOn), tier, null);
    }

    History member(String id, Instant enrolledAt, String tier, ZoneId zone) {
        Member member = new Member(MemberId.of(id), enrolledAt, tier, MemberStatus.ACTIVE, null, zone);
        store.apply(member.id(), view -> new dev.loyalty.core.spi.MemberChanges(member, null, List.of(), List.of()));
        return this;
    }

    /** A purchase of an amount, of which some was returned, earning points as one earn entry on its lot. */
    History purchase(String id, String event, Instant at, String amount, String returned, long points) {
        MemberId member = MemberId.of(id);
        Lot lot = new Lot(event, member, EventId.of(event), at, null, null, points, points, new BigDecimal(amount), new BigDecimal(returned), 0, 0);
        store.apply(member, view -> new dev.loyalty.core.spi.MemberChanges(null, null, List.of(entry(id, event, EntryType.EARN, points, at)),
                List.of(lot)));
        return this;
    }

    History purchase(String id, String event, String on, String amount, long points) {
        return purchase(id, event, at(on), amount, "0", points);
    }

    /** One more ledger entry against an existing lot (or a lot id of its own). */
    History entry(String id, String lotId, EntryType type, long points, String on) {
        store.apply(MemberId.of(id), view -> new dev.loyalty.core.spi.MemberChanges(null, null,
                List.of(entry(id, lotId, type, points, at(on))), List.of()));
        return this;
    }

    private LedgerEntry entry(String id, String lotId, EntryType type, long points, Instant at) {
        long sequence = sequences.merge(id, 1L, Long::sum);
        return new LedgerEntry(MemberId.of(id), sequence, EventId.of(lotId + "-" + sequence), type, Points.of(points), lotId, "test",
                "test", "v1", at, at);
    }

    /** One more record of the member's tier history, such as a promotion, on a day. */
    History tierChange(String id, TierChange.Kind kind, String fromTier, String toTier, String on) {
        MemberId member = MemberId.of(id);
        long sequence = tierSequences.merge(id, 1L, Long::sum);
        TierChange change = new TierChange(member, sequence, kind, fromTier, toTier, LocalDate.parse(on), at(on), null, "test");
        TierState state = new TierState(toTier, LocalDate.parse(on).plusYears(1), null, null, null, null, sequence);
        store.apply(member, view -> new MemberChanges(null, null, List.of(), List.of(), List.of(), null,
                new TierUpdate(state, List.of(), List.of(change)), List.of(), null));
        return this;
    }

    /** An offer issued on a day, in a status, with its conversion (null while a win-back spell is open). */
    History offer(String id, String code, OfferTrigger trigger, String issuedOn, OfferStatus status, Boolean converted) {
        MemberId member = MemberId.of(id);
        Instant issued = at(issuedOn);
        Instant redeemedAt = status == OfferStatus.REDEEMED ? issued.plusSeconds(3600) : null;
        Offer offer = new Offer(code, member, code, OfferKind.DISCOUNT, BigDecimal.TEN, null, trigger,
                trigger == OfferTrigger.WIN_BACK ? "win-back:" + issuedOn : "birthday:2026", "test", "test", issued,
                issued.plusSeconds(30L * 86_400), status, redeemedAt, redeemedAt == null ? null : EventId.of("use-" + code), converted);
        store.apply(member, view -> new MemberChanges(null, null, List.of(), List.of(), List.of(), null, null, List.of(offer), null));
        return this;
    }

    /** A referee's sign-up with a referrer's code, written on the referee's side as the engine writes it at enrolment. */
    History referred(String referee, String referrer, String on) {
        MemberId id = MemberId.of(referee);
        dev.loyalty.core.referral.Referral referral = dev.loyalty.core.referral.Referral.signedUp(id, MemberId.of(referrer),
                referrer.toUpperCase() + "-CODE", at(on));
        store.apply(id, view -> new MemberChanges(null, null, List.of(), List.of())
                .withReferrals(new dev.loyalty.core.spi.ReferralUpdate(List.of(referral), java.util.Set.of())));
        return this;
    }
}
