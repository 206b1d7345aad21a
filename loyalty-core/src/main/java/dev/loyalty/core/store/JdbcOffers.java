package dev.loyalty.core.store;

import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Offer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The SQL of the offers table: look-ups by code and by member, and the writes of an event's offers. */
final class JdbcOffers {

    private JdbcOffers() {
    }

    /** Looks an offer up by its code. */
    static Optional<Offer> find(Connection connection, String code) throws SQLException {
        return JdbcRows.one(connection, JdbcMapping.SELECT_OFFER, code, JdbcMapping::readOffer);
    }

    /** Lists a member's offers in the order they were made. */
    static List<Offer> ofMember(Connection connection, MemberId memberId) throws SQLException {
        return JdbcRows.list(connection, JdbcMapping.SELECT_OFFERS, memberId.value(), JdbcMapping::readOffer);
    }

    /**
     * Inserts new offers and updates the state of existing ones, by offer code, in the caller's
     * transaction; the member row is locked, so the two steps cannot race for this member. An
     * offer code another member holds updates no row and fails the transaction.
     */
    static void write(Connection connection, MemberId memberId, List<Offer> offers) throws SQLException {
        for (Offer offer : offers) {
            try (PreparedStatement insert = connection.prepareStatement(JdbcMapping.INSERT_OFFER_IF_ABSENT)) {
                int i = JdbcMapping.bindOffer(insert, 1, offer);
                insert.setString(i, offer.code());
                if (insert.executeUpdate() == 1) {
                    continue;
                }
            }
            try (PreparedStatement update = connection.prepareStatement(JdbcMapping.UPDATE_OFFER)) {
                int i = JdbcMapping.bindOfferState(update, 1, offer);
                update.setString(i++, offer.code());
                update.setString(i, memberId.value());
                if (update.executeUpdate() != 1) {
                    throw new IllegalArgumentException("offer code " + offer.code() + " of member " + memberId + " is held by another member");
                }
            }
        }
    }
}
