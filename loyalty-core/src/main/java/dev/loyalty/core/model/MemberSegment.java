package dev.loyalty.core.model;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;
import java.time.LocalDate;

/**
 * A member's RFM scores and segment as a segmentation run stored them. The event path reads
 * the stored values, so campaigns can target a segment without any scoring per event; a new
 * run replaces them.
 *
 * @param memberId the member
 * @param segment the segment's code, such as {@code vip}, {@code potential}, {@code ordinary},
 *                {@code at_risk} or {@code dormant}
 * @param recency the recency score, 1 (longest ago) to 5 (most recent); 0 when the member made
 *                no purchase in the run's window
 * @param frequency the frequency score, 1 to 5; 0 without purchases in the window
 * @param monetary the monetary score, 1 to 5; 0 without purchases in the window
 * @param scoredOn the date the run scored the member as of, from 1900-01-01 to 9999-12-31
 */
public record MemberSegment(MemberId memberId, String segment, int recency, int frequency, int monetary, LocalDate scoredOn) {

    /** The highest score a segmentation may give. */
    public static final int MAX_SCORE = 9;

    /**
     * Checks the components.
     *
     * @param memberId the member
     * @param segment the segment's code, such as {@code vip}, {@code potential}, {@code ordinary},
     *                    {@code at_risk} or {@code dormant}
     * @param recency the recency score, 1 (longest ago) to 5 (most recent); 0 when the member made
     *                    no purchase in the run's window
     * @param frequency the frequency score, 1 to 5; 0 without purchases in the window
     * @param monetary the monetary score, 1 to 5; 0 without purchases in the window
     * @param scoredOn the date the run scored the member as of, from 1900-01-01 to 9999-12-31
     * @throws InvalidInputException when a component is missing or out of range
     */
    public MemberSegment {
        Checks.notNull(memberId, "segment.memberId");
        segment = Checks.text(segment, "segment.segment");
        if (segment.length() > 64) {
            throw new InvalidInputException("segment.segment", "must be at most 64 characters, was " + segment.length());
        }
        score(recency, "segment.recency");
        score(frequency, "segment.frequency");
        score(monetary, "segment.monetary");
        Checks.date(scoredOn, "segment.scoredOn");
    }

    private static void score(int value, String field) {
        if (value < 0 || value > MAX_SCORE) {
            throw new InvalidInputException(field, "must be between 0 and " + MAX_SCORE + ", was " + value);
        }
    }
}
