package dev.loyalty.rules.internal;

import dev.loyalty.core.spi.SweepContext;
import dev.loyalty.rules.vocabulary.BirthdayDue;
import dev.loyalty.rules.vocabulary.Dormant;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.rules.vocabulary.Program;
import dev.loyalty.rules.vocabulary.PurchaseLine;
import dev.loyalty.rules.vocabulary.Today;
import dev.loyalty.core.model.Tier;
import dev.loyalty.core.tier.TierPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a rule context into the facts campaign rules match. Not public API. */
final class Facts {

    private Facts() {
    }

    /**
     * Which fact types some rule can match; the others are neither made nor inserted, since no
     * rule could see them.
     *
     * @param member whether {@code Member} facts can match
     * @param today whether {@code Today} facts can match
     * @param program whether {@code Program} facts can match
     * @param purchase whether {@code Purchase} facts can match
     * @param line whether {@code PurchaseLine} facts can match
     * @param enrolment whether {@code Enrolment} facts can match
     * @param profileChange whether {@code ProfileChange} facts can match
     * @param segment whether {@code Segment} facts can match
     */
    record Types(boolean member, boolean today, boolean program, boolean purchase, boolean line, boolean enrolment, boolean profileChange,
                 boolean segment) {

        /** Every type: what a rule set that matches anything needs. */
        static final Types ALL = new Types(true, true, true, true, true, true, true, true);

        /** Returns the types some of the given object types (the rule base's) can match. */
        static Types matchedBy(java.util.function.Predicate<Class<?>> matched) {
            return new Types(matched.test(dev.loyalty.rules.vocabulary.Member.class), matched.test(Today.class), matched.test(Program.class),
                    matched.test(dev.loyalty.rules.vocabulary.Purchase.class), matched.test(PurchaseLine.class),
                    matched.test(dev.loyalty.rules.vocabulary.Enrolment.class), matched.test(dev.loyalty.rules.vocabulary.ProfileChange.class),
                    matched.test(dev.loyalty.rules.vocabulary.Segment.class));
        }
    }

    /**
     * Returns the facts for one event: the member, today, the member's segment when scored, the
     * program, the event and, for a purchase, one fact per line.
     */
    static List<Object> of(RuleContext context) {
        return of(context, Types.ALL, LineFilter.EVERY_LINE, null);
    }

    /** Returns the facts for one event, of the given types only, and of its lines those the filter admits. */
    static List<Object> of(RuleContext context, Types types, LineFilter lines, TierPolicy tiers) {
        LoyaltyEvent event = context.event();
        LocalDate date = context.date();
        List<Object> facts = new ArrayList<>(event instanceof Purchase p ? p.lines().size() + 4 : 4);
        if (types.member()) {
            facts.add(member(context));
        }
        if (types.today()) {
            facts.add(new Today(date));
        }
        if (types.segment() && context.segment() != null) {
            MemberSegment segment = context.segment();
            facts.add(new dev.loyalty.rules.vocabulary.Segment(segment.memberId().value(), segment.segment(), segment.recency(),
                    segment.frequency(), segment.monetary(), segment.scoredOn()));
        }
        if (types.program()) {
            facts.add(new Program(context.program().currency().getCurrencyCode(), context.program().zone().getId()));
        }
        if (event instanceof Purchase purchase) {
            if (types.purchase()) {
                String tier = context.member().tierCode();
                facts.add(new dev.loyalty.rules.vocabulary.Purchase(purchase.eventId().value(), purchase.memberId().value(),
                        tier, context.program().tier(tier).map(Tier::name).orElse(tier),
                        tiers == null ? BigDecimal.ONE : tiers.benefitsOf(tier).earnMultiplier(), purchase.total().amount(), purchase.currency().getCurrencyCode(), purchase.channel(),
                        purchase.store(), date, purchase.lines().size()));
            }
            for (int i = 0; types.line() && i < purchase.lines().size(); i++) {
                dev.loyalty.core.event.PurchaseLine line = purchase.lines().get(i);
                if (lines.admits(line)) {
                    facts.add(new PurchaseLine(i, line.sku(), line.category(), line.quantity(), line.unitPrice().amount(), date));
                }
            }
        } else if (event instanceof Enrolment enrolment && types.enrolment()) {
            facts.add(new dev.loyalty.rules.vocabulary.Enrolment(enrolment.memberId().value(), enrolment.channel(), date));
        } else if (event instanceof ProfileChange change && types.profileChange()) {
            facts.add(new dev.loyalty.rules.vocabulary.ProfileChange(change.memberId().value(), date));
        }
        return facts;
    }

    /**
     * Returns the facts for one member in a sweep: the member, today and the program (of the
     * types some rule can match) and the occasions present.
     */
    static List<Object> ofSweep(SweepContext context, Types types) {
        List<Object> facts = new ArrayList<>(5);
        Member member = context.member();
        if (types.member()) {
            facts.add(new dev.loyalty.rules.vocabulary.Member(member.id().value(), member.tierCode(),
                    member.status().name().toLowerCase(Locale.ROOT), LocalDate.ofInstant(member.enrolledAt(), context.zone()),
                    member.birthday(), context.balance() == null ? 0 : context.balance().value()));
        }
        if (types.today()) {
            facts.add(new Today(context.date()));
        }
        if (types.program()) {
            facts.add(new Program(context.program().currency().getCurrencyCode(), context.program().zone().getId()));
        }
        SweepContext.BirthdayOccasion birthday = context.birthday();
        if (birthday != null) {
            facts.add(new BirthdayDue(member.id().value(), member.tierCode(), birthday.year(), birthday.birthday(), birthday.celebratedOn(),
                    birthday.windowStart(), birthday.windowEnd()));
        }
        SweepContext.DormancyOccasion dormancy = context.dormancy();
        if (dormancy != null) {
            facts.add(new Dormant(member.id().value(), member.tierCode(), dormancy.days(),
                    LocalDate.ofInstant(dormancy.spellStart(), context.zone())));
        }
        return facts;
    }

    private static dev.loyalty.rules.vocabulary.Member member(RuleContext context) {
        Member member = context.member();
        return new dev.loyalty.rules.vocabulary.Member(member.id().value(), member.tierCode(),
                member.status().name().toLowerCase(Locale.ROOT),
                LocalDate.ofInstant(member.enrolledAt(), context.zone()), member.birthday(),
                context.balance() == null ? 0 : context.balance().value());
    }

    /** The one fact of a referral's evaluation: the referral, the reward asked for and the member it would go to. */
    static List<Object> ofReferral(dev.loyalty.core.spi.ReferralContext context) {
        return List.of(new dev.loyalty.rules.vocabulary.ReferralQualified(
                switch (context.occasion()) {
                    case REFEREE_REWARD -> "referee";
                    case REFERRER_REWARD -> "referrer";
                    case REFERRAL_STAR -> "star";
                },
                context.member().id().value(), context.member().tierCode(), context.referrerId().value(), context.refereeId().value(),
                context.date(), context.quarter(), context.qualifiedThisQuarter()));
    }
}
