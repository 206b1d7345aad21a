package dev.loyalty.rules.vocabulary;

import java.util.Objects;

/**
 * The program's settings that campaigns may read: {@code Program( currency == "GBP" )}.
 *
 * <p>Immutable.
 */
public final class Program {

    private final String currency;
    private final String zone;

    /**
     * Creates the fact; the engine does this for every event, tests of campaign rules may too.
     *
     * @param currency the program's ISO 4217 currency code
     * @param zone the program's time zone id, such as {@code Europe/London}
     */
    public Program(String currency, String zone) {
        this.currency = Objects.requireNonNull(currency, "currency");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Returns the program's currency code.
     *
     * @return the ISO 4217 code, such as {@code GBP}
     */
    public String getCurrency() {
        return currency;
    }

    /**
     * Returns the program's time zone id; members may have their own.
     *
     * @return the zone id, such as {@code Europe/London}
     */
    public String getZone() {
        return zone;
    }

    /**
     * Returns the program's currency and zone, as {@code Program[currency=GBP, zone=Europe/London]}.
     *
     * @return the text, for logs and rule test messages
     */
    @Override
    public String toString() {
        return "Program[currency=" + currency + ", zone=" + zone + "]";
    }
}
