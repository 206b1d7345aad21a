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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A stable hash of an event's payload, used to tell a replay (same id, same payload) from a
 * conflict (same id, other payload). Each field is written length-prefixed in a fixed order,
 * so the hash does not depend on {@code toString} formats and survives restarts.
 *
 * <p>The canonical text is fixed: {@code JdbcStore} keeps fingerprints, so a new way of writing
 * it must give the same bytes (the writer below encodes straight to UTF-8 bytes for speed, and
 * {@code FingerprintsTest} pins hashes, {@code FingerprintsProperties} compares with the text
 * as first defined). A different text would make every stored event a conflict on replay.
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
        out.add(event.kind()).add(event.eventId().value()).add(event.memberId().value()).addInstant(event.occurredAt());
        if (event instanceof Enrolment e) {
            out.add(e.birthday()).add(e.zone()).add(e.tierCode()).add(e.channel());
            if (e.referralCode() != null || !e.identity().isEmpty()) {
                // only then, so enrolments recorded before referrals keep their fingerprint
                out.add(e.referralCode()).add(String.join(",", e.identity()));
                if (e.identity().stream().anyMatch(fingerprint -> fingerprint.indexOf(',') >= 0)) {
                    // joined, {"a,b"} and {"a", "b"} read alike: then each is written on its own too, as no other is
                    for (String fingerprint : e.identity()) {
                        out.add(fingerprint);
                    }
                }
            }
        } else if (event instanceof Purchase p) {
            out.add(p.channel()).add(p.store()).add(p.lines().size());
            List<PurchaseLine> lines = p.lines();
            for (int i = 0, n = lines.size(); i < n; i++) {
                // by index: the lines are an immutable random-access list, and no iterator is made
                PurchaseLine line = lines.get(i);
                out.add(line.sku()).add(line.category()).add(line.quantity())
                        .addPlain(line.unitPrice().amount()).add(line.unitPrice().currency().getCurrencyCode());
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
        byte[] text = new byte[MAX_INSTANT_LENGTH];
        int length = instant(instant, text, 0);
        return length < 0 ? instant.toString() : new String(text, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** The longest text {@link #instant(Instant, byte[], int)} writes: nanoseconds shown. */
    private static final int MAX_INSTANT_LENGTH = 30;

    /**
     * Writes {@code instant.toString()} as ASCII bytes at a position, for the years 0 to 9999.
     *
     * @return how many bytes were written, or -1 for an instant outside those years (nothing written)
     */
    private static int instant(Instant instant, byte[] text, int at) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        if (day < MIN_FAST_DAY || day > MAX_FAST_DAY) {
            return -1;
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        int nanos = instant.getNano();
        int length = nanos == 0 ? 20 : nanos % 1_000_000 == 0 ? 24 : nanos % 1_000 == 0 ? 27 : MAX_INSTANT_LENGTH;
        digits(text, at, date.getYear(), 4);
        text[at + 4] = '-';
        digits(text, at + 5, date.getMonthValue(), 2);
        text[at + 7] = '-';
        digits(text, at + 8, date.getDayOfMonth(), 2);
        text[at + 10] = 'T';
        digits(text, at + 11, secondOfDay / 3_600, 2);
        text[at + 13] = ':';
        digits(text, at + 14, secondOfDay / 60 % 60, 2);
        text[at + 16] = ':';
        digits(text, at + 17, secondOfDay % 60, 2);
        if (nanos != 0) {
            text[at + 19] = '.';
            int width = length - 21;
            digits(text, at + 20, width == 3 ? nanos / 1_000_000 : width == 6 ? nanos / 1_000 : nanos, width);
        }
        text[at + length - 1] = 'Z';
        return length;
    }

    private static final long MIN_FAST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long MAX_FAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The canonical text, written as UTF-8 straight into a reused per-thread buffer and hashed
     * without intermediate strings. Each field is {@code <length in chars>:<text>;}, or {@code -;}
     * for null; numbers, instants and decimals are written as their {@code toString},
     * {@code Instant.toString} and {@code toPlainString} texts would be.
     */
    private static final class Canonical {
        private static final ThreadLocal<Canonical> CACHED = ThreadLocal.withInitial(Canonical::new);
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        /** Buffers larger than this (a purchase of thousands of lines) are not kept for the next event. */
        private static final int KEPT_BYTES = 49_152;

        private final MessageDigest sha;
        private byte[] bytes = new byte[768];
        private int size;
        /** Digits are written here backwards before they are copied. */
        private final byte[] scratch = new byte[20];
        /** The hash and its hex digits, reused: the only array an event's fingerprint makes is its string's. */
        private final byte[] hash = new byte[32];
        private final byte[] hex = new byte[64];

        private Canonical() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
        }

        static Canonical get() {
            Canonical canonical = CACHED.get();
            if (canonical.bytes.length > KEPT_BYTES) {
                canonical = new Canonical();
                CACHED.set(canonical);
            }
            canonical.size = 0;
            return canonical;
        }

        Canonical add(Object value) {
            return value == null ? nothing() : add(value.toString());
        }

        Canonical add(String s) {
            if (s == null) {
                return nothing();
            }
            int n = s.length();
            room(24 + 3 * n);
            digits(n);
            bytes[size++] = ':';
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    bytes[size++] = (byte) c;
                } else {
                    byte[] encoded = Character.isSurrogate(c) && i + 1 < n && Character.isSurrogatePair(c, s.charAt(i + 1))
                            ? new String(new char[] {c, s.charAt(++i)}).getBytes(StandardCharsets.UTF_8)
                            : String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(encoded, 0, bytes, size, encoded.length);
                    size += encoded.length;
                }
            }
            bytes[size++] = ';';
            return this;
        }

        Canonical add(int value) {
            return add((long) value);
        }

        Canonical add(long value) {
            if (value == Long.MIN_VALUE) {
                return add(Long.toString(value));
            }
            int from = backwards(Math.abs(value));
            if (value < 0) {
                scratch[--from] = '-';
            }
            return field(from);
        }

        /** Adds {@code instant.toString()}. */
        Canonical addInstant(Instant value) {
            room(24 + MAX_INSTANT_LENGTH);
            // the field is <length>:<text>; and the length (20 to 30) has two digits: write the text after them and the colon
            int length = instant(value, bytes, size + 3);
            if (length < 0) {
                return add(value.toString());
            }
            digits(length);
            bytes[size++] = ':';
            size += length;
            bytes[size++] = ';';
            return this;
        }

        /** Adds {@code value.toPlainString()}, as {@link Decimals#plain} writes it. */
        Canonical addPlain(BigDecimal value) {
            int scale = value.scale();
            long unscaled = scale <= 0 ? Decimals.NO_FIT : Decimals.unscaled(value);
            if (unscaled == Decimals.NO_FIT || unscaled < 0) {
                return add(Decimals.plain(value));
            }
            int from = backwards(unscaled);
            int count = scratch.length - from;
            int integerDigits = Math.max(1, count - scale);
            room(24 + integerDigits + 1 + scale);
            digits(integerDigits + 1 + scale);
            bytes[size++] = ':';
            // leading zeros when there are fewer digits than the scale needs, as in 0.05
            int zeros = integerDigits + scale - count;
            for (int k = 0; k < integerDigits + scale; k++) {
                if (k == integerDigits) {
                    bytes[size++] = '.';
                }
                bytes[size++] = k < zeros ? (byte) '0' : scratch[from + k - zeros];
            }
            bytes[size++] = ';';
            return this;
        }

        String digest() {
            sha.update(bytes, 0, size);
            try {
                sha.digest(hash, 0, hash.length);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-256 writes 32 bytes", e);
            }
            for (int i = 0; i < hash.length; i++) {
                hex[2 * i] = HEX[(hash[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[hash[i] & 0xf];
            }
            return new String(hex, StandardCharsets.ISO_8859_1);
        }

        private Canonical nothing() {
            room(2);
            bytes[size++] = '-';
            bytes[size++] = ';';
            return this;
        }

        /** Writes the non-negative value's digits at the end of the scratch buffer; returns where they start. */
        private int backwards(long value) {
            int at = scratch.length;
            do {
                scratch[--at] = (byte) ('0' + value % 10);
                value /= 10;
            } while (value != 0);
            return at;
        }

        /** Adds the scratch buffer's text from {@code from} as a field. */
        private Canonical field(int from) {
            int length = scratch.length - from;
            room(24 + length);
            digits(length);
            bytes[size++] = ':';
            System.arraycopy(scratch, from, bytes, size, length);
            size += length;
            bytes[size++] = ';';
            return this;
        }

        /** Writes a small non-negative number (a length) in decimal. */
        private void digits(int value) {
            if (value < 10) {
                bytes[size++] = (byte) ('0' + value);
                return;
            }
            if (value < 100) {
                bytes[size++] = (byte) ('0' + value / 10);
                bytes[size++] = (byte) ('0' + value % 10);
                return;
            }
            // straight into the buffer, not through the scratch one: field() calls this while the scratch holds its digits
            int end = size + stringSize(value);
            for (int at = end - 1; at >= size; at--) {
                bytes[at] = (byte) ('0' + value % 10);
                value /= 10;
            }
            size = end;
        }

        private static int stringSize(int value) {
            int count = 1;
            for (int limit = 10; count < 10 && value >= limit; limit *= 10) {
                count++;
            }
            return count;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
