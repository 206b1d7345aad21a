package dev.loyalty.rules.vocabulary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A purchase as a whole, as campaign rules see it: {@code Purchase( weekend )}. Its lines are
 * separate {@link PurchaseLine} facts that carry the purchase's date fields, so a campaign on
 * lines needs no join with the purchase.
 *
 * <p>Immutable. The date and the fields derived from it are in the member's time zone.
 */
public final class Purchase extends DatedFact {

    private final String eventId;
    private final String memberId;
    private final String tier;
    private final BigDecimal total;
    private final String currency;
    private final String channel;
    private final String store;
    private final int lineCount;
    private final String tierName;
    private final BigDecimal tierEarnMultiplier;

    /**
     * Creates the fact; the engine does this for every purchase, tests of campaign rules may too.
     *
     * @param eventId the purchase's event id
     * @param memberId the buyer's id
     * @param tier the buyer's tier code as the purchase finds them, such as {@code gold}
     * @param total the exact total of all lines
     * @param currency the ISO 4217 currency code, such as {@code GBP}
     * @param channel the sales channel, such as {@code web}, or null
     * @param store the store code, or null
     * @param date the local date of the purchase
     * @param lineCount the number of lines
     */
    public Purchase(String eventId, String memberId, String tier, BigDecimal total, String currency, String channel, String store,
                    LocalDate date, int lineCount) {
        this(eventId, memberId, tier, tier, BigDecimal.ONE, total, currency, channel, store, date, lineCount);
    }

    /**
     * Creates the fact with the buyer's tier benefits, as the engine does from the rules' tier ladder.
     *
     * @param eventId the purchase's event id
     * @param memberId the buyer's id
     * @param tier the buyer's tier code as the purchase finds them, such as {@code gold}
     * @param tierName the tier's display name, such as {@code Gold}
     * @param tierEarnMultiplier the tier's earn multiplier on the ladder; 1 when it has none
     * @param total the exact total of all lines
     * @param currency the ISO 4217 currency code, such as {@code GBP}
     * @param channel the sales channel, such as {@code web}, or null
     * @param store the store code, or null
     * @param date the local date of the purchase
     * @param lineCount the number of lines
     */
    public Purchase(String eventId, String memberId, String tier, String tierName, BigDecimal tierEarnMultiplier, BigDecimal total,
                    String currency, String channel, String store, LocalDate date, int lineCount) {
        super(date);
        this.tierName = Objects.requireNonNull(tierName, "tierName");
        this.tierEarnMultiplier = Objects.requireNonNull(tierEarnMultiplier, "tierEarnMultiplier");
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.tier = Objects.requireNonNull(tier, "tier");
        this.total = Objects.requireNonNull(total, "total");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.channel = channel;
        this.store = store;
        this.lineCount = lineCount;
    }

    /**
     * Returns the purchase's event id.
     *
     * @return the event id
     */
    public String getEventId() {
        return eventId;
    }

    /**
     * Returns the buyer's member id.
     *
     * @return the member id
     */
    public String getMemberId() {
        return memberId;
    }

    /**
     * Returns the buyer's tier code as the purchase finds them, the same as the {@link Member}
     * fact's: a tier campaign on purchases needs no join, {@code Purchase( tier == "gold" )}.
     *
     * @return the tier code, such as {@code member}, {@code silver} or {@code gold}
     */
    public String getTier() {
        return tier;
    }

    /**
     * Returns the display name of the buyer's tier.
     *
     * @return the name, such as {@code Gold}
     */
    public String getTierName() {
        return tierName;
    }

    /**
     * Returns the earn multiplier the rules' tier ladder gives the buyer's tier: match
     * {@code Purchase( tierEarnMultiplier > 1 )} and call {@code earn.tierMultiplier($p)}.
     *
     * @return the multiplier; 1 when the ladder gives the tier none
     */
    public BigDecimal getTierEarnMultiplier() {
        return tierEarnMultiplier;
    }

    /**
     * Returns the exact total of all lines, excluded ones included.
     *
     * @return the total
     */
    public BigDecimal getTotal() {
        return total;
    }

    /**
     * Returns the ISO 4217 currency code.
     *
     * @return the currency code, such as {@code GBP}
     */
    public String getCurrency() {
        return currency;
    }

    /**
     * Returns the sales channel.
     *
     * @return the channel, such as {@code web} or {@code pos}, or null
     */
    public String getChannel() {
        return channel;
    }

    /**
     * Returns the store code.
     *
     * @return the store, or null
     */
    public String getStore() {
        return store;
    }


    /**
     * Returns the number of lines.
     *
     * @return at least 1
     */
    public int getLineCount() {
        return lineCount;
    }

    /**
     * Returns the purchase's event id, member id, tier, total with its currency code (such as
     * {@code 45.20 GBP}), channel, store, local date and number of lines, as
     * {@code Purchase[eventId=..., ...]}.
     *
     * @return the text, for logs and rule test messages
     */
    @Override
    public String toString() {
        return "Purchase[eventId=" + eventId + ", memberId=" + memberId + ", tier=" + tier + ", total=" + total.toPlainString() + " " + currency
                + ", channel=" + channel + ", store=" + store + ", date=" + getDate() + ", lineCount=" + lineCount + "]";
    }
}
