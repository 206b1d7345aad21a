package dev.loyalty.core.internal;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.RuleEvaluationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Argument checks that throw {@link InvalidInputException} naming the field. Not public API. */
public final class Checks {

    /** The longest identifier or code accepted: ids are keys, not documents. */
    public static final int MAX_ID_LENGTH = 128;

    /**
     * The earliest instant accepted for the time of an event or a sweep, {@code 1900-01-01T00:00:00Z}:
     * earlier dates are typing errors, and a member enrolled aeons ago would make every sweep walk
     * through aeons of tier reviews.
     */
    public static final Instant EARLIEST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");

    /**
     * The latest instant accepted for the time of an event, a hold's expiry or a sweep,
     * {@code 9999-12-31T23:59:59.999999999Z}: every store keeps it and a local date exists for it in
     * every zone.
     */
    public static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Checks() {
    }

    /**
     * Returns the instant, or throws when it is null or outside {@link #EARLIEST_INSTANT} to {@link #LATEST_INSTANT}.
     *
     * @param value the instant
     * @param field the field path for the message
     * @return the instant
     */
    public static Instant instant(Instant value, String field) {
        notNull(value, field);
        if (value.isBefore(EARLIEST_INSTANT) || value.isAfter(LATEST_INSTANT)) {
            throw new InvalidInputException(field, value + " is outside the accepted range, " + EARLIEST_INSTANT + " to " + LATEST_INSTANT);
        }
        return value;
    }

