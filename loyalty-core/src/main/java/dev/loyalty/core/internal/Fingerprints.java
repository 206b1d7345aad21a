package dev.loyalty.core.internal;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.HoldCapture;
import dev.loyalty.core.event.HoldVoid;
import dev.loyalty.core.event.OfferRedemption;
import dev.loyalty.core.event.PointsHold;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stable hash of an event's payload, used to tell a replay (same id, same payload) from a
 * conflict (same id, other payload). Each field is written length-prefixed in a fixed order,
 * so the hash does not depend on {@code toString} formats and survives restarts.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * Returns the SHA-256 of the event's canonical form, in hex.
     *
     * @param event the event
     * @return 64 hex digits
     */
    public static String of(LoyaltyEvent event) {
        Canonical out = Canonical.get();
        out.add(event.kind()).add(event.eventId().value()).add(event.memberId().value()).add(instant(event.occurredAt()));
        if (event instanceof Enrolment e) {
            out.add(e.birthday()).add(e.zone()).add(e.tierCode()).add(e.channel());
            if (e.referralCode() != null || !e.identity().isEmpty()) {
                // only then, so enrolments recorded before referrals keep their fingerprint
                out.add(e.referralCode()).add(String.join(",", e.identity()));
            }
        } else if (event instanceof Purchase p) {
            out.add(p.channel()).add(p.store()).add(p.lines().size());
            for (PurchaseLine line : p.lines()) {
                out.add(line.sku()).add(line.category()).add(line.quantity())
                        .add(Decimals.plain(line.unitPrice().amount())).add(line.unitPrice().currency().getCurrencyCode());
            }
        } else if (event instanceof ProfileChange c) {
            out.add(c.birthday()).add(c.zone()).add(c.status());
        } else if (event instanceof Redemption r) {
            out.add(r.rewardCode()).add(r.points()).add(r.value() == null ? null : Decimals.plain(r.value().amount()))
                    .add(r.value() == null ? null : r.value().currency().getCurrencyCode());
        } else if (event instanceof PointsHold h) {
            out.add(h.rewardCode()).add(h.points()).add(h.expiresAt());
        } else if (event instanceof HoldCapture c) {
            out.add(c.holdId());
        } else if (event instanceof HoldVoid v) {
            out.add(v.holdId());
        } else if (event instanceof OfferRedemption o) {
            out.add(o.offerCode());
        } else if (event instanceof Return r) {
            out.add(r.purchaseId()).add(Decimals.plain(r.amount().amount())).add(r.amount().currency().getCurrencyCode());
        } else {
            throw new IllegalStateException("no fingerprint for " + event.getClass().getName());
        }
        return out.digest();
    }

    /**
     * Returns {@code instant.toString()} (ISO-8601 in UTC, fractions in groups of three digits),
     * written directly for the years 0 to 9999 rather than through a formatter.
     *
     * @param instant the instant
     * @return the text, such as {@code 2026-03-02T10:00:00.120Z}
     */
    static String instant(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        if (day < MIN_FAST_DAY || day > MAX_FAST_DAY) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        int nanos = instant.getNano();
        char[] text = new char[nanos == 0 ? 20 : nanos % 1_000_000 == 0 ? 24 : nanos % 1_000 == 0 ? 27 : 30];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        if (nanos != 0) {
            text[19] = '.';
            int width = text.length - 21;
            digits(text, 20, nanos / (int) Math.pow(10, 9 - width), width);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    private static final long MIN_FAST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long MAX_FAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The canonical text, built in a reused per-thread buffer and hashed without intermediate strings. */
    private static final class Canonical {
        private static final ThreadLocal<Canonical> CACHED = ThreadLocal.withInitial(Canonical::new);
        private static final char[] HEX = "0123456789abcdef".toCharArray();

        private final StringBuilder text = new StringBuilder(256);
        private final MessageDigest sha;
        private byte[] bytes = new byte[768];

        private Canonical() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
        }

        /** Buffers larger than this (a purchase of thousands of lines) are not kept for the next event. */
        private static final int KEPT_CHARS = 16_384;

        static Canonical get() {
            Canonical canonical = CACHED.get();
            if (canonical.text.capacity() > KEPT_CHARS) {
                canonical = new Canonical();
                CACHED.set(canonical);
            }
            canonical.text.setLength(0);
            return canonical;
        }

        Canonical add(Object value) {
            if (value == null) {
                text.append("-;");
            } else {
                add(value.toString());
            }
            return this;
        }

        Canonical add(String s) {
            if (s == null) {
                text.append("-;");
            } else {
                text.append(s.length()).append(':').append(s).append(';');
            }
            return this;
        }

        Canonical add(int value) {
            text.append(Integer.toString(value).length()).append(':').append(value).append(';');
            return this;
        }

        String digest() {
            int length = utf8();
            sha.update(bytes, 0, length);
            byte[] hash = sha.digest();
            char[] hex = new char[hash.length * 2];
            for (int i = 0; i < hash.length; i++) {
                hex[2 * i] = HEX[(hash[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[hash[i] & 0xf];
            }
            return new String(hex);
        }

        /** Encodes the text as UTF-8 into the reused buffer; returns the length. */
        private int utf8() {
            int n = text.length();
            if (bytes.length < n * 3) {
                bytes = new byte[n * 3];
            }
            int at = 0;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    bytes[at++] = (byte) c;
                } else {
                    byte[] encoded = Character.isSurrogate(c) && i + 1 < n && Character.isSurrogatePair(c, text.charAt(i + 1))
                            ? new String(new char[] {c, text.charAt(++i)}).getBytes(StandardCharsets.UTF_8)
                            : String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(encoded, 0, bytes, at, encoded.length);
                    at += encoded.length;
                }
            }
            return at;
        }
    }
}
