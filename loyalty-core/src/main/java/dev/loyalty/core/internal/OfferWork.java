package dev.loyalty.core.internal;

import dev.loyalty.core.BirthdayWindow;
import dev.loyalty.core.Explanation;
import dev.loyalty.core.OfferNotRedeemableException;
import dev.loyalty.core.OfferPolicy;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.OfferRedemption;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.OfferStatus;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.spi.SweepContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The core's side of offers: which occasions a member has on a date, issuing what the rules
 * propose at most once per occasion, expiry, redemption, multipliers armed for the next
 * purchase and win-back conversion. Not public API.
 */
final class OfferWork {

    private OfferWork() {
    }

    /** The occasion key of a birthday year. */
    static String birthdayOccasion(int year) {
        return "birthday:" + year;
    }

    /** The occasion key of a dormancy spell. */
    static String winBackOccasion(Instant spellStart) {
        return "win-back:" + spellStart;
    }

    /**
     * Returns the date a birthday is celebrated in a year: the date of birth's month and day,
     * 28 February for 29 February outside leap years.
     */
    static LocalDate celebratedOn(LocalDate birthday, int year) {
        MonthDay day = MonthDay.from(birthday);
        if (day.getMonth() == Month.FEBRUARY && day.getDayOfMonth() == 29 && !java.time.Year.isLeap(year)) {
            return LocalDate.of(year, 2, 28);
        }
        return day.atYear(year);
    }

    /** Returns the birthday occasion due on a date, the local date of {@code asOf}, or null. */
    static SweepContext.BirthdayOccasion birthday(Member member, OfferBook book, Instant asOf, LocalDate today, ZoneId zone,
                                                  OfferPolicy policy) {
        LocalDate born = member.birthday();
        if (born == null) {
            return null;
        }
        for (int year = today.getYear(); year >= today.getYear() - 1; year--) {
            if (year <= born.getYear() || year <= book.birthdayYear()) {
                continue;
            }
            LocalDate celebrated = celebratedOn(born, year);
            LocalDate start;
            LocalDate end;
            switch (policy.birthdayWindow()) {
                case DAY -> {
                    start = celebrated;
                    end = celebrated;
                }
                case WEEK -> {
                    start = celebrated;
                    end = celebrated.plusDays(6);
                }
                default -> {
                    start = celebrated.withDayOfMonth(1);
                    end = celebrated.withDayOfMonth(celebrated.lengthOfMonth());
                }
            }
            if ((today.isBefore(start) || today.isAfter(end)) && !skipped(book, celebrated, asOf, today, zone, policy)) {
                continue;
            }
            Instant noticeBy = LocalDays.startOf(celebrated.minusDays(policy.birthdayNoticeDays()), zone);
            if (book.birthdaySetAt() != null && book.birthdaySetAt().isAfter(noticeBy)) {
                return null;
            }
            return new SweepContext.BirthdayOccasion(year, born, celebrated, start, end);
        }
        return null;
    }

    /**
     * Returns whether, under the {@code DAY} window, today is the day after a birthday that daily
     * sweeps may have skipped: one that a zone change moving the member's local date forward went
     * over (from a date on or before the birthday to one on or after it), or one that a sweep 24
     * hours earlier would not have reached yet (a spring-forward day of 23 hours that fell wholly
     * between two sweeps at the same instant of day). Never a birthday more than a day past.
     */
    private static boolean skipped(OfferBook book, LocalDate celebrated, Instant asOf, LocalDate today, ZoneId zone, OfferPolicy policy) {
        if (policy.birthdayWindow() != BirthdayWindow.DAY || !today.minusDays(1).equals(celebrated)) {
            return false;
        }
        if (book.zoneMovedFrom() != null && !celebrated.isBefore(book.zoneMovedFrom()) && !celebrated.isAfter(book.zoneMovedTo())) {
            return true;
        }
        return LocalDays.dateOf(asOf.minus(1, ChronoUnit.DAYS), zone).isBefore(celebrated);
    }

