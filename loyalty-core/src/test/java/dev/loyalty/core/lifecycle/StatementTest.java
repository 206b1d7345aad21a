package dev.loyalty.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.PointsSummary;
import dev.loyalty.core.Statement;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Points;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatementTest {

    /** Earned, pending, spent, held, returned and expired points, so every part of a statement has something in it. */
    private static Life busy() {
        Life life = Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(1)).returnWindowDays(14));
        life.purchase("p-1", "100");
        life.advanceDays(15).purchase("p-2", "80");   // releases p-1; p-2 pending until day 29
        life.redeem("r-1", 30);
        life.hold("h-1", 20, Duration.ofDays(60));
        life.advanceDays(1).giveBack("ret-1", "p-1", "30");
        life.advanceDays(20).engine.sweep();           // day 36: p-1 expired on day 31 but for the 20 points h-1 keeps, p-2 released on day 29
        life.purchase("p-3", "40");                    // pending until day 50
        return life;
    }

    @Test
    void shouldShowRunningBalanceAsCumulativeSumWhenLedgerHasEveryKindOfEntry() {
        Life life = busy();

        Statement statement = life.engine.statement(life.member);

        assertThat(statement.lines()).extracting(l -> l.entry().type()).contains(EntryType.PENDING, EntryType.RELEASE,
                EntryType.REDEEM, EntryType.REVERSE, EntryType.EXPIRE);
        long running = 0;
        for (Statement.Line line : statement.lines()) {
            running += line.entry().points().value();
            assertThat(line.runningBalance()).as("after entry %d", line.entry().sequence()).isEqualTo(running);
        }
        assertThat(running).isEqualTo(life.balance());
        assertThat(statement.lines()).extracting(Statement.Line::entry).isEqualTo(life.ledger());
    }

    @Test
    void shouldListLotsWithExpiryAndPendingWhenSomeArePending() {
        Life life = busy();

        Statement statement = life.engine.statement(life.member);

        assertThat(statement.lots()).extracting(Lot::id).containsExactly("p-1", "p-2", "p-3");
        Lot p3 = statement.lots().get(2);
        assertThat(p3.pendingUntil()).isEqualTo(life.now().plus(Duration.ofDays(14)));
        // a month after it was earned, in the program's zone (UTC): pending does not move the expiry
        assertThat(p3.expiresAt()).isEqualTo(life.now().atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
        assertThat(statement.toText()).contains("pending until " + p3.pendingUntil()).contains("expires " + p3.expiresAt());
        assertThat(statement.holds()).hasSize(1);
    }

    @Test
    void shouldMatchLedgerInSummaryWhenPointsArePendingHeldAndSpendable() {
        Life life = busy();
        long spendableLots = life.engine.lots(life.member).stream().filter(l -> !l.isPending()).mapToLong(Lot::remaining).sum();
        long pendingLots = life.engine.lots(life.member).stream().filter(Lot::isPending).mapToLong(Lot::remaining).sum();

        PointsSummary summary = life.engine.statement(life.member).summary();

        assertThat(summary.balance().value()).isEqualTo(life.balance()).isEqualTo(spendableLots + pendingLots);
        assertThat(summary.pending().value()).isEqualTo(pendingLots).isEqualTo(40);
        assertThat(summary.held().value()).isEqualTo(20);
        assertThat(summary.spendable().value()).isEqualTo(spendableLots - 20);
        assertThat(summary.debt()).isEqualTo(Points.ZERO);
        assertThat(summary).isEqualTo(life.summary());
    }

    @Test
    void shouldShowDebtInSummaryWhenReturnRanIntoDebt() {
        Life life = Life.enrolled(Life.debt());
        life.purchase("p-1", "100");
        life.redeem("r-1", 100);
        life.giveBack("ret-1", "p-1", "100");

        Statement statement = life.engine.statement(life.member);

        assertThat(statement.summary()).isEqualTo(new PointsSummary(Points.ZERO, Points.ZERO, Points.ZERO, Points.ZERO, Points.of(100)));
        assertThat(statement.toText()).contains("debt 100");
    }

    @Test
    void shouldShowNegativeRunningBalanceWhenPolicyAllowsIt() {
        Life life = Life.enrolled(Life.negativeBalance());
        life.purchase("p-1", "100");
        life.redeem("r-1", 100);
        life.giveBack("ret-1", "p-1", "100");

        Statement statement = life.engine.statement(life.member);

        assertThat(statement.lines().get(statement.lines().size() - 1).runningBalance()).isEqualTo(-100);
        assertThat(statement.summary().balance().value()).isEqualTo(-100);
        assertThat(statement.summary().debt().value()).isEqualTo(100);
    }

    @Test
    void shouldReportDueReleaseAndExpiryInSummaryWhenNothingWasSweptYet() {
        Life life = Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(1)).returnWindowDays(14));
        life.purchase("p-old", "100");
        life.advanceDays(20).purchase("p-new", "50"); // releases p-old; p-new pending until day 34
        life.at(Instant.parse("2026-02-13T00:00:00Z"));  // day 32: p-old expired on 12 Feb, p-new still pending
        long stored = life.balance();

        PointsSummary summary = life.summary();

        assertThat(stored).isEqualTo(150);
        assertThat(summary.balance().value()).isEqualTo(50);
        assertThat(summary.pending().value()).isEqualTo(50);
        assertThat(summary.spendable().value()).isZero();
        assertThat(life.balance()).as("a summary writes nothing").isEqualTo(150);
    }
}
