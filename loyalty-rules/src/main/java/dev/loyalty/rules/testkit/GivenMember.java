package dev.loyalty.rules.testkit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The member a scenario starts with. By default on the program's entry tier, in the program's
 * zone, without a birthday, enrolled a year before the scenario's event.
 */
public final class GivenMember {

    final String id;
    String tier;
    ZoneId zone;
    LocalDate birthday;
    LocalDate enrolledOn;

    GivenMember(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a member needs an id, was " + (id == null ? "null" : "'" + id + "'"));
        }
        this.id = id;
    }

    /**
     * Puts the member on a tier.
     *
     * @param code the tier code, such as {@code gold}
     * @return this member
     * @throws IllegalArgumentException when the code is null or blank
     */
    public GivenMember tier(String code) {
        this.tier = Arguments.text("tier", "code", "a tier code such as gold", code);
        return this;
    }

    /**
     * Places the member in a time zone; the event's date is taken in it.
     *
     * @param zoneId such as {@code Asia/Tokyo}
     * @return this member
     * @throws IllegalArgumentException when the text is null or not a time-zone id
     */
    public GivenMember zone(String zoneId) {
        try {
            this.zone = ZoneId.of(Objects.requireNonNull(zoneId));
        } catch (NullPointerException | DateTimeException e) {
            throw new IllegalArgumentException("a zone needs a time-zone id such as Europe/London, was " + quoted(zoneId), e);
        }
        return this;
    }

    /**
     * Gives the member a birthday.
     *
     * @param date such as {@code 1990-04-07}
     * @return this member
     * @throws IllegalArgumentException when the text is null or not a date written YYYY-MM-DD
     */
    public GivenMember birthday(String date) {
        this.birthday = date("a birthday", "1990-04-07", date);
        return this;
    }

    /**
     * Sets the local date the member enrolled on: at noon in their zone, or at the first
     * purchase's time when that purchase is earlier on the same day.
     *
     * @param date such as {@code 2026-01-10}; on or before the date of the scenario's first purchase
     * @return this member
     * @throws IllegalArgumentException when the text is null or not a date written YYYY-MM-DD
     */
    public GivenMember enrolledOn(String date) {
        this.enrolledOn = date("an enrolment date", "2026-01-10", date);
        return this;
    }

    private static LocalDate date(String what, String example, String text) {
        try {
            return LocalDate.parse(Objects.requireNonNull(text));
        } catch (NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException(what + " needs a date such as " + example + ", was " + quoted(text), e);
        }
    }

    private static String quoted(String text) {
        return text == null ? "null" : "'" + text + "'";
    }

    // the scenario keeps what the member was when given: the same description may go on to describe another member
    GivenMember copy() {
        GivenMember copy = new GivenMember(id);
        copy.tier = tier;
        copy.zone = zone;
        copy.birthday = birthday;
        copy.enrolledOn = enrolledOn;
        return copy;
    }

    /**
     * Returns the member as the scenario gives it, such as
     * {@code member M-1 (gold, zone Europe/Paris, birthday 1990-05-04, enrolled on 2024-01-15)}: the
     * id, then whichever of the tier, zone, birthday and enrolment date were given. A failed check
     * of {@link Then} names the member this way.
     *
     * @return the text
     */
    @Override
    public String toString() {
        // everything given, so that a failed check says which member the rules saw
        StringJoiner given = new StringJoiner(", ", " (", ")").setEmptyValue("");
        if (tier != null) {
            given.add(tier);
        }
        if (zone != null) {
            given.add("zone " + zone);
        }
        if (birthday != null) {
            given.add("birthday " + birthday);
        }
        if (enrolledOn != null) {
            given.add("enrolled on " + enrolledOn);
        }
        return "member " + id + given;
    }
}
