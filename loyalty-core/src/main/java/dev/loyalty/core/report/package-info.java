/**
 * Exports of the KPIs and segments: CSV, JSON and a self-contained HTML report with its charts.
 */
package dev.loyalty.core.report;
