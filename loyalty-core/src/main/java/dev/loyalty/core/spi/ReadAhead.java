package dev.loyalty.core.spi;

import dev.loyalty.core.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the work on one event is about to read from a {@link MemberView} beyond the member
 * itself, told to the view once the member is locked and before anything else is read (see
 * {@link MemberView#readAhead(java.util.function.Supplier)}), so that a store can fetch it together instead of
 * one query per read. A hint only: a view answers every read the same whether it was told or
 * not, and a read it was not told of still works.
 *
 * @param qualifyingFrom the first day of the range {@link MemberView#qualifying} will be asked for, or null for none
 * @param qualifyingTo the last day of that range, or null for none
 * @param earnedFrom the start of the range {@link MemberView#pointsEarnedBetween} may be asked for, or null for none
 * @param earnedTo the end (exclusive) of that range, or null for none
 * @param segment whether {@link MemberView#segment()} will be read
 */
public record ReadAhead(LocalDate qualifyingFrom, LocalDate qualifyingTo, Instant earnedFrom, Instant earnedTo, boolean segment) {

    /** Reads nothing beyond what a view reads anyway. */
    public static final ReadAhead NOTHING = new ReadAhead(null, null, null, null, false);

    /**
     * Checks that each range has both ends or neither.
     *
     * @param qualifyingFrom the first day of the range {@link MemberView#qualifying} will be asked for, or null for none
     * @param qualifyingTo the last day of that range, or null for none
     * @param earnedFrom the start of the range {@link MemberView#pointsEarnedBetween} may be asked for, or null for none
     * @param earnedTo the end (exclusive) of that range, or null for none
     * @param segment whether {@link MemberView#segment()} will be read
     * @throws InvalidInputException when a range has one end only
     */
    public ReadAhead {
        if ((qualifyingFrom == null) != (qualifyingTo == null)) {
            throw new InvalidInputException("readAhead.qualifying", "needs both ends or neither, was " + qualifyingFrom + " to " + qualifyingTo);
        }
        if ((earnedFrom == null) != (earnedTo == null)) {
            throw new InvalidInputException("readAhead.earned", "needs both ends or neither, was " + earnedFrom + " to " + earnedTo);
        }
    }

    /**
     * Tells whether this asks for the qualifying totals of exactly a range.
     *
     * @param fromInclusive the first day
     * @param toInclusive the last day
     * @return true when the range is the one read ahead
     */
    public boolean hasQualifying(LocalDate fromInclusive, LocalDate toInclusive) {
        return qualifyingFrom != null && qualifyingFrom.equals(fromInclusive) && qualifyingTo.equals(toInclusive);
    }

    /**
     * Tells whether this asks for the points earned in exactly a range.
     *
     * @param fromInclusive the start
     * @param toExclusive the end
     * @return true when the range is the one read ahead
     */
    public boolean hasEarned(Instant fromInclusive, Instant toExclusive) {
        return earnedFrom != null && earnedFrom.equals(fromInclusive) && earnedTo.equals(toExclusive);
    }
}
