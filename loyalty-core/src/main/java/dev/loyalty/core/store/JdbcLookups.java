package dev.loyalty.core.store;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC store's look-ups by key on a connection it holds: one recorded event with its
 * explanation steps and ledger entries, one member row (read or locked, by the SQL given), a
 * member's balance.
 */
final class JdbcLookups {

    private JdbcLookups() {
    }

    static Optional<StoredEvent> findEvent(Connection connection, EventId eventId) throws SQLException {
        JdbcMapping.EventRow row;
        try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.SELECT_EVENT)) {
            ps.setString(1, eventId.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                row = JdbcMapping.readEvent(rs);
            }
        }
        List<Explanation.Step> steps = JdbcRows.list(connection, JdbcMapping.SELECT_STEPS, eventId.value(), JdbcMapping::readStep);
        List<LedgerEntry> entries = JdbcRows.list(connection, JdbcMapping.SELECT_EVENT_ENTRIES, eventId.value(), JdbcMapping::readEntry);
        return Optional.of(row.toStoredEvent(steps, entries));
    }

    static Optional<JdbcMapping.MemberRow> selectMember(Connection connection, String sql, MemberId memberId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, memberId.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(JdbcMapping.readMember(rs)) : Optional.empty();
            }
        }
    }

    /** The member's balance, zero when the member is not enrolled. */
    static Points balance(Connection connection, MemberId memberId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.SELECT_BALANCE)) {
            ps.setString(1, memberId.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Points.of(rs.getLong(1)) : Points.ZERO;
            }
        }
    }
}
