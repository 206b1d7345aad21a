package dev.loyalty.core;

/**
 * The local dates, around a member's birthday, on which a sweep may issue that year's birthday
 * offers. A sweep that runs on any day of the window catches the birthday, so sweeps missed on
 * some days lose nothing as long as one runs inside the window.
 */
public enum BirthdayWindow {
    /**
     * The birthday itself only; also the day after when daily sweeps may have skipped it: a zone
     * change moved the member's local date forward over the birthday, or the birthday was a
     * spring-forward day that a sweep 24 hours earlier had not reached yet.
     */
    DAY,
    /** The seven days starting on the birthday. */
    WEEK,
    /** The calendar month of the birthday. */
    MONTH
}
