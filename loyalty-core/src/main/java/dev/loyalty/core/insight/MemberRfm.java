package dev.loyalty.core.insight;

import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberSegment;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One member's RFM values, scores and segment from a segmentation run.
 *
 * @param memberId the member
 * @param tierCode the member's current tier
 * @param lastPurchase the local date of the last purchase in the window, or null without one
 * @param recencyDays the days from the last purchase to the run's date, or -1 without a purchase
 * @param frequency the purchases in the window
 * @param monetary the purchases' amounts in the window less what was returned of them by the run's date
 * @param recencyScore the recency score, 1 to 5; 0 without a purchase
 * @param frequencyScore the frequency score, 1 to 5; 0 without a purchase
 * @param monetaryScore the monetary score, 1 to 5; 0 without a purchase
 * @param segment the segment
 */
public record MemberRfm(MemberId memberId, String tierCode, LocalDate lastPurchase, long recencyDays, long frequency, BigDecimal monetary,
                        int recencyScore, int frequencyScore, int monetaryScore, Segment segment) {

    /**
     * Returns what the store keeps of this for the event path.
     *
     * @param scoredOn the run's date
     * @return the stored form
     */
    MemberSegment toMemberSegment(LocalDate scoredOn) {
        return new MemberSegment(memberId, segment.code(), recencyScore, frequencyScore, monetaryScore, scoredOn);
    }
}
