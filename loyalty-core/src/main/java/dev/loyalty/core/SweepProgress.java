package dev.loyalty.core;

import dev.loyalty.core.model.MemberId;
import java.time.Instant;

/**
 * How far a sweep run got.
 *
 * @param sweepId the run's id, or null for a run without a checkpoint
 * @param asOf the instant the run sweeps at
 * @param lastMember the last member finished
 * @param members the members finished by this run, not counting those a resumed run skipped
 * @param changedMembers the members whose state changed
 */
public record SweepProgress(String sweepId, Instant asOf, MemberId lastMember, long members, long changedMembers) {
}
