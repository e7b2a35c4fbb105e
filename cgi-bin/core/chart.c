/* chart.c: see chart.h. Geometry is in viewBox units (720 wide); CSS scales the SVG. */
#include "chart.h"
#include "buf.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#define W        720.0
#define H        300.0
#define PAD_L    56.0
#define PAD_R    14.0
#define FONT     "font-family=\"sans-serif\" font-size=\"12\""
#define INK      "#222"
#define CHART_TIPS_MAX 64

static void
esc(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;

		switch (ch) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, (ch < 0x20 || ch == 0x7f) ? ' ' : (char)ch);
		}
	}
}

char *
chart_escape(struct arena *a, const char *s)
{
	struct buf b;
	char *out;

	buf_init(&b);
	esc(&b, s);
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* s cut to at most max characters (UTF-8), with an ellipsis when cut, escaped into b. */
static void
esc_cut(struct buf *b, const char *s, size_t max)
{
	size_t chars = 0, i;
	char tmp[256];

	if (s == NULL)
		return;
	for (i = 0; s[i] && i < sizeof(tmp) - 4; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 && chars++ == max)
			break;
		tmp[i] = s[i];
	}
	/* Never end inside a multi-byte character. */
	while (i > 0 && ((unsigned char)tmp[i - 1] & 0x80) && (s[i] & 0xc0) == 0x80)
		i--;
	tmp[i] = '\0';
	esc(b, tmp);
	if (s[i])
		buf_puts(b, "\xE2\x80\xA6");
}

/* The id with everything but [A-Za-z0-9_-] dropped ("c" when nothing is left). */
static void
safe_id(char *out, size_t n, const char *id)
{
	size_t k = 0;

	for (; id && *id && k + 1 < n; id++)
		if ((*id >= 'a' && *id <= 'z') || (*id >= 'A' && *id <= 'Z') ||
		    (*id >= '0' && *id <= '9') || *id == '_' || *id == '-')
			out[k++] = *id;
	if (k == 0)
		out[k++] = 'c';
	out[k] = '\0';
}

double
chart_nice_max(double v)
{
	static const double steps[] = { 1, 2, 2.5, 5, 10 };
	double p;

	if (!(v > 0) || isinf(v))
		return 1;
	p = pow(10, floor(log10(v)));
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (steps[i] * p >= v * (1 - 1e-12))
			return steps[i] * p;
	return 10 * p;
}

static double
val(const struct chart *ch, size_t s, size_t i)
{
	double v = ch->series[s].v ? ch->series[s].v[i] : 0;

	return (isnan(v) || isinf(v) || v < 0) ? 0 : v;
}

static size_t
nseries(const struct chart *ch)
{
	return ch->ns > CHART_MAX_SERIES ? CHART_MAX_SERIES : ch->ns;
}

static void
num(struct buf *b, double v, int decimals, const char *unit)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > 3)
		decimals = 3;
	buf_printf(b, "%.*f", decimals, v);
	esc(b, unit);
}

/* Fill patterns that stay apart in black and white. */
static void
defs(struct buf *b, const char *id)
{
	buf_puts(b, "<defs>");
	buf_printf(b, "<pattern id=\"%s-p1\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
	    "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
	    "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"" INK "\" stroke-width=\"2.4\"/></pattern>", id);
	buf_printf(b, "<pattern id=\"%s-p2\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
	    "<rect width=\"5\" height=\"5\" fill=\"#fff\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.3\" "
	    "fill=\"" INK "\"/></pattern>", id);
	buf_printf(b, "<pattern id=\"%s-p4\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\">"
	    "<rect width=\"7\" height=\"7\" fill=\"#fff\"/><path d=\"M0 0L7 7M7 0L0 7\" stroke=\""
	    INK "\" stroke-width=\"1\"/></pattern>", id);
	buf_printf(b, "<pattern id=\"%s-p5\" width=\"6\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
	    "<rect width=\"6\" height=\"5\" fill=\"#fff\"/><line x1=\"0\" y1=\"2.5\" x2=\"6\" "
	    "y2=\"2.5\" stroke=\"" INK "\" stroke-width=\"1.4\"/></pattern>", id);
	buf_puts(b, "</defs>");
}

