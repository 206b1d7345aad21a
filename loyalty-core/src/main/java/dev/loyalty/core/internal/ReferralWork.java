package dev.loyalty.core.internal;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.model.OfferStatus;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.referral.CapPeriod;
import dev.loyalty.core.referral.Referral;
import dev.loyalty.core.referral.ReferralOccasion;
import dev.loyalty.core.referral.ReferralPolicy;
import dev.loyalty.core.referral.ReferralRejection;
import dev.loyalty.core.referral.ReferralStatus;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.ReferralContext;
import dev.loyalty.core.spi.ReferralUpdate;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.spi.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The core's side of referrals: the guards at sign-up, qualification on the referee's side and
 * the referrer's reward, cap and star on the referrer's side. Each side is one
 * {@link LoyaltyStore#apply} under that member's lock, recorded under a deterministic event id
 * ({@code referral-referee:<referee>}, {@code referral-referrer:<referee>}; for a referee id too
 * long for that, {@code #} and the id's SHA-256 instead of the id), so a retry after a crash
 * between the two changes nothing already done. Not public API.
 */
public final class ReferralWork {

    /** The event id prefix of a referee's qualification. */
    public static final String REFEREE_EVENT = "referral-referee:";
    /** The event id prefix of a referrer's settlement. */
    public static final String REFERRER_EVENT = "referral-referrer:";
    /** The event kind recorded on both sides' outcomes. */
    public static final String KIND = "referral";

    /** The order in which members sharing a fingerprint enrolled: by instant, then by id. */
    private static final Comparator<Member> FIRST_ENROLLED = Comparator.comparing(Member::enrolledAt).thenComparing(Member::id);

    private final LoyaltyStore store;
    private final ProgramSettings program;
    private final RuleEngine rules;
    private final ReferralPolicy policy;

    /**
     * Creates the referral work.
     *
     * @param store the store
     * @param program the program
     * @param rules the rules that decide the rewards
     * @param policy the cap and chain walk
     */
    public ReferralWork(LoyaltyStore store, ProgramSettings program, RuleEngine rules, ReferralPolicy policy) {
        this.store = store;
        this.program = program;
        this.rules = rules;
        this.policy = policy;
    }

    /**
     * Returns the policy.
     *
     * @return the cap and chain walk
     */
    public ReferralPolicy policy() {
        return policy;
    }

    /**
     * Assesses an enrolment's referral details before the member is locked: resolves the code
     * and runs the guards. The result adds the referral record and the fingerprints to the
     * enrolment's changes, so both are written with the member or not at all.
     *
     * @param enrolment the enrolment
     * @return what to add to the enrolment's changes; null when it carries no referral details
     * @throws InvalidInputException when the code is not a referral code of the program
     */
    public UnaryOperator<MemberChanges> signUp(Enrolment enrolment) {
        if (enrolment.referralCode() == null && enrolment.identity().isEmpty()) {
            return null;
        }
        List<Referral> referral = List.of();
        if (enrolment.referralCode() != null) {
            MemberId referrer = store.findReferralCodeOwner(enrolment.referralCode()).orElseThrow(() -> new InvalidInputException(
                    "enrolment.referralCode", "'" + enrolment.referralCode() + "' is not a referral code of this program"));
            Referral signed = Referral.signedUp(enrolment.memberId(), referrer, enrolment.referralCode(), enrolment.occurredAt());
            ReferralRejection reason = guard(enrolment.memberId(), enrolment.identity(), referrer);
            referral = List.of(reason == null ? signed : signed.rejected(reason, enrolment.occurredAt()));
        }
        ReferralUpdate update = new ReferralUpdate(referral, enrolment.identity());
        return changes -> changes.event() == null ? changes : changes.withReferrals(update);
    }

    /**
     * Runs the guards, in order: self-referral by id, the same identity as the referrer, a cycle
     * (the referee's id or identity anywhere up the referrer chain, walked at most
     * {@link ReferralPolicy#chainWalkLimit()} steps), an identity already known (not a new customer).
     *
     * @return the first reason to reject, or null
     */
    ReferralRejection guard(MemberId referee, Set<String> identity, MemberId referrer) {
        if (referee.equals(referrer)) {
            return ReferralRejection.SELF_REFERRAL;
        }
        if (!identity.isEmpty() && intersects(identity, store.identity(referrer))) {
            return ReferralRejection.SAME_IDENTITY;
        }
        Set<MemberId> seen = new HashSet<>(List.of(referrer));
        MemberId current = referrer;
        for (int step = 0; step < policy.chainWalkLimit(); step++) {
            Optional<Referral> up = store.findReferral(current);
            if (up.isEmpty() || !seen.add(up.get().referrerId())) {
                break;
            }
            current = up.get().referrerId();
            if (current.equals(referee) || (!identity.isEmpty() && intersects(identity, store.identity(current)))) {
                return ReferralRejection.CYCLE;
            }
        }
        if (!identity.isEmpty()) {
            for (MemberId match : store.findMembersByIdentity(identity)) {
                if (!match.equals(referee)) {
                    return ReferralRejection.NOT_NEW_CUSTOMER;
                }
            }
        }
        return null;
    }

    /**
     * Settles a race the sign-up guards cannot see: a sign-up checked before another member sharing
     * one of its identity fingerprints was written passes {@link ReferralRejection#NOT_NEW_CUSTOMER},
     * whether that member signed up with a referral code too or enrolled without one. Each member
     * sharing a fingerprint with the given member whose referral is still signed up is checked
     * against the members sharing one of its own fingerprints, referral or not: when one of them
     * enrolled before it ({@link Member#enrolledAt()}, a referee's being its sign-up; then the
     * smaller member id), or holds a referral that has qualified ({@link Referral#hasQualified()}:
     * qualified, rewarded, or capped on the referrer's side, never undone), the referee was not a
     * new customer. So the member who enrolled first keeps a referral it has, unless one that
     * qualified already stands beside it.
     * A referral is rejected as {@code NOT_NEW_CUSTOMER} as of its sign-up, just as the guard would
     * have rejected it had the members come one after the other; members no longer stored do not
     * count. Each rejection is one {@link LoyaltyStore#apply} under that referee's lock, so any of
     * the racers may run it, any number of times. The engine runs it after each enrolment with
     * identity fingerprints, and again before qualifying a referral, so a failure in between is
     * retried. When the member alone holds its fingerprints, it reads only those and their holders.
     *
     * @param member a member who enrolled with identity fingerprints, with a referral code or without
     * @return true when the member's own referral was rejected
     */
    public boolean rejectSharedIdentity(MemberId member) {
        Set<String> identity = store.identity(member);
        if (identity.isEmpty()) {
            return false;
        }
        Set<MemberId> sharing = holders(identity);
        if (sharing.size() < 2) {
            // the member alone holds these fingerprints: the common case, settled without reading any referral
            return false;
        }
        boolean own = false;
        for (MemberId sharer : sharing) {
            Optional<Referral> referral = store.findReferral(sharer);
            if (referral.isPresent() && referral.get().status() == ReferralStatus.SIGNED_UP
                    && notNew(sharer, sharer.equals(member) ? sharing : holders(store.identity(sharer)))) {
                store.apply(sharer, ReferralWork::rejectLate);
                own |= sharer.equals(member);
            }
        }
        return own;
    }

    /** Returns the members holding any of the fingerprints; a set, as a member is one holder however many they share. */
    private Set<MemberId> holders(Set<String> fingerprints) {
        return new LinkedHashSet<>(store.findMembersByIdentity(fingerprints));
    }

    /**
     * Tells whether a referee is not a new customer after all: another stored member among the
     * holders of its own fingerprints enrolled before it, or holds a referral that has qualified.
     * Its own fingerprints, not those of the member the check started from: with fingerprints that
     * chain (A holds x, B holds x and y, C holds y), C is measured against B alone.
     */
    private boolean notNew(MemberId referee, Set<MemberId> holders) {
        Member self = store.findMember(referee).orElse(null);
        if (self == null) {
            return false;
        }
        for (MemberId other : holders) {
            Member earlier = other.equals(referee) ? null : store.findMember(other).orElse(null);
            if (earlier != null && (FIRST_ENROLLED.compare(earlier, self) < 0
                    || store.findReferral(other).map(Referral::hasQualified).orElse(false))) {
                return true;
            }
        }
        return false;
    }

    /** Rejects a referee's referral as not a new customer, as of its sign-up, if it is still signed up. */
    private static MemberChanges rejectLate(MemberView view) {
        Referral referral = view.referral().orElse(null);
        if (view.member().isEmpty() || referral == null || referral.status() != ReferralStatus.SIGNED_UP) {
            return nothing();
        }
        return nothing().withReferrals(update(referral.rejected(ReferralRejection.NOT_NEW_CUSTOMER, referral.signedUpAt())));
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String fingerprint : a) {
            if (b.contains(fingerprint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether a member is the referee of a referral still to settle (signed up or qualified).
     *
     * @param view the member's state
     * @return true when {@link #settle} may have work to do for the member
     */
    public static boolean isOpen(MemberView view) {
        return view.referral().map(r -> r.status() == ReferralStatus.SIGNED_UP || r.status() == ReferralStatus.QUALIFIED).orElse(false);
    }

    /**
     * Settles what is due for a referee's referral as of an instant: qualifies it on the
     * referee's side when the first purchase is confirmed (or rejects it when that purchase
     * was returned first), then settles the referrer's side. Safe to call any number of times.
     *
     * @param referee the referee
     * @param asOf the instant
     */
    public void settle(MemberId referee, Instant asOf) {
        settle(referee, asOf, asOf);
    }

    /**
     * Settles what is due for a referee's referral by one instant, writing it as of another: a
     * return received late qualifies the referral whose window closed before the return happened,
     * while the rewards, offers and settlement are dated when it is settled, so an offer issued
     * then is valid from then, not from the return's time.
     *
     * @param referee the referee
     * @param dueBy the instant by which the qualification must have fallen due
     * @param asOf the instant the settlement happens at; not before {@code dueBy}
     */
    public void settle(MemberId referee, Instant dueBy, Instant asOf) {
        Optional<Referral> found = store.findReferral(referee);
        if (found.isEmpty()) {
            return;
        }
        Referral referral = found.get();
        if (referral.status() == ReferralStatus.SIGNED_UP && rejectSharedIdentity(referee)) {
            return;
        }
        if (referral.status() == ReferralStatus.SIGNED_UP) {
            store.apply(referee, view -> qualify(view, dueBy, asOf));
            referral = store.findReferral(referee).orElse(referral);
        }
        if (referral.status() == ReferralStatus.QUALIFIED) {
            store.apply(referral.referrerId(), view -> reward(view, referee, asOf));
        }
    }

    /** The referee's side, under the referee's lock. */
    private MemberChanges qualify(MemberView view, Instant dueBy, Instant asOf) {
        Member member = view.member().orElse(null);
        Referral referral = view.referral().orElse(null);
        if (member == null || referral == null || referral.status() != ReferralStatus.SIGNED_UP) {
            return nothing();
        }
        ZoneId zone = member.zoneOr(program.zone());
        Lot first = view.lots().stream()
                .filter(lot -> lot.sourceAmount() != null && lot.sourceAmount().signum() > 0)
                .min(Comparator.comparing(Lot::earnedAt).thenComparing(Lot::id))
                .orElse(null);
        if (first == null) {
            return nothing();
        }
        if (first.returnedAmount().signum() > 0) {
            return nothing().withReferrals(update(referral.rejected(ReferralRejection.RETURNED, asOf)));
        }
        int window = program.points().returnWindowDays();
        Instant qualifiedAt = window > 0 ? first.earnedAt().atZone(zone).plusDays(window).toInstant() : first.earnedAt();
        if (qualifiedAt.isAfter(dueBy)) {
            return nothing();
        }
        Referral qualified = referral.qualified(first.sourceEventId(), qualifiedAt);
        String summary = "Referral qualified: first purchase " + first.sourceEventId() + " confirmed";
        EventId eventId = EventId.of(refereeKey(REFEREE_EVENT, member.id(), ""));
        if (member.status() != MemberStatus.ACTIVE) {
            // rewards go to active members only, as offers do; the referral still qualifies, so the referrer's side goes on
            MemberChanges changes = credit(view, member, zone, eventId, qualifiedAt, asOf,
                    new ReferralRewards(rewardOf("referee", referral)), List.of(),
                    Checks.ruleSetVersion(rules.version()), summary + "; member " + member.id() + " is " + member.status() + ", so no referee reward");
            return changes.withReferrals(update(qualified));
        }
        ReferralContext context = context(ReferralOccasion.REFEREE_REWARD, member, referral, qualifiedAt, zone, 0);
        Evaluation evaluation = evaluate(context);
        ReferralRewards rewards = new ReferralRewards(rewardOf("referee", referral));
        rewards.add(evaluation);
        MemberChanges changes = credit(view, member, zone, eventId, qualifiedAt, asOf, rewards,
                offers(evaluation, occasionKey(referral, ReferralOccasion.REFEREE_REWARD)), evaluation.ruleSetVersion(), summary);
        return changes.withReferrals(update(qualified));
    }

    /** The referrer's side, under the referrer's lock: the cap, the reward and the star. */
    private MemberChanges reward(MemberView view, MemberId referee, Instant asOf) {
        Member member = view.member().orElse(null);
        List<Referral> made = view.referralsMade();
        Referral referral = made.stream().filter(r -> r.refereeId().equals(referee)).findFirst().orElse(null);
        if (member == null || referral == null || referral.status() != ReferralStatus.QUALIFIED) {
            return nothing();
        }
        ZoneId zone = member.zoneOr(program.zone());
        if (member.status() != MemberStatus.ACTIVE) {
            // a suspended or closed referrer earns nothing, and the referral takes no slot of the cap nor counts toward a star
            MemberChanges changes = credit(view, member, zone, EventId.of(refereeKey(REFERRER_EVENT, referee, "")), referral.qualifiedAt(), asOf,
                    new ReferralRewards(rewardOf("referrer", referral)), List.of(), Checks.ruleSetVersion(rules.version()), "Referral of " + referee + " qualified; the referrer is " + member.status()
                            + ", so no referrer reward");
            return changes.withReferrals(update(referral.rejected(ReferralRejection.REFERRER_NOT_ACTIVE, asOf)));
        }
        LocalDate date = LocalDays.dateOf(referral.qualifiedAt(), zone);
        String period = policy.capPeriod().keyOf(date);
        String quarter = CapPeriod.quarterOf(date);
        long rewardedInPeriod = 0;
        int qualifiedInQuarter = 1;
        boolean starTaken = false;
        for (Referral other : made) {
            if (other.refereeId().equals(referee) || !other.hasQualified()) {
                continue;
            }
            LocalDate otherDate = LocalDays.dateOf(other.qualifiedAt(), zone);
            boolean settled = other.status() == ReferralStatus.REWARDED || other.rejection() == ReferralRejection.CAP_REACHED;
            if (other.status() == ReferralStatus.REWARDED && policy.capPeriod().keyOf(otherDate).equals(period)) {
                rewardedInPeriod++;
            }
            if (settled && CapPeriod.quarterOf(otherDate).equals(quarter)) {
                qualifiedInQuarter++;
            }
            starTaken |= quarter.equals(other.starQuarter());
        }
        boolean capped = rewardedInPeriod >= policy.rewardCap();
        ReferralRewards rewards = new ReferralRewards(rewardOf("referrer", referral));
        List<Proposal> offers = new ArrayList<>();
        String version = Checks.ruleSetVersion(rules.version());
        if (!capped) {
            Evaluation evaluation = evaluate(context(ReferralOccasion.REFERRER_REWARD, member, referral, referral.qualifiedAt(), zone,
                    qualifiedInQuarter));
            rewards.add(evaluation);
            offers.addAll(offers(evaluation, occasionKey(referral, ReferralOccasion.REFERRER_REWARD)));
            version = evaluation.ruleSetVersion();
        }
        String star = null;
        if (!starTaken) {
            Evaluation evaluation = evaluate(context(ReferralOccasion.REFERRAL_STAR, member, referral, referral.qualifiedAt(), zone,
                    qualifiedInQuarter));
            List<Proposal> starOffers = offers(evaluation, "referral-star:" + quarter);
            // the star is awarded when its rules award points or offers, even should a campaign limit then cut the points
            if (rewards.add(evaluation) || !starOffers.isEmpty()) {
                star = quarter;
                offers.addAll(starOffers);
                version = evaluation.ruleSetVersion();
            }
        }
        String summary = capped
                ? "Referral of " + referee + " qualified; the referrer reward cap of " + policy.rewardCap() + " per " + period + " was reached"
                : "Referral of " + referee + " qualified";
        MemberChanges changes = credit(view, member, zone, EventId.of(refereeKey(REFERRER_EVENT, referee, "")), referral.qualifiedAt(), asOf,
                rewards, offers, version, summary + (star == null ? "" : "; referral star of " + quarter));
        Referral settled = new Referral(referral.refereeId(), referral.referrerId(), referral.code(), referral.signedUpAt(),
                capped ? ReferralStatus.REJECTED : ReferralStatus.REWARDED, capped ? ReferralRejection.CAP_REACHED : null,
                referral.qualifyingEventId(), referral.qualifiedAt(), asOf, star);
        return changes.withReferrals(update(settled));
    }

    /**
     * Credits the rewards, within their campaigns' limits, as one lot and issues the offers under
     * a deterministic event id, recording the event even when nothing is credited.
     */
    private MemberChanges credit(MemberView view, Member member, ZoneId zone, EventId eventId, Instant at, Instant asOf,
                                 ReferralRewards rewards, List<Proposal> proposals, String version, String summary) {
        MemberLedger ledger = new MemberLedger(view, member.id(), program, zone, asOf);
        ledger.housekeep();
        ledger.ruleSetVersion(version);
        LocalDate today = LocalDays.dateOf(asOf, zone);
        for (Proposal proposal : proposals) {
            Decision.IssueOffer template = proposal.offer();
            String code = OfferWork.code(member, template.template(), proposal.occasion());
            if (ledger.offers().containsKey(code)) {
                continue;
            }
            Instant validUntil = LocalDays.startOf(today.plusDays(template.validDays()), zone);
            Offer offer = new Offer(code, member.id(), template.template(), template.kind(), template.value(), template.itemCode(),
                    OfferTrigger.REFERRAL, proposal.occasion(), template.rule(), template.reason(), asOf, validUntil, OfferStatus.ISSUED,
                    null, null, null);
            ledger.issueOffer(offer);
            OfferBook book = ledger.offerBook();
            if (book.nextOfferExpiry() == null || validUntil.isBefore(book.nextOfferExpiry())) {
                ledger.offerBook(book.nextOfferExpiry(validUntil));
            }
        }
        CampaignGuards.Guarded guarded = rewards.guarded(view, member.id());
        long total = guarded.composition().total();
        // a copy the ledger can add to: crediting a member who owes clawed-back points adds the repayment's step
        List<Explanation.Step> steps = new ArrayList<>(guarded.composition().steps());
        if (total > 0) {
            // dated when the referral qualified, but expiring from when it is settled, as its offers run from then: settled
            // late (no event or sweep in between), the points would otherwise arrive expired, for the next sweep to take
            Instant settled = asOf.isAfter(at) ? asOf : at;
            Lot lot = Lot.earned(eventId, member.id(), at, null, program.points().expiry().lotExpiry(settled, zone), total, null);
            ledger.credit(lot, EntryType.EARN, guarded.composition().awards(), at, steps);
        }
        long change = 0;
        for (LedgerEntry entry : ledger.eventEntries()) {
            change = Points.add(change, entry.points().value());
        }
        Outcome outcome = new Outcome(eventId, member.id(), KIND, Points.of(change), Points.of(ledger.balance()), ledger.eventEntries(),
                new Explanation(summary, steps), version);
        MemberChanges changes = ledger.changes(null, new StoredEvent(eventId, member.id(), KIND, outcome));
        return guarded.draws().isEmpty() ? changes : changes.withDraws(guarded.draws());
    }

    /** Names one side's reward of a referral, as an error message says it: "the referee reward of the referral of bob by ann". */
    private static String rewardOf(String side, Referral referral) {
        return "the " + side + " reward of the referral of " + referral.refereeId() + " by " + referral.referrerId();
    }

    private ReferralContext context(ReferralOccasion occasion, Member member, Referral referral, Instant at, ZoneId zone, int count) {
        LocalDate date = LocalDays.dateOf(at, zone);
        return new ReferralContext(occasion, member, referral.referrerId(), referral.refereeId(), at, date, zone, CapPeriod.quarterOf(date),
                count, program);
    }

    private Evaluation evaluate(ReferralContext context) {
        try {
            Evaluation evaluation = rules.evaluateReferral(context);
            if (evaluation == null) {
                throw new RuleEvaluationException("the rule engine returned no evaluation for the referral of " + context.refereeId());
            }
            return evaluation;
        } catch (LoyaltyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleEvaluationException("rules failed on the referral of " + context.refereeId() + " (" + context.occasion() + "): " + e, e);
        }
    }

    /** The occasion key of one side of a referral, for offers: issued at most once per template and key. */
    private static String occasionKey(Referral referral, ReferralOccasion occasion) {
        return refereeKey("referral:", referral.refereeId(), ":" + occasion.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Returns {@code prefix + referee + suffix} when that fits in {@link Checks#MAX_ID_LENGTH}
     * characters, as an event id or offer occasion must; for a longer referee id, the id is
     * replaced by {@code #} and its SHA-256 in hex, so the key stays deterministic and distinct.
     */
    static String refereeKey(String prefix, MemberId referee, String suffix) {
        String key = prefix + referee.value() + suffix;
        if (key.length() <= Checks.MAX_ID_LENGTH) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(referee.value().getBytes(StandardCharsets.UTF_8));
            return prefix + "#" + HexFormat.of().formatHex(hash) + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** An offer the rules proposed for one side of a referral, with the occasion it is issued for. */
    private record Proposal(Decision.IssueOffer offer, String occasion) {
    }

    /** The offers the rules proposed, whatever trigger they named: a referral's offers are issued as {@link OfferTrigger#REFERRAL}. */
    private static List<Proposal> offers(Evaluation evaluation, String occasion) {
        List<Proposal> offers = new ArrayList<>();
        for (Decision decision : evaluation.decisions()) {
            if (decision instanceof Decision.IssueOffer proposal) {
                offers.add(new Proposal(proposal, occasion));
            }
        }
        return offers;
    }

    private static MemberChanges nothing() {
        return new MemberChanges(null, null, List.of(), List.of());
    }

    private static ReferralUpdate update(Referral referral) {
        return new ReferralUpdate(List.of(referral), Set.of());
    }

    /**
     * Gives a member a referral code.
     *
     * @param memberId the member
     * @param code the code
     * @throws UnknownMemberException when the member is not enrolled
     */
    public void assignReferralCode(MemberId memberId, String code) {
        Checks.notNull(memberId, "memberId");
        String checked = Checks.text(code, "code");
        if (store.findMember(memberId).isEmpty()) {
            throw new UnknownMemberException(memberId);
        }
        store.saveReferralCode(memberId, checked);
    }
}
