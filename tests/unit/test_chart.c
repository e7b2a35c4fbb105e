/* The SVG charts (cgi-bin/core/chart.c): escaping of every text, empty data, zero values,
 * many labels, patterns for black and white, the scale. */
#include "unit.h"
#include "core/chart.h"
#include <math.h>

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

static void
title_labels_and_names_are_escaped(void **state)
{
	struct unit_env *e = *state;
	static const char *const labels[] = { "<script>alert(1)</script>", "A&B", "\"q\" 'x'" };
	static const double v[] = { 1, 2, 3 };
	struct chart_series s[] = { { "<b>系列</b>", v } };
	struct chart ch = { "t1\"><x", "标题 <img src=x onerror=1>", labels, 3, s, 1, NULL, 0, 0,
	    0, "无" };

	for (int kind = 0; kind < 2; kind++) {
		char *svg = kind ? chart_line(&e->a, &ch) : chart_bar(&e->a, &ch);

		assert_null(strstr(svg, "<script"));
		assert_null(strstr(svg, "<img"));
		assert_null(strstr(svg, "<b>"));
		assert_null(strstr(svg, "\"><x"));
		assert_non_null(strstr(svg, "&lt;script&gt;"));
		assert_non_null(strstr(svg, "A&amp;B"));
		assert_non_null(strstr(svg, "&quot;q&quot; &#39;x&#39;"));
		assert_non_null(strstr(svg, "标题 &lt;img src=x onerror=1&gt;"));
		/* The id keeps only safe characters. */
		assert_non_null(strstr(svg, "aria-labelledby=\"t1x-t\""));
		assert_non_null(strstr(svg, "<title id=\"t1x-t\">"));
		assert_null(strstr(svg, "style="));
	}
	assert_string_equal(chart_escape(&e->a, "a<b>&\"'\x01"), "a&lt;b&gt;&amp;&quot;&#39; ");
}

static void
empty_data_shows_the_empty_text(void **state)
{
	struct unit_env *e = *state;
	struct chart ch = { "e", "空", NULL, 0, NULL, 0, NULL, 0, 0, 0, "没有数据 <none>" };
	char *bar = chart_bar(&e->a, &ch), *line = chart_line(&e->a, &ch);

	assert_non_null(strstr(bar, "没有数据 &lt;none&gt;"));
	assert_non_null(strstr(line, "没有数据 &lt;none&gt;"));
	assert_null(strstr(bar, "<rect x="));
	assert_null(strstr(line, "<polyline"));
	assert_true(strncmp(bar, "<svg ", 5) == 0);
	assert_non_null(strstr(bar, "</svg>"));
	/* Labels but no series: empty too. */
	static const char *const labels[] = { "a" };
	ch.labels = labels;
	ch.n = 1;
	assert_non_null(strstr(chart_bar(&e->a, &ch), "没有数据"));
}

static void
zero_values_draw_flat_bars_without_dividing_by_zero(void **state)
{
	struct unit_env *e = *state;
	static const char *const labels[] = { "一月", "二月" };
	static const double z[] = { 0, 0 };
	double odd[] = { NAN, -5 };
	struct chart_series s[] = { { "", z } };
	struct chart ch = { "z", "zero", labels, 2, s, 1, "%", 0, 0, 0, "-" };
	char *svg = chart_bar(&e->a, &ch);

	assert_null(strstr(svg, "nan"));
	assert_null(strstr(svg, "inf"));
	assert_non_null(strstr(svg, "height=\"0.0\""));
	assert_non_null(strstr(svg, ">0%</text>"));
	s[0].v = odd;
	svg = chart_line(&e->a, &ch);
	assert_null(strstr(svg, "nan"));
	assert_null(strstr(svg, "-5"));
	assert_float_equal(chart_nice_max(0), 1, 1e-9);
	assert_float_equal(chart_nice_max(-3), 1, 1e-9);
}

static void
many_labels_are_thinned_and_turned(void **state)
{
	struct unit_env *e = *state;
	enum { N = 120 };
	const char *labels[N];
	double v[N];
	struct chart_series s[] = { { "每日", v } };
	struct chart ch = { "m", "many", labels, N, s, 1, NULL, 0, 0, 0, "-" };
	char *svg;

	for (int i = 0; i < N; i++) {
		labels[i] = arena_printf(&e->a, "2026-%02d-%02d", 1 + i / 28, 1 + i % 28);
		v[i] = i;
	}
	svg = chart_bar(&e->a, &ch);
	/* One bar per value, but only every fifth label, turned. */
	assert_int_equal(count(svg, "<rect x="), N + 1 /* legend swatch */);
	assert_int_equal(count(svg, "rotate(-45"), (N + 4) / 5);
	/* Bars too thin for their numbers: none over them. */
	assert_null(strstr(svg, "class=\"values\""));
	svg = chart_line(&e->a, &ch);
	assert_int_equal(count(svg, "<circle"), 1);  /* the legend's: no markers over 40 points */
}

