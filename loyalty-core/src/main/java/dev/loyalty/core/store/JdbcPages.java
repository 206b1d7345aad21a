package dev.loyalty.core.store;

import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.referral.Referral;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The JDBC store's walks over all members and all referrals ({@link JdbcStore#forEachMember},
 * {@link JdbcStore#forEachReferral}): keyset pagination, one read per page on a connection of
 * its own, and no connection held while the consumer runs.
 */
final class JdbcPages {

    /** The most members one page of {@link JdbcStore#forEachMember} reads. */
    static final int MEMBER_PAGE = 500;

    private JdbcPages() {
    }

    /**
     * Hands the consumer the members from {@code fromInclusive} (or the first) up to
     * {@code toExclusive} (or the last), in id order.
     */
    static void forEachMember(JdbcConnections connections, MemberId fromInclusive, MemberId toExclusive, Consumer<Member> consumer) {
        MemberId after = null;
        while (true) {
            MemberId from = after;
            String sql = from != null ? JdbcMapping.MEMBERS_AFTER : fromInclusive != null ? JdbcMapping.MEMBERS_FROM : JdbcMapping.FIRST_MEMBERS;
            List<Member> page = connections.read("list the members after " + (from == null ? "the start" : from.toString()),
                    connection -> memberPage(connection, sql, from, fromInclusive));
            for (Member member : page) {
                if (toExclusive != null && member.id().compareTo(toExclusive) >= 0) {
                    return;
                }
                consumer.accept(member);
            }
            if (page.size() < MEMBER_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** Hands the consumer every referral, in referee-id order. */
    static void forEachReferral(JdbcConnections connections, Consumer<Referral> consumer) {
        MemberId after = null;
        while (true) {
            MemberId from = after;
            List<Referral> page = connections.read("list the referrals", connection -> JdbcReferrals.page(connection, from));
            page.forEach(consumer);
            if (page.size() < JdbcReferrals.PAGE) {
                return;
            }
            after = page.get(page.size() - 1).refereeId();
        }
    }

    /**
     * One page of up to {@value #MEMBER_PAGE} members by the SQL given: those after {@code from}
     * when it is set, else those from {@code fromInclusive} when it is set, else the first.
     */
    static List<Member> memberPage(Connection connection, String sql, MemberId from, MemberId fromInclusive) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            if (from != null) {
                ps.setString(i++, from.value());
            } else if (fromInclusive != null) {
                ps.setString(i++, fromInclusive.value());
            }
            ps.setInt(i, MEMBER_PAGE);
            List<Member> members = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(JdbcMapping.readMember(rs).member());
                }
            }
            return members;
        }
    }
}