static void
fill(struct buf *b, const char *id, size_t s)
{
	switch (s % CHART_MAX_SERIES) {
	case 0: buf_puts(b, "fill=\"#333\""); break;
	case 3: buf_puts(b, "fill=\"#aaa\""); break;
	default: buf_printf(b, "fill=\"url(#%s-p%zu)\"", id, s % CHART_MAX_SERIES); break;
	}
}

static const char *const dashes[CHART_MAX_SERIES] = { "", "7 4", "2 3", "10 3 2 3", "5 2", "1 2" };

/* One marker of series s at (x, y). */
static void
marker(struct buf *b, size_t s, double x, double y)
{
	switch (s % CHART_MAX_SERIES) {
	case 0: buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"" INK "\"/>", x, y); break;
	case 1: buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"#fff\" "
	    "stroke=\"" INK "\" stroke-width=\"1.5\"/>", x - 3.5, y - 3.5); break;
	case 2: buf_printf(b, "<path d=\"M%.1f %.1fl4 7h-8z\" fill=\"" INK "\"/>", x, y - 4.5); break;
	case 3: buf_printf(b, "<path d=\"M%.1f %.1fl4 4l-4 4l-4 -4z\" fill=\"#fff\" stroke=\"" INK
	    "\" stroke-width=\"1.5\"/>", x, y - 4); break;
	case 4: buf_printf(b, "<path d=\"M%.1f %.1fh8M%.1f %.1fv8\" stroke=\"" INK "\" "
	    "stroke-width=\"2\"/>", x - 4, y, x, y - 4); break;
	default: buf_printf(b, "<path d=\"M%.1f %.1fl7 7M%.1f %.1fl-7 7\" stroke=\"" INK "\" "
	    "stroke-width=\"2\"/>", x - 3.5, y - 3.5, x + 3.5, y - 3.5); break;
	}
}

/* The frame shared by both kinds: <svg>, <title>, patterns, legend. Returns the legend's
 * height. */
static double
open_svg(struct buf *b, const char *id, const struct chart *ch, double height, int line)
{
	size_t ns = nseries(ch);
	int legend = 0;
	double x = PAD_L;

	buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
	    "aria-labelledby=\"%s-t\" viewBox=\"0 0 %.0f %.0f\" preserveAspectRatio=\"xMidYMid meet\">"
	    "<title id=\"%s-t\">", id, W, height, id);
	esc(b, ch->title);
	buf_puts(b, "</title>");
	if (!line)
		defs(b, id);
	buf_printf(b, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#fff\"/>", W, height);
	for (size_t s = 0; s < ns; s++)
		if (ch->series[s].name && *ch->series[s].name)
			legend = 1;
	if (!legend || ch->n == 0)
		return 0;
	buf_printf(b, "<g class=\"legend\" " FONT ">");
	for (size_t s = 0; s < ns; s++) {
		size_t len = ch->series[s].name ? strlen(ch->series[s].name) : 0;

		if (line) {
			buf_printf(b, "<line x1=\"%.1f\" y1=\"12\" x2=\"%.1f\" y2=\"12\" stroke=\"" INK "\" "
			    "stroke-width=\"2\"", x, x + 26);
			if (*dashes[s])
				buf_printf(b, " stroke-dasharray=\"%s\"", dashes[s]);
			buf_puts(b, "/>");
			marker(b, s, x + 13, 12);
		} else {
			buf_printf(b, "<rect x=\"%.1f\" y=\"5\" width=\"26\" height=\"14\" stroke=\"" INK
			    "\" stroke-width=\"0.8\" ", x);
			fill(b, id, s);
			buf_puts(b, "/>");
		}
		buf_printf(b, "<text x=\"%.1f\" y=\"16.5\">", x + 32);
		esc_cut(b, ch->series[s].name, 16);
		buf_puts(b, "</text>");
		/* Roughly: CJK characters are 3 bytes and 12 units wide, ASCII 1 byte and 7. */
		x += 32 + (len > 48 ? 48 : (double)len) * 4.2 + 18;
	}
	buf_puts(b, "</g>");
	return 24;
}

