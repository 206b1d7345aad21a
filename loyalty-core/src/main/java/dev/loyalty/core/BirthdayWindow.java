package dev.loyalty.core;

/**
 * The local dates, around a member's birthday, on which a sweep may issue that year's birthday
 * offers. A sweep that runs on any day of the window catches the birthday, so sweeps missed on
 * some days lose nothing as long as one runs inside the window.
 */
public enum BirthdayWindow {
    /** The birthday itself only. */
    DAY,
    /** The seven days starting on the birthday. */
    WEEK,
    /** The calendar month of the birthday. */
    MONTH
}
