package dev.loyalty.core;

/**
 * Thrown when a value, an event or a setting is malformed: a null or blank field, a negative
 * quantity or price, an unknown currency, an amount past the program's limit. The message
 * names the field and the offending value.
 */
public class InvalidInputException extends LoyaltyException {

    /** The path of the offending field, as named in the message. */
    private final String field;

    /**
     * Creates the exception for one field.
     *
     * @param field the path of the offending field, such as {@code purchase.lines[2].quantity}
     * @param problem what is wrong with it
     */
    public InvalidInputException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /**
     * Returns the path of the offending field.
     *
     * @return the field path named in the message
     */
    public String field() {
        return field;
    }
}
