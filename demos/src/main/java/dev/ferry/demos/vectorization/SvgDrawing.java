package dev.ferry.demos.vectorization;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A page's primitives as SVG, in the page's pixels: lines as {@code <line>}, circles as
 * {@code <circle>}, arcs as {@code <path d="M x1 y1 A r r 0 large 1 x2 y2">}, each with its id
 * and confidence. The page itself can ride along as an embedded JPEG in a layer of its own,
 * hidden by default, to check the drawing against it (show it in a browser's inspector or as
 * an Inkscape layer).
 */
final class SvgDrawing {
    private SvgDrawing() {}

    /**
     * @param strokeWidth the width to draw strokes with, in pixels
     * @param pageJpeg    the page as JPEG, to embed; empty for none
     */
    static String of(int width, int height, List<Primitive> primitives, double strokeWidth, Optional<byte[]> pageJpeg,
                     String title) {
        StringBuilder svg = new StringBuilder(256 + primitives.size() * 96);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
                .append(" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\"")
                .append(" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n")
                .append("  <title>").append(escape(title)).append("</title>\n");
        pageJpeg.ifPresent(jpeg -> svg
                .append("  <g id=\"source\" inkscape:groupmode=\"layer\" inkscape:label=\"source image\"")
                .append(" style=\"display:none\">\n")
                .append("    <image x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" preserveAspectRatio=\"none\" xlink:href=\"data:image/jpeg;base64,")
                .append(Base64.getEncoder().encodeToString(jpeg)).append("\"/>\n")
                .append("  </g>\n"));
        svg.append("  <g id=\"primitives\" inkscape:groupmode=\"layer\" inkscape:label=\"primitives\" fill=\"none\"")
                .append(" stroke=\"black\" stroke-width=\"").append(number(Math.max(1, strokeWidth)))
                .append("\" stroke-linecap=\"round\">\n");
        int id = 1;
        for (Primitive p : primitives) {
            svg.append("    ").append(element(p, id++)).append('\n');
        }
        return svg.append("  </g>\n</svg>\n").toString();
    }

    private static String element(Primitive primitive, int id) {
        String common = "id=\"p" + id + "\" data-confidence=\"" + number(primitive.confidence()) + "\"";
        if (primitive instanceof Line l) {
            return "<line " + common + " x1=\"" + number(l.x1()) + "\" y1=\"" + number(l.y1()) + "\" x2=\""
                    + number(l.x2()) + "\" y2=\"" + number(l.y2()) + "\"/>";
        }
        if (primitive instanceof Circle c) {
            return "<circle " + common + " cx=\"" + number(c.cx()) + "\" cy=\"" + number(c.cy()) + "\" r=\""
                    + number(c.r()) + "\"/>";
        }
        Arc a = (Arc) primitive;
        // sweep flag 1: towards growing angles, clockwise on the page, as the arc runs
        return "<path " + common + " d=\"M " + number(a.x1()) + ' ' + number(a.y1()) + " A " + number(a.r()) + ' '
                + number(a.r()) + " 0 " + (a.sweep() > 180 ? 1 : 0) + " 1 " + number(a.x2()) + ' ' + number(a.y2())
                + "\"/>";
    }

    /** At most two decimals, no trailing zeros, never an exponent. */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
