package dev.loyalty.core.store;

import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.StoreException;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.AppliedWork;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.MemberWork;
import dev.loyalty.core.spi.StoredEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC store's write transactions: {@link JdbcStore#apply}'s transaction per event (lock
 * the member row, run the work, write, commit) with its retries, its answer when another
 * transaction recorded the event first and its budget races, and {@link JdbcStore#applyAll}'s
 * one transaction for a run of works, which locks the run's members in order and lets the
 * usual event's rows wait in {@link JdbcDeferredWrites} on PostgreSQL.
 */
final class JdbcTransactions {

    /** Logs under the store's name, as before these transactions left it. */
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    /** How often one event may find that others drew on a campaign budget first before the store gives up. */
    private static final int MAX_BUDGET_RACES = 10_000;

    private final JdbcConnections connections;
    /** The store's {@link JdbcStore#findEvent}, which answers when another transaction recorded the event first. */
    private final Function<EventId, Optional<StoredEvent>> findEvent;

    JdbcTransactions(JdbcConnections connections, Function<EventId, Optional<StoredEvent>> findEvent) {
        this.connections = connections;
        this.findEvent = findEvent;
    }

    /**
     * Applies one work in a transaction of its own, running it again on the failures
     * {@link JdbcStore#apply} retries; see the store's class comment.
     */
    StoredEvent apply(MemberId memberId, Function<MemberView, MemberChanges> work) {
        JdbcAttempt attempt = new JdbcAttempt();
        for (int number = 1; ; number++) {
            attempt.start();
            SQLException failure;
            try {
                return applyOnce(memberId, work, attempt);
            } catch (JdbcAttempt.BudgetRace race) {
                // another member's event drew on a budget first: run the work again, now seeing what remains
                if (++attempt.budgetRaces > MAX_BUDGET_RACES) {
                    throw new StoreException("gave up on " + attempt.describe(memberId) + " after " + attempt.budgetRaces
                            + " draws on campaign budgets that others drew on first", race.getSQLState(), true, race);
                }
                number--;
                continue;
            } catch (SQLException e) {
                failure = e;
            }
            String state = SqlFailures.state(failure);
            if (SqlFailures.isUniqueViolation(state) && attempt.step == JdbcAttempt.Step.INSERT_EVENT) {
                // recorded first by a transaction that has committed by now: answer with that event
                Optional<StoredEvent> earlier = findEvent.apply(attempt.eventId);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            } else if (!(SqlFailures.isUniqueViolation(state) && (attempt.step == JdbcAttempt.Step.INSERT_MEMBER || attempt.step == JdbcAttempt.Step.DRAW_BUDGETS))
                    && !SqlFailures.isTransient(failure)) {
                throw new StoreException("could not apply " + attempt.describe(memberId) + " (at " + attempt.step.text + "): "
                        + SqlFailures.describe(failure), state, false, failure);
            }
            if (number > connections.maxRetries) {
                throw new StoreException("gave up on " + attempt.describe(memberId) + " after " + number + " attempts; the last failed at "
                        + attempt.step.text + " with " + SqlFailures.describe(failure), state, true, failure);
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("retrying {} after {} at {} (attempt {} of {})", attempt.describe(memberId), state, attempt.step.text,
                        number + 1, connections.maxRetries + 1);
            }
            JdbcConnections.pause(number, memberId);
        }
    }

    /** One transaction for a run of works: lock the members in order, then lock, work and write each, and commit once. */
    List<AppliedWork> applyTogether(List<MemberWork> works) throws SQLException {
        try (Connection connection = connections.dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL's lot upsert lets lots wait in a batch; on other databases each event writes at once
            JdbcDeferredWrites deferred = connections.isPostgres(connection) ? new JdbcDeferredWrites(connection) : null;
            try {
                if (autoCommit) {
                    connection.setAutoCommit(false);
                }
                List<String> members = works.stream().map(work -> work.memberId().value()).distinct().sorted().toList();
                JdbcRows.listAny(connection, JdbcMapping.LOCK_MEMBERS, members, rs -> rs.getString(1));
                List<AppliedWork> results = new ArrayList<>(works.size());
                for (MemberWork work : works) {
                    MemberId memberId = work.memberId();
                    if (deferred != null && deferred.holds(memberId)) {
                        // the member's earlier event of this run must be in before the member is read again
                        deferred.flush();
                    }
                    JdbcAttempt attempt = new JdbcAttempt();
                    JdbcMapping.MemberRow row = JdbcLookups.selectMember(connection, JdbcMapping.LOCK_MEMBER, memberId).orElse(null);
                    JdbcMemberView view = new JdbcMemberView(connection, memberId, row, attempt::viewFailed);
                    MemberChanges changes;
                    boolean writes;
                    long balance;
                    try {
                        changes = runWork(work.work(), view, attempt);
                        writes = changes != null && !changes.isEmpty();
                        balance = writes ? checkChanges(memberId, row, changes) : 0;
                    } catch (LoyaltyException e) {
                        results.add(AppliedWork.refused(e));
                        continue;
                    }
                    if (writes) {
                        if (deferred != null && JdbcDeferredWrites.fits(row, changes, changes.tiers() == null ? null : view.tierState())) {
                            deferred.add(memberId, row, changes, balance);
                        } else {
                            if (deferred != null) {
                                deferred.flush();
                            }
                            JdbcWrites.write(connection, memberId, row, view, changes, balance, attempt, connections.isPostgres(connection));
                        }
                    }
                    results.add(AppliedWork.applied(changes == null ? null : changes.event()));
                    if (work.followUp().getAsBoolean()) {
                        break;
                    }
                }
                if (deferred != null) {
                    deferred.flush();
                }
                connection.commit();
                return results;
            } catch (SQLException | RuntimeException | Error e) {
                JdbcConnections.rollbackQuietly(connection, e);
                throw e;
            } finally {
                if (deferred != null) {
                    deferred.close();
                }
                if (autoCommit) {
                    JdbcConnections.restoreAutoCommit(connection);
                }
            }
        }
    }

    /** One transaction: lock, work, write, commit. */
    private StoredEvent applyOnce(MemberId memberId, Function<MemberView, MemberChanges> work, JdbcAttempt attempt) throws SQLException {
        attempt.step = JdbcAttempt.Step.CONNECT;
        try (Connection connection = connections.dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                if (autoCommit) {
                    connection.setAutoCommit(false);
                }
                attempt.step = JdbcAttempt.Step.LOCK;
                JdbcMapping.MemberRow row = JdbcLookups.selectMember(connection, JdbcMapping.LOCK_MEMBER, memberId).orElse(null);
                if (attempt.eventId != null) {
                    // an earlier attempt may have committed although its connection failed
                    Optional<StoredEvent> recorded = JdbcLookups.findEvent(connection, attempt.eventId);
                    if (recorded.isPresent()) {
                        connection.rollback();
                        return recorded.get();
                    }
                }
                attempt.step = JdbcAttempt.Step.WORK;
                JdbcMemberView view = new JdbcMemberView(connection, memberId, row, attempt::viewFailed);
                MemberChanges changes = runWork(work, view, attempt);
                if (changes != null && changes.isEmpty()) {
                    // a read or a sweep that found nothing due: nothing to write
                    connection.rollback();
                    return null;
                }
                long balance = checkChanges(memberId, row, changes);
                attempt.eventId = changes.event() == null ? null : changes.event().eventId();
                JdbcWrites.write(connection, memberId, row, view, changes, balance, attempt, connections.isPostgres(connection));
                attempt.step = JdbcAttempt.Step.COMMIT;
                connection.commit();
                return changes.event();
            } catch (SQLException | RuntimeException | Error e) {
                JdbcConnections.rollbackQuietly(connection, e);
                throw e;
            } finally {
                if (autoCommit) {
                    JdbcConnections.restoreAutoCommit(connection);
                }
            }
        }
    }

    /** Checks the changes against the locked member row (null when the member is not enrolled); see {@link MemberChangesCheck}. */
    private static long checkChanges(MemberId memberId, JdbcMapping.MemberRow row, MemberChanges changes) {
        return row == null ? MemberChangesCheck.balanceAfter(memberId, false, 0, 0, changes)
                : MemberChangesCheck.balanceAfter(memberId, true, row.lastSequence(), row.balance(), changes);
    }

    private static MemberChanges runWork(Function<MemberView, MemberChanges> work, MemberView view, JdbcAttempt attempt) throws SQLException {
        MemberChanges changes;
        try {
            changes = work.apply(view);
        } catch (RuntimeException e) {
            if (attempt.viewFailure != null) {
                attempt.viewFailure.addSuppressed(e);
                throw attempt.viewFailure;
            }
            throw e;
        }
        if (attempt.viewFailure != null) {
            // the work swallowed a failed query; the transaction may be unusable
            throw attempt.viewFailure;
        }
        return changes;
    }
}
