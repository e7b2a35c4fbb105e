// tpl.cc: the extern "C" bridge to ctemplate. Everything else in DutyDesk is C.
#include "tpl.h"
#include <ctemplate/template.h>
#include <ctemplate/template_emitter.h>
#include <string>

using ctemplate::TemplateDictionary;

namespace {

// Writes expanded output straight into a struct buf (no intermediate std::string).
class BufEmitter : public ctemplate::ExpandEmitter {
public:
	explicit BufEmitter(struct buf *b) : b_(b) {}
	void Emit(char c) override { buf_putc(b_, c); }
	void Emit(const std::string &s) override { buf_append(b_, s.data(), s.size()); }
	void Emit(const char *s) override { buf_puts(b_, s); }
	void Emit(const char *s, size_t n) override { buf_append(b_, s, n); }
private:
	struct buf *b_;
};

const ctemplate::Strip kStrip = ctemplate::STRIP_BLANK_LINES;

TemplateDictionary *D(tpl_dict *d) { return reinterpret_cast<TemplateDictionary *>(d); }
tpl_dict *T(TemplateDictionary *d) { return reinterpret_cast<tpl_dict *>(d); }

} // namespace

extern "C" {

int
tpl_register(const char *key, const char *text, size_t len)
{
	// Parses at once: false for a syntax error (or a key registered twice).
	return ctemplate::StringToTemplateCache(key, ctemplate::TemplateString(text, len),
	    kStrip) ? 0 : -1;
}

void
tpl_freeze(void)
{
	ctemplate::mutable_default_template_cache()->Freeze();
}

tpl_dict *
tpl_dict_new(const char *name)
{
	return T(new TemplateDictionary(name));
}

void
tpl_dict_free(tpl_dict *d)
{
	delete D(d);
}

void
tpl_set(tpl_dict *d, const char *name, const char *value)
{
	D(d)->SetValue(name, value ? value : "");
}

void
tpl_set_int(tpl_dict *d, const char *name, long long value)
{
	D(d)->SetIntValue(name, static_cast<long>(value));
}

void
tpl_set_global(tpl_dict *d, const char *name, const char *value)
{
	D(d)->SetTemplateGlobalValue(name, value ? value : "");
}

void
tpl_show(tpl_dict *d, const char *section)
{
	D(d)->ShowSection(section);
}

tpl_dict *
tpl_section(tpl_dict *d, const char *section)
{
	return T(D(d)->AddSectionDictionary(section));
}

tpl_dict *
tpl_include(tpl_dict *d, const char *marker, const char *key)
{
	TemplateDictionary *inc = D(d)->AddIncludeDictionary(marker);

	inc->SetFilename(key);
	return T(inc);
}

int
tpl_expand(const char *key, const tpl_dict *d, struct buf *out)
{
	BufEmitter emit(out);

	// Frozen cache: never looks at the disk, and an unknown include is an error.
	return ctemplate::mutable_default_template_cache()->ExpandNoLoad(
	    key, kStrip, reinterpret_cast<const TemplateDictionary *>(d), NULL, &emit) ? 0 : -1;
}

} // extern "C"
