package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    private static final EventId ID = EventId.of("e-1");
    private static final MemberId MEMBER = MemberId.of("m-1");
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    private static Purchase.Builder purchase(EventId id, MemberId member, Instant at) {
        return Purchase.builder(id, member, at);
    }

    private static Purchase basePurchase() {
        return purchase(ID, MEMBER, AT).line("SKU-1", "garden", 2, Money.of("4.50", "GBP")).line("SKU-2", "toys", 1, Money.of("3", "GBP"))
                .channel("web").store("S1").build();
    }

    private static Enrolment baseEnrolment() {
        return Enrolment.of(ID, MEMBER, AT).withBirthday(LocalDate.of(1990, 1, 1)).withZone(ZoneId.of("Europe/London"))
                .withTier("silver").withChannel("web");
    }

    @Test
    void shouldGiveEqualHashWhenEventsAreEqual() {
        assertThat(Fingerprints.of(basePurchase())).isEqualTo(Fingerprints.of(basePurchase())).matches("[0-9a-f]{64}");
        assertThat(Fingerprints.of(baseEnrolment())).isEqualTo(Fingerprints.of(baseEnrolment()));
    }

    @Test
    void shouldKeepTheStoredHashesWhenTheImplementationChanges() {
        Purchase unicode = purchase(EventId.of("\u00e9-\u00fc"), MemberId.of("m-\u2603"), Instant.parse("2026-03-02T10:00:00.123Z"))
                .line("SKU-\u00fc", "g\u00e4rden", 3, Money.of("0.125", "GBP")).build();

        // stores keep these hashes; a new implementation must give the same ones
        assertThat(Fingerprints.of(basePurchase())).isEqualTo("416bcb8c146bcba96d5dd6db95992c6135ebaa1a2e38f542bf82e3183ce6807d");
        assertThat(Fingerprints.of(baseEnrolment())).isEqualTo("61b8469c1e83826038d72ae402d1d65be15be83c9f433d925af345a7d6a02ab6");
        assertThat(Fingerprints.of(unicode)).isEqualTo("5205a0c8cd8435ed70a9774d58c238893f2ee6a909bdf6d6cf7785fe373d1070");
    }

    @Test
    void shouldGiveEqualHashWhenPricesDifferOnlyInScale() {
        Purchase a = purchase(ID, MEMBER, AT).line("SKU-1", "garden", 1, Money.of("1.5", "GBP")).build();
        Purchase b = purchase(ID, MEMBER, AT).line("SKU-1", "garden", 1, Money.of("1.500", "GBP")).build();

        assertThat(Fingerprints.of(a)).isEqualTo(Fingerprints.of(b));
    }

    @Test
    void shouldChangeHashWhenAnyPurchaseFieldChanges() {
        List<LoyaltyEvent> variants = List.of(
                basePurchase(),
                purchase(EventId.of("e-2"), MEMBER, AT).line("SKU-1", "garden", 2, Money.of("4.50", "GBP"))
                        .line("SKU-2", "toys", 1, Money.of("3", "GBP")).channel("web").store("S1").build(),
                purchase(ID, MemberId.of("m-2"), AT).line("SKU-1", "garden", 2, Money.of("4.50", "GBP"))
                        .line("SKU-2", "toys", 1, Money.of("3", "GBP")).channel("web").store("S1").build(),
                purchase(ID, MEMBER, AT.plusNanos(1)).line("SKU-1", "garden", 2, Money.of("4.50", "GBP"))
                        .line("SKU-2", "toys", 1, Money.of("3", "GBP")).channel("web").store("S1").build(),
                withLines("SKU-9", "garden", 2, "4.50", "GBP"),
                withLines("SKU-1", "garden2", 2, "4.50", "GBP"),
                withLines("SKU-1", "garden", 3, "4.50", "GBP"),
                withLines("SKU-1", "garden", 2, "4.51", "GBP"),
                purchase(ID, MEMBER, AT).line("SKU-1", "garden", 2, Money.of("4.50", "EUR")).line("SKU-2", "toys", 1, Money.of("3", "EUR"))
                        .channel("web").store("S1").build(),
                purchase(ID, MEMBER, AT).line("SKU-1", "garden", 2, Money.of("4.50", "GBP")).line("SKU-2", "toys", 1, Money.of("3", "GBP"))
                        .channel("pos").store("S1").build(),
                purchase(ID, MEMBER, AT).line("SKU-1", "garden", 2, Money.of("4.50", "GBP")).line("SKU-2", "toys", 1, Money.of("3", "GBP"))
                        .channel("web").store("S2").build(),
                purchase(ID, MEMBER, AT).line("SKU-1", "garden", 2, Money.of("4.50", "GBP")).line("SKU-2", "toys", 1, Money.of("3", "GBP"))
                        .channel("web").build(),
                purchase(ID, MEMBER, AT).line("SKU-2", "toys", 1, Money.of("3", "GBP")).line("SKU-1", "garden", 2, Money.of("4.50", "GBP"))
                        .channel("web").store("S1").build(),
                purchase(ID, MEMBER, AT).line("SKU-1", "garden", 2, Money.of("4.50", "GBP")).channel("web").store("S1").build());

        assertAllDistinct(variants);
    }

    @Test
    void shouldChangeHashWhenTextShiftsBetweenFields() {
        Purchase a = purchase(ID, MEMBER, AT).line("SKU", "g", 1, Money.of("1", "GBP")).channel("ab").store("c").build();
        Purchase b = purchase(ID, MEMBER, AT).line("SKU", "g", 1, Money.of("1", "GBP")).channel("a").store("bc").build();
        Purchase nullChannel = purchase(ID, MEMBER, AT).line("SKU", "g", 1, Money.of("1", "GBP")).store("c").build();
        Purchase dashChannel = purchase(ID, MEMBER, AT).line("SKU", "g", 1, Money.of("1", "GBP")).channel("-").store("c").build();

        assertAllDistinct(List.of(a, b, nullChannel, dashChannel));
    }

    @Test
    void shouldChangeHashWhenAnyEnrolmentFieldChanges() {
        assertAllDistinct(List.of(
                baseEnrolment(),
                baseEnrolment().withBirthday(LocalDate.of(1990, 1, 2)),
                baseEnrolment().withBirthday(null),
                baseEnrolment().withZone(ZoneId.of("Europe/Paris")),
                baseEnrolment().withTier("gold"),
                baseEnrolment().withChannel("pos"),
                new Enrolment(EventId.of("e-2"), MEMBER, AT, LocalDate.of(1990, 1, 1), ZoneId.of("Europe/London"), "silver", "web"),
                new Enrolment(ID, MemberId.of("m-2"), AT, LocalDate.of(1990, 1, 1), ZoneId.of("Europe/London"), "silver", "web"),
                new Enrolment(ID, MEMBER, AT.plusSeconds(1), LocalDate.of(1990, 1, 1), ZoneId.of("Europe/London"), "silver", "web")));
    }

    @Test
    void shouldChangeHashWhenIdentityFingerprintsHoldingACommaSplitDifferently() {
        assertAllDistinct(List.of(
                baseEnrolment().withIdentity(Set.of("a,b")),
                baseEnrolment().withIdentity(Set.of("a", "b")),
                baseEnrolment().withIdentity(Set.of("a,b", "c")),
                baseEnrolment().withIdentity(Set.of("a", "b,c")),
                baseEnrolment().withIdentity(Set.of("a", "b", "c"))));
    }

    @Test
    void shouldChangeHashWhenAnyProfileChangeFieldChangesOrTheKindDiffers() {
        assertAllDistinct(List.of(
                new ProfileChange(ID, MEMBER, AT, LocalDate.of(1990, 1, 1), null, null),
                new ProfileChange(ID, MEMBER, AT, LocalDate.of(1990, 1, 2), null, null),
                new ProfileChange(ID, MEMBER, AT, null, ZoneId.of("UTC"), null),
                new ProfileChange(ID, MEMBER, AT, null, null, MemberStatus.SUSPENDED),
                new ProfileChange(ID, MEMBER, AT, null, null, MemberStatus.CLOSED),
                new ProfileChange(ID, MEMBER, AT.plusMillis(1), null, null, MemberStatus.CLOSED),
                Enrolment.of(ID, MEMBER, AT)));
    }

    private static Purchase withLines(String sku, String category, int quantity, String price, String currency) {
        return purchase(ID, MEMBER, AT).line(sku, category, quantity, Money.of(price, currency))
                .line("SKU-2", "toys", 1, Money.of("3", currency)).channel("web").store("S1").build();
    }

    private static void assertAllDistinct(List<? extends LoyaltyEvent> events) {
        Set<String> hashes = new HashSet<>();
        for (LoyaltyEvent event : events) {
            assertThat(hashes.add(Fingerprints.of(event))).as("fingerprint of %s is new", event).isTrue();
        }
    }
}
