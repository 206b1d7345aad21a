package dev.loyalty.core.store;

import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.tier.TierState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rows of a run's events, gathered in JDBC batches and sent together: one batch per
 * statement (the events, their explanation steps, ledger entries, lots, qualifying rows and
 * member updates), executed in the order the statements were first used, which is the order
 * one event's writes take, so that an event row is in before its steps and entries. Only the
 * common shape of changes is gathered ({@link #fits}); the store writes anything else at once,
 * after sending what was gathered. A member's rows are sent before the member's next event
 * reads them ({@link #holds}). Not thread-safe: one per run's transaction.
 */
final class JdbcDeferredWrites implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
    private final Set<MemberId> members = new HashSet<>();
    /** The members whose rows each update statement's batch changes, in batch order. */
    private final Map<String, List<MemberId>> updated = new HashMap<>();

    JdbcDeferredWrites(Connection connection) {
        this.connection = connection;
    }

    /**
     * Tells whether the changes can wait in the batches: an enrolled member's event that writes
     * only its event, entries, lots and qualifying rows and updates the member's row (no hold,
     * offer, campaign draw, referral, tier state or tier history, which are written at once).
     */
    static boolean fits(JdbcMapping.MemberRow row, MemberChanges changes, TierState storedTiers) {
        return row != null && changes.holds().isEmpty() && changes.offers().isEmpty() && changes.draws().isEmpty()
                && changes.referrals() == null
                && (changes.tiers() == null || storedTiers != null && changes.tiers().history().isEmpty()
                        && Objects.equals(storedTiers, changes.tiers().state()));
    }

    /** Tells whether rows of the member are waiting, so that they must be sent before the member is read again. */
    boolean holds(MemberId memberId) {
        return members.contains(memberId);
    }

    /** Gathers an event's rows; {@link #fits} must have said yes. */
    void add(MemberId memberId, JdbcMapping.MemberRow row, MemberChanges changes, long balance) throws SQLException {
        StoredEvent event = changes.event();
        if (event != null) {
            JdbcMapping.bindEvent(statement(JdbcMapping.INSERT_EVENT), event);
            statement(JdbcMapping.INSERT_EVENT).addBatch();
            if (!event.outcome().explanation().steps().isEmpty()) {
                JdbcMapping.addSteps(statement(JdbcMapping.INSERT_STEP), event.eventId(), event.outcome().explanation().steps());
            }
        }
        if (!changes.entries().isEmpty()) {
            JdbcMapping.addEntries(statement(JdbcMapping.INSERT_ENTRY), changes.entries());
        }
        for (Lot lot : changes.lots()) {
            PreparedStatement ps = statement(JdbcMapping.UPSERT_LOT);
            JdbcMapping.bindLot(ps, 1, lot);
            ps.addBatch();
        }
        for (LotReturn value : changes.returns()) {
            PreparedStatement ps = statement(JdbcMapping.INSERT_RETURN);
            JdbcMapping.bindReturn(ps, 1, value);
            ps.addBatch();
        }
        if (changes.tiers() != null && !changes.tiers().qualifying().isEmpty()) {
            JdbcTiers.addQualifying(statement(JdbcTiers.INSERT_QUALIFYING), memberId, changes.tiers().qualifying());
        }
        JdbcMemberUpdate update = JdbcMemberUpdate.of(memberId, row, changes, balance);
        if (update != null) {
            PreparedStatement ps = statement(update.sql());
            update.bind(ps);
            ps.addBatch();
            updated.computeIfAbsent(update.sql(), sql -> new ArrayList<>()).add(memberId);
        }
        members.add(memberId);
    }

    /**
     * Sends every batch, in the order the statements were first used, and checks that each
     * member update changed its one row.
     *
     * @throws SQLException when a batch fails or a member's row changed although it was locked
     */
    void flush() throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        for (Map.Entry<String, PreparedStatement> statement : statements.entrySet()) {
            int[] counts = statement.getValue().executeBatch();
            List<MemberId> rows = updated.getOrDefault(statement.getKey(), List.of());
            for (int k = 0; k < rows.size(); k++) {
                if (k >= counts.length || counts[k] != 1 && counts[k] != Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the row of member " + rows.get(k) + " changed while locked", "40001");
                }
            }
        }
        close();
        members.clear();
        updated.clear();
    }

    /**
     * Closes the statements, dropping what was not sent. A statement that fails to close is left
     * to its connection, which closes it in turn: the rows it held were sent or are rolled back.
     */
    @Override
    public void close() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // nothing to lose: see above
            }
        }
        statements.clear();
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }
}
