package dev.loyalty.core.insight;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.spi.Decision;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The cut points that turn RFM values into scores 1 to 5, fixed for one segmentation run:
 * either configured or computed as quintiles of the members who bought in the window.
 *
 * <p>No cut point is negative, but a recency cut point may be -1: no member is scored that
 * high (days since a purchase are never negative). Computed quintiles give it when the buyers
 * tied at the top of a quintile bought on the day of the run, since ties are scored down.
 *
 * @param recencyMaxDays the most days since the last purchase for scores 5, 4, 3 and 2 (rising), each
 *                       -1 or more; more days than the last gives score 1
 * @param frequencyMin the fewest purchases for scores 2, 3, 4 and 5 (non-decreasing), each zero or more
 * @param monetaryMin the least net spend for scores 2, 3, 4 and 5 (non-decreasing), each zero or more and within the
 *                    digits of {@link Decision#digitsProblem} (at most 18 before the point, 34 significant, at least
 *                    1E-18 above zero)
 */
public record RfmThresholds(List<Integer> recencyMaxDays, List<Long> frequencyMin, List<BigDecimal> monetaryMin) {

    /**
     * Checks there are four non-decreasing cut points per dimension, none negative but for a
     * recency of -1.
     *
     * @param recencyMaxDays the most days since the last purchase for scores 5, 4, 3 and 2 (rising), each
     *                           -1 (no member scores that high) or more; more days than the last gives score 1
     * @param frequencyMin the fewest purchases for scores 2, 3, 4 and 5 (non-decreasing), each zero or more
     * @param monetaryMin the least net spend for scores 2, 3, 4 and 5 (non-decreasing), each zero or more and within
     *                    the digits of {@link Decision#digitsProblem}
     * @throws InvalidInputException naming the dimension when it does not hold four cut points, holds a null,
     *         a cut point below its least or one that decreases (naming the two cut points); naming the monetary cut
     *         point and its index ({@code thresholds.monetaryMin[2]}) when it is beyond those digits, checked on
     *         precision and scale alone before any comparison, and without writing the number out
     */
    public RfmThresholds {
        recencyMaxDays = List.copyOf(check(recencyMaxDays, "thresholds.recencyMaxDays", -1, "must be at least -1 (a score no member gets)"));
        frequencyMin = List.copyOf(check(frequencyMin, "thresholds.frequencyMin", 0L, "must not be negative"));
        monetaryMin = List.copyOf(check(monetaryMin, "thresholds.monetaryMin", BigDecimal.ZERO, "must not be negative"));
    }

    /** Refuses a monetary cut point beyond the digits of {@link Decision#digitsProblem}, naming its index. */
    private static void digits(List<?> cuts, String field) {
        for (int i = 0; i < cuts.size(); i++) {
            if (cuts.get(i) instanceof BigDecimal cut) {
                String problem = Decision.digitsProblem(cut);
                if (problem != null) {
                    throw new InvalidInputException(field + "[" + i + "]", problem);
                }
            }
        }
    }

    /**
     * Returns the recency score of a member whose last purchase was some days ago.
     *
     * @param days the days since the last purchase, zero or more
     * @return the score, 1 to 5
     */
    public int recencyScore(long days) {
        int score = 5;
        for (int limit : recencyMaxDays) {
            if (days > limit) {
                score--;
            }
        }
        return score;
    }

    /**
     * Returns the frequency score of a number of purchases.
     *
     * @param purchases the purchases in the window
     * @return the score, 1 to 5
     */
    public int frequencyScore(long purchases) {
        int score = 1;
        for (long min : frequencyMin) {
            if (purchases >= min) {
                score++;
            }
        }
        return score;
    }

    /**
     * Returns the monetary score of a net spend.
     *
     * @param spend the net spend in the window
     * @return the score, 1 to 5
     */
    public int monetaryScore(BigDecimal spend) {
        int score = 1;
        for (BigDecimal min : monetaryMin) {
            if (spend.compareTo(min) >= 0) {
                score++;
            }
        }
        return score;
    }

    /**
     * Checks four cut points, none null, none monetary one beyond the digits {@link #digits} allows, none below
     * {@code least} (else {@code belowLeast} says so), none decreasing. The messages do not write out a list that is
     * not four cut points, nor a number before its digits are checked.
     */
    private static <T extends Comparable<? super T>> List<T> check(List<T> cuts, String field, T least, String belowLeast) {
        if (cuts == null) {
            throw new InvalidInputException(field, "needs four cut points, was null");
        }
        if (cuts.size() != 4) {
            throw new InvalidInputException(field, "needs four cut points, had " + cuts.size());
        }
        for (int i = 0; i < cuts.size(); i++) {
            if (cuts.get(i) == null) {
                throw new InvalidInputException(field, "needs four cut points, [" + i + "] was null");
            }
        }
        digits(cuts, field);
        for (T cut : cuts) {
            if (cut.compareTo(least) < 0) {
                throw new InvalidInputException(field, belowLeast + ", was " + Arrays.toString(cuts.toArray()));
            }
        }
        for (int i = 1; i < cuts.size(); i++) {
            if (cuts.get(i).compareTo(cuts.get(i - 1)) < 0) {
                throw new InvalidInputException(field, "must not decrease: [" + i + "] " + cuts.get(i) + " is below [" + (i - 1) + "] "
                        + cuts.get(i - 1));
            }
        }
        return cuts;
    }
}
