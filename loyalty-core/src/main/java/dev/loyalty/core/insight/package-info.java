/**
 * Analytics over a store, through {@link dev.loyalty.core.insight.Insights}: RFM scores and
 * segments ({@link dev.loyalty.core.insight.Segmentation}) and the program's KPIs over a period
 * ({@link dev.loyalty.core.insight.ProgramKpis}).
 */
package dev.loyalty.core.insight;
