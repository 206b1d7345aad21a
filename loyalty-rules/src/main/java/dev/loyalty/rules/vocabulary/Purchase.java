package dev.loyalty.rules.vocabulary;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A purchase as a whole, as campaign rules see it: {@code Purchase( weekend )}. Its lines are
 * separate {@link PurchaseLine} facts that carry the purchase's date fields, so a campaign on
 * lines needs no join with the purchase.
 *
 * <p>Immutable. The date and the fields derived from it are in the member's time zone.
 */
public final class Purchase {

    private final String eventId;
    private final String memberId;
    private final BigDecimal total;
    private final String currency;
    private final String channel;
    private final String store;
    private final LocalDate date;
    private final int lineCount;

    /**
     * Creates the fact; the engine does this for every purchase, tests of campaign rules may too.
     *
     * @param eventId the purchase's event id
     * @param memberId the buyer's id
     * @param total the exact total of all lines
     * @param currency the ISO 4217 currency code, such as {@code GBP}
     * @param channel the sales channel, such as {@code web}, or null
     * @param store the store code, or null
     * @param date the local date of the purchase
     * @param lineCount the number of lines
     */
    public Purchase(String eventId, String memberId, BigDecimal total, String currency, String channel, String store,
                    LocalDate date, int lineCount) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.total = Objects.requireNonNull(total, "total");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.channel = channel;
        this.store = store;
        this.date = Objects.requireNonNull(date, "date");
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
     * Returns the local date of the purchase.
     *
     * @return the date
     */
    public LocalDate getDate() {
        return date;
    }

    /**
     * Returns the day of the week of the purchase.
     *
     * @return the day, such as {@code DayOfWeek.SATURDAY}
     */
    public DayOfWeek getDayOfWeek() {
        return date.getDayOfWeek();
    }

    /**
     * Returns the month of the purchase.
     *
     * @return 1 (January) to 12 (December)
     */
    public int getMonth() {
        return date.getMonthValue();
    }

    /**
     * Returns the day of the month of the purchase.
     *
     * @return 1 to 31
     */
    public int getDayOfMonth() {
        return date.getDayOfMonth();
    }

    /**
     * Returns the year of the purchase.
     *
     * @return the year
     */
    public int getYear() {
        return date.getYear();
    }

    /**
     * Tells whether the purchase was made on a Saturday or a Sunday.
     *
     * @return true at the weekend
     */
    public boolean isWeekend() {
        return Days.isWeekend(date);
    }

    /**
     * Returns the number of lines.
     *
     * @return at least 1
     */
    public int getLineCount() {
        return lineCount;
    }

    @Override
    public String toString() {
        return "Purchase[eventId=" + eventId + ", memberId=" + memberId + ", total=" + total.toPlainString() + " " + currency
                + ", channel=" + channel + ", store=" + store + ", date=" + date + ", lineCount=" + lineCount + "]";
    }
}
