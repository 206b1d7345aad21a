package dev.loyalty.core.model;

import dev.loyalty.core.internal.Checks;
import java.io.Serializable;

/**
 * Identifies a member; the host's own customer key. Member ids are ordered by
 * {@link String#compareTo}, the order in which a partitioned sweep visits them; they are limited
 * to the Basic Multilingual Plane (no character beyond U+FFFF, such as an emoji), where that order
 * is also the order of code points, which every store sorts by (PostgreSQL's {@code "C"}
 * collation compares UTF-8 bytes, which would put an emoji after U+FFFF, where Java puts it before
 * U+E000).
 *
 * @param value the id, without surrounding white space; 1 to 128 characters, none beyond U+FFFF
 */
public record MemberId(String value) implements Comparable<MemberId>, Serializable {

    /**
     * Checks and normalises the id.
     *
     * @param value the id, without surrounding white space; 1 to 128 characters, none beyond U+FFFF
     */
    public MemberId {
        value = Checks.basicText(value, "memberId");
    }

    /**
     * Returns the member id with this value.
     *
     * @param value the id
     * @return the member id
     */
    public static MemberId of(String value) {
        return new MemberId(value);
    }

    /**
     * Orders member ids by {@link String#compareTo} of their values: the order a partitioned sweep
     * visits members in, and the order every store sorts them by.
     *
     * @param other the member id to compare with; not null
     * @return negative, zero or positive as this id comes before, is equal to or comes after {@code other}
     */
    @Override
    public int compareTo(MemberId other) {
        return value.compareTo(other.value);
    }

    /** Returns the raw id. */
    @Override
    public String toString() {
        return value;
    }
}