static double
data_max(const struct chart *ch, int stacked)
{
	double m = 0;

	for (size_t i = 0; i < ch->n; i++) {
		double sum = 0;

		for (size_t s = 0; s < nseries(ch); s++) {
			double v = val(ch, s, i);

			sum = stacked ? sum + v : (v > sum ? v : sum);
		}
		if (sum > m)
			m = sum;
	}
	return m;
}

/* Y axis with five grid lines from 0 to top; x labels under the categories. */
static void
axes(struct buf *b, const struct chart *ch, double top, double y0, double y1, double gw,
    int rotate)
{
	size_t every = rotate ? (ch->n + 23) / 24 : 1;
	int dec = (top / 5 == floor(top / 5)) ? 0 : (top / 5 * 10 == floor(top / 5 * 10) ? 1 : 2);

	buf_puts(b, "<g class=\"axes\" " FONT " fill=\"" INK "\">");
	for (int k = 0; k <= 5; k++) {
		double y = y1 - (y1 - y0) * k / 5;

		buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
		    "stroke-width=\"%s\"/>", PAD_L, y, W - PAD_R, y, k ? "#bbb" : INK, k ? "0.5" : "1");
		buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", PAD_L - 5, y + 4);
		num(b, top * k / 5, dec, NULL);
		buf_puts(b, "</text>");
	}
	for (size_t i = 0; i < ch->n; i += every) {
		double x = PAD_L + gw * ((double)i + 0.5);

		if (rotate)
			buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
			    "transform=\"rotate(-45 %.1f %.1f)\">", x, y1 + 14, x, y1 + 14);
		else
			buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x, y1 + 16);
		esc_cut(b, ch->labels ? ch->labels[i] : "", rotate ? 12 : 8);
		buf_puts(b, "</text>");
	}
	buf_puts(b, "</g>");
}

/* Whether the x labels need turning: many of them, or long ones. */
static int
needs_rotate(const struct chart *ch)
{
	double gw = (W - PAD_L - PAD_R) / (double)(ch->n ? ch->n : 1);

	for (size_t i = 0; ch->labels && i < ch->n; i++) {
		const char *l = ch->labels[i] ? ch->labels[i] : "";

		if ((double)strlen(l) * 4.2 > gw - 4)
			return 1;
	}
	return ch->n > 16;
}

static char *
empty(struct arena *a, struct buf *b, const char *id, const struct chart *ch)
{
	char *out;

	open_svg(b, id, ch, 60, 1);
	buf_printf(b, "<text x=\"%.0f\" y=\"36\" text-anchor=\"middle\" " FONT " fill=\"" INK "\">",
	    W / 2);
	esc(b, ch->empty ? ch->empty : "-");
	buf_puts(b, "</text></svg>");
	out = arena_strdup(a, buf_cstr(b));
	buf_free(b);
	return out;
}

