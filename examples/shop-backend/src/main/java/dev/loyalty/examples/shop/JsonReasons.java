package dev.loyalty.examples.shop;

import java.util.regex.Pattern;

/**
 * What Jackson says of a body it could not read, in the client's terms: the reason and place,
 * without Jackson's source marker, the names of its settings or the server's own classes, which
 * tell a client nothing it can act on.
 */
final class JsonReasons {

    /** Where Jackson says an unclosed object or array began, with a redacted source. */
    private static final Pattern START_MARKER =
            Pattern.compile("\\s*\\((?:start marker at|for (?:Object|Array) starting at) \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");
    /** The settings Jackson names ("enable `JsonReadFeature.X` to allow", "from `StreamReadConstraints...`") and the class bound. */
    private static final Pattern SETTINGS = Pattern.compile(":?\\s*(?:enable|disable) `[^`]*` to (?:allow|accept)[^;)]*"
            + "|,? from `[^`]*`|\\s*\\(bound as `[^`]*`\\)|:?\\s*not allowed as per `[^`]*`");

    private JsonReasons() {
    }

    /**
     * Returns Jackson's message in the client's terms.
     *
     * @param message what Jackson said, without its location (its original message); may be null
     * @return the reason, such as {@code Unexpected end-of-input: expected close marker for Object (opened at line 1, column 1)}
     */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        String text = START_MARKER.matcher(message).replaceAll(" (opened at line $1, column $2)");
        return SETTINGS.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
    }
}
