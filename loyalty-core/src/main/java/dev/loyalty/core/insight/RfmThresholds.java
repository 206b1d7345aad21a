package dev.loyalty.core.insight;

import dev.loyalty.core.InvalidInputException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The cut points that turn RFM values into scores 1 to 5, fixed for one segmentation run:
 * either configured or computed as quintiles of the members who bought in the window.
 *
 * @param recencyMaxDays the most days since the last purchase for scores 5, 4, 3 and 2 (rising);
 *                       more days than the last gives score 1
 * @param frequencyMin the fewest purchases for scores 2, 3, 4 and 5 (non-decreasing)
 * @param monetaryMin the least net spend for scores 2, 3, 4 and 5 (non-decreasing)
 */
public record RfmThresholds(List<Integer> recencyMaxDays, List<Long> frequencyMin, List<BigDecimal> monetaryMin) {

    /**
     * Checks there are four non-decreasing cut points per dimension.
     *
     * @param recencyMaxDays the most days since the last purchase for scores 5, 4, 3 and 2 (rising);
     *                           more days than the last gives score 1
     * @param frequencyMin the fewest purchases for scores 2, 3, 4 and 5 (non-decreasing)
     * @param monetaryMin the least net spend for scores 2, 3, 4 and 5 (non-decreasing)
     */
    public RfmThresholds {
        recencyMaxDays = List.copyOf(check(recencyMaxDays, "thresholds.recencyMaxDays"));
        frequencyMin = List.copyOf(check(frequencyMin, "thresholds.frequencyMin"));
        monetaryMin = List.copyOf(check(monetaryMin, "thresholds.monetaryMin"));
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

    private static <T extends Comparable<? super T>> List<T> check(List<T> cuts, String field) {
        if (cuts == null || cuts.size() != 4 || cuts.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException(field, "needs four cut points, was " + cuts);
        }
        for (int i = 1; i < cuts.size(); i++) {
            if (cuts.get(i).compareTo(cuts.get(i - 1)) < 0) {
                throw new InvalidInputException(field, "must not decrease, was " + Arrays.toString(cuts.toArray()));
            }
        }
        return cuts;
    }
}
