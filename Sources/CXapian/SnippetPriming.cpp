// Looks up, in sorted order, the term frequencies MSet::snippet's background model will need.
//
// With SNIPPET_BACKGROUND_MODEL, snippet() weighs every word that is not a query term by its frequency in the
// collection, looked up in each database on first sight and cached in the MSet. In text order each lookup lands
// in another B-tree block (a pread per database); in sorted order neighbouring words share blocks, about twice
// as fast. So a page's words are first passed through snippet() once, sorted, filling the same cache.
//
// The cache holds a value per word that snippet() computes from the `length` it is called with, and snippet()
// scales cached values while a word sits in its window (restoring them when it leaves). Priming therefore uses
// the same length and stemmer as the calls it precedes, and ends with padding that pushes every primed word out
// of the window again: a word that never occurs in the index has value 0, which scaling leaves alone. When the
// padding word would have a frequency, nothing is primed.
#include "Internal.hpp"

extern "C" int kx_mset_prime_snippets(const kx_mset *m, const char *words, size_t len, size_t length,
                                      const char *language, kx_stem_fn stem, void *stem_context, kx_error *err) {
    KX_GUARD(err, 0, {
        Xapian::Stem stemmer = kx_make_stem(m, language, stem, stem_context);
        // A connector inside a word: a single term to Xapian, never one of the indexer's tokens.
        static const std::string padding = "kx_pad";
        if (m->db.get_termfreq(padding) != 0 || m->db.get_termfreq("Z" + stemmer(padding)) != 0) return 0;
        std::string text(words, len);
        for (size_t added = 0; added <= length + 1; added += padding.size() + 1) {
            text += ' ';
            text += padding;
        }
        (void)m->mset.snippet(text, length, stemmer,
                              Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE, "<mark>",
                              "</mark>", "…");
        return 1;
    })
}
