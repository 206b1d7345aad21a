package dev.loyalty.core.store;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.referral.Referral;
import dev.loyalty.core.referral.ReferralRejection;
import dev.loyalty.core.referral.ReferralStatus;
import dev.loyalty.core.spi.ReferralUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The SQL of the referral tables (schema version 6): codes, identity fingerprints and referrals. */
final class JdbcReferrals {

    /** Referrals per page when streaming them all. */
    static final int PAGE = 500;

    static final String COLUMNS = "referee_id, referrer_id, code, signed_up_at, signed_up_at_ns, status, rejection,"
            + " qualifying_event, qualified_at, qualified_at_ns, settled_at, settled_at_ns, star_quarter";
    static final String SELECT_BY_REFEREE = "SELECT " + COLUMNS + " FROM loyalty_referral WHERE referee_id = ?";
    static final String SELECT_BY_REFERRER = "SELECT " + COLUMNS + " FROM loyalty_referral WHERE referrer_id = ? ORDER BY referee_id";
    static final String FIRST_PAGE = "SELECT " + COLUMNS + " FROM loyalty_referral ORDER BY referee_id LIMIT ?";
    static final String PAGE_AFTER = "SELECT " + COLUMNS + " FROM loyalty_referral WHERE referee_id > ? ORDER BY referee_id LIMIT ?";
    private static final String UPDATE = "UPDATE loyalty_referral SET referrer_id = ?, code = ?, signed_up_at = ?, signed_up_at_ns = ?,"
            + " status = ?, rejection = ?, qualifying_event = ?, qualified_at = ?, qualified_at_ns = ?, settled_at = ?, settled_at_ns = ?,"
            + " star_quarter = ? WHERE referee_id = ?";
    private static final String INSERT = "INSERT INTO loyalty_referral (referrer_id, code, signed_up_at, signed_up_at_ns, status,"
            + " rejection, qualifying_event, qualified_at, qualified_at_ns, settled_at, settled_at_ns, star_quarter, referee_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_IDENTITY = "INSERT INTO loyalty_member_identity (fingerprint, member_id) VALUES (?, ?)";
    private static final String SELECT_IDENTITY = "SELECT fingerprint FROM loyalty_member_identity WHERE member_id = ?";
    private static final String SELECT_BY_FINGERPRINT = "SELECT member_id FROM loyalty_member_identity WHERE fingerprint = ?";
    static final String SELECT_CODE_OWNER = "SELECT member_id FROM loyalty_referral_code WHERE code = ?";
    static final String SELECT_CODE = "SELECT code FROM loyalty_referral_code WHERE member_id = ?";
    static final String INSERT_CODE = "INSERT INTO loyalty_referral_code (code, member_id) VALUES (?, ?)";

    private JdbcReferrals() {
    }

    /** Writes a member's referral changes in the caller's transaction: referrals replaced by referee, fingerprints added. */
    static void write(Connection connection, MemberId memberId, ReferralUpdate update) throws SQLException {
        for (Referral referral : update.referrals()) {
            boolean updated;
            try (PreparedStatement ps = connection.prepareStatement(UPDATE)) {
                bind(ps, referral);
                updated = ps.executeUpdate() == 1;
            }
            if (!updated) {
                try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                    bind(ps, referral);
                    ps.executeUpdate();
                }
            }
        }
        Set<String> known = identity(connection, memberId);
        try (PreparedStatement ps = connection.prepareStatement(INSERT_IDENTITY)) {
            boolean any = false;
            for (String fingerprint : update.identity()) {
                if (known.contains(fingerprint)) {
                    continue;
                }
                ps.setString(1, fingerprint);
                ps.setString(2, memberId.value());
                ps.addBatch();
                any = true;
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement ps, Referral referral) throws SQLException {
        ps.setString(1, referral.referrerId().value());
        ps.setString(2, referral.code());
        int i = JdbcMapping.bindInstant(ps, 3, referral.signedUpAt());
        ps.setString(i++, referral.status().name());
        ps.setString(i++, referral.rejection() == null ? null : referral.rejection().name());
        ps.setString(i++, referral.qualifyingEventId() == null ? null : referral.qualifyingEventId().value());
        i = JdbcMapping.bindInstant(ps, i, referral.qualifiedAt());
        i = JdbcMapping.bindInstant(ps, i, referral.settledAt());
        ps.setString(i++, referral.starQuarter());
        ps.setString(i, referral.refereeId().value());
    }

    /** Reads one referral row. */
    static Referral read(ResultSet rs) throws SQLException {
        String rejection = rs.getString("rejection");
        String event = rs.getString("qualifying_event");
        return new Referral(MemberId.of(rs.getString("referee_id")), MemberId.of(rs.getString("referrer_id")), rs.getString("code"),
                JdbcMapping.readInstant(rs, "signed_up_at"), ReferralStatus.valueOf(rs.getString("status")),
                rejection == null ? null : ReferralRejection.valueOf(rejection), event == null ? null : EventId.of(event),
                JdbcMapping.readInstant(rs, "qualified_at"), JdbcMapping.readInstant(rs, "settled_at"), rs.getString("star_quarter"));
    }

    /** Looks up the referral of a referee. */
    static Optional<Referral> find(Connection connection, MemberId referee) throws SQLException {
        List<Referral> found = list(connection, SELECT_BY_REFEREE, referee.value());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Lists a referrer's referrals in referee order. */
    static List<Referral> madeBy(Connection connection, MemberId referrer) throws SQLException {
        return list(connection, SELECT_BY_REFERRER, referrer.value());
    }

    private static List<Referral> list(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, key);
            List<Referral> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        }
    }

    /** Reads a page of referrals after a referee, or from the start. */
    static List<Referral> page(Connection connection, MemberId after) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(after == null ? FIRST_PAGE : PAGE_AFTER)) {
            int i = 1;
            if (after != null) {
                ps.setString(i++, after.value());
            }
            ps.setInt(i, PAGE);
            List<Referral> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        }
    }

    /** Reads a member's fingerprints. */
    static Set<String> identity(Connection connection, MemberId memberId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SELECT_IDENTITY)) {
            ps.setString(1, memberId.value());
            Set<String> found = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }

    /** Finds the members with any of the fingerprints, in id order. */
    static List<MemberId> byIdentity(Connection connection, Set<String> fingerprints) throws SQLException {
        TreeSet<MemberId> found = new TreeSet<>();
        try (PreparedStatement ps = connection.prepareStatement(SELECT_BY_FINGERPRINT)) {
            for (String fingerprint : fingerprints) {
                ps.setString(1, fingerprint);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(MemberId.of(rs.getString(1)));
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * Inserts a member's referral code and commits unless the connection auto-commits; inserts
     * nothing and answers false when the member already has a code.
     */
    static boolean insertCode(Connection connection, MemberId memberId, String code) throws SQLException {
        if (single(connection, SELECT_CODE, memberId.value()).isPresent()) {
            return false;
        }
        try (PreparedStatement ps = connection.prepareStatement(INSERT_CODE)) {
            ps.setString(1, code);
            ps.setString(2, memberId.value());
            ps.executeUpdate();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return true;
    }

    /** Reads a single string column of the first row, if any. */
    static Optional<String> single(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
