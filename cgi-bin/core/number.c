/* number.c: see number.h. */
#include "number.h"
#include "buf.h"
#include <ctype.h>
#include <qrencode.h>
#include <stdio.h>
#include <string.h>

const struct number_kind number_kinds[] = {
	{ "log_day",   "RZ", "/log/day/%lld",       "form.log_day" },
	{ "emergency", "JJ", "/log/emergency/%lld", "form.emergency" },
	{ "roster",    "PB", "/roster/month/%lld",  "form.roster" },
	{ "handover",  "JB", "/handover/%lld",      "form.handover" },
	/* A request's number is assigned when it is registered, by its type. */
	{ "req_complaint",  "TS", "/requests/%lld",        "form.req_complaint" },
	{ "req_repair",     "BX", "/requests/%lld",        "form.req_repair" },
	{ "req_inquiry",    "ZX", "/requests/%lld",        "form.req_inquiry" },
	{ "req_suggestion", "JY", "/requests/%lld",        "form.req_suggestion" },
	{ "req_help",       "QZ", "/requests/%lld",        "form.req_help" },
	{ "work_order",     "GD", "/requests/orders/%lld", "form.work_order" },
	{ "callback_report", "HF", "/callbacks/reports/%lld", "form.callback_report" },
	/* Reports: record_id is report_records.id. */
	{ "quarter_report", "FX", "/reports/complaints/%lld", "form.quarter_report" },
	{ "digest",         "ZY", "/reports/digest/%lld",  "form.digest" },
	{ "evaluation",     "PG", "/evaluations/%lld",     "form.evaluation" },
};
const size_t number_nkinds = sizeof(number_kinds) / sizeof(number_kinds[0]);

const struct number_kind *
number_kind(const char *kind)
{
	for (size_t i = 0; i < number_nkinds; i++)
		if (strcmp(number_kinds[i].kind, kind) == 0)
			return &number_kinds[i];
	return NULL;
}

const struct number_kind *
number_kind_by_prefix(const char *number)
{
	for (size_t i = 0; i < number_nkinds; i++) {
		size_t n = strlen(number_kinds[i].prefix);

		if (strncmp(number, number_kinds[i].prefix, n) == 0 && number[n] == '-')
			return &number_kinds[i];
	}
	return NULL;
}

/* The check alphabet: 31 characters, no I, O, S or Z (read as 1, 0, 5, 2 on a bad scan). */
static const char check_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUVWXY";

char
number_check(const char *text)
{
	unsigned long sum = 0;
	size_t i;

	/* Weighted sum modulo 31 (prime): any single changed character and any swap of two
	 * neighbours that differ changes the sum. */
	for (i = 0; text[i]; i++) {
		unsigned v;
		char ch = text[i];

		if (ch >= '0' && ch <= '9')
			v = (unsigned)(ch - '0');
		else if (ch >= 'A' && ch <= 'Z')
			v = (unsigned)(ch - 'A') + 10;
		else if (ch == '-')
			v = 36;
		else
			return 0;
		sum += (unsigned long)(i % 30 + 1) * v;
	}
	return check_alphabet[sum % 31];
}

char *
number_format(struct arena *a, const char *prefix, const char *day, long long seq)
{
	char body[48], ymd[9];
	size_t k = 0;

	for (const char *p = day; *p && k < 8; p++)
		if (isdigit((unsigned char)*p))
			ymd[k++] = *p;
	ymd[k] = '\0';
	snprintf(body, sizeof(body), "%s-%s-%02lld", prefix, ymd, seq);
	return arena_printf(a, "%s-%c", body, number_check(body));
}

char *
number_normalise(struct arena *a, const char *typed)
{
	char *out = arena_alloc(a, strlen(typed) + 1), *o = out;

	for (const char *p = typed; *p; p++)
		if (!isspace((unsigned char)*p))
			*o++ = (char)toupper((unsigned char)*p);
	*o = '\0';
	return out;
}

int
number_valid(const char *number)
{
	size_t n = strlen(number);
	char body[48];

	if (n < 16 || n >= sizeof(body) || number[n - 2] != '-' ||
	    number_kind_by_prefix(number) == NULL)
		return 0;
	memcpy(body, number, n - 2);
	body[n - 2] = '\0';
	return number_check(body) == number[n - 1];
}

char *
qr_svg(struct arena *a, const char *text, int size_mm)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	const int quiet = 4;
	struct buf b;
	char *out;
	int w;

	if (q == NULL)
		return NULL;
	w = q->width + 2 * quiet;
	buf_init(&b);
	buf_printf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" "
	    "viewBox=\"0 0 %d %d\" width=\"%dmm\" height=\"%dmm\" shape-rendering=\"crispEdges\">"
	    "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"", w, w,
	    size_mm, size_mm, w, w);
	/* One horizontal run of dark modules per path segment keeps the SVG small. */
	for (int y = 0; y < q->width; y++) {
		for (int x = 0; x < q->width;) {
			int run = 0;

			while (x + run < q->width && (q->data[y * q->width + x + run] & 1))
				run++;
			if (run > 0) {
				buf_printf(&b, "M%d %dh%dv1h-%dz", x + quiet, y + quiet, run, run);
				x += run;
			} else {
				x++;
			}
		}
	}
	buf_puts(&b, "\"/></svg>");
	QRcode_free(q);
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}
