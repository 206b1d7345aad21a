package dev.loyalty.core.store;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.enrolment;
import static dev.loyalty.core.testing.Fixtures.member;
import static dev.loyalty.core.testing.Fixtures.purchase;
import static dev.loyalty.core.testing.Fixtures.sumOfEntries;
import static dev.loyalty.core.testing.Fixtures.sumOfRemaining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.JavaRules;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sixteen writers in four "processes" (four stores, each with a pool of its own, over one
 * PostgreSQL schema) on a few hot members: thousands of events, each submitted twice, must be
 * applied exactly once, with no lost update, no overspend and no cap exceeded.
 */
class PostgresConcurrencyTest {

    private static final int PROCESSES = 4;
    private static final int WRITERS = 16;
    private static final List<String> HOT = List.of("hot-0", "hot-1", "hot-2", "hot-3");

    private final PostgresDatabases databases = new PostgresDatabases();
    private final List<JdbcStore> stores = new ArrayList<>();
    private DataSource first;

    @BeforeEach
    void startProcesses() {
        PostgresDatabases.assumeConfigured();
        first = databases.freshSchema(WRITERS / PROCESSES);
        stores.add(JdbcStore.builder(first).build());
        for (int p = 1; p < PROCESSES; p++) {
            stores.add(JdbcStore.builder(databases.anotherPool((com.zaxxer.hikari.HikariDataSource) first, WRITERS / PROCESSES)).build());
        }
    }

    @AfterEach
    void dropSchema() {
        databases.close();
    }

    @Test
    void shouldLoseNothingAndDuplicateNothingWhenSixteenWritersInFourProcessesShareHotMembers() throws Exception {
        JavaRules rules = JavaRules.simplePack(Long.MAX_VALUE);
        List<LoyaltyEngine> engines = stores.stream().map(s -> Fixtures.engine(s, rules)).toList();
        HOT.forEach(id -> engines.get(0).process(enrolment(id, MONDAY)));
        List<LoyaltyEvent> purchases = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            purchases.add(purchase("p-" + i, HOT.get(i % HOT.size()), MONDAY.plus(Duration.ofSeconds(i + 1)), (i % 23 + 1) + "." + (i % 100)));
        }
        List<LoyaltyEvent> submissions = new ArrayList<>(purchases);
        submissions.addAll(purchases);
        Collections.shuffle(submissions, new Random(7));

        List<Object> results = run(IntStream.range(0, submissions.size()).<Supplier<Object>>mapToObj(
                i -> () -> engines.get(i % PROCESSES).process(submissions.get(i))).toList());

