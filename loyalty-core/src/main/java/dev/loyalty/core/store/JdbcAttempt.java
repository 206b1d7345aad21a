package dev.loyalty.core.store;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.sql.SQLException;

/**
 * The state of one call to {@link JdbcStore#apply} across its attempts: the step the current one
 * is at, the event it records, a failed query the work may have swallowed and the budget races
 * lost so far. Not public API.
 */
final class JdbcAttempt {

    Step step = Step.CONNECT;
    EventId eventId;
    SQLException viewFailure;
    int budgetRaces;

    /** Starts another attempt: at the first step, with no failed query. */
    void start() {
        step = Step.CONNECT;
        viewFailure = null;
    }

    /** Keeps the first query of the work's view that failed. */
    void viewFailed(SQLException e) {
        if (viewFailure == null) {
            viewFailure = e;
        }
    }

    /** Names the event and member, for a failure's message. */
    String describe(MemberId memberId) {
        return (eventId == null ? "an event" : "event " + eventId) + " of member " + memberId;
    }

    /** Where a transaction attempt is, so a failure can be read in context. */
    enum Step {
        CONNECT("getting a connection"),
        LOCK("locking the member row"),
        WORK("running the work"),
        INSERT_MEMBER("inserting the member"),
        INSERT_EVENT("inserting the event"),
        INSERT_STEPS("inserting the explanation"),
        INSERT_ENTRIES("inserting the ledger entries"),
        INSERT_LOTS("writing a lot"),
        UPDATE_LOTS("updating a lot"),
        INSERT_RETURNS("inserting the returns"),
        WRITE_HOLDS("writing a hold"),
        WRITE_TIERS("writing the tier bookkeeping"),
        WRITE_OFFERS("writing an offer"),
        DRAW_BUDGETS("drawing on campaign budgets"),
        WRITE_REFERRALS("writing the referrals"),
        UPDATE_MEMBER("updating the member"),
        COMMIT("committing");

        final String text;

        Step(String text) {
            this.text = text;
        }
    }

    /** A campaign budget draw that no longer fits; the transaction is rolled back and the work runs again. */
    static final class BudgetRace extends SQLException {
        private static final long serialVersionUID = 1L;

        BudgetRace() {
            super("a campaign budget draw no longer fits what remains", "40001");
        }
    }
}
