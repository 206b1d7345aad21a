package dev.loyalty.core.model;

import dev.loyalty.core.internal.Checks;

/**
 * Identifies a member; the host's own customer key.
 *
 * @param value the id, without surrounding white space; 1 to 128 characters
 */
public record MemberId(String value) implements Comparable<MemberId> {

    /** Checks and normalises the id. */
    public MemberId {
        value = Checks.text(value, "memberId");
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
