package dev.loyalty.core.spi;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.model.Points;
import java.util.Optional;

/**
 * A member's stored state as read without the member's lock: what
 * {@link LoyaltyStore#memberSnapshots} answers for each member, and what the engine's
 * {@code processAll} evaluates a batch's rules on before locking anyone. The same as
 * {@link LoyaltyStore#findMember}, {@link LoyaltyStore#balance} and {@link LoyaltyStore#segment}
 * would answer for the member.
 *
 * @param memberId the member asked about
 * @param member the member, or null when not enrolled
 * @param balance the member's balance; zero when not enrolled
 * @param segment the member's stored RFM scores and segment, or null when none are stored or they were not asked for
 */
public record MemberSnapshot(MemberId memberId, Member member, Points balance, MemberSegment segment) {

    /**
     * Checks the components.
     *
     * @param memberId the member asked about
     * @param member the member, or null when not enrolled
     * @param balance the member's balance; zero when not enrolled
     * @param segment the member's stored RFM scores and segment, or null when none are stored or they were not asked for
     * @throws dev.loyalty.core.InvalidInputException when the id or the balance is null
     * @throws IllegalArgumentException when the member or the segment belongs to another id
     */
    public MemberSnapshot {
        Checks.notNull(memberId, "snapshot.memberId");
        Checks.notNull(balance, "snapshot.balance");
        if (member != null && !member.id().equals(memberId)) {
            throw new IllegalArgumentException("the snapshot of member " + memberId + " holds member " + member.id());
        }
        if (segment != null && !segment.memberId().equals(memberId)) {
            throw new IllegalArgumentException("the snapshot of member " + memberId + " holds the segment of member " + segment.memberId());
        }
    }

    /**
     * Returns the snapshot of a member who is not enrolled: no member, a zero balance, no segment.
     *
     * @param memberId the member id
     * @return the snapshot
     */
    public static MemberSnapshot notEnrolled(MemberId memberId) {
        return new MemberSnapshot(memberId, null, Points.ZERO, null);
    }

    /**
     * Reads a member's snapshot with the store's single look-ups: {@link LoyaltyStore#findMember},
     * {@link LoyaltyStore#balance} and, when asked, {@link LoyaltyStore#segment}.
     *
     * @param store the store
     * @param memberId the member id
     * @param withSegments whether to read the stored segment; without, the snapshot's segment is null
     * @return the snapshot, enrolled or not
     */
    public static MemberSnapshot readFrom(LoyaltyStore store, MemberId memberId, boolean withSegments) {
        return new MemberSnapshot(memberId, store.findMember(memberId).orElse(null), store.balance(memberId),
                withSegments ? store.segment(memberId).orElse(null) : null);
    }

    /**
     * Returns the member, as {@link LoyaltyStore#findMember} does.
     *
     * @return the member, if enrolled
     */
    public Optional<Member> memberIfEnrolled() {
        return Optional.ofNullable(member);
    }
}
