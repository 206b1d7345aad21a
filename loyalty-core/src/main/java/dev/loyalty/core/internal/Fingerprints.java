package dev.loyalty.core.internal;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.HoldCapture;
import dev.loyalty.core.event.HoldVoid;
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
import java.util.HexFormat;

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
        Canonical out = new Canonical();
        out.add(event.kind()).add(event.eventId().value()).add(event.memberId().value()).add(event.occurredAt().toString());
        if (event instanceof Enrolment e) {
            out.add(e.birthday()).add(e.zone()).add(e.tierCode()).add(e.channel());
        } else if (event instanceof Purchase p) {
            out.add(p.channel()).add(p.store()).add(p.lines().size());
            for (PurchaseLine line : p.lines()) {
                out.add(line.sku()).add(line.category()).add(line.quantity())
                        .add(line.unitPrice().amount().toPlainString()).add(line.unitPrice().currency().getCurrencyCode());
            }
        } else if (event instanceof ProfileChange c) {
            out.add(c.birthday()).add(c.zone()).add(c.status());
        } else if (event instanceof Redemption r) {
            out.add(r.rewardCode()).add(r.points()).add(r.value() == null ? null : r.value().amount().toPlainString())
                    .add(r.value() == null ? null : r.value().currency().getCurrencyCode());
        } else if (event instanceof PointsHold h) {
            out.add(h.rewardCode()).add(h.points()).add(h.expiresAt());
        } else if (event instanceof HoldCapture c) {
            out.add(c.holdId());
        } else if (event instanceof HoldVoid v) {
            out.add(v.holdId());
        } else if (event instanceof Return r) {
            out.add(r.purchaseId()).add(r.amount().amount().toPlainString()).add(r.amount().currency().getCurrencyCode());
        } else {
            throw new IllegalStateException("no fingerprint for " + event.getClass().getName());
        }
        return out.digest();
    }

    private static final class Canonical {
        private final StringBuilder text = new StringBuilder(128);

        Canonical add(Object value) {
            if (value == null) {
                text.append("-;");
            } else {
                String s = value.toString();
                text.append(s.length()).append(':').append(s).append(';');
            }
            return this;
        }

        String digest() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
        }
    }
}
