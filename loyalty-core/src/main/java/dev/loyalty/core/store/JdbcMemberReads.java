package dev.loyalty.core.store;

import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.HoldStatus;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.referral.Referral;
import dev.loyalty.core.spi.ReadAhead;
import dev.loyalty.core.tier.Qualifying;
import dev.loyalty.core.tier.TierState;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a locked member's events read beside the member row, in one query: the tier state, the
 * referral in which the member is the referee, the earliest instant a lot or hold falls due, the
 * remainder of the debt lot (found by its key) and,
 * when asked ({@link ReadAhead}), the qualifying totals of a range of days, the points earned in
 * a range of instants and the stored segment. Run after the member row is locked, never joined to
 * the lock: a PostgreSQL {@code SELECT ... FOR UPDATE} that waited for the lock returns the newest
 * member row but the other tables' rows as of before the wait.
 */
final class JdbcMemberReads {

    /**
     * The earliest due instant of the member's lots ({@link Lot#dueAt()}) and active holds, as
     * {@code due} and {@code due_ns}: a pending lot's release, an unspent lot's expiry (the debt
     * lot's aside), an active hold's lapse. Each branch is a range of an index of schema version 8,
     * so spent and expired lots and ended holds are not read.
     */
    static final String NEXT_DUE = "SELECT due, due_ns FROM ("
            + "SELECT pending_until AS due, pending_until_ns AS due_ns FROM loyalty_lot WHERE member_id = ? AND pending_until IS NOT NULL"
            + " UNION ALL SELECT expires_at, expires_at_ns FROM loyalty_lot WHERE member_id = ? AND remaining > 0 AND pending_until IS NULL"
            + " AND expires_at IS NOT NULL AND lot_id <> '" + Lot.DEBT_LOT + "'"
            + " UNION ALL SELECT expires_at, expires_at_ns FROM loyalty_hold WHERE member_id = ? AND status = '" + HoldStatus.ACTIVE.name() + "'"
            + ") dues ORDER BY due, due_ns LIMIT 1";
    private static final String QUALIFYING = "SELECT COALESCE(SUM(spend), 0) AS q_spend, COALESCE(SUM(points), 0) AS q_points,"
            + " COALESCE(SUM(purchases), 0) AS q_purchases " + JdbcTiers.QUALIFYING_ROWS;
    private static final String EARNED = "SELECT COALESCE(SUM(points), 0) AS earned " + JdbcMapping.EARNED_ROWS;
    /** The stored segment's columns from {@code loyalty_member_segment s}, read by {@link #readSegment}. */
    static final String SEGMENT_COLUMNS = "s.segment AS s_segment, s.recency_score AS s_recency, s.frequency_score AS s_frequency,"
            + " s.monetary_score AS s_monetary, s.scored_on AS s_scored_on";

    /** The query for each combination of what may be asked, indexed by {@link #variant(ReadAhead)}. */
    private static final String[] SQL = new String[8];

    static {
        for (int v = 0; v < SQL.length; v++) {
            SQL[v] = sql((v & 1) != 0, (v & 2) != 0, (v & 4) != 0);
        }
    }

    private JdbcMemberReads() {
    }

    /**
     * What was read.
     *
     * @param asked what the query was asked for beyond what it always reads
     * @param tierState the tier state, or null when none is stored
     * @param referral the referral in which the member is the referee, or null
     * @param nextDueAt the earliest due instant of a lot or hold, or null
     * @param owedOnDebtLot the points owed on the debt lot ({@link Lot#DEBT_LOT}), its remainder negated; 0 without one
     * @param qualifying the qualifying totals of the asked range, or null when not asked
     * @param earned the points earned in the asked range, or null when not asked
     * @param segment the stored segment, or null when none is stored or it was not asked
     */
    record Reads(ReadAhead asked, TierState tierState, Referral referral, Instant nextDueAt, long owedOnDebtLot, QualifyingSums qualifying,
                 BigDecimal earned, MemberSegment segment) {
    }

    /**
     * Qualifying totals as the database summed them, checked for range only when used.
     *
     * @param spend the summed spend
     * @param points the summed points
     * @param purchases the summed purchase count
     */
    record QualifyingSums(BigDecimal spend, BigDecimal points, BigDecimal purchases) {

        /** Returns the totals of a range; throws {@code PointsOverflowException} when a count leaves the range of long. */
        Qualifying toQualifying(LocalDate from, LocalDate to) {
            return JdbcTiers.qualifying(spend, points, purchases, from, to);
        }
    }

