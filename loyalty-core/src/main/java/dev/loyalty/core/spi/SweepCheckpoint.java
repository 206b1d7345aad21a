package dev.loyalty.core.spi;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.MemberId;
import java.time.Instant;

/**
 * How far a named sweep run got, so that a run stopped by a crash resumes after the last member
 * it finished instead of starting over, at the same instant.
 *
 * @param sweepId the run's id, chosen by the host, such as {@code daily-2026-11-22-part-3}
 * @param asOf the instant the run sweeps at, from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z, as a sweep's
 * @param lastMember the last member finished, or null before the first
 * @param members how many members the run has finished
 * @param completed whether the run went through its whole range
 */
public record SweepCheckpoint(String sweepId, Instant asOf, MemberId lastMember, long members, boolean completed) {

    /**
     * Checks the components.
     *
     * @param sweepId the run's id, chosen by the host, such as {@code daily-2026-11-22-part-3}
     * @param asOf the instant the run sweeps at, within the range a sweep accepts, which every store keeps
     * @param lastMember the last member finished, or null before the first
     * @param members how many members the run has finished
     * @param completed whether the run went through its whole range
     * @throws dev.loyalty.core.InvalidInputException when the id or the instant is missing or out of range
     */
    public SweepCheckpoint {
        sweepId = Checks.text(sweepId, "sweep.id");
        Checks.instant(asOf, "sweep.asOf");
        if (members < 0) {
            throw new IllegalArgumentException("members must not be negative, was " + members);
        }
    }
}
