package dev.loyalty.core.store;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.MemberSnapshot;
import dev.loyalty.core.spi.StoredEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDBC store's bulk look-ups, for a batch of events read before anyone is locked: the
 * recorded events of many ids and the stored state of many members, a few queries per
 * {@value #CHUNK} ids instead of a few per id. Rows are read by {@link JdbcMapping}'s readers,
 * as the single look-ups read them; on PostgreSQL 12 and later in a read-only transaction that
 * plans each query for its ids ({@link #withCustomPlans}).
 */
final class JdbcBatchReads {

    /** The most ids bound to one query: the engine's largest batch, so a batch reads each kind in one query. */
    static final int CHUNK = 1_024;

    private static final String EVENTS = "SELECT " + JdbcMapping.EVENT_COLUMNS + " FROM loyalty_event WHERE event_id = ANY(?)";
    private static final String STEPS = "SELECT " + JdbcMapping.STEP_COLUMNS + " FROM loyalty_explanation_step WHERE event_id = ANY(?)"
            + " ORDER BY event_id, step_no";
    private static final String ENTRIES = "SELECT " + JdbcMapping.ENTRY_COLUMNS + " FROM loyalty_entry WHERE event_id = ANY(?)"
            + JdbcMapping.OWN_ENTRIES + " ORDER BY event_id, member_id, sequence_no";
    private static final String MEMBERS = "SELECT " + JdbcMapping.MEMBER_COLUMNS + " FROM loyalty_member WHERE member_id = ANY(?)";
    private static final String MEMBERS_WITH_SEGMENTS = "SELECT " + JdbcMemberReads.prefixed("m", JdbcMapping.MEMBER_COLUMNS) + ", "
            + JdbcMemberReads.SEGMENT_COLUMNS + " FROM loyalty_member m LEFT JOIN loyalty_member_segment s ON s.member_id = m.member_id"
            + " WHERE m.member_id = ANY(?)";

    private JdbcBatchReads() {
    }

    /**
     * Reads the events recorded under any of the ids, with their explanation steps and ledger
     * entries: one query per chunk of ids, two more per chunk in which any was recorded.
     */
    static Map<EventId, StoredEvent> events(Connection connection, List<EventId> eventIds) throws SQLException {
        Map<EventId, StoredEvent> found = new HashMap<>();
        for (List<String> chunk : chunks(eventIds.stream().map(EventId::value).toList())) {
            List<JdbcMapping.EventRow> rows = JdbcRows.listAny(connection, EVENTS, chunk, JdbcMapping::readEvent);
            if (rows.isEmpty()) {
                continue;
            }
            List<String> recorded = rows.stream().map(row -> row.eventId().value()).toList();
            Map<String, List<Explanation.Step>> steps = new HashMap<>();
            for (StepRow row : JdbcRows.listAny(connection, STEPS, recorded, rs -> new StepRow(rs.getString("event_id"), JdbcMapping.readStep(rs)))) {
                steps.computeIfAbsent(row.eventId(), id -> new ArrayList<>()).add(row.step());
            }
            Map<String, List<LedgerEntry>> entries = new HashMap<>();
            for (LedgerEntry entry : JdbcRows.listAny(connection, ENTRIES, recorded, JdbcMapping::readEntry)) {
                entries.computeIfAbsent(entry.eventId().value(), id -> new ArrayList<>()).add(entry);
            }
            for (JdbcMapping.EventRow row : rows) {
                String id = row.eventId().value();
                found.put(row.eventId(), row.toStoredEvent(List.copyOf(steps.getOrDefault(id, List.of())),
                        List.copyOf(entries.getOrDefault(id, List.of()))));
            }
        }
        return Map.copyOf(found);
    }

    /**
     * Reads the members' rows, joined to their stored segments when asked: one query per chunk of
     * ids. Every id gets a snapshot; one without a row is {@link MemberSnapshot#notEnrolled}.
     */
    static Map<MemberId, MemberSnapshot> members(Connection connection, List<MemberId> memberIds, boolean withSegments) throws SQLException {
        Map<MemberId, MemberSnapshot> snapshots = new HashMap<>();
        for (List<String> chunk : chunks(memberIds.stream().map(MemberId::value).toList())) {
            for (MemberSnapshot snapshot : JdbcRows.listAny(connection, withSegments ? MEMBERS_WITH_SEGMENTS : MEMBERS, chunk, rs -> {
                JdbcMapping.MemberRow row = JdbcMapping.readMember(rs);
                MemberId id = row.member().id();
                return new MemberSnapshot(id, row.member(), Points.of(row.balance()),
                        withSegments ? JdbcMemberReads.readSegment(rs, id) : null);
            })) {
                snapshots.put(snapshot.memberId(), snapshot);
            }
        }
        for (MemberId memberId : memberIds) {
            snapshots.computeIfAbsent(memberId, MemberSnapshot::notEnrolled);
        }
        return Map.copyOf(snapshots);
    }

    /**
     * Runs a bulk read so that PostgreSQL plans each of its queries for the ids it is given. A
     * connection that runs a statement often gets it prepared on the server (pgjdbc does so from
     * its fifth use), and PostgreSQL may then keep one plan for any ids: made while a new
     * database's tables were nearly empty, that plan scans them whole, 50 ms per batch at 30,000
     * events, until autovacuum next analyses the table. So on PostgreSQL 12 and later the read runs
     * in a transaction of its own with {@code plan_cache_mode} set to {@code force_custom_plan} for
     * that transaction alone ({@code SET LOCAL}); the connection's own settings are left alone.
     * Planning a look-up by primary key for a batch's ids costs a fraction of a millisecond.
     */
    static <T> T withCustomPlans(JdbcConnections connections, Connection connection, SqlSupplier<T> reads) throws SQLException {
        if (!connections.isPostgres(connection) || connection.getMetaData().getDatabaseMajorVersion() < 12) {
            return reads.get();
        }
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        T result;
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            result = reads.get();
        } catch (SQLException | RuntimeException e) {
            // the read's failure is the one reported; the connection is left as it was handed over when it still can be
            try {
                endReadOnly(connection, autoCommit);
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        endReadOnly(connection, autoCommit);
        return result;
    }

    /** Ends a transaction that only read, and the settings made in it, restoring the connection's auto-commit. */
    private static void endReadOnly(Connection connection, boolean autoCommit) throws SQLException {
        connection.rollback();
        if (autoCommit) {
            connection.setAutoCommit(true);
        }
    }

    @FunctionalInterface
    interface SqlSupplier<T> {
        T get() throws SQLException;
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** An explanation step with the id of its event, for grouping. */
    private record StepRow(String eventId, Explanation.Step step) {
    }
}
