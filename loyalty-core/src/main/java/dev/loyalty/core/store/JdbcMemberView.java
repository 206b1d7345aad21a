package dev.loyalty.core.store;

import dev.loyalty.core.StoreException;
import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.CampaignBudget;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.ReadAhead;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import dev.loyalty.core.tier.Qualifying;
import dev.loyalty.core.tier.TierState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import dev.loyalty.core.referral.Referral;
import java.util.function.Consumer;

/**
 * A member's state inside a {@link JdbcStore} transaction, with the member row locked: the
 * member and counters come from the locked row; the tier state, the referral, the next due
 * instant, what is owed on the debt lot and what the work says it will read ({@link #readAhead}) come from one more query
 * ({@link JdbcMemberReads}) the first time any of them is needed; lots, holds, offers and sums
 * of other ranges are queried on demand on the same connection. A query that fails is reported
 * to the store before it is thrown, so the store can retry the transaction whatever the work
 * does with the exception.
 */
final class JdbcMemberView implements MemberView {

    /** The most {@link #pointsEarnedBetween} answers. */
    private static final BigDecimal MAX_EARNED = BigDecimal.valueOf(Long.MAX_VALUE);

    private final Connection connection;
    private final MemberId memberId;
    private final JdbcMapping.MemberRow row;
    private final Consumer<SQLException> failures;
    private List<Lot> lots;
    private List<Hold> holds;
    private JdbcMemberReads.Reads reads;
    private List<Offer> offers;

    JdbcMemberView(Connection connection, MemberId memberId, JdbcMapping.MemberRow row, Consumer<SQLException> failures) {
        this.connection = connection;
        this.memberId = memberId;
        this.row = row;
        this.failures = failures;
    }

    @Override
    public void readAhead(Supplier<ReadAhead> asked) {
        if (row != null && reads == null) {
            reads = read(asked.get());
        }
    }

    /** Returns what was read beside the member row, reading it now when nothing was asked ahead. */
    private JdbcMemberReads.Reads reads() {
        if (reads == null) {
            reads = read(ReadAhead.NOTHING);
        }
        return reads;
    }

    private JdbcMemberReads.Reads read(ReadAhead asked) {
        try {
            return JdbcMemberReads.read(connection, memberId, asked);
        } catch (SQLException e) {
            throw failed("read the tier state, referral and dues of member " + memberId, e);
        }
    }

    @Override
    public Optional<Member> member() {
        return row == null ? Optional.empty() : Optional.of(row.member());
    }

    @Override
    public Points balance() {
        return row == null ? Points.ZERO : Points.of(row.balance());
    }

    @Override
    public long lastSequence() {
        return row == null ? 0 : row.lastSequence();
    }

