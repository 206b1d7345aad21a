package dev.loyalty.core;

import java.util.Currency;

/**
 * Thrown when amounts in two different currencies are combined, an event's currency is not the
 * program's, or an engine's program currency is not the one its store already records money in
 * (see {@link dev.loyalty.core.spi.LoyaltyStore#bindCurrency}).
 */
public final class CurrencyMismatchException extends InvalidInputException {

    /**
     * Creates the exception.
     *
     * @param field the field whose currency is wrong
     * @param expected the currency required there
     * @param actual the currency found
     */
    public CurrencyMismatchException(String field, Currency expected, Currency actual) {
        super(field, "is in " + actual.getCurrencyCode() + " but " + expected.getCurrencyCode() + " is required");
    }

    private CurrencyMismatchException(String field, String problem) {
        super(field, problem);
    }

    /**
     * Creates the exception a store throws when an engine of another currency than the one it
     * records money in would use it. The message names both, for example {@code program.currency
     * is JPY but the store already records money in GBP}.
     *
     * @param program the engine's program currency
     * @param recorded the currency the store already records money in
     * @return the exception, on field {@code program.currency}
     */
    public static CurrencyMismatchException storeRecords(Currency program, Currency recorded) {
        return new CurrencyMismatchException("program.currency",
                "is " + program.getCurrencyCode() + " but the store already records money in " + recorded.getCurrencyCode());
    }
}
