package dev.loyalty.core.store;

import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberSegment;
import java.sql.Connection;
import java.sql.Types;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/** The SQL of the member segments table, {@code loyalty_member_segment} (schema version 5). */
final class JdbcSegments {

    /** Rows per JDBC batch when a segmentation run saves its scores. */
    private static final int BATCH = 500;

    /** Inserts a member's row; a batch first deletes the rows it replaces (portable: H2 lacks ON CONFLICT). */
    static final String INSERT = "INSERT INTO loyalty_member_segment (segment, recency_score, frequency_score, monetary_score,"
            + " scored_on, member_id) VALUES (?, ?, ?, ?, ?, ?)";

    static final String SELECT = "SELECT " + JdbcMemberReads.SEGMENT_COLUMNS + " FROM loyalty_member_segment s WHERE s.member_id = ?";

    private JdbcSegments() {
    }

    /** Saves the segments in one transaction; rolls back and throws when a member is not enrolled. */
    static Void save(Connection connection, List<MemberSegment> segments) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (int from = 0; from < segments.size(); from += BATCH) {
                List<MemberSegment> batch = segments.subList(from, Math.min(segments.size(), from + BATCH));
                requireEnrolled(connection, batch);
                delete(connection, batch);
                for (MemberSegment segment : batch) {
                    ps.setString(1, segment.segment());
                    ps.setInt(2, segment.recency());
                    ps.setInt(3, segment.frequency());
                    ps.setInt(4, segment.monetary());
                    ps.setObject(5, segment.scoredOn(), Types.DATE);
                    ps.setString(6, segment.memberId().value());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            connection.commit();
            return null;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void delete(Connection connection, List<MemberSegment> batch) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM loyalty_member_segment WHERE member_id IN (" + placeholders(batch.size()) + ")")) {
            for (int i = 0; i < batch.size(); i++) {
                ps.setString(i + 1, batch.get(i).memberId().value());
            }
            ps.executeUpdate();
        }
    }

    private static String placeholders(int count) {
        return "?, ".repeat(count - 1) + "?";
    }

    /** Throws for the first member of the batch who is not enrolled. */
    private static void requireEnrolled(Connection connection, List<MemberSegment> batch) throws SQLException {
        String sql = "SELECT member_id FROM loyalty_member WHERE member_id IN (" + placeholders(batch.size()) + ")";
        Set<String> enrolled = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < batch.size(); i++) {
                ps.setString(i + 1, batch.get(i).memberId().value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    enrolled.add(rs.getString(1));
                }
            }
        }
        for (MemberSegment segment : batch) {
            if (!enrolled.contains(segment.memberId().value())) {
                throw new UnknownMemberException(segment.memberId());
            }
        }
    }

    /** Reads a member's segment row, as the member's other reads map it ({@link JdbcMemberReads#readSegment}). */
    static Optional<MemberSegment> find(Connection connection, MemberId memberId) throws SQLException {
        return JdbcRows.one(connection, SELECT, memberId.value(), rs -> JdbcMemberReads.readSegment(rs, memberId));
    }
}
