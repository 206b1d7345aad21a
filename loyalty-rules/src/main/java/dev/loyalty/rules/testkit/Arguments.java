package dev.loyalty.rules.testkit;

/**
 * Refuses a missing argument to the test kit at once, as the kit refuses other bad givens: an
 * {@link IllegalArgumentException} naming the method, the argument and what it should be.
 */
final class Arguments {

    private Arguments() {
    }

    /** Returns the text, or throws when it is null or blank. */
    static String text(String method, String argument, String expected, String value) {
        if (value == null || value.isBlank()) {
            throw missing(method, argument, expected, value == null ? "null" : "'" + value + "'");
        }
        return value;
    }

    /** Returns the value, or throws when it is null. */
    static <T> T present(String method, String argument, String expected, T value) {
        if (value == null) {
            throw missing(method, argument, expected, "null");
        }
        return value;
    }

    private static IllegalArgumentException missing(String method, String argument, String expected, String was) {
        return new IllegalArgumentException(method + " needs " + argument + ", " + expected + ", was " + was);
    }
}
