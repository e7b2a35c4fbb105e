/* number.h: unified form numbers (统一编号) and the QR codes that carry them.
 *
 * A number is PREFIX-YYYYMMDD-NN-C: a prefix per kind of form, the form's day, a sequence per
 * kind and day (company-wide, at least two digits) and a check character computed over the
 * rest, so a mistyped number is caught before any lookup. The register (table form_numbers)
 * maps a number to its record for ever; /r/<number> opens the record.
 */
#ifndef DD_NUMBER_H
#define DD_NUMBER_H
#include <stddef.h>
#include "arena.h"

struct number_kind {
	const char *kind;     /* register key, e.g. "log_day" */
	const char *prefix;   /* e.g. "RZ" */
	const char *url;      /* record page, "%lld" for the record id */
	const char *title;    /* catalog key of the form's title */
};

/* The kinds of printed forms; later areas add a line here. */
extern const struct number_kind number_kinds[];
extern const size_t number_nkinds;

const struct number_kind *number_kind(const char *kind);
const struct number_kind *number_kind_by_prefix(const char *number);
/* The check character of text (its characters 0-9 A-Z and '-', others refused: 0). */
char        number_check(const char *text);
/* Formats a number (arena string): prefix, day "2026-11-23", sequence. */
char       *number_format(struct arena *a, const char *prefix, const char *day, long long seq);
/* Whether number is well formed and its check character matches (case-insensitive input is
 * upper-cased in place by number_normalise first). */
int         number_valid(const char *number);
/* Upper-cases and trims a typed number into an arena copy. */
char       *number_normalise(struct arena *a, const char *typed);
/* The QR code of text as an inline SVG element (arena string): error correction M, quiet
 * zone of 4 modules, size in millimetres. NULL if it cannot be encoded. */
char       *qr_svg(struct arena *a, const char *text, int size_mm);

#endif
