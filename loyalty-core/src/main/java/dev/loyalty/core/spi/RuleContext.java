package dev.loyalty.core.spi;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.model.Points;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Everything a rule engine may read to decide on one event. Rule engines never touch the store.
 *
 * @param member the member as the event finds them (for an enrolment: the new member)
 * @param balance the member's balance before the event
 * @param event the event
 * @param date the event's date in the member's zone
 * @param zone the member's zone, else the program's
 * @param program the program settings
 * @param segment the member's RFM scores and segment as the last segmentation run stored them,
 *                or null when the member was never scored (and for an enrolment)
 */
public record RuleContext(Member member, Points balance, LoyaltyEvent event, LocalDate date, ZoneId zone,
                          ProgramSettings program, MemberSegment segment) {

    /**
     * Creates a context for a member without a stored segment.
     *
     * @param member the member as the event finds them
     * @param balance the member's balance before the event
     * @param event the event
     * @param date the event's date in the member's zone
     * @param zone the member's zone, else the program's
     * @param program the program settings
     */
    public RuleContext(Member member, Points balance, LoyaltyEvent event, LocalDate date, ZoneId zone, ProgramSettings program) {
        this(member, balance, event, date, zone, program, null);
    }
}
