package dev.loyalty.core.store;

import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.TierUpdate;
import dev.loyalty.core.tier.Qualifying;
import dev.loyalty.core.tier.TierChange;
import dev.loyalty.core.tier.TierState;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the tier bookkeeping ({@code V3__tiers.sql}): one state row per member, qualifying
 * amounts appended per event and day and summed over a window by an index range, and the
 * append-only tier history.
 */
final class JdbcTiers {

    static final String STATE_COLUMNS = "earned_tier, next_review, grace_until, grace_target, override_tier, override_until, history_size";
    static final String UPDATE_STATE = "UPDATE loyalty_tier_state SET earned_tier = ?, next_review = ?, grace_until = ?, grace_target = ?,"
            + " override_tier = ?, override_until = ?, history_size = ? WHERE member_id = ?";
    static final String INSERT_STATE = "INSERT INTO loyalty_tier_state (" + STATE_COLUMNS + ", member_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_QUALIFYING = "INSERT INTO loyalty_tier_qualifying (member_id, qualifying_day, spend, points, purchases)"
            + " VALUES (?, ?, ?, ?, ?)";
    /** A member's qualifying rows of a range of days: member id, first day, last day. */
    static final String QUALIFYING_ROWS = "FROM loyalty_tier_qualifying WHERE member_id = ? AND qualifying_day >= ? AND qualifying_day <= ?";
    static final String SUM_QUALIFYING = "SELECT COALESCE(SUM(spend), 0), COALESCE(SUM(points), 0), COALESCE(SUM(purchases), 0) "
            + QUALIFYING_ROWS;
    static final String CHANGE_COLUMNS = "member_id, sequence_no, change_kind, from_tier, to_tier, change_date, changed_at, changed_at_ns,"
            + " event_id, reason";
    static final String INSERT_CHANGE = "INSERT INTO loyalty_tier_change (" + CHANGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_HISTORY = "SELECT " + CHANGE_COLUMNS + " FROM loyalty_tier_change WHERE member_id = ? ORDER BY sequence_no";

    private JdbcTiers() {
    }

    /** Reads the state columns ({@link #STATE_COLUMNS}, by name) of the current row. */
    static TierState readState(ResultSet rs) throws SQLException {
        return new TierState(rs.getString("earned_tier"), rs.getObject("next_review", LocalDate.class),
                rs.getObject("grace_until", LocalDate.class), rs.getString("grace_target"), rs.getString("override_tier"),
                rs.getObject("override_until", LocalDate.class), rs.getLong("history_size"));
    }

    static Qualifying sum(Connection connection, MemberId memberId, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SUM_QUALIFYING)) {
            ps.setString(1, memberId.value());
            ps.setObject(2, from, Types.DATE);
            ps.setObject(3, to, Types.DATE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return qualifying(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), from, to);
            }
        }
    }

    /**
     * Returns qualifying totals as the database summed them, from a range's first day to its last.
     *
     * @throws PointsOverflowException when the points or purchases pass what a long holds, as the in-memory store's sums do
     */
    static Qualifying qualifying(BigDecimal spend, BigDecimal points, BigDecimal purchases, LocalDate from, LocalDate to) {
        try {
            return new Qualifying(spend, points.longValueExact(), purchases.longValueExact());
        } catch (ArithmeticException e) {
            throw new PointsOverflowException("qualifying totals from " + from + " to " + to + " leave the range of long");
        }
    }

    /**
     * Writes a tier update of the locked member whose stored state was read in the same
     * transaction: the state row only when it changed (inserted when there was none), then the
     * qualifying rows and history.
     *
     * @param stored the state as stored, or null when none is
     */
    static void write(Connection connection, MemberId memberId, TierUpdate update, TierState stored) throws SQLException {
        if (stored == null) {
            executeState(connection, INSERT_STATE, memberId, update.state());
        } else if (!stored.equals(update.state())) {
            executeState(connection, UPDATE_STATE, memberId, update.state());
        }
        writeRows(connection, memberId, update);
    }

    private static void executeState(Connection connection, String sql, MemberId memberId, TierState state) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bindState(ps, state);
            ps.setString(8, memberId.value());
            ps.executeUpdate();
        }
    }

    /** Adds a member's qualifying rows to the batch of an {@link #INSERT_QUALIFYING} statement. */
    static void addQualifying(PreparedStatement ps, MemberId memberId, List<TierUpdate.QualifyingDay> days) throws SQLException {
        for (TierUpdate.QualifyingDay day : days) {
            ps.setString(1, memberId.value());
            ps.setObject(2, day.day(), Types.DATE);
            ps.setBigDecimal(3, day.amount().spend());
            ps.setLong(4, day.amount().points());
            ps.setLong(5, day.amount().purchases());
            ps.addBatch();
        }
    }

    /** Appends the update's qualifying rows and history. */
    private static void writeRows(Connection connection, MemberId memberId, TierUpdate update) throws SQLException {
        if (!update.qualifying().isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(INSERT_QUALIFYING)) {
                addQualifying(ps, memberId, update.qualifying());
                ps.executeBatch();
            }
        }
        if (!update.history().isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(INSERT_CHANGE)) {
                for (TierChange change : update.history()) {
                    ps.setString(1, memberId.value());
                    ps.setLong(2, change.sequence());
                    ps.setString(3, change.kind().name());
                    ps.setString(4, change.fromTier());
                    ps.setString(5, change.toTier());
                    ps.setObject(6, change.date(), Types.DATE);
                    JdbcMapping.bindInstant(ps, 7, change.at());
                    ps.setString(9, change.eventId() == null ? null : change.eventId().value());
                    ps.setString(10, change.reason());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    static List<TierChange> history(Connection connection, MemberId memberId) throws SQLException {
        List<TierChange> changes = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(SELECT_HISTORY)) {
            ps.setString(1, memberId.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String eventId = rs.getString("event_id");
                    changes.add(new TierChange(MemberId.of(rs.getString("member_id")), rs.getLong("sequence_no"),
                            TierChange.Kind.valueOf(rs.getString("change_kind")), rs.getString("from_tier"), rs.getString("to_tier"),
                            rs.getObject("change_date", LocalDate.class), JdbcMapping.readInstant(rs, "changed_at"),
                            eventId == null ? null : EventId.of(eventId), rs.getString("reason")));
                }
            }
        }
        return List.copyOf(changes);
    }

    private static void bindState(PreparedStatement ps, TierState state) throws SQLException {
        ps.setString(1, state.earnedTier());
        ps.setObject(2, state.nextReview(), Types.DATE);
        ps.setObject(3, state.graceUntil(), Types.DATE);
        ps.setString(4, state.graceTarget());
        ps.setString(5, state.overrideTier());
        ps.setObject(6, state.overrideUntil(), Types.DATE);
        ps.setLong(7, state.historySize());
    }
}