    /** Returns the dormancy occasion on a date, or null. */
    static SweepContext.DormancyOccasion dormancy(Member member, OfferBook book, LocalDate today, ZoneId zone, OfferPolicy policy) {
        Instant spell = book.lastPurchaseAt() != null ? book.lastPurchaseAt() : member.enrolledAt();
        long days = ChronoUnit.DAYS.between(LocalDays.dateOf(spell, zone), today);
        return days >= policy.dormantAfterDays() ? new SweepContext.DormancyOccasion(spell, days) : null;
    }

    /**
     * A sweep's offer work for one member: expires offers past their validity, then presents
     * the member's occasions to the rules and issues what they propose, once per template and
     * occasion.
     *
     * @return how many offers were issued
     */
    static int sweep(MemberLedger ledger, Member member, Instant asOf, ZoneId zone, ProgramSettings program, RuleEngine rules) {
        expire(ledger, asOf);
        if (member.status() != MemberStatus.ACTIVE) {
            return 0;
        }
        OfferBook book = ledger.offerBook();
        LocalDate today = LocalDays.dateOf(asOf, zone);
        SweepContext.BirthdayOccasion birthday = birthday(member, book, asOf, today, zone, program.offers());
        SweepContext.DormancyOccasion dormancy = dormancy(member, book, today, zone, program.offers());
        if (birthday == null && dormancy == null) {
            return 0;
        }
        Evaluation evaluation = evaluate(rules, new SweepContext(member, Points.of(ledger.balance()), asOf, today, zone, program,
                birthday, dormancy));
        Set<String> issued = new HashSet<>();
        int count = 0;
        for (Decision decision : evaluation.decisions()) {
            if (!(decision instanceof Decision.IssueOffer proposal)) {
                continue;
            }
            String occasion;
            if (proposal.trigger() == OfferTrigger.BIRTHDAY) {
                if (birthday == null) {
                    continue;
                }
                occasion = birthdayOccasion(birthday.year());
            } else {
                // the sweep presents birthdays and dormancy spells only: a referral proposal here has no occasion to be issued for
                if (proposal.trigger() != OfferTrigger.WIN_BACK || dormancy == null) {
                    continue;
                }
                occasion = winBackOccasion(dormancy.spellStart());
                // offers of this spell exist only when the bookkeeping says so: read them only then
                if (dormancy.spellStart().equals(book.winBackSpell()) && issuedBefore(ledger, proposal.template(), occasion)) {
                    continue;
                }
            }
            if (!issued.add(proposal.template() + "|" + occasion)) {
                continue;
            }
            Instant validUntil = LocalDays.startOf(today.plusDays(proposal.validDays()), zone);
            Offer offer = new Offer(code(member, proposal.template(), occasion), member.id(), proposal.template(), proposal.kind(),
                    proposal.value(), proposal.itemCode(), proposal.trigger(), occasion, proposal.rule(), proposal.reason(), asOf, validUntil,
                    OfferStatus.ISSUED, null, null, null);
            ledger.issueOffer(offer);
            count++;
            OfferBook now = ledger.offerBook();
            if (now.nextOfferExpiry() == null || validUntil.isBefore(now.nextOfferExpiry())) {
                now = now.nextOfferExpiry(validUntil);
            }
            now = proposal.trigger() == OfferTrigger.BIRTHDAY ? now.birthdayYear(birthday.year()) : now.winBackSpell(dormancy.spellStart());
            ledger.offerBook(now);
        }
        return count;
    }

    private static boolean issuedBefore(MemberLedger ledger, String template, String occasion) {
        for (Offer offer : ledger.offers().values()) {
            if (offer.template().equals(template) && offer.occasion().equals(occasion)) {
                return true;
            }
        }
        return false;
    }

