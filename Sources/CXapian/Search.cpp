// Running queries: ranked pages, snippets, expansion (exhaustive docid lists: MatchingDocids.cpp).
#include "Internal.hpp"
#include <vector>

extern "C" kx_mset *kx_search(kx_db *db, const kx_query *q, const kx_search_options *o, kx_error *err) {
    KX_GUARD(err, nullptr, {
        kx_mset *m = new kx_mset(db->db);
        try {
            m->enquire.set_query(q->q);
            switch (o->scheme) {
                case 1:
                    m->enquire.set_weighting_scheme(Xapian::BM25PlusWeight(o->bm25_k1 >= 0 ? o->bm25_k1 : 1, o->bm25_k2,
                                                                           o->bm25_k3, o->bm25_b, o->bm25_min_normlen,
                                                                           o->scheme_parameter));
                    break;
                case 2:
                    m->enquire.set_weighting_scheme(Xapian::LMWeight(0.0, Xapian::Weight::DIRICHLET_SMOOTHING,
                                                                     o->scheme_parameter, 0.0));
                    break;
                case 3:
                    m->enquire.set_weighting_scheme(Xapian::DPHWeight());
                    break;
                case 4:
                    m->enquire.set_weighting_scheme(Xapian::PL2Weight(o->scheme_parameter));
                    break;
                default:
                    if (o->bm25_k1 >= 0)
                        m->enquire.set_weighting_scheme(Xapian::BM25Weight(o->bm25_k1, o->bm25_k2, o->bm25_k3, o->bm25_b,
                                                                           o->bm25_min_normlen));
            }
            if (o->sort_value_slot >= 0)
                m->enquire.set_sort_by_value_then_relevance(o->sort_value_slot, o->sort_descending != 0);
            m->mset = m->enquire.get_mset(o->offset, o->limit, o->check_at_least);
        } catch (...) {
            delete m;
            throw;
        }
        return m;
    })
}

extern "C" void kx_mset_free(kx_mset *m) {
    try { delete m; } catch (...) {}
}

extern "C" uint32_t kx_mset_size(const kx_mset *m) {
    try { return m->mset.size(); } catch (...) { return 0; }
}

extern "C" uint32_t kx_mset_estimated(const kx_mset *m) {
    try { return m->mset.get_matches_estimated(); } catch (...) { return 0; }
}

extern "C" uint32_t kx_mset_docid(const kx_mset *m, uint32_t index) {
    try { return *(m->mset[index]); } catch (...) { return 0; }
}

extern "C" double kx_mset_weight(const kx_mset *m, uint32_t index) {
    try { return m->mset[index].get_weight(); } catch (...) { return 0; }
}

extern "C" char *kx_mset_document_data(const kx_mset *m, uint32_t index, size_t *len, kx_error *err) {
    KX_GUARD(err, nullptr, { return kx_copy(m->mset[index].get_document().get_data(), len); })
}

extern "C" char *kx_mset_snippet(const kx_mset *m, const char *text, size_t len, size_t length,
                                 const char *language, kx_stem_fn stem, void *stem_context,
                                 const char *start, const char *end,
                                 int empty_without_match, kx_error *err) {
    KX_GUARD(err, nullptr, {
        unsigned flags = Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE;
        if (empty_without_match) flags |= Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH;
        std::string s = m->mset.snippet(std::string(text, len), length, kx_make_stem(m, language, stem, stem_context), flags,
                                        start, end, "…");
        return kx_copy(s);
    })
}

namespace {
// Relevance feedback should suggest content words, not filter or id terms (uppercase prefixes).
class ContentTermsOnly : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string &term) const override {
        if (term.empty()) return false;
        unsigned char c = static_cast<unsigned char>(term[0]);
        if (c >= 'A' && c <= 'Z') return c == 'Z';
        return term.size() > 2;
    }
};
}

extern "C" int kx_db_expand(kx_db *db, const uint32_t *docids, size_t docid_count, uint32_t count,
                            kx_term_visitor visit, void *context, kx_error *err) {
    KX_GUARD(err, 0, {
        Xapian::Enquire enquire(db->db);
        Xapian::RSet rset;
        for (size_t i = 0; i < docid_count; ++i) rset.add_document(docids[i]);
        ContentTermsOnly decider;
        Xapian::ESet eset = enquire.get_eset(count, rset, &decider);
        for (auto it = eset.begin(); it != eset.end(); ++it) {
            const std::string &t = *it;
            visit(context, t.data(), t.size(), 0);
        }
        return 1;
    })
}
