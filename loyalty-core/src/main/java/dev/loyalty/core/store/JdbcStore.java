package dev.loyalty.core.store;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.StoreException;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.CampaignBudget;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.AppliedWork;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberWork;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberSnapshot;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.tier.TierChange;
import dev.loyalty.core.spi.SweepCheckpoint;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.loyalty.core.referral.Referral;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LoyaltyStore} in a relational database, through plain JDBC and a {@link DataSource}:
 * PostgreSQL in production, H2 embedded. Several processes may share one database.
 *
 * <pre>{@code
 * JdbcSchema.apply(dataSource);                      // or let Flyway apply the bundled scripts
 * LoyaltyStore store = JdbcStore.builder(dataSource).maxRetries(5).build();
 * LoyaltyEngine engine = LoyaltyEngine.builder().program(program).store(store).build();
 * }</pre>
 *
 * <p>How {@link #apply} keeps the ledger right under concurrent writers, in any number of
 * processes: one transaction per event, which first locks the member's row
 * ({@code SELECT ... FOR UPDATE}; one row per transaction, so lock order cannot deadlock),
 * reads what else the work needs in one more query (the tier state, the referral, the next
 * due instant and the sums announced by {@link MemberView#readAhead}), runs the work on what
 * it read, then writes the event, its explanation, ledger entries and
 * lots and updates the member's balance and last sequence, and commits. The event id is the
 * events table's primary key: when another transaction recorded it first, the store answers
 * with that event and writes nothing. Serialization failures, deadlocks, lock timeouts, lost
 * connections and the race to insert a new member roll back and run the whole transaction
 * again, work included, up to {@link Builder#maxRetries(int)} times; a retry first looks the
 * event id up, so a commit whose acknowledgement was lost is not applied twice. Whatever fails
 * otherwise is rolled back and thrown as {@link StoreException} naming the member, the event
 * and the SQL state. The database checks balances too: no negative balance or lot remainder,
 * no lot remainder above its points.
 *
 * <p>Connections come from the data source and go back to it after each call; use a pool
 * (such as HikariCP) in production. The transactions run at the connection's isolation level:
 * READ COMMITTED, the PostgreSQL and H2 default, is enough; stronger levels work and retry more.
 */
public final class JdbcStore implements LoyaltyStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
    private static final int DEFAULT_MAX_RETRIES = 5;
    private static final int MAX_RETRIES_LIMIT = 1_000;

    private final JdbcConnections connections;
    private final JdbcTransactions transactions;
    private final JdbcReferralCodes referralCodes;

    private JdbcStore(Builder builder) {
        this.connections = new JdbcConnections(builder.dataSource, builder.maxRetries);
        this.transactions = new JdbcTransactions(connections, this::findEvent);
        this.referralCodes = new JdbcReferralCodes(connections, this);
    }

    /**
     * Starts configuring a store over a data source whose database has the loyalty schema
     * (see {@link JdbcSchema}).
     *
     * @param dataSource where connections come from
     * @return a builder
     * @throws InvalidInputException when the data source is null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Checks.notNull(dataSource, "jdbcStore.dataSource"));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The currency is the one row of the table {@code loyalty_program_currency} (schema
     * version 13), so every store over the database, in any process, shares it. A claim reads
     * the row and, when there is none, inserts it; the primary key lets one of two claims at
     * once insert, and the other reads what the first wrote. A database made before version 13
     * has money but no row: the first engine built on it records its currency, trusted to be the
     * one the old amounts are in. A database without version 13 fails with a
     * {@link StoreException} saying to apply the schema.
     *
     * @throws StoreException also when the row holds a code that is no currency
     */
    @Override
    public void bindCurrency(Currency currency) {
        Checks.notNull(currency, "currency");
        String recorded = connections.read("claim the store's currency " + currency.getCurrencyCode(),
                connection -> JdbcProgramCurrency.claim(connection, currency.getCurrencyCode()));
        if (recorded.equals(currency.getCurrencyCode())) {
            return;
        }
        Currency other;
        try {
            other = Currency.getInstance(recorded);
        } catch (IllegalArgumentException e) {
            throw new StoreException("the store records money in '" + recorded + "', which is no ISO 4217 currency", null, false, e);
        }
        throw CurrencyMismatchException.storeRecords(currency, other);
    }

    @Override
    public Optional<StoredEvent> findEvent(EventId eventId) {
        Checks.notNull(eventId, "eventId");
        return connections.read("find event " + eventId, connection -> JdbcLookups.findEvent(connection, eventId));
    }

    @Override
    public Optional<Member> findMember(MemberId memberId) {
        Checks.notNull(memberId, "memberId");
        return connections.read("find member " + memberId,
                connection -> JdbcLookups.selectMember(connection, JdbcMapping.SELECT_MEMBER, memberId)
                        .map(JdbcMapping.MemberRow::member));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads the events in one query per {@value JdbcBatchReads#CHUNK} ids (an array bound to
     * {@code event_id = ANY(?)}), plus one for the explanation steps and one for the ledger
     * entries of those found, all on one connection; on PostgreSQL 12 and later in a read-only
     * transaction that plans each query for its ids ({@code SET LOCAL plan_cache_mode}), so that
     * a plan made while a new database's tables were nearly empty is not kept.
     */
    @Override
    public Map<EventId, StoredEvent> findEvents(Collection<EventId> eventIds) {
        List<EventId> ids = Checks.distinct(eventIds, "eventIds");
        if (ids.isEmpty()) {
            return Map.of();
        }
        return connections.read("find " + ids.size() + " events from " + ids.get(0),
                connection -> JdbcBatchReads.withCustomPlans(connections, connection,
                        () -> JdbcBatchReads.events(connection, ids)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads the member rows in one query per {@value JdbcBatchReads#CHUNK} ids, joined to the
     * stored segments when asked; the balance is the member row's. On PostgreSQL 12 and later the
     * query is planned for its ids, as in {@link #findEvents}.
     */
    @Override
    public Map<MemberId, MemberSnapshot> memberSnapshots(Collection<MemberId> memberIds, boolean withSegments) {
        List<MemberId> ids = Checks.distinct(memberIds, "memberIds");
        if (ids.isEmpty()) {
            return Map.of();
        }
        return connections.read("read " + ids.size() + " members from " + ids.get(0),
                connection -> JdbcBatchReads.withCustomPlans(connections, connection,
                        () -> JdbcBatchReads.members(connection, ids, withSegments)));
    }

    @Override
    public StoredEvent apply(MemberId memberId, Function<MemberView, MemberChanges> work) {
        Checks.notNull(memberId, "memberId");
        Checks.notNull(work, "work");
        return transactions.apply(memberId, work);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Applies a run of two or more works in one transaction: it first locks the rows of the
     * run's members in member-id order (one query, so two runs cannot deadlock each other), then
     * does for each work what {@link #apply} does, without committing, and commits once after the
     * last work or the first that asks for a follow-up. On PostgreSQL the rows of the usual
     * event (its event, explanation, entries, lots, qualifying rows and member update) wait in
     * JDBC batches, one per table, sent when a member comes round again, before any other write
     * and before the commit ({@link JdbcDeferredWrites}). A work refused with a
     * {@link LoyaltyException} writes nothing and the run goes on. Any other failure (a
     * database error, an event id recorded meanwhile by another writer, a campaign budget drawn
     * on first, an exception thrown by a work) rolls the whole run back, and the works are
     * applied again one transaction each, as the default does, with {@link #apply}'s retries and
     * answers. A run holds its members' locks until it commits, so a concurrent {@link #apply}
     * on one of them waits for the run.
     */
    @Override
    public List<AppliedWork> applyAll(List<MemberWork> works) {
        Checks.notNull(works, "works").forEach(work -> Checks.notNull(work, "works[]"));
        if (works.size() < 2) {
            return LoyaltyStore.super.applyAll(works);
        }
        try {
            return transactions.applyTogether(works);
        } catch (SQLException | RuntimeException e) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("a run of {} works failed as a whole ({}); applying them one by one", works.size(), e.toString());
            }
            return LoyaltyStore.super.applyAll(works);
        }
    }

    @Override
    public Points balance(MemberId memberId) {
        Checks.notNull(memberId, "memberId");
        return connections.read("read the balance of member " + memberId, connection -> JdbcLookups.balance(connection, memberId));
    }

    @Override
    public List<LedgerEntry> ledger(MemberId memberId) {
        return memberRows(memberId, "ledger", JdbcMapping.SELECT_LEDGER, JdbcMapping::readEntry);
    }

    @Override
    public List<Lot> lots(MemberId memberId) {
        return memberRows(memberId, "lots", JdbcMapping.SELECT_LOTS, JdbcMapping::readLot);
    }

    @Override
    public List<LotReturn> returns(MemberId memberId) {
        return memberRows(memberId, "returns", JdbcMapping.SELECT_RETURNS, JdbcMapping::readReturn);
    }

    @Override
    public List<Hold> holds(MemberId memberId) {
        return memberRows(memberId, "holds", JdbcMapping.SELECT_HOLDS, JdbcMapping::readHold);
    }

    /** Reads a member's rows of one kind, in the order the statement gives, naming what it read in a failure. */
    private <T> List<T> memberRows(MemberId memberId, String what, String sql, JdbcRows.RowReader<T> reader) {
        Checks.notNull(memberId, "memberId");
        return connections.read("read the " + what + " of member " + memberId, connection -> JdbcRows.list(connection, sql, memberId.value(), reader));
    }

    @Override
    public Account account(MemberId memberId) {
        Checks.notNull(memberId, "memberId");
        return connections.read("read the account of member " + memberId,
                connection -> JdbcLookups.selectMember(connection, JdbcMapping.SELECT_MEMBER, memberId)
                        .map(JdbcMapping.MemberRow::account).orElse(Account.NEW));
    }

    @Override
    public List<TierChange> tierHistory(MemberId memberId) {
        Checks.notNull(memberId, "memberId");
        return connections.read("read the tier history of member " + memberId, connection -> JdbcTiers.history(connection, memberId));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads the members a page at a time by id (keyset pagination) and holds no connection
     * while the consumer runs, so the consumer may call the store. Members enrolled meanwhile
     * are seen when their id sorts after the current page. PostgreSQL compares ids byte by byte
     * ({@code COLLATE "C"}), which is {@link MemberId} order except between characters above
     * U+FFFF and those from U+E000 to U+FFFF.
     */
    @Override
    public void forEachMember(Consumer<Member> consumer) {
        forEachMember(null, null, consumer);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads a page at a time by id, as {@link #forEachMember(Consumer)} does, and stops at the
     * first id not below {@code toExclusive} (compared as {@link MemberId}s).
     */
    @Override
    public void forEachMember(MemberId fromInclusive, MemberId toExclusive, Consumer<Member> consumer) {
        Checks.notNull(consumer, "consumer");
        JdbcPages.forEachMember(connections, fromInclusive, toExclusive, consumer);
    }

    @Override
    public Optional<Offer> findOffer(String code) {
        Checks.notNull(code, "code");
        if (unstorable(code)) {
            return Optional.empty();
        }
        return connections.read("find offer " + code, connection -> JdbcOffers.find(connection, code));
    }

    @Override
    public List<Offer> offers(MemberId memberId) {
        Checks.notNull(memberId, "memberId");
        return connections.read("read the offers of member " + memberId, connection -> JdbcOffers.ofMember(connection, memberId));
    }

    @Override
    public OfferBook offerBook(MemberId memberId) {
        Checks.notNull(memberId, "memberId");
        return connections.read("read the offer bookkeeping of member " + memberId,
                connection -> JdbcLookups.selectMember(connection, JdbcMapping.SELECT_MEMBER, memberId)
                        .map(JdbcMapping.MemberRow::offerBook).orElse(OfferBook.NEW));
    }

    @Override
    public Optional<SweepCheckpoint> findSweepCheckpoint(String sweepId) {
        Checks.notNull(sweepId, "sweepId");
        if (unstorable(sweepId)) {
            return Optional.empty();
        }
        return connections.read("read sweep checkpoint " + sweepId, connection -> JdbcCheckpoints.find(connection, sweepId));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Updates the row, else inserts it; when two processes insert the same new id at once,
     * the one that loses the race updates instead.
     */
    @Override
    public void saveSweepCheckpoint(SweepCheckpoint checkpoint) {
        Checks.notNull(checkpoint, "checkpoint");
        connections.read("save sweep checkpoint " + checkpoint.sweepId(), connection -> {
            JdbcCheckpoints.save(connection, checkpoint);
            return null;
        });
    }

    @Override
    public void saveSegments(List<MemberSegment> segments) {
        Checks.notNull(segments, "segments");
        segments.forEach(segment -> Checks.notNull(segment, "segment"));
        connections.read("save the segments of " + segments.size() + " members", connection -> JdbcSegments.save(connection, segments));
    }

    @Override
    public Optional<MemberSegment> segment(MemberId memberId) {
        Checks.notNull(memberId, "memberId");
        return connections.read("read the segment of member " + memberId, connection -> JdbcSegments.find(connection, memberId));
    }

    @Override
    public void saveReferralCode(MemberId memberId, String given) {
        Checks.notNull(memberId, "memberId");
        String code = Checks.text(given, "code");
        referralCodes.save(memberId, code);
    }

    @Override
    public Optional<MemberId> findReferralCodeOwner(String code) {
        Checks.notNull(code, "code");
        if (unstorable(code)) {
            return Optional.empty();
        }
        return connections.read("find the owner of referral code " + code,
                connection -> JdbcReferrals.single(connection, JdbcReferrals.SELECT_CODE_OWNER, code).map(MemberId::of));
    }

    @Override
    public Optional<String> referralCode(MemberId memberId) {
        Checks.notNull(memberId, "memberId");
        return connections.read("read the referral code of member " + memberId,
                connection -> JdbcReferrals.single(connection, JdbcReferrals.SELECT_CODE, memberId.value()));
    }

    @Override
    public List<MemberId> findMembersByIdentity(Set<String> fingerprints) {
        Checks.notNull(fingerprints, "fingerprints");
        Set<String> storable = new HashSet<>();
        for (String fingerprint : fingerprints) {
            if (!unstorable(Checks.notNull(fingerprint, "fingerprints[]"))) {
                storable.add(fingerprint);
            }
        }
        if (storable.isEmpty()) {
            return List.of();
        }
        return connections.read("find members by identity", connection -> JdbcReferrals.byIdentity(connection, storable));
    }

    @Override
    public Set<String> identity(MemberId memberId) {
        Checks.notNull(memberId, "memberId");
        return connections.read("read the identity of member " + memberId, connection -> Set.copyOf(JdbcReferrals.identity(connection, memberId)));
    }

    @Override
    public Optional<Referral> findReferral(MemberId refereeId) {
        Checks.notNull(refereeId, "refereeId");
        return connections.read("read the referral of member " + refereeId, connection -> JdbcReferrals.find(connection, refereeId));
    }

    @Override
    public List<Referral> referralsMadeBy(MemberId referrerId) {
        Checks.notNull(referrerId, "referrerId");
        return connections.read("read the referrals made by member " + referrerId, connection -> List.copyOf(JdbcReferrals.madeBy(connection, referrerId)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads a page at a time by referee id and holds no connection while the consumer runs.
     */
    @Override
    public void forEachReferral(Consumer<Referral> consumer) {
        Checks.notNull(consumer, "consumer");
        JdbcPages.forEachReferral(connections, consumer);
    }

    /**
     * Tells whether a key looked up by text holds what no stored key can: a NUL, which PostgreSQL
     * refuses in a query (the lookup would fail), or a lone surrogate, which its driver sends as
     * '?' (the lookup would find the key with a '?' in its place). Such a key finds nothing, as in
     * the in-memory store.
     */
    private static boolean unstorable(String key) {
        return Checks.unstorable(key, false) != null;
    }

    @Override
    public Optional<CampaignBudget> campaignBudget(String campaign) {
        Checks.notNull(campaign, "campaign");
        if (unstorable(campaign)) {
            return Optional.empty();
        }
        return connections.read("read the budget of campaign " + campaign, connection -> JdbcBudgets.find(connection, campaign));
    }

    /** Configures a {@link JdbcStore}; setters fail fast with a message naming the bad value. */
    public static final class Builder {
        private final DataSource dataSource;
        private int maxRetries = DEFAULT_MAX_RETRIES;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * Sets how many times a transaction is run again after a transient failure (serialization
         * failure, deadlock, lock timeout, lost connection, a lost race to enrol a new member);
         * 5 by default. Zero turns retries off.
         *
         * @param value the number of retries, from 0 to 1000
         * @return this builder
         * @throws InvalidInputException when the value is out of range
         */
        public Builder maxRetries(int value) {
            if (value < 0 || value > MAX_RETRIES_LIMIT) {
                throw new InvalidInputException("jdbcStore.maxRetries", "must be between 0 and " + MAX_RETRIES_LIMIT + ", was " + value);
            }
            this.maxRetries = value;
            return this;
        }

        /**
         * Builds the store. Nothing is read from the database until the store is used.
         *
         * @return the store
         */
        public JdbcStore build() {
            return new JdbcStore(this);
        }
    }
}
