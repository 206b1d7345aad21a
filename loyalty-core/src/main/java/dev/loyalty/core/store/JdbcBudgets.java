package dev.loyalty.core.store;

import dev.loyalty.core.model.CampaignBudget;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.CampaignDraw;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of campaign budgets and member campaign totals, {@code loyalty_campaign_budget} and
 * {@code loyalty_member_campaign} (schema version 7).
 */
final class JdbcBudgets {

    static final String SELECT_BUDGET = "SELECT campaign, total, spent FROM loyalty_campaign_budget WHERE campaign = ?";
    static final String LOCK_BUDGET = "SELECT spent FROM loyalty_campaign_budget WHERE campaign = ? FOR UPDATE";
    static final String INSERT_BUDGET = "INSERT INTO loyalty_campaign_budget (campaign, total, spent) VALUES (?, ?, 0)";
    /** The draw itself: conditional, so the database refuses an overspend even if the lock were lost. */
    static final String DRAW_BUDGET = "UPDATE loyalty_campaign_budget SET spent = spent + ?, total = ? WHERE campaign = ? AND spent <= ? - ?";
    static final String SELECT_MEMBER_POINTS = "SELECT points FROM loyalty_member_campaign WHERE member_id = ? AND campaign = ?";
    /** Adds a draw to a member's total, at most {@link Long#MAX_VALUE}, as {@link EarnedPoints#plus} does in memory. */
    static final String ADD_MEMBER_POINTS = "UPDATE loyalty_member_campaign SET points = CASE WHEN points > ? THEN ? ELSE points + ? END"
            + " WHERE member_id = ? AND campaign = ?";
    static final String INSERT_MEMBER_POINTS = "INSERT INTO loyalty_member_campaign (member_id, campaign, points) VALUES (?, ?, ?)";

    private JdbcBudgets() {
    }

    /** Reads a campaign's budget. */
    static Optional<CampaignBudget> find(Connection connection, String campaign) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SELECT_BUDGET)) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CampaignBudget(rs.getString(1), rs.getLong(2), rs.getLong(3))) : Optional.empty();
            }
        }
    }

    /** Reads the points a member earned from a campaign; 0 when none. */
    static long memberPoints(Connection connection, MemberId memberId, String campaign) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SELECT_MEMBER_POINTS)) {
            ps.setString(1, memberId.value());
            ps.setString(2, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * Draws the points from the budgets, locking the budget rows in campaign order (so two
     * transactions never wait on each other in a cycle), and adds them to the member's totals
     * (the member row is locked already).
     *
     * @return false, having changed nothing that is not rolled back, when a draw does not fit what remains
     */
    static boolean draw(Connection connection, MemberId memberId, List<CampaignDraw> draws) throws SQLException {
        List<CampaignDraw> ordered = new ArrayList<>(draws);
        ordered.sort(Comparator.comparing(CampaignDraw::campaign));
        for (CampaignDraw draw : ordered) {
            if (!draw.budgeted()) {
                continue;
            }
            boolean exists;
            try (PreparedStatement ps = connection.prepareStatement(LOCK_BUDGET)) {
                ps.setString(1, draw.campaign());
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                // a concurrent first draw makes this a unique violation, and the transaction runs again
                try (PreparedStatement ps = connection.prepareStatement(INSERT_BUDGET)) {
                    ps.setString(1, draw.campaign());
                    ps.setLong(2, draw.budget());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(DRAW_BUDGET)) {
                ps.setLong(1, draw.points());
                ps.setLong(2, draw.budget());
                ps.setString(3, draw.campaign());
                // what remains, not spent + points: that sum may pass what a bigint holds
                ps.setLong(4, draw.budget());
                ps.setLong(5, draw.points());
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
        }
        for (CampaignDraw draw : ordered) {
            try (PreparedStatement ps = connection.prepareStatement(ADD_MEMBER_POINTS)) {
                // the total is only compared with member limits: kept at what a bigint holds rather than refused
                ps.setLong(1, Long.MAX_VALUE - draw.points());
                ps.setLong(2, Long.MAX_VALUE);
                ps.setLong(3, draw.points());
                ps.setString(4, memberId.value());
                ps.setString(5, draw.campaign());
                if (ps.executeUpdate() == 1) {
                    continue;
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(INSERT_MEMBER_POINTS)) {
                ps.setString(1, memberId.value());
                ps.setString(2, draw.campaign());
                ps.setLong(3, draw.points());
                ps.executeUpdate();
            }
        }
        return true;
    }
}
