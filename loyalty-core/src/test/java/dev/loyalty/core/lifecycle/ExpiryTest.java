package dev.loyalty.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.loyalty.core.CoreRules;
import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.SweepReport;
import dev.loyalty.core.SweepRequest;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.testing.JavaRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExpiryTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Life earnedAt(ExpiryPolicy policy, ZoneId zone, String instant) {
        Life life = Life.enrolled(Life.expiring(policy), zone, Instant.parse(instant));
        life.purchase("p-1", "100");
        return life;
    }

    @Nested
    class Rolling {

        @Test
        void shouldExpireAtSameLocalTimeWhenOffsetDiffersAfterTwelveMonths() {
            Life life = earnedAt(ExpiryPolicy.rollingMonths(12), LONDON, "2026-01-12T10:00:00Z");

            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2027-01-12T10:00:00Z"));
        }

        @Test
        void shouldExpireAtSameLocalTimeWhenExpiryFallsInSummerTime() {
            // 10:00 GMT in January, 10:00 BST (09:00Z) in July
            Life life = earnedAt(ExpiryPolicy.rollingMonths(6), LONDON, "2026-01-12T10:00:00Z");

            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2026-07-12T09:00:00Z"));
        }

        @Test
        void shouldKeepPointsWhenOneSecondBeforeExpiry() {
            Life life = earnedAt(ExpiryPolicy.rollingMonths(12), null, "2026-01-12T10:00:00Z");
            life.at(Instant.parse("2027-01-12T09:59:59Z"));

            SweepReport report = life.engine.sweep();

            assertThat(report.expiredPoints()).isZero();
            assertThat(life.balance()).isEqualTo(100);
        }

        @Test
        void shouldExpireRemainingPointsWhenSweptAtExpiryInstant() {
            Life life = earnedAt(ExpiryPolicy.rollingMonths(12), null, "2026-01-12T10:00:00Z");
            life.at(Instant.parse("2027-01-12T10:00:00Z"));

            SweepReport report = life.engine.sweep();

            assertThat(report).isEqualTo(new SweepReport(1, 1, 0, 100, 0));
            assertThat(life.entries(EntryType.EXPIRE)).extracting(e -> e.points().value(), LedgerEntry::lotId, LedgerEntry::occurredAt)
                    .containsExactly(tuple(-100L, "p-1", Instant.parse("2027-01-12T10:00:00Z")));
            assertThat(life.balance()).isZero();
            life.assertConsistent();
        }

        @Test
        void shouldExpireOnlyTheRestWhenPartOfLotWasSpent() {
            Life life = earnedAt(ExpiryPolicy.rollingMonths(12), null, "2026-01-12T10:00:00Z");
            life.advanceDays(10).redeem("r-1", 60);
            life.at(Instant.parse("2027-02-01T00:00:00Z"));

            life.engine.sweep();

            assertThat(life.entries(EntryType.EXPIRE)).extracting(e -> e.points().value()).containsExactly(-40L);
            assertThat(life.balance()).isZero();
            assertThat(life.lot("p-1").remaining()).isZero();
            life.assertConsistent();
        }

        @Test
        void shouldExpireOnlyWhatReturnLeftWhenPartOfLotWasReturned() {
            Life life = earnedAt(ExpiryPolicy.rollingMonths(12), null, "2026-01-12T10:00:00Z");
            life.advanceDays(10).giveBack("ret-1", "p-1", "30");
            life.at(Instant.parse("2027-02-01T00:00:00Z"));

            life.engine.sweep();

            assertThat(life.entries(EntryType.EXPIRE)).extracting(e -> e.points().value()).containsExactly(-70L);
            assertThat(life.balance()).isZero();
        }

        @Test
        void shouldExpireOldestLotOnlyWhenSweptBetweenTwoExpiries() {
            Life life = earnedAt(ExpiryPolicy.rollingMonths(12), null, "2026-01-12T10:00:00Z");
            life.advanceDays(30).purchase("p-2", "50");
            life.at(Instant.parse("2027-01-20T00:00:00Z"));

            life.engine.sweep();

            assertThat(life.entries(EntryType.EXPIRE)).extracting(LedgerEntry::lotId).containsExactly("p-1");
            assertThat(life.balance()).isEqualTo(50);
        }

        @Test
        void shouldListAnExpiryWrittenByTheNextEventFirstInItsExplanationAndInItsBalanceButNotInItsPoints() {
            Life life = earnedAt(ExpiryPolicy.rollingMonths(12), null, "2026-01-12T10:00:00Z");
            life.at(Instant.parse("2027-02-01T00:00:00Z"));

            Outcome outcome = life.purchase("p-2", "30");

            assertThat(outcome.points().value()).isEqualTo(30);
            assertThat(outcome.entries()).extracting(LedgerEntry::eventId).containsOnly(EventId.of("p-2"));
            assertThat(outcome.explanation().steps().get(0)).satisfies(step -> {
                assertThat(step.rule()).isEqualTo(CoreRules.EXPIRY);
                assertThat(step.points()).isEqualTo(-100);
            });
            assertThat(outcome.balance().value()).isEqualTo(30).isEqualTo(life.balance());
            life.assertConsistent();
        }

        @Test
        void shouldExpireBeforeSpendingWhenRedemptionComesAfterExpiryWithoutSweep() {
            Life life = earnedAt(ExpiryPolicy.rollingMonths(12), null, "2026-01-12T10:00:00Z");
            life.at(Instant.parse("2027-02-01T00:00:00Z"));
            Object before = life.state();

            assertThatThrownBy(() -> life.redeem("r-1", 1)).isInstanceOf(InsufficientPointsException.class);

            assertThat(life.state()).as("a refused event stores nothing, its housekeeping included").isEqualTo(before);
            assertThat(life.balance()).as("stored until a sweep or an accepted event writes the expiry").isEqualTo(100);
            assertThat(life.summary().balance().value()).as("as of the clock").isZero();
        }

        @Test
        void shouldExpireAtSameLocalTimeWhenEarnedJustBeforeSpringDstChangeInLondon() {
            // 2026-03-29 00:30 GMT; the clocks go forward at 01:00; a month later 00:30 is BST, 23:30Z the day before
            Life life = earnedAt(ExpiryPolicy.rollingMonths(1), LONDON, "2026-03-29T00:30:00Z");

            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2026-04-28T23:30:00Z"));
            life.at(Instant.parse("2026-04-28T23:29:59Z"));
            assertThat(life.engine.sweep().expiredPoints()).isZero();
            life.at(Instant.parse("2026-04-28T23:30:00Z"));
            assertThat(life.engine.sweep().expiredPoints()).isEqualTo(100);
        }

        @Test
        void shouldExpireAfterTheGapWhenSameLocalTimeDoesNotExistOnExpiryDay() {
            // 2027-02-28 01:30 GMT + 1 month = 2027-03-28 01:30, inside the gap (01:00 -> 02:00): 02:30 BST, 01:30Z
            Life life = earnedAt(ExpiryPolicy.rollingMonths(1), LONDON, "2027-02-28T01:30:00Z");

            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
        }

        @Test
        void shouldExpireAtFirstOfTwoSameLocalTimesWhenExpiryFallsInAutumnOverlap() {
            // 2026-09-25 01:30 BST (00:30Z) + 1 month = 2026-10-25 01:30, which happens twice; the earlier, BST, is 00:30Z
            Life life = earnedAt(ExpiryPolicy.rollingMonths(1), LONDON, "2026-09-25T00:30:00Z");

            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        }

        @Test
        void shouldExpireOnTwentyEighthOfFebruaryWhenEarnedOnLeapDay() {
            Life life = earnedAt(ExpiryPolicy.rollingMonths(12), LONDON, "2028-02-29T15:00:00Z");

            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2029-02-28T15:00:00Z"));
        }

        @Test
        void shouldExpireOnLastDayOfShorterMonthWhenEarnedOnThirtyFirst() {
            Life life = earnedAt(ExpiryPolicy.rollingMonths(1), null, "2026-01-31T12:00:00Z");

            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2026-02-28T12:00:00Z"));
        }
    }

    @Nested
    class EndOfMonth {

        @Test
        void shouldExpireAtMembersMidnightStartingFirstOfMayWhenEarnedMidMarchWithOneMonth() {
            Life life = earnedAt(ExpiryPolicy.endOfMonthAfter(1), NEW_YORK, "2026-03-15T16:00:00Z");

            // midnight in New York (EDT, UTC-4) is 04:00Z
            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2026-05-01T04:00:00Z"));
            life.at(Instant.parse("2026-05-01T03:59:59Z"));
            assertThat(life.engine.sweep().expiredPoints()).isZero();
            life.at(Instant.parse("2026-05-01T04:00:00Z"));
            assertThat(life.engine.sweep().expiredPoints()).isEqualTo(100);
        }

        @Test
        void shouldCountMembersMonthWhenEarnedLateOnLastDayInTheirZone() {
            // 31 March 23:30 in New York is already 1 April in UTC; the member's month is March
            Life life = earnedAt(ExpiryPolicy.endOfMonthAfter(1), NEW_YORK, "2026-04-01T03:30:00Z");

            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2026-05-01T04:00:00Z"));
        }

        @Test
        void shouldExpireAtMidnightAfterTheYearWhenEarnedInDecemberWithOneMonth() {
            Life life = earnedAt(ExpiryPolicy.endOfMonthAfter(1), LONDON, "2026-12-10T12:00:00Z");

            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
        }

        @Test
        void shouldExpireAtBstMidnightWhenMonthEndsInSummerTime() {
            // March earned, N=1: the end of April in London is 2026-05-01 00:00 BST = 2026-04-30T23:00Z
            Life life = earnedAt(ExpiryPolicy.endOfMonthAfter(1), LONDON, "2026-03-15T12:00:00Z");

            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2026-04-30T23:00:00Z"));
        }
    }

    @Nested
    class EndOfYear {

        @Test
        void shouldExpireWhenTheFollowingYearEndsWhenEarnedMidYearWithOneYear() {
            Life life = earnedAt(ExpiryPolicy.endOfYearAfter(1), LONDON, "2026-06-10T12:00:00Z");

            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
        }

        @Test
        void shouldCountMembersYearWhenEarnedOnNewYearsEveInTheirZone() {
            // 31 Dec 2026 20:00 in New York is 2027 in UTC; the member's year is 2026
            Life life = earnedAt(ExpiryPolicy.endOfYearAfter(1), NEW_YORK, "2027-01-01T01:00:00Z");

            assertThat(life.lot("p-1").expiresAt()).isEqualTo(Instant.parse("2028-01-01T05:00:00Z"));
        }
    }

    @Nested
    class Inactivity {

        private Life active() {
            return earnedAt(ExpiryPolicy.afterInactiveMonths(12), null, "2026-01-12T10:00:00Z");
        }

        @Test
        void shouldNotSetDateOnLotsWhenExpiryIsByInactivity() {
            assertThat(active().lot("p-1").expiresAt()).isNull();
        }

        @Test
        void shouldExpireAllPointsWhenNoPurchaseOrRedemptionForTheMonths() {
            Life life = active();
            life.advanceDays(40).purchase("p-2", "50");
            life.at(Instant.parse("2027-02-21T10:00:00Z"));

            SweepReport report = life.engine.sweep();

            assertThat(report.expiredPoints()).isEqualTo(150);
            assertThat(life.entries(EntryType.EXPIRE)).extracting(LedgerEntry::occurredAt)
                    .containsOnly(Instant.parse("2027-02-21T10:00:00Z"));
            assertThat(life.balance()).isZero();
        }

        @Test
        void shouldKeepPointsWhenPurchaseResetsInactivity() {
            Life life = active();
            life.advanceDays(200).purchase("p-2", "1");
            life.at(Instant.parse("2027-01-13T10:00:00Z"));

            assertThat(life.engine.sweep().expiredPoints()).isZero();
            assertThat(life.balance()).isEqualTo(101);
        }

        @Test
        void shouldKeepPointsWhenRedemptionResetsInactivity() {
            Life life = active();
            life.advanceDays(200).redeem("r-1", 1);
            life.at(Instant.parse("2027-01-13T10:00:00Z"));

            assertThat(life.engine.sweep().expiredPoints()).isZero();
            assertThat(life.balance()).isEqualTo(99);
        }

        @Test
        void shouldExpireByTheActivityReceivedWhenTheDeadlinePassedNotByALatePurchaseDatedBeforeIt() {
            Life life = active();
            life.at(Instant.parse("2027-02-01T10:00:00Z"));

            life.engine.process(life.purchaseEvent("p-late", "10", Instant.parse("2026-12-20T10:00:00Z")));

            assertThat(life.entriesOf("p-1")).extracting(LedgerEntry::type).containsExactly(EntryType.EARN, EntryType.EXPIRE);
            assertThat(life.balance()).isEqualTo(10);
        }

        @Test
        void shouldLeaveTheSameLedgerWhetherOrNotASweepRanBeforeALatePurchase() {
            Life swept = active();
            Life unswept = active();
            swept.at(Instant.parse("2027-01-20T10:00:00Z"));
            swept.engine.sweep();
            for (Life life : List.of(swept, unswept)) {
                life.at(Instant.parse("2027-02-01T10:00:00Z"));
                life.engine.process(life.purchaseEvent("p-late", "10", Instant.parse("2026-12-20T10:00:00Z")));
            }

            assertThat(swept.ledger()).extracting(LedgerEntry::eventId, LedgerEntry::type, LedgerEntry::points)
                    .isEqualTo(unswept.ledger().stream().map(e -> tuple(e.eventId(), e.type(), e.points())).toList());
        }

        @Test
        void shouldRestartTheInactivityClockFromTheLatePurchasesOwnDate() {
            Life life = active();
            life.at(Instant.parse("2027-02-01T10:00:00Z"));
            life.engine.process(life.purchaseEvent("p-late", "10", Instant.parse("2026-12-20T10:00:00Z")));

            life.at(Instant.parse("2027-12-19T10:00:00Z"));
            assertThat(life.engine.sweep().expiredPoints()).isZero();
            life.at(Instant.parse("2027-12-21T10:00:00Z"));
            assertThat(life.engine.sweep().expiredPoints()).isEqualTo(10);
        }

        @Test
        void shouldStillExpireWhenOnlyAReturnHappened() {
            Life life = active();
            life.advanceDays(200).giveBack("ret-1", "p-1", "10");
            life.at(Instant.parse("2027-01-12T10:00:00Z"));

            assertThat(life.engine.sweep().expiredPoints()).isEqualTo(90);
        }

        @Test
        void shouldExpireWelcomePointsWhenAMemberNeverBuysAfterEnrolling() {
            Life life = Life.enrolled(Life.expiring(ExpiryPolicy.afterInactiveMonths(12)).build(), JavaRules.simplePack(), null, Life.START);
            assertThat(life.balance()).isEqualTo(JavaRules.WELCOME_POINTS);
            life.at(Life.START.atZone(ZoneOffset.UTC).plusMonths(12).toInstant());

            assertThat(life.engine.sweep().expiredPoints()).isEqualTo(JavaRules.WELCOME_POINTS);
            assertThat(life.balance()).isZero();
        }

        @Test
        void shouldDateTheExpiryOfPointsEarnedAfterTheInactivityDeadlineNoEarlierThanTheirEarning() {
            JavaRules profileBonus = JavaRules.of("profile-bonus", ctx -> ctx.event() instanceof ProfileChange
                    ? List.of(new Decision.FixedPoints("PROFILE", "birthday given", Decision.WHOLE_EVENT, 30))
                    : List.of());
            Life life = Life.enrolled(Life.expiring(ExpiryPolicy.afterInactiveMonths(12)).build(), profileBonus, null, Life.START);
            Instant bonusAt = Instant.parse("2027-03-01T10:00:00Z");
            life.at(bonusAt);
            life.engine.process(new ProfileChange(EventId.of("profile"), life.member, bonusAt, LocalDate.of(1990, 5, 5), null, null));
            life.advanceDays(1);

            life.engine.sweep();

            assertThat(life.entriesOf("profile")).extracting(LedgerEntry::type, LedgerEntry::occurredAt)
                    .containsExactly(tuple(EntryType.EARN, bonusAt), tuple(EntryType.EXPIRE, bonusAt));
        }

        @Test
        void shouldExpireEverythingOnceWhenSweptTwiceAfterInactivity() {
            Life life = active();
            life.at(Instant.parse("2027-06-01T00:00:00Z"));
            life.engine.sweep();
            List<LedgerEntry> after = life.ledger();

            assertThat(life.engine.sweep()).isEqualTo(new SweepReport(1, 0, 0, 0, 0));
            assertThat(life.ledger()).isEqualTo(after);
        }
    }

    @Nested
    class Sweep {

        @Test
        void shouldChangeNothingWhenSweptTwiceAtTheSameInstant() {
            Life life = Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(1)).returnWindowDays(14));
            life.purchase("p-1", "100");
            life.advanceDays(14).purchase("p-2", "40");
            life.hold("h-1", 100, Duration.ofDays(1));
            life.advance(Duration.ofDays(40));

            SweepReport first = life.engine.sweep();
            Object after = life.state();
            SweepReport second = life.engine.sweep();

            assertThat(first).isEqualTo(new SweepReport(1, 1, 1, 140, 1));
            assertThat(second).isEqualTo(new SweepReport(1, 0, 0, 0, 0));
            assertThat(life.state()).isEqualTo(after);
            life.assertConsistent();
        }

        @Test
        void shouldRefuseASweepDatedBeyondTheClockSkewAndExpireNothing() {
            Life life = Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(1)));
            life.purchase("p-1", "100");
            Object before = life.state();
            Instant later = life.now().plus(Duration.ofDays(40));

            assertThatThrownBy(() -> life.engine.sweep(SweepRequest.builder().asOf(later).build()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("sweep.asOf").hasMessageContaining(later + " is in the future");
            assertThat(life.state()).isEqualTo(before);
        }

        @Test
        void shouldAcceptASweepDatedWithinTheClockSkew() {
            Life life = Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(1)));
            life.purchase("p-1", "100");

            SweepReport report = life.engine.sweep(SweepRequest.builder().asOf(life.now().plus(Duration.ofMinutes(5))).build());

            assertThat(report.members()).isEqualTo(1);
        }

        @Test
        void shouldWriteNothingWhenSweepFindsNothingDue() {
            Life life = Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(12)));
            life.purchase("p-1", "100");
            Object before = life.state();

            assertThat(life.engine.sweep()).isEqualTo(new SweepReport(1, 0, 0, 0, 0));
            assertThat(life.state()).isEqualTo(before);
        }

        /** Purchases named "big-..." earn every point a long holds, the others none; no credit limit. */
        private Life longOfPoints(Instant start) {
            JavaRules bigOnly = JavaRules.of("big-only", ctx -> ctx.event() instanceof dev.loyalty.core.event.Purchase
                    && ctx.event().eventId().value().startsWith("big")
                    ? List.of(new Decision.FixedPoints("BIG", "a long of points", Decision.WHOLE_EVENT, Long.MAX_VALUE))
                    : List.of());
            return Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(1)).returnWindowDays(14).maxPointsPerCredit(Long.MAX_VALUE).build(),
                    bigOnly, null, start);
        }

        @Test
        void shouldCountAMemberAsChangedWhenItsSweepExpiresALongOfPointsAndReleasesALot() {
            Life life = longOfPoints(Life.START);
            life.purchase("big-1", "1");
            life.advanceDays(20).purchase("p-small", "1");    // releases big-1; p-small pending until day 34
            life.advanceDays(15);                              // day 35: big-1 expired on day 31, p-small due for release

            SweepReport report = life.engine.sweep();

            assertThat(report).isEqualTo(new SweepReport(1, 1, 1, Long.MAX_VALUE, 0));
            life.assertConsistent();
        }

        @Test
        void shouldReportLongMaxValueAsExpiredPointsWhenMembersTogetherExpireMoreThanALongHolds() {
            Life life = longOfPoints(Life.START);
            MemberId other = MemberId.of("m-2");
            life.engine.process(Enrolment.of(EventId.of("enrol-m-2"), other, life.now()));
            life.advanceDays(15).purchase("big-1", "1");
            life.engine.process(dev.loyalty.core.event.Purchase.builder(EventId.of("big-2"), other, life.now())
                    .line("SKU-1", "general", 1, dev.loyalty.core.model.Money.of("1", "GBP")).build());
            life.advanceDays(40);

            SweepReport report = life.engine.sweep();

            assertThat(report.expiredPoints()).as("more than a long holds").isEqualTo(Long.MAX_VALUE);
            assertThat(report.changedMembers()).isEqualTo(2);
            assertThat(report.released()).isEqualTo(2);
            assertThat(life.engine.balance(life.member).value()).isZero();
            assertThat(life.engine.balance(other).value()).isZero();
        }

        @Test
        void shouldLoseNothingWhenSweepIsSkippedAndNextEventDoesItsWork() {
            Life swept = Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(1)));
            Life unswept = Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(1)));
            for (Life life : List.of(swept, unswept)) {
                life.purchase("p-1", "100");
                life.advanceDays(40);
            }
            swept.engine.sweep();

            swept.purchase("p-2", "10");
            unswept.purchase("p-2", "10");

            assertThat(unswept.balance()).isEqualTo(swept.balance()).isEqualTo(10);
            assertThat(unswept.ledger()).extracting(LedgerEntry::type, e -> e.points().value())
                    .isEqualTo(swept.ledger().stream().map(e -> tuple(e.type(), e.points().value())).toList());
        }
    }
}
