package ai.brokle.release.metrics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bar charts as standalone SVG that GitHub renders in Markdown (no script, no external font or
 * style): the release cadence (releases per month) and the lead-time distribution (releases per
 * lead-time bucket). The same figures always give the same bytes.
 */
public final class SvgCharts {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 300;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 56;
    /** The lead-time buckets: an upper bound in seconds (exclusive) and its label. */
    static final List<Map.Entry<Long, String>> BUCKETS = List.of(Map.entry(86_400L, "< 1 day"), Map.entry(3 * 86_400L, "1–3 days"),
            Map.entry(7 * 86_400L, "3–7 days"), Map.entry(14 * 86_400L, "1–2 weeks"), Map.entry(30 * 86_400L, "2–4 weeks"),
            Map.entry(90 * 86_400L, "1–3 months"), Map.entry(Long.MAX_VALUE, "> 3 months"));

    private SvgCharts() {
    }

    /** Releases per month. */
    public static String cadence(ReleaseMetrics.Component c) {
        Map<String, Integer> bars = new LinkedHashMap<>();
        for (Map.Entry<YearMonth, Integer> e : c.perMonth().entrySet()) {
            bars.put(e.getKey().toString(), e.getValue());
        }
        return bars(c.component() + ": releases per month", bars, Math.max(1, (bars.size() + 11) / 12));
    }

    /** Releases per lead-time bucket. */
    public static String leadTime(ReleaseMetrics.Component c) {
        Map<String, Integer> bars = new LinkedHashMap<>();
        BUCKETS.forEach(b -> bars.put(b.getValue(), 0));
        for (long t : c.leadTimes()) {
            for (Map.Entry<Long, String> b : BUCKETS) {
                if (t < b.getKey()) {
                    bars.merge(b.getValue(), 1, Integer::sum);
                    break;
                }
            }
        }
        return bars(c.component() + ": lead time, first commit to tag", bars, 1);
    }

    /** A bar chart; every {@code labelEvery}-th bar is labelled under the axis. */
    static String bars(String title, Map<String, Integer> bars, int labelEvery) {
        int max = Math.max(1, bars.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int step = max <= 5 ? 1 : max <= 10 ? 2 : (int) Math.ceil(max / 5.0);
        int top = ((max + step - 1) / step) * step;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(1, bars.size());
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        s.append("<title>").append(escape(title)).append("</title>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append("<text x=\"").append(LEFT).append("\" y=\"22\" font-size=\"14\" fill=\"#1f2328\">").append(escape(title)).append("</text>\n");
        for (int v = 0; v <= top; v += step) {
            double y = TOP + plotHeight - plotHeight * v / top;
            s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(num(y)).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"")
                    .append(num(y)).append("\" stroke=\"#d0d7de\" stroke-width=\"1\"/>\n");
            s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4)).append("\" text-anchor=\"end\" fill=\"#57606a\">").append(v)
                    .append("</text>\n");
        }
        List<String> labels = new ArrayList<>(bars.keySet());
        for (int i = 0; i < labels.size(); i++) {
            int v = bars.get(labels.get(i));
            double h = plotHeight * v / top;
            double x = LEFT + i * slot + slot * 0.15;
            double w = Math.max(1, slot * 0.7);
            if (v > 0) {
                s.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(TOP + plotHeight - h)).append("\" width=\"").append(num(w))
                        .append("\" height=\"").append(num(h)).append("\" fill=\"#2f81f7\"><title>").append(escape(labels.get(i))).append(": ")
                        .append(v).append("</title></rect>\n");
            }
            if (i % labelEvery == 0) {
                s.append("<text x=\"").append(num(x + w / 2)).append("\" y=\"").append(HEIGHT - BOTTOM + 16).append("\" text-anchor=\"middle\"")
                        .append(" fill=\"#57606a\">").append(escape(labels.get(i))).append("</text>\n");
            }
        }
        s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(num(TOP + plotHeight)).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(num(TOP + plotHeight)).append("\" stroke=\"#57606a\" stroke-width=\"1\"/>\n");
        return s.append("</svg>\n").toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