char *
chart_bar(struct arena *a, const struct chart *ch)
{
	char id[48];
	struct buf b;
	size_t ns = nseries(ch);
	int rotate;
	double legend, top, y0, y1, gw, bw, zero;
	char *out;

	buf_init(&b);
	safe_id(id, sizeof(id), ch->id);
	if (ch->n == 0 || ns == 0)
		return empty(a, &b, id, ch);
	rotate = needs_rotate(ch);
	legend = open_svg(&b, id, ch, H, 0);
	top = ch->max > 0 ? ch->max : chart_nice_max(data_max(ch, ch->stacked));
	y0 = legend + 18;
	y1 = H - (rotate ? 64 : 26);
	gw = (W - PAD_L - PAD_R) / (double)ch->n;
	bw = ch->stacked ? gw * 0.6 : gw * 0.76 / (double)ns;
	axes(&b, ch, top, y0, y1, gw, rotate);
	buf_printf(&b, "<g class=\"bars\" stroke=\"" INK "\" stroke-width=\"0.8\">");
	for (size_t i = 0; i < ch->n; i++) {
		double base = y1, gx = PAD_L + gw * (double)i;

		for (size_t s = 0; s < ns; s++) {
			double v = val(ch, s, i), h = (v > top ? top : v) / top * (y1 - y0);
			double x = ch->stacked ? gx + (gw - bw) / 2 : gx + gw * 0.12 + bw * (double)s;
			double y = ch->stacked ? base - h : y1 - h;

			buf_printf(&b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" ",
			    x, y, bw, h);
			fill(&b, id, s);
			/* A tooltip per bar while there are few (the table beside has every value). */
			if (ch->n * ns > CHART_TIPS_MAX) {
				buf_puts(&b, "/>");
			} else {
				buf_puts(&b, "><title>");
				esc(&b, ch->labels ? ch->labels[i] : "");
				if (ch->series[s].name && *ch->series[s].name) {
					buf_puts(&b, " · ");
					esc(&b, ch->series[s].name);
				}
				buf_puts(&b, ": ");
				num(&b, v, ch->decimals, ch->unit);
				buf_puts(&b, "</title></rect>");
			}
			if (ch->stacked)
				base -= h;
		}
	}
	buf_puts(&b, "</g>");
	/* Numbers over the bars when they fit (the table beside the chart has them all). */
	zero = ch->stacked ? gw : bw;
	if (zero >= 16 + 4.0 * ch->decimals) {
		buf_puts(&b, "<g class=\"values\" " FONT " fill=\"" INK "\" text-anchor=\"middle\">");
		for (size_t i = 0; i < ch->n; i++) {
			double gx = PAD_L + gw * (double)i, sum = 0;

			for (size_t s = 0; s < ns; s++) {
				double v = val(ch, s, i), h;

				if (!ch->stacked) {
					h = (v > top ? top : v) / top * (y1 - y0);
					buf_printf(&b, "<text x=\"%.1f\" y=\"%.1f\">",
					    gx + gw * 0.12 + bw * ((double)s + 0.5), y1 - h - 3);
					num(&b, v, ch->decimals, ch->unit);
					buf_puts(&b, "</text>");
				}
				sum += v;
			}
			if (ch->stacked) {
				double h = (sum > top ? top : sum) / top * (y1 - y0);

				buf_printf(&b, "<text x=\"%.1f\" y=\"%.1f\">", gx + gw / 2, y1 - h - 3);
				num(&b, sum, ch->decimals, ch->unit);
				buf_puts(&b, "</text>");
			}
		}
		buf_puts(&b, "</g>");
	}
	buf_puts(&b, "</svg>");
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

char *
chart_line(struct arena *a, const struct chart *ch)
{
	char id[48];
	struct buf b;
	size_t ns = nseries(ch);
	int rotate;
	double legend, top, y0, y1, gw;
	char *out;

	buf_init(&b);
	safe_id(id, sizeof(id), ch->id);
	if (ch->n == 0 || ns == 0)
		return empty(a, &b, id, ch);
	rotate = needs_rotate(ch);
	legend = open_svg(&b, id, ch, H, 1);
	top = ch->max > 0 ? ch->max : chart_nice_max(data_max(ch, 0));
	y0 = legend + 18;
	y1 = H - (rotate ? 64 : 26);
	gw = (W - PAD_L - PAD_R) / (double)ch->n;
	axes(&b, ch, top, y0, y1, gw, rotate);
	for (size_t s = 0; s < ns; s++) {
		buf_printf(&b, "<g class=\"line\"><polyline fill=\"none\" stroke=\"" INK "\" "
		    "stroke-width=\"2\"%s%s%s points=\"", *dashes[s] ? " stroke-dasharray=\"" : "",
		    dashes[s], *dashes[s] ? "\"" : "");
		for (size_t i = 0; i < ch->n; i++) {
			double v = val(ch, s, i);

			buf_printf(&b, "%s%.1f,%.1f", i ? " " : "", PAD_L + gw * ((double)i + 0.5),
			    y1 - (v > top ? top : v) / top * (y1 - y0));
		}
		buf_puts(&b, "\"/>");
		for (size_t i = 0; ch->n <= 40 && i < ch->n; i++) {
			double v = val(ch, s, i), x = PAD_L + gw * ((double)i + 0.5);
			double y = y1 - (v > top ? top : v) / top * (y1 - y0);

			marker(&b, s, x, y);
			if (ch->n <= 16 && ns <= 2) {
				buf_printf(&b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" " FONT
				    " fill=\"" INK "\">", x, s ? y + 18 : y - 8);
				num(&b, v, ch->decimals, ch->unit);
				buf_puts(&b, "</text>");
			}
		}
		buf_puts(&b, "</g>");
	}
	buf_puts(&b, "</svg>");
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

char *
chart_donut(struct arena *a, const struct chart *ch)
{
	const double cx = 150, cy = 150, ro = 120, ri = 64;
	char id[48];
	struct buf b;
	double total = 0, at = 0;
	size_t n = ch->n > 12 ? 12 : ch->n;
	char *out;

	buf_init(&b);
	safe_id(id, sizeof(id), ch->id);
	for (size_t i = 0; ch->ns > 0 && i < n; i++)
		total += val(ch, 0, i);
	if (n == 0 || ch->ns == 0 || total <= 0)
		return empty(a, &b, id, ch);
	buf_printf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart donut\" role=\"img\" "
	    "aria-labelledby=\"%s-t\" viewBox=\"0 0 %.0f %.0f\" preserveAspectRatio=\"xMidYMid meet\">"
	    "<title id=\"%s-t\">", id, W, H, id);
	esc(&b, ch->title);
	buf_puts(&b, "</title>");
	defs(&b, id);
	buf_printf(&b, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#fff\"/>", W, H);
	buf_printf(&b, "<g class=\"segments\" stroke=\"" INK "\" stroke-width=\"1\">");
	for (size_t i = 0; i < n; i++) {
		double v = val(ch, 0, i), a0 = at, a1 = at + v / total * 2 * M_PI;

		at = a1;
		if (v <= 0)
			continue;
		if (v >= total) {
			/* The whole ring: two circles (an arc cannot start and end at one point). */
			buf_printf(&b, "<path fill-rule=\"evenodd\" d=\"M%.1f %.1fa%.1f %.1f 0 1 0 %.1f 0"
			    "a%.1f %.1f 0 1 0 %.1f 0zM%.1f %.1fa%.1f %.1f 0 1 0 %.1f 0a%.1f %.1f 0 1 0 %.1f 0z\" ",
			    cx - ro, cy, ro, ro, 2 * ro, ro, ro, -2 * ro, cx - ri, cy, ri, ri, 2 * ri, ri, ri,
			    -2 * ri);
		} else {
			int large = (a1 - a0) > M_PI;

			buf_printf(&b, "<path d=\"M%.2f %.2fA%.1f %.1f 0 %d 1 %.2f %.2fL%.2f %.2fA%.1f %.1f 0 %d 0 "
			    "%.2f %.2fZ\" ", cx + ro * sin(a0), cy - ro * cos(a0), ro, ro, large,
			    cx + ro * sin(a1), cy - ro * cos(a1), cx + ri * sin(a1), cy - ri * cos(a1), ri, ri,
			    large, cx + ri * sin(a0), cy - ri * cos(a0));
		}
		fill(&b, id, i);
		buf_puts(&b, "><title>");
		esc(&b, ch->labels ? ch->labels[i] : "");
		buf_puts(&b, ": ");
		num(&b, v, ch->decimals, ch->unit);
		buf_printf(&b, " (%.1f%%)</title></path>", 100 * v / total);
	}
	buf_puts(&b, "</g>");
	buf_printf(&b, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" font-family=\"sans-serif\" "
	    "font-size=\"22\" fill=\"" INK "\">", cx, cy + 8);
	num(&b, total, ch->decimals, ch->unit);
	buf_puts(&b, "</text>");
	/* The legend: swatch, label, value and share of each segment. */
	buf_puts(&b, "<g class=\"legend\" " FONT " fill=\"" INK "\">");
	for (size_t i = 0; i < n; i++) {
		double v = val(ch, 0, i), y = 40 + 22 * (double)i;

		buf_printf(&b, "<rect x=\"320\" y=\"%.0f\" width=\"26\" height=\"14\" stroke=\"" INK
		    "\" stroke-width=\"0.8\" ", y - 11);
		fill(&b, id, i);
		buf_printf(&b, "/><text x=\"354\" y=\"%.0f\">", y);
		esc_cut(&b, ch->labels ? ch->labels[i] : "", 14);
		buf_printf(&b, "</text><text x=\"700\" y=\"%.0f\" text-anchor=\"end\">", y);
		num(&b, v, ch->decimals, ch->unit);
		buf_printf(&b, " (%.1f%%)</text>", 100 * v / total);
	}
	buf_puts(&b, "</g></svg>");
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}