    @Override
    public long pointsEarnedBetween(Instant fromInclusive, Instant toExclusive) {
        if (row == null || !fromInclusive.isBefore(toExclusive)) {
            return 0;
        }
        BigDecimal sum;
        if (reads != null && reads.asked().hasEarned(fromInclusive, toExclusive)) {
            sum = reads.earned();
        } else {
            try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.SUM_EARNED)) {
                JdbcMemberReads.bindEarned(ps, 1, memberId.value(), fromInclusive, toExclusive);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sum = rs.getBigDecimal(1);
                }
            } catch (SQLException e) {
                throw failed("sum the points earned by member " + memberId, e);
            }
        }
        // at most Long.MAX_VALUE, as the in-memory store counts them: no daily cap leaves room beyond it
        return sum.compareTo(MAX_EARNED) > 0 ? Long.MAX_VALUE : sum.longValueExact();
    }

    @Override
    public Instant nextDueAt() {
        return row == null ? null : reads().nextDueAt();
    }

    @Override
    public long owedOnDebtLot() {
        return row == null ? 0 : reads().owedOnDebtLot();
    }

    @Override
    public List<Lot> lots() {
        if (row == null) {
            return List.of();
        }
        if (lots == null) {
            List<Lot> loaded = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.SELECT_LOTS)) {
                ps.setString(1, memberId.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        loaded.add(JdbcMapping.readLot(rs));
                    }
                }
            } catch (SQLException e) {
                throw failed("read the lots of member " + memberId, e);
            }
            lots = List.copyOf(loaded);
        }
        return lots;
    }

    @Override
    public List<Hold> holds() {
        if (row == null) {
            return List.of();
        }
        if (holds == null) {
            List<Hold> loaded = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.SELECT_HOLDS)) {
                ps.setString(1, memberId.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        loaded.add(JdbcMapping.readHold(rs));
                    }
                }
            } catch (SQLException e) {
                throw failed("read the holds of member " + memberId, e);
            }
            holds = List.copyOf(loaded);
        }
        return holds;
    }

    @Override
    public Account account() {
        return row == null ? Account.NEW : row.account();
    }

    @Override
    public TierState tierState() {
        return row == null ? null : reads().tierState();
    }

    @Override
    public Qualifying qualifying(LocalDate fromInclusive, LocalDate toInclusive) {
        if (row == null || toInclusive.isBefore(fromInclusive)) {
            return Qualifying.ZERO;
        }
        if (reads != null && reads.asked().hasQualifying(fromInclusive, toInclusive)) {
            return reads.qualifying().toQualifying(fromInclusive, toInclusive);
        }
        try {
            return JdbcTiers.sum(connection, memberId, fromInclusive, toInclusive);
        } catch (SQLException e) {
            throw failed("sum the qualifying totals of member " + memberId, e);
        }
    }

    @Override
    public OfferBook offerBook() {
        return row == null ? OfferBook.NEW : row.offerBook();
    }

    @Override
    public List<Offer> offers() {
        if (row == null) {
            return List.of();
        }
        if (offers == null) {
            List<Offer> loaded = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.SELECT_OFFERS)) {
                ps.setString(1, memberId.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        loaded.add(JdbcMapping.readOffer(rs));
                    }
                }
            } catch (SQLException e) {
                throw failed("read the offers of member " + memberId, e);
            }
            offers = List.copyOf(loaded);
        }
        return offers;
    }

    @Override
    public Optional<MemberSegment> segment() {
        if (row == null) {
            return Optional.empty();
        }
        if (reads != null && reads.asked().segment()) {
            return Optional.ofNullable(reads.segment());
        }
        try {
            return JdbcSegments.find(connection, memberId);
        } catch (SQLException e) {
            throw failed("read the segment of member " + memberId, e);
        }
    }

    @Override
    public long campaignPoints(String campaign) {
        if (row == null) {
            return 0;
        }
        try {
            return JdbcBudgets.memberPoints(connection, memberId, campaign);
        } catch (SQLException e) {
            throw failed("read the points of member " + memberId + " from campaign " + campaign, e);
        }
    }

    @Override
    public Optional<Referral> referral() {
        return row == null ? Optional.empty() : Optional.ofNullable(reads().referral());
    }

    @Override
    public long campaignBudgetSpent(String campaign) {
        try {
            return JdbcBudgets.find(connection, campaign).map(CampaignBudget::spent).orElse(0L);
        } catch (SQLException e) {
            throw failed("read the budget of campaign " + campaign, e);
        }
    }

    @Override
    public List<Referral> referralsMade() {
        if (row == null) {
            return List.of();
        }
        try {
            return List.copyOf(JdbcReferrals.madeBy(connection, memberId));
        } catch (SQLException e) {
            throw failed("read the referrals made by member " + memberId, e);
        }
    }

    private StoreException failed(String what, SQLException e) {
        failures.accept(e);
        String state = SqlFailures.state(e);
        return new StoreException("could not " + what + ": " + SqlFailures.describe(e), state, SqlFailures.isTransient(state), e);
    }
}
