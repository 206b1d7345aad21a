package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class FingerprintsProperties {

    @Test
    void shouldWriteInstantsAsInstantToStringDoesWhenFingerprinting() {
        qt().forAll(longs().between(-62_167_219_200L - 86_400L * 400, 253_402_300_799L + 86_400L * 400), integers().between(0, 999_999_999),
                integers().between(0, 3))
                .checkAssert((seconds, nanos, rounding) -> {
                    int nano = rounding == 0 ? 0 : rounding == 1 ? nanos / 1_000_000 * 1_000_000 : rounding == 2 ? nanos / 1_000 * 1_000 : nanos;
                    java.time.Instant instant = java.time.Instant.ofEpochSecond(seconds, nano);
                    assertThat(Fingerprints.instant(instant)).isEqualTo(instant.toString());
                });
    }

    private static final Gen<String> TEXTS = Generate.pick(List.of("SKU-1", "85123A", "garden", "Café", "日本", "x", "a;b:c", "😀 emoji",
            "12", "-", "clef \uD834\uDD1E pair",
            "long ".repeat(24), "Ä".repeat(128)));
    /** Member ids: texts without characters beyond U+FFFF, which member ids may not hold. */
    private static final Gen<String> MEMBER_TEXTS = Generate.pick(List.of("85123A", "Café", "日本", "x", "a;b:c", "12", "-",
            "long ".repeat(24), "Ä".repeat(128)));
    private static final Gen<String> OPTIONAL_TEXTS = Generate.pick(List.of("web", "pos", "Zürich", "store 7", ""));

    private static final Gen<Purchase> PURCHASES = in -> {
        int lineCount = integers().between(1, 6).generate(in);
        Purchase.Builder builder = Purchase.builder(EventId.of("p-" + longs().between(0, 1_000_000_000_000L).generate(in)),
                MemberId.of(MEMBER_TEXTS.generate(in)),
                Instant.ofEpochSecond(longs().between(0, 4_000_000_000L).generate(in), integers().between(0, 999_999_999).generate(in)));
        String currency = integers().between(0, 5).generate(in) == 0 ? "JPY" : "GBP";
        for (int l = 0; l < lineCount; l++) {
            BigDecimal price = BigDecimal.valueOf(longs().between(0, 999_999_999_999_999L).generate(in), integers().between(-2, 12).generate(in));
            builder.line(new PurchaseLine(TEXTS.generate(in), TEXTS.generate(in), integers().between(1, 1_000_000).generate(in),
                    Money.of(price, currency)));
        }
        String channel = OPTIONAL_TEXTS.generate(in);
        String store = OPTIONAL_TEXTS.generate(in);
        return builder.channel(channel.isEmpty() ? null : channel).store(store.isEmpty() ? null : store).build();
    };

    @Test
    void shouldHashTheCanonicalTextOfAPurchaseAsEverWhenWritingBytesDirectly() {
        qt().withFixedSeed(5L).withExamples(2_000).forAll(PURCHASES)
                .checkAssert(purchase -> assertThat(Fingerprints.of(purchase)).as("%s", purchase).isEqualTo(reference(purchase)));
    }

    /** The canonical text as first defined: each field's length in chars, a colon, its text and a semicolon; hashed as UTF-8. */
    private static String reference(Purchase p) {
        StringBuilder text = new StringBuilder();
        for (Object field : List.of(p.kind(), p.eventId().value(), p.memberId().value(), p.occurredAt().toString())) {
            field(text, field.toString());
        }
        field(text, p.channel());
        field(text, p.store());
        field(text, Integer.toString(p.lines().size()));
        for (PurchaseLine line : p.lines()) {
            field(text, line.sku());
            field(text, line.category());
            field(text, Integer.toString(line.quantity()));
            field(text, line.unitPrice().amount().toPlainString());
            field(text, line.unitPrice().currency().getCurrencyCode());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("-;");
        } else {
            text.append(value.length()).append(':').append(value).append(';');
        }
    }
}
