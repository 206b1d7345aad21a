package dev.loyalty.core.store;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.HoldStatus;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.testing.LoyaltyStoreContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Runs the store contract against {@link InMemoryStore}, plus what only the in-memory store promises. */
class InMemoryStoreTest extends LoyaltyStoreContract {

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }

    @Override
    protected int visibilityRounds() {
        return 2_000;
    }

    @Test
    void shouldReportTheSameNextDueInstantAsAScanWhenLotsAndHoldsChangeAtRandom() {
        InMemoryStore store = new InMemoryStore();
        Member alice = new Member(member("alice"), MONDAY, "member", MemberStatus.ACTIVE, null, null);
        store.apply(alice.id(), view -> new MemberChanges(alice, null, List.of(), List.of()));
        Random random = new Random(11);
        List<String> lotIds = new ArrayList<>(List.of(Lot.DEBT_LOT));
        List<String> holdIds = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            List<Lot> lots = new ArrayList<>();
            List<Hold> holds = new ArrayList<>();
            for (int k = random.nextInt(3); k > 0; k--) {
                String id = random.nextInt(3) == 0 ? lotIds.get(random.nextInt(lotIds.size())) : "lot-" + step + "-" + k;
                if (!lotIds.contains(id)) {
                    lotIds.add(id);
                }
                lots.add(new Lot(id, alice.id(), EventId.of(id.equals(Lot.DEBT_LOT) ? "debt" : id), MONDAY, maybe(random), maybe(random),
                        10, random.nextInt(3) - 1, null, null, 0, 0));
            }
            if (random.nextBoolean()) {
                String id = random.nextInt(2) == 0 && !holdIds.isEmpty() ? holdIds.get(random.nextInt(holdIds.size())) : "hold-" + step;
                if (!holdIds.contains(id)) {
                    holdIds.add(id);
                }
                holds.add(new Hold(id, alice.id(), 5, "reward", MONDAY, maybe(random) == null ? MONDAY.plusSeconds(random.nextInt(50))
                        : MONDAY.plusSeconds(60), HoldStatus.values()[random.nextInt(HoldStatus.values().length)]));
            }
            store.apply(alice.id(), view -> new MemberChanges(null, null, List.of(), lots, holds, null));

            Instant[] seen = new Instant[2];
            store.apply(alice.id(), view -> {
                seen[0] = view.nextDueAt();
                seen[1] = scan(view);
                return new MemberChanges(null, null, List.of(), List.of());
            });
            assertThat(seen[0]).as("after step %d", step).isEqualTo(seen[1]);
        }
    }

    @Test
    void shouldCountPointsEarnedLaterInARangeWhenTheSameRangeIsAskedAgain() {
        InMemoryStore store = new InMemoryStore();
        dev.loyalty.core.LoyaltyEngine engine = dev.loyalty.core.testing.Fixtures.engine(store);
        engine.process(dev.loyalty.core.testing.Fixtures.enrolment("m-1", MONDAY));
        Instant day = MONDAY.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        long[] seen = new long[3];

        engine.process(dev.loyalty.core.testing.Fixtures.purchase("p-1", "m-1", MONDAY.plusSeconds(60), "10"));
        store.apply(member("m-1"), view -> {
            seen[0] = view.pointsEarnedBetween(day, day.plus(java.time.Duration.ofDays(1)));
            return new MemberChanges(null, null, List.of(), List.of());
        });
        engine.process(dev.loyalty.core.testing.Fixtures.purchase("p-2", "m-1", MONDAY.plusSeconds(120), "20"));
        engine.process(dev.loyalty.core.testing.Fixtures.purchase("p-3", "m-1", MONDAY.plus(java.time.Duration.ofDays(1)), "40"));
        store.apply(member("m-1"), view -> {
            seen[1] = view.pointsEarnedBetween(day, day.plus(java.time.Duration.ofDays(1)));
            seen[2] = view.pointsEarnedBetween(day.plus(java.time.Duration.ofDays(1)), day.plus(java.time.Duration.ofDays(2)));
            return new MemberChanges(null, null, List.of(), List.of());
        });

        assertThat(seen).containsExactly(100 + 10, 100 + 10 + 20, 40);
    }

    /** The interface's own scan, which the store's index must agree with. */
    private static Instant scan(MemberView view) {
        MemberView scanning = new MemberView() {
            @Override
            public java.util.Optional<Member> member() {
                return view.member();
            }

            @Override
            public dev.loyalty.core.model.Points balance() {
                return view.balance();
            }

            @Override
            public long lastSequence() {
                return view.lastSequence();
            }

            @Override
            public long pointsEarnedBetween(Instant fromInclusive, Instant toExclusive) {
                return view.pointsEarnedBetween(fromInclusive, toExclusive);
            }

            @Override
            public List<Lot> lots() {
                return view.lots();
            }

            @Override
            public List<Hold> holds() {
                return view.holds();
            }

            @Override
            public dev.loyalty.core.model.Account account() {
                return view.account();
            }

            @Override
            public dev.loyalty.core.tier.TierState tierState() {
                return view.tierState();
            }

            @Override
            public dev.loyalty.core.tier.Qualifying qualifying(java.time.LocalDate fromInclusive, java.time.LocalDate toInclusive) {
                return view.qualifying(fromInclusive, toInclusive);
            }

            @Override
            public dev.loyalty.core.model.OfferBook offerBook() {
                return view.offerBook();
            }

            @Override
            public List<dev.loyalty.core.model.Offer> offers() {
                return view.offers();
            }
        };
        return scanning.nextDueAt();
    }

    private static Instant maybe(Random random) {
        return random.nextInt(3) == 0 ? null : MONDAY.plusSeconds(random.nextInt(50));
    }
}