    /** Marks the issued offers whose validity ended by {@code asOf} as expired; reads the offers only when one is due. */
    private static void expire(MemberLedger ledger, Instant asOf) {
        OfferBook book = ledger.offerBook();
        if (book.nextOfferExpiry() == null || book.nextOfferExpiry().isAfter(asOf)) {
            return;
        }
        Instant next = null;
        for (Offer offer : List.copyOf(ledger.offers().values())) {
            if (offer.status() != OfferStatus.ISSUED) {
                continue;
            }
            if (!offer.validUntil().isAfter(asOf)) {
                ledger.putOffer(offer.expired());
            } else if (next == null || offer.validUntil().isBefore(next)) {
                next = offer.validUntil();
            }
        }
        ledger.offerBook(book.nextOfferExpiry(next));
    }

    private static Evaluation evaluate(RuleEngine rules, SweepContext context) {
        String sweep = "the sweep of member " + context.member().id();
        return RuleCalls.evaluated(() -> rules.evaluateSweep(context), sweep, "in " + sweep);
    }

    /** The offer code: the template and 16 hex digits of a hash of member, template and occasion, so a re-run gives the same code. */
    static String code(Member member, String template, String occasion) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((member.id().value() + "\n" + template + "\n" + occasion).getBytes(StandardCharsets.UTF_8));
            return template + "-" + HexFormat.of().withUpperCase().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Redeems an offer of the member: checks it, marks it redeemed, credits a points offer's
     * points through a lot and arms a multiplier offer for the next purchase (refused while
     * another redeemed multiplier still waits for it).
     */
    static void redeem(MemberLedger ledger, OfferRedemption redemption, ProgramSettings program, ZoneId zone, List<Explanation.Step> steps) {
        String code = redemption.offerCode();
        Offer offer = ledger.offers().get(code);
        Instant at = redemption.occurredAt();
        if (offer == null) {
            throw new OfferNotRedeemableException(OfferNotRedeemableException.Reason.UNKNOWN, code,
                    "offer " + code + " is not an offer of member " + redemption.memberId());
        }
        if (offer.status() == OfferStatus.REDEEMED) {
            throw new OfferNotRedeemableException(OfferNotRedeemableException.Reason.ALREADY_REDEEMED, code,
                    "offer " + code + " of member " + redemption.memberId() + " was already redeemed by event " + offer.redeemedBy()
                            + " at " + offer.redeemedAt());
        }
        // expired by the engine's clock as well as by the redemption's time: a redemption dated inside the validity that
        // arrives after it ended is refused whether or not a sweep has marked the offer expired meanwhile
        if (offer.status() == OfferStatus.EXPIRED || !at.isBefore(offer.validUntil()) || !ledger.now().isBefore(offer.validUntil())) {
            throw new OfferNotRedeemableException(OfferNotRedeemableException.Reason.EXPIRED, code,
                    "offer " + code + " of member " + redemption.memberId() + " expired at " + offer.validUntil() + "; redeemed at " + at
                            + ", the engine's clock reads " + ledger.now());
        }
        if (at.isBefore(offer.issuedAt())) {
            throw new OfferNotRedeemableException(OfferNotRedeemableException.Reason.NOT_YET_VALID, code,
                    "offer " + code + " of member " + redemption.memberId() + " is valid from " + offer.issuedAt() + "; redeemed at " + at);
        }
        if (offer.kind() == OfferKind.MULTIPLIER) {
            Offer waiting = armed(ledger);
            if (waiting != null) {
                // one purchase takes one multiplier: arming this one would use the other up without multiplying anything
                throw new OfferNotRedeemableException(OfferNotRedeemableException.Reason.MULTIPLIER_PENDING, code,
                        "offer " + code + " of member " + redemption.memberId() + " is a multiplier, and multiplier offer " + waiting.code()
                                + ", redeemed at " + waiting.redeemedAt() + ", still waits for the next purchase (until " + waiting.validUntil()
                                + ")");
            }
        }
        ledger.putOffer(offer.redeemed(at, redemption.eventId()));
        // the member acted: inactivity expiry runs from here, as from a purchase or a points redemption
        ledger.account(ledger.account().activeAt(at));
        String detail = offer.kind() + " " + offer.value().toPlainString() + (offer.itemCode() == null ? "" : " " + offer.itemCode());
        if (offer.kind() == OfferKind.POINTS) {
            long points = offer.value().longValueExact();
            Lot lot = Lot.earned(redemption.eventId(), redemption.memberId(), at, null, program.points().expiry().lotExpiry(at, zone), points, null);
            ledger.credit(lot, EntryType.EARN, List.of(new PointsComposer.Award(offer.rule(), offer.reason(), points)), at, steps);
            steps.add(0, new Explanation.Step(offer.rule(), "Offer " + code + " redeemed: " + offer.reason(), points, detail));
            return;
        }
        if (offer.kind() == OfferKind.MULTIPLIER) {
            ledger.offerBook(ledger.offerBook().armedOffer(code));
        }
        steps.add(new Explanation.Step(offer.rule(), "Offer " + code + " redeemed: " + offer.reason(), 0,
                detail + (offer.kind() == OfferKind.MULTIPLIER ? ", applies to the next purchase" : ", given by the point of sale")));
    }