        LoyaltyEngine sequential = Fixtures.engine(new InMemoryStore(), rules);
        HOT.forEach(id -> sequential.process(enrolment(id, MONDAY)));
        Map<EventId, Set<Object>> answers = new HashMap<>();
        for (int i = 0; i < submissions.size(); i++) {
            assertThat(results.get(i)).as("result of %s", submissions.get(i).eventId()).isInstanceOf(Outcome.class);
            answers.computeIfAbsent(submissions.get(i).eventId(), id -> new HashSet<>()).add(results.get(i));
        }
        for (LoyaltyEvent p : purchases) {
            Outcome expected = sequential.process(p);
            assertThat(answers.get(p.eventId())).as("answers for %s", p.eventId()).hasSize(1);
            assertThat(((Outcome) answers.get(p.eventId()).iterator().next()).points()).isEqualTo(expected.points());
        }
        JdbcStore store = stores.get(1);
        for (String id : HOT) {
            MemberId m = member(id);
            List<LedgerEntry> ledger = store.ledger(m);
            assertThat(store.balance(m)).as("balance of %s", id).isEqualTo(sequential.balance(m));
            assertThat(sumOfEntries(ledger)).isEqualTo(store.balance(m).value());
            assertThat(sumOfRemaining(store.lots(m))).isEqualTo(store.balance(m).value());
            assertThat(ledger).extracting(LedgerEntry::sequence)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, ledger.size()).mapToObj(n -> (long) n).toList());
            assertThat(byEvent(ledger)).isEqualTo(byEvent(sequential.ledger(m)));
            assertThat(new HashSet<>(store.lots(m))).isEqualTo(new HashSet<>(sequential.lots(m)));
        }
        assertThat(count("SELECT COUNT(*) FROM loyalty_event")).isEqualTo(purchases.size() + HOT.size());
    }

    @Test
    void shouldNeverExceedTheDailyCapWhenSixteenWritersEarnForHotMembersOnOneDay() throws Exception {
        long cap = 5_000;
        JavaRules rules = JavaRules.simplePack(cap);
        List<LoyaltyEngine> engines = stores.stream().map(s -> Fixtures.engine(s, rules)).toList();
        HOT.forEach(id -> engines.get(0).process(enrolment(id, MONDAY)));
        List<LoyaltyEvent> purchases = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            purchases.add(purchase("p-" + i, HOT.get(i % HOT.size()), MONDAY.plus(Duration.ofSeconds(i + 1)), "77.70"));
        }

        List<Object> results = run(IntStream.range(0, purchases.size()).<Supplier<Object>>mapToObj(
                i -> () -> engines.get(i % PROCESSES).process(purchases.get(i))).toList());

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(Outcome.class));
        for (String id : HOT) {
            MemberId m = member(id);
            // the day's earnings: the welcome points and the purchases, cut to the cap
            assertThat(stores.get(2).balance(m)).as("balance of %s", id).isEqualTo(Points.of(cap));
            assertThat(sumOfEntries(stores.get(3).ledger(m))).isEqualTo(cap);
        }
    }

    @Test
    void shouldNeverOverspendWhenSixteenWritersInFourProcessesSpendFromOneMember() throws Exception {
        Fixtures.engine(stores.get(0)).process(enrolment("m-1", MONDAY));
        for (int i = 1; i < 20; i++) {
            stores.get(0).apply(member("m-1"), grant(EventId.of("grant-" + i), 100));
        }
        assertThat(stores.get(0).balance(member("m-1"))).isEqualTo(Points.of(2_000));
        List<Supplier<Object>> spends = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            EventId id = EventId.of("spend-" + i);
            JdbcStore store = stores.get(i % PROCESSES);
            spends.add(() -> store.apply(member("m-1"), view -> spend(view, id, 10)));
        }

        List<Object> results = run(spends);

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOfAny(StoredEvent.class, IllegalStateException.class));
        assertThat(results).filteredOn(StoredEvent.class::isInstance).hasSize(200);
        JdbcStore store = stores.get(1);
        assertThat(store.balance(member("m-1"))).isEqualTo(Points.ZERO);
        assertThat(sumOfEntries(store.ledger(member("m-1")))).isZero();
        assertThat(store.lots(member("m-1"))).hasSize(20).extracting(Lot::remaining).containsOnly(0L);
        assertThat(count("SELECT COUNT(*) FROM loyalty_event WHERE event_id LIKE 'spend-%'")).isEqualTo(200);
    }

    @Test
    void shouldEnrolEachMemberOnceWhenFourProcessesRaceToEnrolThem() throws Exception {
        List<LoyaltyEngine> engines = stores.stream().map(Fixtures::engine).toList();
        List<Supplier<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            LoyaltyEvent enrolment = enrolment("new-" + i, MONDAY);
            for (LoyaltyEngine engine : engines) {
                tasks.add(() -> engine.process(enrolment));
            }
        }

        List<Object> results = run(tasks);

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(Outcome.class));
        assertThat(new HashSet<>(results)).hasSize(200);
        List<Member> all = new ArrayList<>();
        stores.get(3).forEachMember(all::add);
        assertThat(all).hasSize(200);
        assertThat(count("SELECT COUNT(*) FROM loyalty_entry")).isEqualTo(200);
    }

    /** Adds a lot of the given points, as a purchase would. */
    private static java.util.function.Function<MemberView, MemberChanges> grant(EventId id, long points) {
        return view -> {
            Member member = view.member().orElseThrow();
            LedgerEntry entry = new LedgerEntry(member.id(), view.lastSequence() + 1, id, EntryType.EARN, Points.of(points), id.value(),
                    "TEST-GRANT", "granted", "test", MONDAY, Fixtures.NOW);
            Outcome outcome = new Outcome(id, member.id(), "purchase", Points.of(points), view.balance().plus(Points.of(points)),
                    List.of(entry), new Explanation("grant", List.of()), "test");
            Lot lot = new Lot(id.value(), member.id(), id, MONDAY, null, null, points, points, null, null, 0, 0);
            return new MemberChanges(null, new StoredEvent(id, member.id(), "0".repeat(64), outcome), List.of(entry), List.of(lot));
        };
    }

    /** Spends from the oldest lots; negative entries typed EARN, as the SPI has no debit type yet. */
    private static MemberChanges spend(MemberView view, EventId id, long points) {
        Member member = view.member().orElseThrow();
        if (view.balance().value() < points) {
            throw new IllegalStateException("member " + member.id() + " has only " + view.balance() + " points");
        }
        List<LedgerEntry> entries = new ArrayList<>();
        List<Lot> lots = new ArrayList<>();
        long left = points;
        long sequence = view.lastSequence();
        for (Lot lot : view.lots()) {
            long take = Math.min(left, lot.remaining());
            if (take > 0) {
                left -= take;
                lots.add(lot.withRemaining(lot.remaining() - take));
                entries.add(new LedgerEntry(member.id(), ++sequence, id, EntryType.REDEEM, Points.of(-take), lot.id(), "TEST-SPEND", "spent",
                        "test", MONDAY, Fixtures.NOW));
            }
        }
        Outcome outcome = new Outcome(id, member.id(), "redemption", Points.of(-points), view.balance().minus(Points.of(points)), entries,
                new Explanation("spend", List.of()), "test");
        return new MemberChanges(null, new StoredEvent(id, member.id(), "0".repeat(64), outcome), entries, lots);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = first.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<EventId, List<Object>> byEvent(List<LedgerEntry> entries) {
        return entries.stream().collect(Collectors.groupingBy(LedgerEntry::eventId, Collectors.mapping(
                e -> List.of(e.type(), e.points(), e.lotId(), e.rule(), e.reason(), e.occurredAt(), e.recordedAt()), Collectors.toList())));
    }

    /** Runs the tasks on {@link #WRITERS} threads that start together; returns each result or exception, in task order. */
    private static List<Object> run(List<Supplier<Object>> tasks) throws Exception {
        return Fixtures.runConcurrently(tasks, WRITERS, Duration.ofMinutes(5));
    }
}
