package dev.loyalty.rules.vocabulary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The member's segment and RFM scores as the last segmentation run stored them, for campaigns
 * that target a segment: {@code Segment( name == "potential" )}. Inserted for purchases and
 * profile changes of members a run has scored; absent for an enrolment and for members never
 * scored, so a rule that matches it never fires for them.
 *
 * <p>Names: {@code vip}, {@code potential}, {@code ordinary}, {@code at_risk}, {@code dormant}.
 * Scores run from 1 (worst) to 5 (best); 0 means no purchase in the run's window.
 *
 * <p>Immutable.
 */
public final class Segment {

    private final String memberId;
    private final String name;
    private final int recency;
    private final int frequency;
    private final int monetary;
    private final LocalDate scoredOn;

    /**
     * Creates the fact; the engine does this for every scored member's event, tests of campaign rules may too.
     *
     * @param memberId the member's id
     * @param name the segment's name, such as {@code potential}
     * @param recency the recency score
     * @param frequency the frequency score
     * @param monetary the monetary score
     * @param scoredOn the date the run scored the member as of
     */
    public Segment(String memberId, String name, int recency, int frequency, int monetary, LocalDate scoredOn) {
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.name = Objects.requireNonNull(name, "name");
        this.recency = recency;
        this.frequency = frequency;
        this.monetary = monetary;
        this.scoredOn = Objects.requireNonNull(scoredOn, "scoredOn");
    }

    /**
     * Returns the member's id.
     *
     * @return the id
     */
    public String getMemberId() {
        return memberId;
    }

    /**
     * Returns the segment's name: {@code vip}, {@code potential}, {@code ordinary}, {@code at_risk} or {@code dormant}.
     *
     * @return the name
     */
    public String getName() {
        return name;
    }

    /**
     * Returns the recency score, 1 to 5 (5: bought most recently); 0 without a purchase in the window.
     *
     * @return the score
     */
    public int getRecency() {
        return recency;
    }

    /**
     * Returns the frequency score, 1 to 5 (5: bought most often); 0 without a purchase in the window.
     *
     * @return the score
     */
    public int getFrequency() {
        return frequency;
    }

    /**
     * Returns the monetary score, 1 to 5 (5: spent most); 0 without a purchase in the window.
     *
     * @return the score
     */
    public int getMonetary() {
        return monetary;
    }

    /**
     * Returns the date the segmentation run scored the member as of.
     *
     * @return the date
     */
    public LocalDate getScoredOn() {
        return scoredOn;
    }

    /**
     * Returns the member id, the segment's name, its recency, frequency and monetary scores and the
     * day it was scored, as {@code Segment[memberId=..., name=vip, ...]}.
     *
     * @return the text, for logs and rule test messages
     */
    @Override
    public String toString() {
        return "Segment[memberId=" + memberId + ", name=" + name + ", recency=" + recency + ", frequency=" + frequency + ", monetary="
                + monetary + ", scoredOn=" + scoredOn + "]";
    }
}
