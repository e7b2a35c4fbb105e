/* fuzz_form: form_validate over a spec with every field type, the input parsed as an
 * urlencoded body; then form_to_dict-free accessors (form_str, form_num, form_has). */
#include "fuzz.h"

static const char *const colours[] = { "red", "green", "蓝", NULL };
static const struct field spec_fields[] = {
	{ "text",  FT_TEXT,      FF_REQUIRED, 1, 20, NULL, NULL },
	{ "multi", FT_MULTILINE, 0,           0, 200, NULL, NULL },
	{ "int",   FT_INT,       0,           -5, 1000000, NULL, NULL },
	{ "int2",  FT_INT,       FF_REQUIRED, 0, 0, NULL, NULL },
	{ "date",  FT_DATE,      0,           0, 0, NULL, NULL },
	{ "time",  FT_TIME,      0,           0, 0, NULL, NULL },
	{ "choice", FT_CHOICE,   FF_REQUIRED, 0, 0, colours, NULL },
	{ "roles", FT_MULTI,     FF_REQUIRED, 0, 0, role_codes, NULL },
	{ "user",  FT_USERNAME,  0,           3, 32, NULL, NULL },
	{ "pw",    FT_PASSWORD,  0,           8, 128, NULL, NULL },
	{ "phone", FT_PHONE,     0,           0, 30, NULL, NULL },
	{ "code",  FT_CODE,      0,           2, 10, NULL, NULL },
};
static const struct form_spec spec = FORM_SPEC(spec_fields);
static struct i18n cats[I18N__MAX];
static struct conf conf;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char dir[512];

	(void)argc;
	(void)argv;
	conf_defaults(&conf);
	snprintf(dir, sizeof(dir), "%s/i18n", fuzz_repo());
	for (int i = 0; i < I18N__MAX; i++)
		if (i18n_load(&cats[i], dir, i18n_langs[i]) != 0) {
			fprintf(stderr, "fuzz_form: cannot load catalogs from %s\n", dir);
			exit(1);
		}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct ctx c;
	struct kvlist in = { 0 };
	char *s = malloc(size ? size : 1);

	memcpy(s, data, size);
	memset(&c, 0, sizeof(c));
	arena_init(&a, 4096);
	c.a = &a;
	c.conf = &conf;
	c.lang = size && (data[0] & 1) ? I18N_EN : I18N_ZH;
	c.msg = &cats[c.lang];
	if (req_parse_urlencoded(&a, s, size, &req_default_limits, &in) == REQ_OK) {
		form_validate(&c, &spec, &in);
		for (size_t i = 0; i < spec.n; i++) {
			const struct fval *v = &c.form.v[i];

			if (v->value == NULL)
				abort();
			if (v->err == NULL && spec.fields[i].type == FT_INT && v->value[0] &&
			    (spec.fields[i].min || spec.fields[i].max) && (v->num < spec.fields[i].min ||
			    (spec.fields[i].max && v->num > spec.fields[i].max)))
				abort();  /* an accepted number is within bounds */
			if (v->err == NULL && spec.fields[i].type == FT_DATE && v->value[0] &&
			    !valid_date(v->value))
				abort();
			(void)form_str(&c, i);
			(void)form_num(&c, i);
			(void)form_has(&c, i, "red");
		}
		if (c.form.ok) {
			for (size_t i = 0; i < spec.n; i++)
				if (c.form.v[i].err != NULL)
					abort();
		}
		form_error(&c, 0, "err.required");
		form_set(&c, 1, "x");
	}
	arena_free(&a);
	free(s);
	return 0;
}
