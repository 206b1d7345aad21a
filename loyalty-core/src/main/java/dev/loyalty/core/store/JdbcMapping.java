package dev.loyalty.core.store;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.StoreException;
import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.HoldStatus;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.OfferStatus;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.spi.SweepCheckpoint;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The SQL of {@link JdbcStore} and the mapping between rows and records: one binder and one
 * reader per record, by column name, so that a new column is a new script plus a line in each.
 * Instants are two columns (see the schema script); enumerations are stored by name.
 */
final class JdbcMapping {

    /** The offer bookkeeping kept in the member row (schema versions 4 and 11). */
    static final String OFFER_BOOK_COLUMNS = "last_purchase_at, last_purchase_at_ns, birthday_set_at, birthday_set_at_ns, birthday_offer_year,"
            + " win_back_spell, win_back_spell_ns, armed_offer, next_offer_expiry, next_offer_expiry_ns, zone_moved_from, zone_moved_to";
    static final String MEMBER_COLUMNS =
            "member_id, enrolled_at, enrolled_at_ns, tier_code, status, birthday, zone_id, balance, last_sequence, debt, last_activity_at,"
            + " last_activity_at_ns, " + OFFER_BOOK_COLUMNS;
    static final String SELECT_MEMBER = "SELECT " + MEMBER_COLUMNS + " FROM loyalty_member WHERE member_id = ?";
    static final String LOCK_MEMBER = SELECT_MEMBER + " FOR UPDATE";
    /** Locks the rows of any of the members, in member-id order. */
    static final String LOCK_MEMBERS = "SELECT member_id FROM loyalty_member WHERE member_id = ANY(?) ORDER BY member_id FOR UPDATE";
    static final String INSERT_MEMBER = "INSERT INTO loyalty_member (" + MEMBER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE_MEMBER = "UPDATE loyalty_member SET enrolled_at = ?, enrolled_at_ns = ?, tier_code = ?, status = ?,"
            + " birthday = ?, zone_id = ?, balance = ?, last_sequence = ?, debt = ?, last_activity_at = ?, last_activity_at_ns = ?,"
            + " last_purchase_at = ?, last_purchase_at_ns = ?, birthday_set_at = ?, birthday_set_at_ns = ?, birthday_offer_year = ?,"
            + " win_back_spell = ?, win_back_spell_ns = ?, armed_offer = ?, next_offer_expiry = ?, next_offer_expiry_ns = ?,"
            + " zone_moved_from = ?, zone_moved_to = ? WHERE member_id = ? AND last_sequence = ?";
    /** Updates only the counters, for events that leave the member as it was. */
    static final String UPDATE_MEMBER_COUNTERS = "UPDATE loyalty_member SET balance = ?, last_sequence = ? WHERE member_id = ? AND last_sequence = ?";
    static final String FIRST_MEMBERS = "SELECT " + MEMBER_COLUMNS + " FROM loyalty_member ORDER BY member_id LIMIT ?";
    static final String MEMBERS_AFTER = "SELECT " + MEMBER_COLUMNS + " FROM loyalty_member WHERE member_id > ? ORDER BY member_id LIMIT ?";
    static final String SELECT_BALANCE = "SELECT balance FROM loyalty_member WHERE member_id = ?";

    static final String EVENT_COLUMNS = "event_id, member_id, fingerprint, event_kind, points, balance, rule_set_version, summary";
    static final String INSERT_EVENT = "INSERT INTO loyalty_event (" + EVENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_EVENT = "SELECT " + EVENT_COLUMNS + " FROM loyalty_event WHERE event_id = ?";

    static final String STEP_COLUMNS = "event_id, step_no, rule_name, reason, points, detail";
    static final String INSERT_STEP = "INSERT INTO loyalty_explanation_step (" + STEP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    static final String SELECT_STEPS = "SELECT " + STEP_COLUMNS + " FROM loyalty_explanation_step WHERE event_id = ? ORDER BY step_no";

