package dev.loyalty.core.report;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts drawn in Java: no script, no external resource. Not public API. */
final class Svg {

    /** One labelled value of a chart. */
    record Point(String label, long value) {
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
        long max = Math.max(1, points.stream().mapToLong(Point::value).max().orElse(1));
        axis(svg, max);
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, points.size());
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double h = (HEIGHT - TOP - BOTTOM) * (double) Math.max(0, p.value()) / max;
            double x = LEFT + i * slot + slot * 0.15;
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"bar\" data-label=\"%s\" data-value=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %s</title></rect>%n",
                    Html.escape(p.label()), p.value(), x, HEIGHT - BOTTOM - h, slot * 0.7, h, Html.escape(p.label()), Html.number(p.value())));
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x + slot * 0.35, HEIGHT - BOTTOM + 18, Html.escape(p.label())));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    x + slot * 0.35, HEIGHT - BOTTOM - h - 4, Html.number(p.value())));
        }
        return svg.append("</svg>\n").toString();
    }

    /** A line chart; every point is a {@code circle} of class {@code point} with a {@code data-value}. */
    static String line(String id, String title, List<Point> points) {
        StringBuilder svg = open(id, title);
        long max = Math.max(1, points.stream().mapToLong(Point::value).max().orElse(1));
        axis(svg, max);
        double step = points.size() < 2 ? 0 : (double) (WIDTH - LEFT - RIGHT) / (points.size() - 1);
        StringBuilder path = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        int every = Math.max(1, points.size() / 8);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = LEFT + i * step;
            double y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (double) Math.max(0, p.value()) / max;
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

    private static void axis(StringBuilder svg, long max) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n", LEFT, TOP, LEFT, bottom));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n", LEFT, bottom, WIDTH - RIGHT, bottom));
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LEFT - 6, TOP + 4,
                Html.number(max)));
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n", LEFT - 6, bottom + 4));
    }
}