static void
long_labels_are_cut_on_a_character(void **state)
{
	struct unit_env *e = *state;
	static const char *const labels[] = { "一二三四五六七八九十一二三四五六七八九十" };
	static const double v[] = { 3 };
	struct chart_series s[] = { { NULL, v } };
	struct chart ch = { "l", "long", labels, 1, s, 1, NULL, 0, 0, 0, "-" };
	char *svg = chart_bar(&e->a, &ch);

	assert_non_null(strstr(svg, ">一二三四五六七八\xE2\x80\xA6</text>"));
	/* The whole label stays in the bar's tooltip. */
	assert_non_null(strstr(svg, "<title>一二三四五六七八九十一二三四五六七八九十: 3</title>"));
}

static void
series_differ_in_black_and_white(void **state)
{
	struct unit_env *e = *state;
	static const char *const labels[] = { "投诉", "报修" };
	static const double a[] = { 10, 20 }, b[] = { 5, 7 }, c[] = { 1, 2 };
	struct chart_series s[] = { { "本季", a }, { "上季", b }, { "去年", c } };
	struct chart ch = { "g", "grouped", labels, 2, s, 3, NULL, 0, 0, 0, "-" };
	char *svg = chart_bar(&e->a, &ch);

	assert_non_null(strstr(svg, "fill=\"#333\""));
	assert_non_null(strstr(svg, "fill=\"url(#g-p1)\""));
	assert_non_null(strstr(svg, "fill=\"url(#g-p2)\""));
	assert_non_null(strstr(svg, "<pattern id=\"g-p1\""));
	assert_non_null(strstr(svg, ">本季</text>"));
	assert_non_null(strstr(svg, ">20</text>"));
	/* Stacked: one total over each bar. */
	ch.stacked = 1;
	svg = chart_bar(&e->a, &ch);
	assert_non_null(strstr(svg, ">16</text>"));
	assert_non_null(strstr(svg, ">29</text>"));
	{
		char *vals = strstr(svg, "class=\"values\"");

		assert_non_null(vals);
		*strstr(vals, "</g>") = '\0';
		assert_int_equal(count(vals, "<text"), 2);
	}
	/* Lines: dashes and different markers. */
	ch.stacked = 0;
	svg = chart_line(&e->a, &ch);
	assert_non_null(strstr(svg, "stroke-dasharray=\"7 4\""));
	assert_non_null(strstr(svg, "stroke-dasharray=\"2 3\""));
	assert_non_null(strstr(svg, "<circle"));
	assert_true(strstr(svg, "viewBox=\"0 0 720 300\"") != NULL);
}

static void
donut_shares_escaped_and_whole_ring(void **state)
{
	struct unit_env *e = *state;
	static const char *const labels[] = { "电话", "来访 <b>", "传真" };
	static const double v[] = { 3, 1, 0 }, only[] = { 0, 5, 0 }, none[] = { 0, 0, 0 };
	struct chart_series s[] = { { NULL, v } };
	struct chart ch = { "d", "渠道 & 占比", labels, 3, s, 1, NULL, 0, 0, 0, "没有数据" };
	char *svg = chart_donut(&e->a, &ch);

	assert_non_null(strstr(svg, "<title id=\"d-t\">渠道 &amp; 占比</title>"));
	assert_non_null(strstr(svg, ">来访 &lt;b&gt;</text>"));
	assert_null(strstr(svg, "<b>"));
	/* Two segments (the zero one is in the legend only), shares in the legend. */
	{
		char *seg = strstr(svg, "class=\"segments\""), *end;

		assert_non_null(seg);
		end = strstr(seg, "</g>");
		*end = '\0';
		assert_int_equal(count(seg, "<path d=\"M"), 2);
		*end = '<';
	}
	assert_non_null(strstr(svg, ">3 (75.0%)</text>"));
	assert_non_null(strstr(svg, ">1 (25.0%)</text>"));
	assert_non_null(strstr(svg, ">0 (0.0%)</text>"));
	assert_non_null(strstr(svg, ">4</text>"));   /* the total in the middle */
	/* One value is the whole ring. */
	s[0].v = only;
	svg = chart_donut(&e->a, &ch);
	assert_non_null(strstr(svg, "fill-rule=\"evenodd\""));
	assert_non_null(strstr(svg, ">5 (100.0%)</text>"));
	assert_null(strstr(svg, "nan"));
	/* Nothing at all: the empty text. */
	s[0].v = none;
	svg = chart_donut(&e->a, &ch);
	assert_non_null(strstr(svg, "没有数据"));
	assert_null(strstr(svg, "<path"));
}

static void
scale_is_nice(void **state)
{
	(void)state;
	assert_float_equal(chart_nice_max(7), 10, 1e-9);
	assert_float_equal(chart_nice_max(10), 10, 1e-9);
	assert_float_equal(chart_nice_max(11), 20, 1e-9);
	assert_float_equal(chart_nice_max(21), 25, 1e-9);
	assert_float_equal(chart_nice_max(0.3), 0.5, 1e-9);
	assert_float_equal(chart_nice_max(4100), 5000, 1e-9);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(title_labels_and_names_are_escaped, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(empty_data_shows_the_empty_text, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(zero_values_draw_flat_bars_without_dividing_by_zero,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(many_labels_are_thinned_and_turned, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(long_labels_are_cut_on_a_character, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(series_differ_in_black_and_white, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(donut_shares_escaped_and_whole_ring, unit_setup, unit_teardown),
		cmocka_unit_test(scale_is_nice),
	};

	return cmocka_run_group_tests_name("chart", tests, NULL, NULL);
}
