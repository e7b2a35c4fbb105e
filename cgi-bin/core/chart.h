/* chart.h: small SVG charts drawn on the server (bar chart grouped or stacked, line chart of a
 * trend), shared by the report pages.
 *
 * A chart is a plain description (labels, one or more series of values) turned into one SVG
 * string in the request's arena. The SVG has a viewBox (it scales to the width of a phone or
 * of an A4 page through CSS), a <title> and role="img" with aria-labelledby; every text put
 * in it (title, labels, series names) is XML-escaped here. It prints in black and white:
 * the series differ by fill pattern (solid, hatch, dots, grey, cross-hatch) or by dash and
 * marker shape, and bars carry their number when there is room. The page shows the same
 * figures in a data table next to the chart (the chart is not the only way to read them).
 * Presentation attributes only (fill=, stroke=): no style attribute (the CSP forbids them).
 */
#ifndef DD_CHART_H
#define DD_CHART_H
#include <stddef.h>
#include "arena.h"

#define CHART_MAX_SERIES 6

struct chart_series {
	const char   *name;   /* legend text; NULL or "" for none */
	const double *v;      /* chart.n values; NaN and negative values are drawn as 0 */
};

struct chart {
	const char                *id;       /* unique on the page; only [A-Za-z0-9_-] kept */
	const char                *title;    /* the SVG's <title> */
	const char *const         *labels;   /* n category labels (x axis) */
	size_t                     n;
	const struct chart_series *series;   /* ns series (at most CHART_MAX_SERIES drawn) */
	size_t                     ns;
	const char                *unit;     /* after each value label ("%", " min"); may be NULL */
	int                        decimals; /* of value labels, 0..3 */
	int                        stacked;  /* bar chart: stack the series */
	double                     max;      /* top of the scale; 0: from the data */
	const char                *empty;    /* text shown when there is nothing to draw */
};

/* Bar chart (grouped, or stacked when ch->stacked). Arena string, never NULL. */
char *chart_bar(struct arena *a, const struct chart *ch);
/* Line chart of a trend, one line per series. Arena string, never NULL. */
char *chart_line(struct arena *a, const struct chart *ch);
/* Donut of the shares of series[0] (one segment per label, patterns as the bars, each
 * labelled in the legend with its value and share; the total in the middle). A single
 * non-zero value is a whole ring. Arena string, never NULL. */
char *chart_donut(struct arena *a, const struct chart *ch);
/* A "nice" top of scale >= v (1, 2, 2.5, 5 times a power of ten); 1 for v <= 0. */
double chart_nice_max(double v);
/* Appends s XML-escaped (& < > " ') into the arena string; control characters become
 * spaces. Returns an arena string. */
char *chart_escape(struct arena *a, const char *s);

#endif
