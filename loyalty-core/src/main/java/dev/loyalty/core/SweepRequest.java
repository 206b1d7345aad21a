package dev.loyalty.core;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.MemberId;
import java.time.Instant;

/**
 * What a sweep run covers and how it reports: the instant, a member id range (a partition, so
 * several instances can share one sweep), an optional checkpoint id that makes the run
 * resumable, and a progress listener.
 *
 * <pre>{@code
 * SweepReport report = engine.sweep(SweepRequest.builder()
 *         .range(MemberId.of("0"), MemberId.of("8"))        // this instance's partition
 *         .checkpoint("daily-2026-11-22-part-1")            // resume here after a crash
 *         .listener(progress -> log.info("{} members", progress.members()))
 *         .build());
 * }</pre>
 *
 * @param asOf the instant to sweep at, or null for the engine's clock; from {@code 1900-01-01T00:00:00Z}
 *             to {@code 9999-12-31T23:59:59.999999999Z}, and the engine refuses one more than the
 *             program's {@code maxClockSkew} after its clock, like an event
 * @param from the smallest member id, inclusive, or null
 * @param to the member id after the range, exclusive, or null
 * @param checkpointId the run's id in the store's checkpoints, or null for a run that cannot resume
 * @param checkpointEvery how many members between saved checkpoints
 * @param progressEvery how many members between progress calls
 * @param listener the progress listener
 */
public record SweepRequest(Instant asOf, MemberId from, MemberId to, String checkpointId, int checkpointEvery, int progressEvery,
                           SweepListener listener) {

    /**
     * Checks the components.
     *
     * @param asOf the instant to sweep at, or null for the engine's clock; from {@code 1900-01-01T00:00:00Z}
     *                 to {@code 9999-12-31T23:59:59.999999999Z}, and the engine refuses one more than the
     *                 program's {@code maxClockSkew} after its clock, like an event
     * @param from the smallest member id, inclusive, or null
     * @param to the member id after the range, exclusive, or null
     * @param checkpointId the run's id in the store's checkpoints, or null for a run that cannot resume
     * @param checkpointEvery how many members between saved checkpoints
     * @param progressEvery how many members between progress calls
     * @param listener the progress listener
     */
    public SweepRequest {
        Checks.notNull(listener, "sweep.listener");
        if (asOf != null) {
            Checks.instant(asOf, "sweep.asOf");
        }
        checkRange(from, to);
        if (checkpointId != null) {
            checkpointId = Checks.text(checkpointId, "sweep.checkpointId");
        }
        atLeastOne(checkpointEvery, "sweep.checkpointEvery");
        atLeastOne(progressEvery, "sweep.progressEvery");
    }

    private static void checkRange(MemberId from, MemberId to) {
        if (from != null && to != null && from.compareTo(to) >= 0) {
            throw new InvalidInputException("sweep.range", "from " + from + " must sort before to " + to);
        }
    }

    private static int atLeastOne(int members, String field) {
        if (members < 1) {
            throw new InvalidInputException(field, "must be at least 1, was " + members);
        }
        return members;
    }

    /**
     * Starts a request for every member at the engine's clock, without checkpoint.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SweepRequest}; every setter fails fast. */
    public static final class Builder {
        private Instant asOf;
        private MemberId from;
        private MemberId to;
        private String checkpointId;
        private int checkpointEvery = 500;
        private int progressEvery = 1_000;
        private SweepListener listener = SweepListener.NONE;

        private Builder() {
        }

        /**
         * Sets the instant to sweep at; the engine's clock by default. A resumed run keeps the
         * instant it started with. The engine refuses an instant more than the program's
         * {@code maxClockSkew} after its clock.
         *
         * @param value the instant, from {@code 1900-01-01T00:00:00Z} to {@code 9999-12-31T23:59:59.999999999Z}
         * @return this builder
         * @throws InvalidInputException when the instant is null or outside that range
         */
        public Builder asOf(Instant value) {
            this.asOf = Checks.instant(value, "sweep.asOf");
            return this;
        }

        /**
         * Limits the run to members whose id lies in {@code [from, to)}; either may be null for no bound.
         *
         * @param fromInclusive the smallest id, or null
         * @param toExclusive the id after the range, or null
         * @return this builder
         * @throws InvalidInputException when both are given and {@code fromInclusive} does not sort before {@code toExclusive}
         */
        public Builder range(MemberId fromInclusive, MemberId toExclusive) {
            checkRange(fromInclusive, toExclusive);
            this.from = fromInclusive;
            this.to = toExclusive;
            return this;
        }

        /**
         * Makes the run resumable: its progress is saved in the store under this id, and a run
         * with an id that was saved before resumes after the last member it finished (a
         * completed run does nothing, unless it finished no member: then nothing tells which range
         * it covered, and the range is swept at the saved instant). Use one id per run and partition, such as
         * {@code daily-2026-11-22-part-1}: the engine refuses a checkpoint whose last member lies
         * outside this request's range.
         *
         * @param id the run's id
         * @return this builder
         */
        public Builder checkpoint(String id) {
            this.checkpointId = Checks.text(id, "sweep.checkpointId");
            return this;
        }

        /**
         * Sets how many members pass between saved checkpoints; 500 by default.
         *
         * @param members at least 1
         * @return this builder
         * @throws InvalidInputException when the count is below 1
         */
        public Builder checkpointEvery(int members) {
            this.checkpointEvery = atLeastOne(members, "sweep.checkpointEvery");
            return this;
        }

        /**
         * Sets the listener and how many members pass between its progress calls (1,000 by default).
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(SweepListener value) {
            this.listener = Checks.notNull(value, "sweep.listener");
            return this;
        }

        /**
         * Sets how many members pass between progress calls.
         *
         * @param members at least 1
         * @return this builder
         * @throws InvalidInputException when the count is below 1
         */
        public Builder progressEvery(int members) {
            this.progressEvery = atLeastOne(members, "sweep.progressEvery");
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws InvalidInputException when the range is empty or a count is below 1
         */
        public SweepRequest build() {
            return new SweepRequest(asOf, from, to, checkpointId, checkpointEvery, progressEvery, listener);
        }
    }
}