    /** Reads what a member's events read beside the member row; the member row exists and is locked. */
    static Reads read(Connection connection, MemberId memberId, ReadAhead asked) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SQL[variant(asked)])) {
            String id = memberId.value();
            int i = 1;
            // the three branches of NEXT_DUE
            ps.setString(i++, id);
            ps.setString(i++, id);
            ps.setString(i++, id);
            if (asked.qualifyingFrom() != null) {
                ps.setString(i++, id);
                ps.setObject(i++, asked.qualifyingFrom(), Types.DATE);
                ps.setObject(i++, asked.qualifyingTo(), Types.DATE);
            }
            if (asked.earnedFrom() != null) {
                i = bindEarned(ps, i, id, asked.earnedFrom(), asked.earnedTo());
            }
            ps.setString(i, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the row of member " + memberId + " vanished while locked", "40001");
                }
                return new Reads(asked, rs.getString("earned_tier") == null ? null : JdbcTiers.readState(rs),
                        rs.getString("referee_id") == null ? null : JdbcReferrals.read(rs), JdbcMapping.readInstant(rs, "due"),
                        -rs.getLong("debt_remaining"),
                        asked.qualifyingFrom() == null ? null
                                : new QualifyingSums(rs.getBigDecimal("q_spend"), rs.getBigDecimal("q_points"), rs.getBigDecimal("q_purchases")),
                        asked.earnedFrom() == null ? null : rs.getBigDecimal("earned"),
                        asked.segment() ? readSegment(rs, memberId) : null);
            }
        }
    }

    /** Reads the {@link #SEGMENT_COLUMNS} of a row, joined to the member's row; null when the member has no stored segment. */
    static MemberSegment readSegment(ResultSet rs, MemberId memberId) throws SQLException {
        return rs.getString("s_segment") == null ? null
                : new MemberSegment(memberId, rs.getString("s_segment"), rs.getInt("s_recency"), rs.getInt("s_frequency"),
                        rs.getInt("s_monetary"), rs.getObject("s_scored_on", LocalDate.class));
    }

    /** Binds the parameters of {@link JdbcMapping#SUM_EARNED} from an index; returns the next index. */
    static int bindEarned(PreparedStatement ps, int index, String memberId, Instant fromInclusive, Instant toExclusive) throws SQLException {
        int i = index;
        ps.setString(i++, memberId);
        ps.setString(i++, EntryType.EARN.name());
        ps.setString(i++, EntryType.PENDING.name());
        ps.setObject(i++, JdbcMapping.micros(fromInclusive));
        ps.setObject(i++, JdbcMapping.micros(fromInclusive));
        ps.setInt(i++, fromInclusive.getNano());
        ps.setObject(i++, JdbcMapping.micros(toExclusive));
        ps.setObject(i++, JdbcMapping.micros(toExclusive));
        ps.setInt(i++, toExclusive.getNano());
        return i;
    }

    private static int variant(ReadAhead asked) {
        return (asked.qualifyingFrom() != null ? 1 : 0) | (asked.earnedFrom() != null ? 2 : 0) | (asked.segment() ? 4 : 0);
    }

    private static String sql(boolean qualifying, boolean earned, boolean segment) {
        StringBuilder sql = new StringBuilder("SELECT ").append(prefixed("t", JdbcTiers.STATE_COLUMNS)).append(", ")
                .append(prefixed("r", JdbcReferrals.COLUMNS)).append(", d.due, d.due_ns, dl.remaining AS debt_remaining");
        if (qualifying) {
            sql.append(", q.q_spend, q.q_points, q.q_purchases");
        }
        if (earned) {
            sql.append(", e.earned");
        }
        if (segment) {
            sql.append(", ").append(SEGMENT_COLUMNS);
        }
        sql.append(" FROM loyalty_member m LEFT JOIN loyalty_tier_state t ON t.member_id = m.member_id")
                .append(" LEFT JOIN loyalty_referral r ON r.referee_id = m.member_id")
                .append(" LEFT JOIN (").append(NEXT_DUE).append(") d ON 1 = 1")
                .append(" LEFT JOIN loyalty_lot dl ON dl.member_id = m.member_id AND dl.lot_id = '").append(Lot.DEBT_LOT).append("'");
        if (qualifying) {
            sql.append(" CROSS JOIN (").append(QUALIFYING).append(") q");
        }
        if (earned) {
            sql.append(" CROSS JOIN (").append(EARNED).append(") e");
        }
        if (segment) {
            sql.append(" LEFT JOIN loyalty_member_segment s ON s.member_id = m.member_id");
        }
        return sql.append(" WHERE m.member_id = ?").toString();
    }

    /** Returns a comma-separated column list with each column prefixed by a table alias. */
    static String prefixed(String alias, String columns) {
        return Arrays.stream(columns.split(",")).map(String::strip).map(column -> alias + "." + column).collect(Collectors.joining(", "));
    }
}
