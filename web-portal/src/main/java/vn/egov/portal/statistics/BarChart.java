package vn.egov.portal.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A horizontal bar chart laid out for an SVG drawn by the template: one row per agency, the bar's length in
 * percent of the scale. Geometry only; labels and numbers are formatted by the template in the page's language.
 */
record BarChart(List<Bar> bars, int height) {

    static final int ROW = 56;

    /**
     * @param label the agency's name, drawn above its bar
     * @param value null when the agency has no such figure yet (drawn as "no data", never as a zero bar)
     * @param percent the bar's length, 0–100, of the chart's width
     * @param y the row's top
     */
    record Bar(String label, Double value, double percent, int y) {}

    /** @param max the scale's end (1.0 for shares, 5 for ratings), or null for the largest value */
    static BarChart of(List<AgencyStatistics> agencies, Function<AgencyStatistics, Double> figure, Double max) {
        double top = max != null
                ? max
                : agencies.stream()
                        .map(figure)
                        .filter(Objects::nonNull)
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < agencies.size(); i++) {
            Double value = figure.apply(agencies.get(i));
            double percent = value == null || top <= 0 ? 0 : Math.max(0, Math.min(100, value / top * 100));
            bars.add(new Bar(agencies.get(i).agencyName(), value, Math.round(percent * 10) / 10.0, i * ROW));
        }
        return new BarChart(List.copyOf(bars), Math.max(ROW, agencies.size() * ROW));
    }
}