    static final String ENTRY_COLUMNS = "member_id, sequence_no, event_id, entry_type, points, lot_id, rule_name, reason,"
            + " rule_set_version, occurred_at, occurred_at_ns, recorded_at, recorded_at_ns";
    static final String INSERT_ENTRY = "INSERT INTO loyalty_entry (" + ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_LEDGER = "SELECT " + ENTRY_COLUMNS + " FROM loyalty_entry WHERE member_id = ? ORDER BY sequence_no";
    /**
     * Leaves out the entries that name an event without being its own: the release and expiry of
     * its lot, written by a later event's housekeeping or by a sweep under the lot's source event.
     * An event never writes either type for itself, so its outcome, read back for a replay, holds
     * the entries it had when first processed.
     */
    static final String OWN_ENTRIES = " AND entry_type NOT IN ('" + EntryType.RELEASE.name() + "', '" + EntryType.EXPIRE.name() + "')";
    static final String SELECT_EVENT_ENTRIES = "SELECT " + ENTRY_COLUMNS + " FROM loyalty_entry WHERE event_id = ?" + OWN_ENTRIES
            + " ORDER BY member_id, sequence_no";
    /** Sums earn and pending entries with occurred_at in [from, to): compares the microsecond column, then the nanos on a tie. */
    /** A member's earn and pending entries of events in a range of instants; bound by {@link JdbcMemberReads#bindEarned}. */
    static final String EARNED_ROWS = "FROM loyalty_entry WHERE member_id = ? AND entry_type IN (?, ?)"
            + " AND occurred_at >= ? AND (occurred_at > ? OR occurred_at_ns >= ?)"
            + " AND occurred_at <= ? AND (occurred_at < ? OR occurred_at_ns < ?)";
    static final String SUM_EARNED = "SELECT COALESCE(SUM(points), 0) " + EARNED_ROWS;

    static final String LOT_COLUMNS = "member_id, lot_id, source_event_id, earned_at, earned_at_ns, expires_at, expires_at_ns, points, remaining,"
            + " pending_until, pending_until_ns, source_amount, returned_amount, clawed_back, spent";
    /** Inserts a lot or replaces the member's lot with its id, in one statement (PostgreSQL). */
    static final String UPSERT_LOT = "INSERT INTO loyalty_lot (" + LOT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (member_id, lot_id) DO UPDATE SET source_event_id = EXCLUDED.source_event_id, earned_at = EXCLUDED.earned_at,"
            + " earned_at_ns = EXCLUDED.earned_at_ns, expires_at = EXCLUDED.expires_at, expires_at_ns = EXCLUDED.expires_at_ns,"
            + " points = EXCLUDED.points, remaining = EXCLUDED.remaining, pending_until = EXCLUDED.pending_until,"
            + " pending_until_ns = EXCLUDED.pending_until_ns, source_amount = EXCLUDED.source_amount,"
            + " returned_amount = EXCLUDED.returned_amount, clawed_back = EXCLUDED.clawed_back, spent = EXCLUDED.spent";
    /** Inserts a lot unless the member already has one with its id (other databases; safe: the member row is locked). */
    static final String INSERT_LOT_IF_ABSENT = "INSERT INTO loyalty_lot (" + LOT_COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
            + " WHERE NOT EXISTS (SELECT 1 FROM loyalty_lot WHERE member_id = ? AND lot_id = ?)";
    static final String UPDATE_LOT = "UPDATE loyalty_lot SET member_id = ?, lot_id = ?, source_event_id = ?, earned_at = ?, earned_at_ns = ?,"
            + " expires_at = ?, expires_at_ns = ?, points = ?, remaining = ?, pending_until = ?, pending_until_ns = ?, source_amount = ?,"
            + " returned_amount = ?, clawed_back = ?, spent = ? WHERE member_id = ? AND lot_id = ?";
    static final String SELECT_LOTS = "SELECT " + LOT_COLUMNS + " FROM loyalty_lot WHERE member_id = ? ORDER BY lot_order";

    static final String RETURN_COLUMNS = "member_id, event_id, lot_id, returned_at, returned_at_ns, amount";
    static final String INSERT_RETURN = "INSERT INTO loyalty_lot_return (" + RETURN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    static final String SELECT_RETURNS = "SELECT " + RETURN_COLUMNS + " FROM loyalty_lot_return WHERE member_id = ? ORDER BY return_order";

