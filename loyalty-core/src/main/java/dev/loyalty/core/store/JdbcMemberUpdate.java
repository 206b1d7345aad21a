package dev.loyalty.core.store;

import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.spi.MemberChanges;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The update of an enrolled member's row after an event: the balance and last sequence alone
 * when nothing else of the row changed, else the whole row; either conditional on the last
 * sequence read under the lock, so exactly one row must change.
 */
record JdbcMemberUpdate(String sql, MemberId memberId, JdbcMapping.MemberRow row, Member member, Account account, OfferBook book,
                        long balance, long lastSequence, boolean countersOnly) {

    /** Returns the update the changes need, or null when they leave the row as it is (or there is no row yet). */
    static JdbcMemberUpdate of(MemberId memberId, JdbcMapping.MemberRow row, MemberChanges changes, long balance) {
        List<LedgerEntry> entries = changes.entries();
        if (row == null || changes.member() == null && changes.account() == null && changes.offerBook() == null && entries.isEmpty()) {
            return null;
        }
        long lastSequence = entries.isEmpty() ? row.lastSequence() : entries.get(entries.size() - 1).sequence();
        Member member = changes.member() != null ? changes.member() : row.member();
        Account account = changes.account() != null ? changes.account() : row.account();
        OfferBook book = changes.offerBook() != null ? changes.offerBook() : row.offerBook();
        boolean countersOnly = member.equals(row.member()) && account.equals(row.account()) && book.equals(row.offerBook());
        return new JdbcMemberUpdate(countersOnly ? JdbcMapping.UPDATE_MEMBER_COUNTERS : JdbcMapping.UPDATE_MEMBER, memberId, row, member,
                account, book, balance, lastSequence, countersOnly);
    }

    /** Binds the update's parameters. */
    void bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        if (countersOnly) {
            ps.setLong(i++, balance);
            ps.setLong(i++, lastSequence);
        } else {
            i = JdbcMapping.bindMember(ps, i, member, balance, lastSequence, account, book);
        }
        ps.setString(i++, memberId.value());
        ps.setLong(i, row.lastSequence());
    }

    /** The failure when the row did not change: another writer changed it although it was locked; retried as a serialization failure. */
    SQLException changedWhileLocked() {
        return new SQLException("the row of member " + memberId + " changed while locked", "40001");
    }
}
