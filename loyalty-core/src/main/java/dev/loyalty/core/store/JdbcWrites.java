package dev.loyalty.core.store;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@link JdbcStore}'s write of one member's changes, inside a transaction the store opened
 * and commits: every statement an applied event, sweep or command runs after its work. Not public
 * API.
 */
final class JdbcWrites {

    private JdbcWrites() {
    }

    /**
     * Writes a member's changes in the connection's open transaction: the member row when new, the event and its
     * explanation, the entries, lots, holds, tier bookkeeping, offers, budget draws and referrals, then the member
     * row's update. Records in the attempt which step it is at, for the failure's message.
     *
     * @throws JdbcAttempt.BudgetRace when a campaign budget no longer holds the draw: the caller runs the work again
     */
    static void write(Connection connection, MemberId memberId, JdbcMapping.MemberRow row, JdbcMemberView view, MemberChanges changes,
                      long balance, JdbcAttempt attempt, boolean postgres) throws SQLException {
        StoredEvent event = changes.event();
        List<LedgerEntry> entries = changes.entries();
        if (row == null) {
            // a new member: the row is inserted whole; an enrolled one's is updated at the end (JdbcMemberUpdate)
            attempt.step = JdbcAttempt.Step.INSERT_MEMBER;
            try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.INSERT_MEMBER)) {
                ps.setString(1, memberId.value());
                JdbcMapping.bindMember(ps, 2, changes.member(), balance, entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence(),
                        changes.account() != null ? changes.account() : Account.NEW,
                        changes.offerBook() != null ? changes.offerBook() : OfferBook.NEW);
                ps.executeUpdate();
            }
        }
        if (event != null) {
            writeEvent(connection, event, attempt);
        }
        attempt.step = JdbcAttempt.Step.INSERT_ENTRIES;
        if (!entries.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.INSERT_ENTRY)) {
                JdbcMapping.addEntries(ps, entries);
                ps.executeBatch();
            }
        }
        writeLots(connection, changes.lots(), attempt, postgres);
        if (!changes.returns().isEmpty()) {
            attempt.step = JdbcAttempt.Step.INSERT_RETURNS;
            try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.INSERT_RETURN)) {
                for (LotReturn value : changes.returns()) {
                    JdbcMapping.bindReturn(ps, 1, value);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        writeHolds(connection, changes.holds(), attempt);
        if (changes.tiers() != null) {
            attempt.step = JdbcAttempt.Step.WRITE_TIERS;
            // the state as stored, read with the view's other reads (the work has read it already when it manages tiers)
            JdbcTiers.write(connection, memberId, changes.tiers(), view.tierState());
        }
        if (!changes.offers().isEmpty()) {
            attempt.step = JdbcAttempt.Step.WRITE_OFFERS;
            JdbcOffers.write(connection, memberId, changes.offers());
        }
        if (!changes.draws().isEmpty()) {
            attempt.step = JdbcAttempt.Step.DRAW_BUDGETS;
            if (!JdbcBudgets.draw(connection, memberId, changes.draws())) {
                throw new JdbcAttempt.BudgetRace();
            }
        }
        if (changes.referrals() != null) {
            attempt.step = JdbcAttempt.Step.WRITE_REFERRALS;
            JdbcReferrals.write(connection, memberId, changes.referrals());
        }
        JdbcMemberUpdate update = JdbcMemberUpdate.of(memberId, row, changes, balance);
        if (update != null) {
            attempt.step = JdbcAttempt.Step.UPDATE_MEMBER;
            try (PreparedStatement ps = connection.prepareStatement(update.sql())) {
                update.bind(ps);
                if (ps.executeUpdate() != 1) {
                    throw update.changedWhileLocked();
                }
            }
        }
    }

    /**
     * Inserts new lots and replaces existing ones, by lot id, one statement per lot (an event
     * writes a lot or two, and per-statement counts stay exact where a driver rewrites batches):
     * an upsert on PostgreSQL, else an insert unless present and an update when it was.
     */
    private static void writeLots(Connection connection, List<Lot> lots, JdbcAttempt attempt, boolean upsert) throws SQLException {
        if (lots.isEmpty()) {
            return;
        }
        for (Lot lot : lots) {
            attempt.step = JdbcAttempt.Step.INSERT_LOTS;
            try (PreparedStatement insert = connection.prepareStatement(upsert ? JdbcMapping.UPSERT_LOT : JdbcMapping.INSERT_LOT_IF_ABSENT)) {
                int i = JdbcMapping.bindLot(insert, 1, lot);
                if (!upsert) {
                    insert.setString(i++, lot.memberId().value());
                    insert.setString(i, lot.id());
                }
                if (insert.executeUpdate() == 1 || upsert) {
                    continue;
                }
            }
            attempt.step = JdbcAttempt.Step.UPDATE_LOTS;
            try (PreparedStatement update = connection.prepareStatement(JdbcMapping.UPDATE_LOT)) {
                int i = JdbcMapping.bindLot(update, 1, lot);
                update.setString(i++, lot.memberId().value());
                update.setString(i, lot.id());
                update.executeUpdate();
            }
        }
    }

    /** Inserts the event and its explanation steps. */
    private static void writeEvent(Connection connection, StoredEvent event, JdbcAttempt attempt) throws SQLException {
        attempt.step = JdbcAttempt.Step.INSERT_EVENT;
        try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.INSERT_EVENT)) {
            JdbcMapping.bindEvent(ps, event);
            ps.executeUpdate();
        }
        attempt.step = JdbcAttempt.Step.INSERT_STEPS;
        List<Explanation.Step> steps = event.outcome().explanation().steps();
        if (!steps.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.INSERT_STEP)) {
                JdbcMapping.addSteps(ps, event.eventId(), steps);
                ps.executeBatch();
            }
        }
    }

    /** Inserts new holds and replaces existing ones, by hold id; the member row is locked, so the two steps cannot race. */
    private static void writeHolds(Connection connection, List<Hold> holds, JdbcAttempt attempt) throws SQLException {
        for (Hold hold : holds) {
            attempt.step = JdbcAttempt.Step.WRITE_HOLDS;
            try (PreparedStatement insert = connection.prepareStatement(JdbcMapping.INSERT_HOLD_IF_ABSENT)) {
                int i = JdbcMapping.bindHold(insert, 1, hold);
                insert.setString(i++, hold.memberId().value());
                insert.setString(i, hold.id());
                if (insert.executeUpdate() == 1) {
                    continue;
                }
            }
            try (PreparedStatement update = connection.prepareStatement(JdbcMapping.UPDATE_HOLD)) {
                int i = JdbcMapping.bindHold(update, 1, hold);
                update.setString(i++, hold.memberId().value());
                update.setString(i, hold.id());
                update.executeUpdate();
            }
        }
    }
}