    static final String HOLD_COLUMNS = "member_id, hold_id, points, reward_code, created_at, created_at_ns, expires_at, expires_at_ns, status";
    static final String INSERT_HOLD_IF_ABSENT = "INSERT INTO loyalty_hold (" + HOLD_COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?"
            + " WHERE NOT EXISTS (SELECT 1 FROM loyalty_hold WHERE member_id = ? AND hold_id = ?)";
    static final String UPDATE_HOLD = "UPDATE loyalty_hold SET member_id = ?, hold_id = ?, points = ?, reward_code = ?, created_at = ?,"
            + " created_at_ns = ?, expires_at = ?, expires_at_ns = ?, status = ? WHERE member_id = ? AND hold_id = ?";
    static final String SELECT_HOLDS = "SELECT " + HOLD_COLUMNS + " FROM loyalty_hold WHERE member_id = ? ORDER BY hold_order";

    static final String OFFER_COLUMNS = "offer_code, member_id, template_code, kind, offer_value, item_code, offer_trigger, occasion,"
            + " rule_name, reason, issued_at, issued_at_ns, valid_until, valid_until_ns, status, redeemed_at, redeemed_at_ns, redeemed_by,"
            + " converted";
    /** Inserts an offer unless one has its code (the member row is locked; another member's offer with the code fails the update after). */
    static final String INSERT_OFFER_IF_ABSENT = "INSERT INTO loyalty_offer (" + OFFER_COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM loyalty_offer WHERE offer_code = ?)";
    /** Updates what changes in an offer's life: status, redemption, conversion. */
    static final String UPDATE_OFFER = "UPDATE loyalty_offer SET status = ?, redeemed_at = ?, redeemed_at_ns = ?, redeemed_by = ?,"
            + " converted = ? WHERE offer_code = ? AND member_id = ?";
    static final String SELECT_OFFERS = "SELECT " + OFFER_COLUMNS + " FROM loyalty_offer WHERE member_id = ? ORDER BY offer_order";
    static final String SELECT_OFFER = "SELECT " + OFFER_COLUMNS + " FROM loyalty_offer WHERE offer_code = ?";
    static final String MEMBERS_FROM = "SELECT " + MEMBER_COLUMNS + " FROM loyalty_member WHERE member_id >= ? ORDER BY member_id LIMIT ?";

    static final String CHECKPOINT_COLUMNS = "sweep_id, as_of, as_of_ns, last_member_id, members, completed";
    static final String SELECT_CHECKPOINT = "SELECT " + CHECKPOINT_COLUMNS + " FROM loyalty_sweep_checkpoint WHERE sweep_id = ?";
    static final String UPDATE_CHECKPOINT = "UPDATE loyalty_sweep_checkpoint SET as_of = ?, as_of_ns = ?, last_member_id = ?, members = ?,"
            + " completed = ? WHERE sweep_id = ?";
    static final String INSERT_CHECKPOINT = "INSERT INTO loyalty_sweep_checkpoint (as_of, as_of_ns, last_member_id, members, completed, sweep_id)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    private JdbcMapping() {
    }

    /** A member row: the member, the counters and the account state kept beside it. */
    record MemberRow(Member member, long balance, long lastSequence, Account account, OfferBook offerBook) {
    }

    static MemberRow readMember(ResultSet rs) throws SQLException {
        String zone = rs.getString("zone_id");
        Member member = new Member(MemberId.of(rs.getString("member_id")), readInstant(rs, "enrolled_at"), rs.getString("tier_code"),
                enumValue(MemberStatus.class, rs.getString("status"), "loyalty_member.status"),
                rs.getObject("birthday", LocalDate.class), zone == null ? null : ZoneId.of(zone));
        return new MemberRow(member, rs.getLong("balance"), rs.getLong("last_sequence"),
                new Account(rs.getLong("debt"), readInstant(rs, "last_activity_at")),
                new OfferBook(readInstant(rs, "last_purchase_at"), readInstant(rs, "birthday_set_at"), rs.getInt("birthday_offer_year"),
                        readInstant(rs, "win_back_spell"), rs.getString("armed_offer"), readInstant(rs, "next_offer_expiry"),
                        rs.getObject("zone_moved_from", LocalDate.class), rs.getObject("zone_moved_to", LocalDate.class)));
    }

    /** Binds the member's columns in {@link #MEMBER_COLUMNS} order, from enrolled_at to last_activity_at_ns. */
    static int bindMember(PreparedStatement ps, int index, Member member, long balance, long lastSequence, Account account, OfferBook book)
            throws SQLException {
        int i = bindInstant(ps, index, member.enrolledAt());
        ps.setString(i++, member.tierCode());
        ps.setString(i++, member.status().name());
        ps.setObject(i++, member.birthday(), Types.DATE);
        ps.setString(i++, member.zone() == null ? null : member.zone().getId());
        ps.setLong(i++, balance);
        ps.setLong(i++, lastSequence);
        ps.setLong(i++, account.debt());
        i = bindInstant(ps, i, account.lastActivityAt());
        i = bindInstant(ps, i, book.lastPurchaseAt());
        i = bindInstant(ps, i, book.birthdaySetAt());
        ps.setInt(i++, book.birthdayYear());
        i = bindInstant(ps, i, book.winBackSpell());
        ps.setString(i++, book.armedOffer());
        i = bindInstant(ps, i, book.nextOfferExpiry());
        ps.setObject(i++, book.zoneMovedFrom(), Types.DATE);
        ps.setObject(i++, book.zoneMovedTo(), Types.DATE);
        return i;
    }

    /** Binds the offer's columns in {@link #OFFER_COLUMNS} order from the given index. */
    static int bindOffer(PreparedStatement ps, int index, Offer offer) throws SQLException {
        int i = index;
        ps.setString(i++, offer.code());
        ps.setString(i++, offer.memberId().value());
        ps.setString(i++, offer.template());
        ps.setString(i++, offer.kind().name());
        ps.setString(i++, offer.value().toString());
        ps.setString(i++, offer.itemCode());
        ps.setString(i++, offer.trigger().name());
        ps.setString(i++, offer.occasion());
        ps.setString(i++, offer.rule());
        ps.setString(i++, offer.reason());
        i = bindInstant(ps, i, offer.issuedAt());
        i = bindInstant(ps, i, offer.validUntil());
        return bindOfferState(ps, i, offer);
    }

    /** Binds what changes in an offer's life: status, redeemed at, redeemed by, converted. */
    static int bindOfferState(PreparedStatement ps, int index, Offer offer) throws SQLException {
        int i = index;
        ps.setString(i++, offer.status().name());
        i = bindInstant(ps, i, offer.redeemedAt());
        ps.setString(i++, offer.redeemedBy() == null ? null : offer.redeemedBy().value());
        ps.setObject(i++, offer.converted(), Types.BOOLEAN);
        return i;
    }

    static Offer readOffer(ResultSet rs) throws SQLException {
        String redeemedBy = rs.getString("redeemed_by");
        Boolean converted = rs.getObject("converted", Boolean.class);
        return new Offer(rs.getString("offer_code"), MemberId.of(rs.getString("member_id")), rs.getString("template_code"),
                enumValue(OfferKind.class, rs.getString("kind"), "loyalty_offer.kind"), new BigDecimal(rs.getString("offer_value")),
                rs.getString("item_code"), enumValue(OfferTrigger.class, rs.getString("offer_trigger"), "loyalty_offer.offer_trigger"),
                rs.getString("occasion"), rs.getString("rule_name"), rs.getString("reason"), readInstant(rs, "issued_at"),
                readInstant(rs, "valid_until"), enumValue(OfferStatus.class, rs.getString("status"), "loyalty_offer.status"),
                readInstant(rs, "redeemed_at"), redeemedBy == null ? null : EventId.of(redeemedBy), converted);
    }

    static SweepCheckpoint readCheckpoint(ResultSet rs) throws SQLException {
        String last = rs.getString("last_member_id");
        return new SweepCheckpoint(rs.getString("sweep_id"), readInstant(rs, "as_of"), last == null ? null : MemberId.of(last),
                rs.getLong("members"), rs.getBoolean("completed"));
    }

    /** Binds a checkpoint in the order of {@link #UPDATE_CHECKPOINT} and {@link #INSERT_CHECKPOINT}. */
    static void bindCheckpoint(PreparedStatement ps, SweepCheckpoint checkpoint) throws SQLException {
        int i = bindInstant(ps, 1, checkpoint.asOf());
        ps.setString(i++, checkpoint.lastMember() == null ? null : checkpoint.lastMember().value());
        ps.setLong(i++, checkpoint.members());
        ps.setBoolean(i++, checkpoint.completed());
        ps.setString(i, checkpoint.sweepId());
    }

    static void bindEvent(PreparedStatement ps, StoredEvent event) throws SQLException {
        Outcome outcome = event.outcome();
        ps.setString(1, event.eventId().value());
        ps.setString(2, event.memberId().value());
        ps.setString(3, event.fingerprint());
        ps.setString(4, outcome.eventKind());
        ps.setLong(5, outcome.points().value());
        ps.setLong(6, outcome.balance().value());
        ps.setString(7, outcome.ruleSetVersion());
        ps.setString(8, outcome.explanation().summary());
    }

    /** An event row, read before its steps and entries. */
    record EventRow(EventId eventId, MemberId memberId, String fingerprint, String eventKind, long points, long balance,
                    String ruleSetVersion, String summary) {

        /** Rebuilds the stored event with the event's explanation steps and ledger entries. */
        StoredEvent toStoredEvent(List<Explanation.Step> steps, List<LedgerEntry> entries) {
            Outcome outcome = new Outcome(eventId, memberId, eventKind, Points.of(points), Points.of(balance), entries,
                    new Explanation(summary, steps), ruleSetVersion);
            return new StoredEvent(eventId, memberId, fingerprint, outcome);
        }
    }

    static EventRow readEvent(ResultSet rs) throws SQLException {
        return new EventRow(EventId.of(rs.getString("event_id")), MemberId.of(rs.getString("member_id")), rs.getString("fingerprint"),
                rs.getString("event_kind"), rs.getLong("points"), rs.getLong("balance"), rs.getString("rule_set_version"),
                rs.getString("summary"));
    }

    /** Adds an event's explanation steps, numbered from 1, to the batch of an {@link #INSERT_STEP} statement. */
    static void addSteps(PreparedStatement ps, EventId eventId, List<Explanation.Step> steps) throws SQLException {
        for (int i = 0; i < steps.size(); i++) {
            bindStep(ps, eventId, i + 1, steps.get(i));
            ps.addBatch();
        }
    }

    /** Adds ledger entries to the batch of an {@link #INSERT_ENTRY} statement. */
    static void addEntries(PreparedStatement ps, List<LedgerEntry> entries) throws SQLException {
        for (LedgerEntry entry : entries) {
            bindEntry(ps, entry);
            ps.addBatch();
        }
    }

    static void bindStep(PreparedStatement ps, EventId eventId, int stepNo, Explanation.Step step) throws SQLException {
        ps.setString(1, eventId.value());
        ps.setInt(2, stepNo);
        ps.setString(3, step.rule());
        ps.setString(4, step.reason());
        ps.setLong(5, step.points());
        ps.setString(6, step.detail());
    }

    static Explanation.Step readStep(ResultSet rs) throws SQLException {
        return new Explanation.Step(rs.getString("rule_name"), rs.getString("reason"), rs.getLong("points"), rs.getString("detail"));
    }

    static void bindEntry(PreparedStatement ps, LedgerEntry entry) throws SQLException {
        ps.setString(1, entry.memberId().value());
        ps.setLong(2, entry.sequence());
        ps.setString(3, entry.eventId().value());
        ps.setString(4, entry.type().name());
        ps.setLong(5, entry.points().value());
        ps.setString(6, entry.lotId());
        ps.setString(7, entry.rule());
        ps.setString(8, entry.reason());
        ps.setString(9, entry.ruleSetVersion());
        int i = bindInstant(ps, 10, entry.occurredAt());
        bindInstant(ps, i, entry.recordedAt());
    }

    static LedgerEntry readEntry(ResultSet rs) throws SQLException {
        return new LedgerEntry(MemberId.of(rs.getString("member_id")), rs.getLong("sequence_no"), EventId.of(rs.getString("event_id")),
                enumValue(EntryType.class, rs.getString("entry_type"), "loyalty_entry.entry_type"), Points.of(rs.getLong("points")),
                rs.getString("lot_id"), rs.getString("rule_name"), rs.getString("reason"), rs.getString("rule_set_version"),
                readInstant(rs, "occurred_at"), readInstant(rs, "recorded_at"));
    }

    /** Binds the lot's columns in {@link #LOT_COLUMNS} order from the given index. */
    static int bindLot(PreparedStatement ps, int index, Lot lot) throws SQLException {
        int i = index;
        ps.setString(i++, lot.memberId().value());
        ps.setString(i++, lot.id());
        ps.setString(i++, lot.sourceEventId().value());
        i = bindInstant(ps, i, lot.earnedAt());
        i = bindInstant(ps, i, lot.expiresAt());
        ps.setLong(i++, lot.points());
        ps.setLong(i++, lot.remaining());
        i = bindInstant(ps, i, lot.pendingUntil());
        ps.setString(i++, lot.sourceAmount() == null ? null : lot.sourceAmount().toString());
        ps.setString(i++, lot.returnedAmount().toString());
        ps.setLong(i++, lot.clawedBack());
        ps.setLong(i++, lot.spent());
        return i;
    }

    static Lot readLot(ResultSet rs) throws SQLException {
        String source = rs.getString("source_amount");
        return new Lot(rs.getString("lot_id"), MemberId.of(rs.getString("member_id")), EventId.of(rs.getString("source_event_id")),
                readInstant(rs, "earned_at"), readInstant(rs, "pending_until"), readInstant(rs, "expires_at"), rs.getLong("points"),
                rs.getLong("remaining"), source == null ? null : new BigDecimal(source), new BigDecimal(rs.getString("returned_amount")),
                rs.getLong("clawed_back"), rs.getLong("spent"));
    }

    /** Binds the return's columns in {@link #RETURN_COLUMNS} order from the given index. */
    static int bindReturn(PreparedStatement ps, int index, LotReturn value) throws SQLException {
        int i = index;
        ps.setString(i++, value.memberId().value());
        ps.setString(i++, value.eventId().value());
        ps.setString(i++, value.lotId());
        i = bindInstant(ps, i, value.occurredAt());
        ps.setString(i++, value.amount().toString());
        return i;
    }

    static LotReturn readReturn(ResultSet rs) throws SQLException {
        return new LotReturn(MemberId.of(rs.getString("member_id")), rs.getString("lot_id"), EventId.of(rs.getString("event_id")),
                readInstant(rs, "returned_at"), new BigDecimal(rs.getString("amount")));
    }

    /** Binds the hold's columns in {@link #HOLD_COLUMNS} order from the given index. */
    static int bindHold(PreparedStatement ps, int index, Hold hold) throws SQLException {
        int i = index;
        ps.setString(i++, hold.memberId().value());
        ps.setString(i++, hold.id());
        ps.setLong(i++, hold.points());
        ps.setString(i++, hold.rewardCode());
        i = bindInstant(ps, i, hold.createdAt());
        i = bindInstant(ps, i, hold.expiresAt());
        ps.setString(i++, hold.status().name());
        return i;
    }

    static Hold readHold(ResultSet rs) throws SQLException {
        return new Hold(rs.getString("hold_id"), MemberId.of(rs.getString("member_id")), rs.getLong("points"), rs.getString("reward_code"),
                readInstant(rs, "created_at"), readInstant(rs, "expires_at"),
                enumValue(HoldStatus.class, rs.getString("status"), "loyalty_hold.status"));
    }

    /**
     * Binds an instant as two parameters: the instant truncated to microseconds, then its nano-of-second.
     *
     * @return the index after the two parameters
     */
    static int bindInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setNull(index + 1, Types.INTEGER);
        } else {
            ps.setObject(index, micros(instant));
            ps.setInt(index + 1, instant.getNano());
        }
        return index + 2;
    }

    /** Returns the instant truncated (not rounded) to microseconds, as the databases keep it. */
    static OffsetDateTime micros(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** Reads the instant kept in {@code column} and {@code column_ns}, exactly. */
    static Instant readInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime micros = rs.getObject(column, OffsetDateTime.class);
        if (micros == null) {
            return null;
        }
        return Instant.ofEpochSecond(micros.toEpochSecond(), rs.getInt(column + "_ns"));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String column) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("unknown " + type.getSimpleName() + " '" + name + "' in " + column
                    + "; was the row written by a newer version of the library?", null, false, e);
        }
    }
}