    /** The earliest date accepted where a date stands for a day of the program, {@code 1900-01-01}, as for the time of an event. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    /** The latest date accepted where a date stands for a day of the program, {@code 9999-12-31}, as for the time of an event. */
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    /**
     * Returns the date, or throws when it is null or outside {@link #EARLIEST_DATE} to {@link #LATEST_DATE}:
     * every store keeps those days (PostgreSQL keeps none after 5874897 AD, and its driver turns
     * {@link LocalDate#MAX} into {@code infinity}).
     *
     * @param value the date
     * @param field the field path for the message
     * @return the date
     */
    public static LocalDate date(LocalDate value, String field) {
        notNull(value, field);
        if (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE)) {
            throw new InvalidInputException(field, value + " is outside the accepted range, " + EARLIEST_DATE + " to " + LATEST_DATE);
        }
        return value;
    }

    /** The earliest date of birth accepted, {@code 1900-01-01}, as for the time of an event. */
    public static final LocalDate EARLIEST_BIRTHDAY = LocalDate.of(1900, 1, 1);

    /**
     * Returns a date of birth, or null, or throws when it is before {@link #EARLIEST_BIRTHDAY} or
     * after the event's date anywhere on Earth (its date at UTC+14): a member is not born after
     * they enrol or change their profile.
     *
     * @param birthday the date of birth, or null
     * @param occurredAt when the event that gives it happened; not null
     * @param field the field path for the message
     * @return the date of birth
     */
    public static LocalDate birthday(LocalDate birthday, Instant occurredAt, String field) {
        if (birthday == null) {
            return null;
        }
        if (birthday.isBefore(EARLIEST_BIRTHDAY)) {
            throw new InvalidInputException(field, birthday + " is before " + EARLIEST_BIRTHDAY);
        }
        if (birthday.isAfter(LocalDate.ofInstant(occurredAt, ZoneOffset.MAX))) {
            throw new InvalidInputException(field, birthday + " is after the event's date, " + occurredAt);
        }
        return birthday;
    }

    /**
     * Returns the value, or throws when it is null.
     *
     * @param value the value
     * @param field the field path for the message
     * @param <T> the value's type
     * @return the value
     */
    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        return value;
    }

    /**
     * Returns a rule-set version, or throws {@link RuleEvaluationException} when no store can keep
     * it as it is: null or blank, longer than {@link #MAX_ID_LENGTH} characters (the databases keep
     * it in a {@code VARCHAR(128)}), holding a NUL (which PostgreSQL refuses in text) or a lone
     * surrogate (which UTF-8 cannot encode). The stores would otherwise disagree: the in-memory one
     * keeps any text, a database refuses the event's write.
     *
     * @param version the version a rule engine reported
     * @return the version
     */
    public static String ruleSetVersion(String version) {
        if (version == null || version.isBlank()) {
            throw new RuleEvaluationException("the rule-set version must not be blank");
        }
        String problem = unstorableId(version, false);
        if (problem != null) {
            throw new RuleEvaluationException("the rule-set version " + problem);
        }
        return version;
    }

    /**
     * Describes what keeps a text from being stored as it is in every store as an id (a rule-set version, a campaign's),
     * or returns null when nothing does: longer than {@link #MAX_ID_LENGTH} characters (the databases keep ids in a
     * {@code VARCHAR(128)}), else what {@link #unstorable} finds.
     *
     * @param text the text
     * @param controls whether every control character is refused, not only the NUL
     * @return the problem, such as {@code is 130 characters long; at most 128 are allowed}, or null
     */
    public static String unstorableId(String text, boolean controls) {
        if (text.length() > MAX_ID_LENGTH) {
            return "is " + text.length() + " characters long; at most " + MAX_ID_LENGTH + " are allowed";
        }
        return unstorable(text, controls);
    }

    /**
     * Describes what keeps a text from being stored as it is in every store, or returns null when nothing does: a NUL
     * (which PostgreSQL refuses in text), with {@code controls} any control character, or a lone surrogate (which UTF-8
     * cannot encode; PostgreSQL's driver would keep a '?' in its place, so the stores would disagree). One pass.
     *
     * @param text the text
     * @param controls whether every control character is refused, not only the NUL
     * @return the problem, such as {@code must not hold a NUL character (at index 3)}, or null
     */
    public static String unstorable(String text, boolean controls) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\0' && !controls) {
                return "must not hold a NUL character (at index " + i + ")";
            }
            if (controls && Character.isISOControl(c)) {
                return "must not contain control characters (at index " + i + ")";
            }
            if (Character.isSurrogate(c)) {
                if (unpaired(text, i)) {
                    return unpairedMessage(text, i);
                }
                i++;
            }
        }
        return null;
    }

    /**
     * Returns the stripped text, or throws when it is null, blank, too long, holds control
     * characters or is not valid Unicode (holds a surrogate that is not half of a pair).
     *
     * @param value the text
     * @param field the field path for the message
     * @return the text without surrounding white space
     */
    public static String text(String value, String field) {
        return text(value, field, true);
    }

    /**
     * Returns the stripped text as {@link #text(String, String)} does, and throws too when it holds
     * a character beyond U+FFFF (a surrogate pair, such as an emoji): for keys every store must
     * sort alike, which UTF-16 order (Java's) and UTF-8 byte order (PostgreSQL's {@code "C"}
     * collation) only do below it.
     *
     * @param value the text
     * @param field the field path for the message
     * @return the text without surrounding white space
     */
    public static String basicText(String value, String field) {
        return text(value, field, false);
    }

    private static String text(String value, String field, boolean beyondBasicPlane) {
        notNull(value, field);
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        if (stripped.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException(field, "is " + stripped.length() + " characters long; at most " + MAX_ID_LENGTH + " are allowed");
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidInputException(field, "must not contain control characters");
            }
            if (Character.isSurrogate(c)) {
                if (unpaired(stripped, i)) {
                    throw new InvalidInputException(field, unpairedMessage(stripped, i));
                }
                if (!beyondBasicPlane) {
                    throw new InvalidInputException(field, "has the character U+" + Integer.toHexString(stripped.codePointAt(i)).toUpperCase(Locale.ROOT)
                            + " at index " + i + ", beyond U+FFFF; it must sort alike in every store, which only characters below it do");
                }
                i++;
            }
        }
        return stripped;
    }

    /**
     * Tells whether the character at an index is a surrogate that is not the first half of a pair:
     * a lone surrogate is no character, UTF-8 cannot encode it, and PostgreSQL would keep '?' in its
     * place. A caller that finds a pair goes on after its second half.
     *
     * @param text the text
     * @param i an index of a surrogate in it
     * @return true when it is not the high half of a pair
     */
    public static boolean unpaired(String text, int i) {
        return !Character.isHighSurrogate(text.charAt(i)) || i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }

    /**
     * Describes a lone surrogate for a message, such as {@code has an unpaired surrogate \uD83C at
     * index 6; it must be valid Unicode text}.
     *
     * @param text the text
     * @param i the surrogate's index
     * @return the description
     */
    public static String unpairedMessage(String text, int i) {
        return "has an unpaired surrogate \\u" + Integer.toHexString(text.charAt(i)).toUpperCase(Locale.ROOT) + " at index " + i
                + "; it must be valid Unicode text";
    }

    /**
     * Returns the stripped text, null when absent, or throws when present but malformed.
     *
     * @param value the text or null
     * @param field the field path for the message
     * @return the text without surrounding white space, or null
     */
    public static String optionalText(String value, String field) {
        return value == null ? null : text(value, field);
    }

    /**
     * Returns the distinct values of a collection in their first order, or throws when the
     * collection or a value in it is null.
     *
     * @param values the values
     * @param field the field path for the message; a null value is reported as {@code field[]}
     * @param <T> the values' type
     * @return the distinct values, unmodifiable
     */
    public static <T> List<T> distinct(Collection<T> values, String field) {
        notNull(values, field);
        Set<T> distinct = new LinkedHashSet<>();
        for (T value : values) {
            distinct.add(notNull(value, field + "[]"));
        }
        return List.copyOf(distinct);
    }
}
