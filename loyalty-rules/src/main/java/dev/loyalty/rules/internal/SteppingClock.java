package dev.loyalty.rules.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the caller moves by hand, for an engine that replays events each at its own time (the
 * test kit's scenarios, campaign simulations): it stands where it was last moved, in UTC. Not
 * public API.
 */
public final class SteppingClock extends Clock {

    private volatile Instant now;

    /**
     * Creates a clock standing at an instant.
     *
     * @param start where it stands
     */
    public SteppingClock(Instant start) {
        this.now = start;
    }

    /**
     * Moves the clock, forward or back.
     *
     * @param at where it stands from now on
     */
    public void moveTo(Instant at) {
        now = at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
