package dev.loyalty.core.insight;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a segmentation run found: the thresholds it scored with and the size of each segment.
 *
 * @param asOf the date members were scored as of
 * @param windowDays the days of purchases counted
 * @param thresholds the cut points used, configured or computed as quintiles
 * @param members the members scored
 * @param buyers the members with a purchase in the window, whose values set the quintiles
 * @param sizes the members per segment, in {@link Segment} order, every segment present
 */
public record Segmentation(LocalDate asOf, int windowDays, RfmThresholds thresholds, long members, long buyers, Map<Segment, Long> sizes) {

    /**
     * Copies the sizes.
     *
     * @param asOf the date members were scored as of
     * @param windowDays the days of purchases counted
     * @param thresholds the cut points used, configured or computed as quintiles
     * @param members the members scored
     * @param buyers the members with a purchase in the window, whose values set the quintiles
     * @param sizes the members per segment, in {@link Segment} order, every segment present
     */
    public Segmentation {
        sizes = Map.copyOf(sizes);
    }

    /**
     * Returns the members in one segment.
     *
     * @param segment the segment
     * @return the count
     */
    public long size(Segment segment) {
        return sizes.getOrDefault(segment, 0L);
    }
}
