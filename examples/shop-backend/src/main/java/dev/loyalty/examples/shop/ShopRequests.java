package dev.loyalty.examples.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON bodies the shop accepts. Optional fields may be left out; {@code occurredAt} defaults
 * to when the request's {@code Idempotency-Key} was first seen, not counting attempts the shop
 * refused ({@link IdempotencyKeys}), or to now without a key; {@code currency} to the program's.
 */
final class ShopRequests {

    private ShopRequests() {
    }

    /**
     * {@code POST /members}.
     *
     * @param memberId the new member's id
     * @param birthday the birthday, optional
     * @param zone the member's time zone, such as {@code Europe/Paris}; the program's when absent
     * @param tier the starting tier code, optional
     * @param channel where the member enrolled, optional
     * @param occurredAt when, optional
     */
    record Enrol(String memberId, LocalDate birthday, String zone, String tier, String channel, Instant occurredAt) {
    }

    /**
     * {@code POST /members/{memberId}/purchases}.
     *
     * @param lines the basket, at least one line
     * @param currency the prices' currency, optional
     * @param channel the sales channel, optional
     * @param store the store code, optional
     * @param occurredAt when, optional
     */
    record Purchase(List<Line> lines, String currency, String channel, String store, Instant occurredAt) {
    }

    /**
     * One basket line.
     *
     * @param sku the product code
     * @param category the product category, such as {@code garden}
     * @param quantity how many items
     * @param unitPrice the price of one item
     */
    record Line(String sku, String category, Integer quantity, BigDecimal unitPrice) {
    }

    /**
     * {@code POST /members/{memberId}/returns}.
     *
     * @param purchaseId the event id (idempotency key) of the purchase returned, optional; one of another member's
     *                   events, or of the member's that is not a purchase, is answered 400 naming this field
     * @param amount the amount refunded
     * @param currency its currency, optional
     * @param occurredAt when, optional
     */
    record Return(String purchaseId, BigDecimal amount, String currency, Instant occurredAt) {
    }

    /**
     * {@code POST /members/{memberId}/redemptions}.
     *
     * @param reward the reward's code
     * @param points the points to spend
     * @param value the reward's money value, optional
     * @param currency its currency, optional
     * @param occurredAt when, optional
     */
    record Redeem(String reward, Long points, BigDecimal value, String currency, Instant occurredAt) {
    }

    /**
     * {@code POST /members/{memberId}/offers/{code}/redemptions}.
     *
     * @param occurredAt when, optional
     */
    record RedeemOffer(Instant occurredAt) {
    }

    /**
     * {@code POST /sweeps}.
     *
     * @param asOf the instant to sweep at, optional (now); not after now
     * @param from the first member id of the range, optional
     * @param to the member id the range ends before, optional
     */
    record Sweep(Instant asOf, String from, String to) {
    }
}
