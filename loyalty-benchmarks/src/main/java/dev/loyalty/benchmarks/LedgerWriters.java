package dev.loyalty.benchmarks;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.store.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;

/**
 * Two ways to write the same rows for one earning event, the load harness's subjects: through
 * {@link JdbcStore#apply} and by hand with bare JDBC. Each event writes one event row, two
 * explanation steps, two ledger entries (10 and 5 points) and one lot, and updates the
 * member's balance and last sequence, in one transaction that locks the member row first.
 * A test checks that both leave identical tables.
 */
public final class LedgerWriters {

    /** When the benchmark's events are recorded. */
    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    /** When the benchmark's members enrol; event n happens n seconds later. */
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private LedgerWriters() {
    }

    /**
     * Enrols a member through the store, with no points.
     *
     * @param store the store
     * @param memberId the member
     */
    public static void enrol(JdbcStore store, MemberId memberId) {
        EventId id = EventId.of("enrol-" + memberId);
        store.apply(memberId, view -> {
            Member member = new Member(memberId, START, "member", MemberStatus.ACTIVE, null, null);
            Outcome outcome = new Outcome(id, memberId, "enrolment", Points.ZERO, Points.ZERO, List.of(),
                    new Explanation("enrolment " + id, List.of()), "bench");
            return new MemberChanges(member, new StoredEvent(id, memberId, "0".repeat(64), outcome), List.of(), List.of());
        });
    }

    /**
     * Writes one earning event through the store.
     *
     * @param store the store
     * @param memberId the member
     * @param eventId the event, new
     * @param n the event's number, for its time
     * @return the recorded event
     */
    public static StoredEvent viaStore(JdbcStore store, MemberId memberId, EventId eventId, long n) {
        return store.apply(memberId, view -> earn(view, memberId, eventId, START.plusSeconds(n)));
    }

    /** The changes of one earning event, built the way the engine builds them. */
    private static MemberChanges earn(MemberView view, MemberId memberId, EventId eventId, Instant at) {
        long sequence = view.lastSequence();
        List<LedgerEntry> entries = List.of(
                new LedgerEntry(memberId, sequence + 1, eventId, EntryType.EARN, Points.of(10), eventId.value(), "BASE", "1 point per pound",
                        "bench", at, NOW),
                new LedgerEntry(memberId, sequence + 2, eventId, EntryType.EARN, Points.of(5), eventId.value(), "BONUS", "bonus points",
                        "bench", at, NOW));
        Points balance = view.balance().plus(Points.of(15));
        Explanation explanation = new Explanation("purchase " + eventId + " of member " + memberId + ": +15 points, balance " + balance,
                List.of(new Explanation.Step("BASE", "1 point per pound", 10, "1 x 10.00 GBP"),
                        new Explanation.Step("BONUS", "bonus points", 5, "")));
        Outcome outcome = new Outcome(eventId, memberId, "purchase", Points.of(15), balance, entries, explanation, "bench");
        Lot lot = new Lot(eventId.value(), memberId, eventId, at, null, null, 15, 15, null, null, 0, 0);
        return new MemberChanges(null, new StoredEvent(eventId, memberId, "f".repeat(64), outcome), entries, List.of(lot));
    }

    /**
     * Writes the same rows as {@link #viaStore} by hand: the baseline.
     *
     * @param dataSource the database
     * @param memberId the member
     * @param eventId the event, new
     * @param n the event's number, for its time
     * @throws SQLException when the database fails
     */
    public static void viaBareJdbc(DataSource dataSource, MemberId memberId, EventId eventId, long n) throws SQLException {
        String member = memberId.value();
        String event = eventId.value();
        OffsetDateTime at = OffsetDateTime.ofInstant(START.plusSeconds(n), ZoneOffset.UTC);
        OffsetDateTime now = OffsetDateTime.ofInstant(NOW.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long balance;
                long sequence;
                try (PreparedStatement ps = c.prepareStatement("SELECT balance, last_sequence FROM loyalty_member WHERE member_id = ? FOR UPDATE")) {
                    ps.setString(1, member);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        balance = rs.getLong(1);
                        sequence = rs.getLong(2);
                    }
                }
                balance += 15;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO loyalty_event (event_id, member_id, fingerprint, event_kind,"
                        + " points, balance, rule_set_version, summary) VALUES (?, ?, ?, 'purchase', 15, ?, 'bench', ?)")) {
                    ps.setString(1, event);
                    ps.setString(2, member);
                    ps.setString(3, "f".repeat(64));
                    ps.setLong(4, balance);
                    ps.setString(5, "purchase " + event + " of member " + member + ": +15 points, balance " + balance);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO loyalty_explanation_step (event_id, step_no, rule_name, reason,"
                        + " points, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                    step(ps, event, 1, "BASE", "1 point per pound", 10, "1 x 10.00 GBP");
                    step(ps, event, 2, "BONUS", "bonus points", 5, "");
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO loyalty_entry (member_id, sequence_no, event_id, entry_type,"
                        + " points, lot_id, rule_name, reason, rule_set_version, occurred_at, occurred_at_ns, recorded_at, recorded_at_ns)"
                        + " VALUES (?, ?, ?, 'EARN', ?, ?, ?, ?, 'bench', ?, 0, ?, 0)")) {
                    entry(ps, member, sequence + 1, event, 10, "BASE", "1 point per pound", at, now);
                    entry(ps, member, sequence + 2, event, 5, "BONUS", "bonus points", at, now);
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO loyalty_lot (member_id, lot_id, source_event_id, earned_at,"
                        + " earned_at_ns, points, remaining) VALUES (?, ?, ?, ?, 0, 15, 15)")) {
                    ps.setString(1, member);
                    ps.setString(2, event);
                    ps.setString(3, event);
                    ps.setObject(4, at);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE loyalty_member SET balance = ?, last_sequence = ? WHERE member_id = ?")) {
                    ps.setLong(1, balance);
                    ps.setLong(2, sequence + 2);
                    ps.setString(3, member);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void step(PreparedStatement ps, String event, int no, String rule, String reason, long points, String detail)
            throws SQLException {
        ps.setString(1, event);
        ps.setInt(2, no);
        ps.setString(3, rule);
        ps.setString(4, reason);
        ps.setLong(5, points);
        ps.setString(6, detail);
        ps.addBatch();
    }

    private static void entry(PreparedStatement ps, String member, long sequence, String event, long points, String rule, String reason,
                              OffsetDateTime at, OffsetDateTime now) throws SQLException {
        ps.setString(1, member);
        ps.setLong(2, sequence);
        ps.setString(3, event);
        ps.setLong(4, points);
        ps.setString(5, event);
        ps.setString(6, rule);
        ps.setString(7, reason);
        ps.setObject(8, at);
        ps.setObject(9, now);
        ps.addBatch();
    }
}
