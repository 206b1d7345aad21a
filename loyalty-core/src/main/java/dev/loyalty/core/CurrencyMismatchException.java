package dev.loyalty.core;

import java.util.Currency;

/** Thrown when amounts in two different currencies are combined, or an event's currency is not the program's. */
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
}
