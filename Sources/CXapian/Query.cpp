// Building queries: the user's text through QueryParser, filters and ranges by hand.
#include "Internal.hpp"
#include <map>
#include <vector>

extern "C" kx_query *kx_query_parse(kx_db *db, const char *text, const char *language, kx_stem_fn stem,
                                    void *stem_context, unsigned flags,
                                    int default_op_and, const kx_prefix_map *prefixes, size_t prefix_count,
                                    const char *const *stopwords, size_t stopword_count,
                                    unsigned max_wildcard_expansion, char **corrected, kx_error *err) {
    if (corrected) *corrected = nullptr;
    KX_GUARD(err, nullptr, {
        Xapian::QueryParser qp;
        if (db) qp.set_database(db->db);
        qp.set_stemmer(kx_make_stem(language, stem, stem_context));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(default_op_and ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
        Xapian::SimpleStopper stopper;
        for (size_t i = 0; i < stopword_count; ++i) stopper.add(stopwords[i]);
        if (stopword_count) qp.set_stopper(&stopper);
        for (size_t i = 0; i < prefix_count; ++i) {
            if (prefixes[i].boolean) qp.add_boolean_prefix(prefixes[i].field, prefixes[i].prefix);
            else qp.add_prefix(prefixes[i].field, prefixes[i].prefix);
        }
        if (max_wildcard_expansion)
            qp.set_max_expansion(max_wildcard_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        unsigned f = 0;
        if (flags & KX_QP_BOOLEAN) f |= Xapian::QueryParser::FLAG_BOOLEAN;
        if (flags & KX_QP_PHRASE) f |= Xapian::QueryParser::FLAG_PHRASE;
        if (flags & KX_QP_LOVEHATE) f |= Xapian::QueryParser::FLAG_LOVEHATE;
        if (flags & KX_QP_BOOLEAN_ANY_CASE) f |= Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE;
        if (flags & KX_QP_WILDCARD) f |= Xapian::QueryParser::FLAG_WILDCARD;
        if (flags & KX_QP_PURE_NOT) f |= Xapian::QueryParser::FLAG_PURE_NOT;
        if (flags & KX_QP_SYNONYM) f |= Xapian::QueryParser::FLAG_SYNONYM;
        if (flags & KX_QP_AUTO_SYNONYMS) f |= Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;
        if (flags & KX_QP_SPELLING) f |= Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
        Xapian::Query q = qp.parse_query(text, f);
        if (corrected && (flags & KX_QP_SPELLING)) {
            std::string c = qp.get_corrected_query_string();
            if (!c.empty()) *corrected = kx_copy(c);
        }
        return new kx_query{q};
    })
}

extern "C" kx_query *kx_query_term(const char *term, unsigned wqf) {
    try { return new kx_query{Xapian::Query(term, wqf)}; } catch (...) { return nullptr; }
}

extern "C" kx_query *kx_query_match_all(void) {
    try { return new kx_query{Xapian::Query::MatchAll}; } catch (...) { return nullptr; }
}

extern "C" kx_query *kx_query_match_nothing(void) {
    try { return new kx_query{Xapian::Query::MatchNothing}; } catch (...) { return nullptr; }
}

extern "C" kx_query *kx_query_value_range(unsigned slot, const char *lo, const char *hi) {
    try {
        if (lo && hi) return new kx_query{Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi)};
        if (lo) return new kx_query{Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo)};
        if (hi) return new kx_query{Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi)};
        return new kx_query{Xapian::Query::MatchAll};
    } catch (...) { return nullptr; }
}

extern "C" kx_query *kx_query_combine(int op, kx_query *const *subqueries, size_t count) {
    try {
        Xapian::Query::op xop;
        switch (op) {
            case KX_OP_AND: xop = Xapian::Query::OP_AND; break;
            case KX_OP_OR: xop = Xapian::Query::OP_OR; break;
            case KX_OP_AND_NOT: xop = Xapian::Query::OP_AND_NOT; break;
            case KX_OP_FILTER: xop = Xapian::Query::OP_FILTER; break;
            case KX_OP_AND_MAYBE: xop = Xapian::Query::OP_AND_MAYBE; break;
            case KX_OP_SYNONYM: xop = Xapian::Query::OP_SYNONYM; break;
            case KX_OP_PHRASE: xop = Xapian::Query::OP_PHRASE; break;
            default: return nullptr;
        }
        std::vector<Xapian::Query> subs;
        subs.reserve(count);
        for (size_t i = 0; i < count; ++i) subs.push_back(subqueries[i]->q);
        return new kx_query{Xapian::Query(xop, subs.begin(), subs.end())};
    } catch (...) { return nullptr; }
}

extern "C" kx_query *kx_query_scale(kx_query *q, double factor) {
    try { return new kx_query{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor)}; } catch (...) { return nullptr; }
}

namespace {
// Rebuilds only the nodes above a placeholder; everything else (phrases, ranges, wildcards) is kept as is.
Xapian::Query substitute(const Xapian::Query &q, const std::map<std::string, Xapian::Query> &map) {
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        auto found = map.find(*q.get_terms_begin());
        return found == map.end() ? q : found->second;
    }
    switch (q.get_type()) {
        case Xapian::Query::OP_AND: case Xapian::Query::OP_OR: case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR: case Xapian::Query::OP_AND_MAYBE: case Xapian::Query::OP_FILTER: break;
        default: return q;
    }
    std::vector<Xapian::Query> subs;
    for (size_t i = 0; i < q.get_num_subqueries(); ++i) subs.push_back(substitute(q.get_subquery(i), map));
    return Xapian::Query(q.get_type(), subs.begin(), subs.end());
}
}

extern "C" kx_query *kx_query_substitute(const kx_query *q, const char *const *terms, kx_query *const *replacements,
                                         size_t count) {
    try {
        std::map<std::string, Xapian::Query> map;
        for (size_t i = 0; i < count; ++i) map.emplace(terms[i], replacements[i]->q);
        return new kx_query{substitute(q->q, map)};
    } catch (...) { return nullptr; }
}

extern "C" int kx_query_is_empty(const kx_query *q) {
    try { return q->q.empty() ? 1 : 0; } catch (...) { return 1; }
}

extern "C" char *kx_query_describe(const kx_query *q) {
    try { return kx_copy(q->q.get_description()); } catch (...) { return nullptr; }
}

extern "C" int kx_query_visit_terms(const kx_query *q, kx_term_visitor visit, void *context) {
    try {
        for (auto it = q->q.get_unique_terms_begin(); it != q->q.get_unique_terms_end(); ++it) {
            const std::string &t = *it;
            visit(context, t.data(), t.size(), 0);
        }
        return 1;
    } catch (...) { return 0; }
}

extern "C" void kx_query_free(kx_query *q) {
    try { delete q; } catch (...) {}
}
