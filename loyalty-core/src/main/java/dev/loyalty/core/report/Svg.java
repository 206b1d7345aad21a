package dev.loyalty.core.report;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts drawn in Java: no script, no external resource. Not public API. */
final class Svg {

    /** One labelled value of a chart. */
    record Point(String label, long value) {
    }

    /**
     * The values a chart spans, zero always included, so that a negative value (members owing more
     * points than the others hold) is drawn below the zero line instead of on it.
     *
     * @param min the least value shown, zero or less
     * @param max the greatest value shown, one or more
     */
    private record Scale(long min, long max) {

        static Scale of(List<Point> points) {
            return new Scale(Math.min(0, points.stream().mapToLong(Point::value).min().orElse(0)),
                    Math.max(1, points.stream().mapToLong(Point::value).max().orElse(1)));
        }

        /** Returns the height of a value on the chart, from the bottom of the plot (min) to its top (max). */
        double y(long value) {
            return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * ((double) value - min) / ((double) max - min);
        }
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 90;
    private static final int RIGHT = 45;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;

    private Svg() {
    }

    /** A vertical bar chart; every bar is a {@code rect} of class {@code bar} with a {@code data-value}. */
    static String bars(String id, String title, List<Point> points) {
        StringBuilder svg = open(id, title);
        Scale scale = Scale.of(points);
        axis(svg, scale);
        double zero = scale.y(0);
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, points.size());
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double end = scale.y(p.value());
            double x = LEFT + i * slot + slot * 0.15;
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"bar\" data-label=\"%s\" data-value=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %s</title></rect>%n",
                    Html.escape(p.label()), p.value(), x, Math.min(zero, end), slot * 0.7, Math.abs(zero - end), Html.escape(p.label()),
                    Html.number(p.value())));
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x + slot * 0.35, HEIGHT - BOTTOM + 18, Html.escape(p.label())));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    x + slot * 0.35, p.value() < 0 ? end + 12 : end - 4, Html.number(p.value())));
        }
        return svg.append("</svg>\n").toString();
    }

    /** A line chart; every point is a {@code circle} of class {@code point} with a {@code data-value}. */
    static String line(String id, String title, List<Point> points) {
        StringBuilder svg = open(id, title);
        Scale scale = Scale.of(points);
        axis(svg, scale);
        double step = points.size() < 2 ? 0 : (double) (WIDTH - LEFT - RIGHT) / (points.size() - 1);
        StringBuilder path = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        int every = Math.max(1, points.size() / 8);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = LEFT + i * step;
            double y = scale.y(p.value());
            path.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x, y));
            marks.append(String.format(Locale.ROOT,
                    "<circle class=\"point\" data-label=\"%s\" data-value=\"%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"><title>%s: %s</title></circle>%n",
                    Html.escape(p.label()), p.value(), x, y, Html.escape(p.label()), Html.number(p.value())));
            if (i % every == 0 || i == points.size() - 1) {
                marks.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                        x, HEIGHT - BOTTOM + 18, Html.escape(p.label())));
            }
        }
        svg.append("<polyline class=\"series\" fill=\"none\" points=\"").append(path).append("\"/>\n").append(marks);
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String id, String title) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"%s\" class=\"chart\" role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">%n",
                id, Html.escape(title), WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text class=\"title\" x=\"%d\" y=\"18\">%s</text>%n", LEFT, Html.escape(title)));
        return svg;
    }

    /** Draws the value axis with its top, zero and (when below zero, and not on the zero tick) bottom ticks, and the zero line. */
    private static void axis(StringBuilder svg, Scale scale) {
        int bottom = HEIGHT - BOTTOM;
        double zero = scale.y(0);
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n", LEFT, TOP, LEFT, bottom));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>%n", LEFT, coordinate(zero),
                WIDTH - RIGHT, coordinate(zero)));
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LEFT - 6, TOP + 4,
                Html.number(scale.max())));
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%s\" text-anchor=\"end\">0</text>%n", LEFT - 6,
                coordinate(zero + 4)));
        if (scale.min() < 0 && bottom - zero >= 12) {
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LEFT - 6,
                    bottom + 4, Html.number(scale.min())));
        }
    }

    /** Returns a coordinate as a whole number when it is one, as the axis was drawn before negative values, else with one decimal. */
    private static String coordinate(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