    /** The redeemed multiplier offer that still waits for the member's next purchase, or null. */
    private static Offer armed(MemberLedger ledger) {
        String code = ledger.offerBook().armedOffer();
        Offer offer = code == null ? null : ledger.offers().get(code);
        // an armed offer whose validity ended by the engine's clock no longer applies to any purchase that can still arrive
        return offer == null || offer.redeemedAt() == null || !ledger.now().isBefore(offer.validUntil()) ? null : offer;
    }

    /**
     * A purchase's offer work: records it as the last purchase, ends an open win-back spell
     * (recording whether each of its offers converted) and applies an armed multiplier offer.
     *
     * @return the award of the armed multiplier (points on top of {@code earned}), or null
     */
    static PointsComposer.Award purchase(MemberLedger ledger, Instant at, long earned, RoundingMode rounding, List<Explanation.Step> steps) {
        OfferBook book = ledger.offerBook();
        if (book.winBackSpell() != null && at.isAfter(book.winBackSpell())) {
            String occasion = winBackOccasion(book.winBackSpell());
            for (Offer offer : List.copyOf(ledger.offers().values())) {
                if (offer.trigger() == OfferTrigger.WIN_BACK && offer.occasion().equals(occasion) && offer.converted() == null) {
                    boolean converted = offer.status() == OfferStatus.REDEEMED;
                    ledger.putOffer(offer.withConverted(converted));
                    steps.add(new Explanation.Step(offer.rule(), "Purchase ends the dormancy spell of offer " + offer.code(), 0,
                            converted ? "converted: redeemed at " + offer.redeemedAt() : "not converted: not redeemed"));
                }
            }
            book = book.winBackSpell(null);
        }
        PointsComposer.Award award = null;
        if (book.armedOffer() != null) {
            Offer offer = ledger.offers().get(book.armedOffer());
            if (offer == null || offer.redeemedAt() == null || !at.isBefore(offer.validUntil())) {
                book = book.armedOffer(null);
            } else if (!at.isBefore(offer.redeemedAt())) {
                BigDecimal exactExtra = new BigDecimal(earned).multiply(offer.value().subtract(BigDecimal.ONE)).setScale(0, rounding);
                long extra;
                try {
                    extra = exactExtra.longValueExact();
                } catch (ArithmeticException e) {
                    throw new PointsOverflowException("points overflow: offer " + offer.code() + " would add " + exactExtra.toPlainString()
                            + " points to the " + earned + " of the purchase, more than a long can hold");
                }
                award = extra > 0 ? new PointsComposer.Award(offer.rule(), "Offer " + offer.code() + ": " + offer.reason(), extra) : null;
                steps.add(new Explanation.Step(offer.rule(), "Offer " + offer.code() + " multiplies this purchase's points by "
                        + offer.value().toPlainString(), extra, earned + " points earned before the offer"));
                book = book.armedOffer(null);
            }
        }
        ledger.offerBook(book.purchasedAt(at));
        return award;
    }
}
