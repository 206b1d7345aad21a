package dev.loyalty.core;

/**
 * The local dates, around a member's birthday, on which a sweep may issue that year's birthday
 * offers. A sweep that runs on any day of the window catches the birthday, so sweeps missed on
 * some days lose nothing as long as one runs inside the window.
 */
public enum BirthdayWindow {
    /**
     * The birthday itself only; also the day after when a zone change moved the member's local
     * date forward over the birthday, which the daily sweep may then have skipped.
     */
    DAY,
    /** The seven days starting on the birthday. */
    WEEK,
    /** The calendar month of the birthday. */
    MONTH
}
