// Stemmers: Xapian's Snowball ones by name, or the caller's analyser through a callback.
#include "Internal.hpp"

Xapian::Stem kx_make_stem(const char *language) {
    if (!language || !*language || std::strcmp(language, "none") == 0) return Xapian::Stem();
    return Xapian::Stem(language);
}

namespace {
// Bridges Xapian's stemmer interface to a C callback (the Swift analyser).
class CallbackStem : public Xapian::StemImplementation {
    kx_stem_fn fn_;
    void *context_;
  public:
    CallbackStem(kx_stem_fn fn, void *context) : fn_(fn), context_(context) {}
    std::string operator()(const std::string &word) override {
        char buffer[512];
        size_t n = fn_(context_, word.data(), word.size(), buffer, sizeof(buffer));
        return std::string(buffer, n < sizeof(buffer) ? n : sizeof(buffer));
    }
    std::string get_description() const override { return "kennisbank-analyser"; }
};
}

namespace {
// The caller's stemmer with its answers remembered: snippets stem every word of every hit, and a call back
// into Swift per word costs more than a hash lookup.
class CachingCallbackStem : public Xapian::StemImplementation {
    CallbackStem stem_;
    std::unordered_map<std::string, std::string> &cache_;
  public:
    CachingCallbackStem(kx_stem_fn fn, void *context, std::unordered_map<std::string, std::string> &cache)
        : stem_(fn, context), cache_(cache) {}
    std::string operator()(const std::string &word) override {
        auto found = cache_.find(word);
        if (found != cache_.end()) return found->second;
        std::string stemmed = stem_(word);
        if (cache_.size() < 100000) cache_.emplace(word, stemmed);
        return stemmed;
    }
    std::string get_description() const override { return "kennisbank-analyser (cached)"; }
};
}

Xapian::Stem kx_make_stem(const char *language, kx_stem_fn stem, void *context) {
    if (stem) return Xapian::Stem(new CallbackStem(stem, context));
    return kx_make_stem(language);
}

Xapian::Stem kx_make_stem(const kx_mset *m, const char *language, kx_stem_fn stem, void *context) {
    if (!stem) return kx_make_stem(language);
    return Xapian::Stem(new CachingCallbackStem(stem, context, m->stems[language ? language : ""]));
}

struct kx_stemmer { Xapian::Stem stem; };

extern "C" kx_stemmer *kx_stemmer_new(const char *language, kx_error *err) {
    KX_GUARD(err, nullptr, { return new kx_stemmer{Xapian::Stem(language)}; })
}

extern "C" void kx_stemmer_free(kx_stemmer *s) {
    try { delete s; } catch (...) {}
}

extern "C" size_t kx_stemmer_stem(kx_stemmer *s, const char *word, size_t len, char *out, size_t cap) {
    try {
        std::string stem = s->stem(std::string(word, len));
        size_t n = stem.size() < cap ? stem.size() : cap;
        std::memcpy(out, stem.data(), n);
        return n;
    } catch (...) {
        size_t n = len < cap ? len : cap;
        std::memcpy(out, word, n);
        return n;
    }
}

