// Shared by the shim's .cpp files only; never seen by Swift.
#pragma once
#include <xapian.h>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>
#include "CXapian.h"

struct kx_writer { Xapian::WritableDatabase db; };
struct kx_db {
    Xapian::Database db;
    // Docid bitmaps of facet filter terms for exhaustive matching (MatchingDocids.cpp); cleared on reopen.
    std::unordered_map<std::string, std::vector<uint64_t>> facet_bits;
};
struct kx_query { Xapian::Query q; };
struct kx_doc {
    Xapian::Document doc;
    Xapian::TermGenerator generator;
    std::map<std::string, Xapian::Stem> stemmers;
    kx_doc() { generator.set_document(doc); generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME); }
};
struct kx_mset {
    Xapian::Database db;
    Xapian::Enquire enquire;
    Xapian::MSet mset;
    // Stems the caller's stemmer gave for this page's snippets, per language name (see kx_mset_snippet).
    mutable std::map<std::string, std::unordered_map<std::string, std::string>> stems;
    explicit kx_mset(const Xapian::Database &db) : db(db), enquire(db) {}
};

// Translates the exception being handled into err. Call only from a catch block.
void kx_capture_error(kx_error *err) noexcept;
// malloc'd copy for returning strings across the C boundary (NULL on OOM).
char *kx_copy(const std::string &s, size_t *len = nullptr) noexcept;
Xapian::Stem kx_make_stem(const char *language);
// The caller's stemmer when given, else Xapian's for `language`.
Xapian::Stem kx_make_stem(const char *language, kx_stem_fn stem, void *context);
// As above, remembering the caller's stems in the MSet (one stemmer per language name per MSet).
Xapian::Stem kx_make_stem(const kx_mset *m, const char *language, kx_stem_fn stem, void *context);

// Wraps a function body so that no exception escapes: on any throw, fills err and returns `failure`.
#define KX_GUARD(err, failure, ...)          \
    try {                                    \
        if (err) { (err)->code = KX_OK; (err)->message[0] = 0; } \
        __VA_ARGS__                          \
    } catch (...) {                          \
        kx_capture_error(err);               \
        return failure;                      \
    }
