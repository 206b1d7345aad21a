package dev.loyalty.core;

/**
 * Hears how a sweep run is going, to log it or drive a progress bar. Called on the sweeping
 * thread; keep it quick. A listener that throws stops the run (which a checkpointed run can
 * resume).
 */
public interface SweepListener {

    /** A listener that ignores everything. */
    SweepListener NONE = new SweepListener() {
    };

    /**
     * Called every {@link SweepRequest#progressEvery()} members and after the last.
     *
     * @param progress the run so far
     */
    default void progress(SweepProgress progress) {
    }

    /**
     * Called once the run went through its whole range.
     *
     * @param report what the run did
     */
    default void finished(SweepReport report) {
    }
}
