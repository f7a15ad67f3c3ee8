// Building queries: the user's text through QueryParser, filters and ranges by hand.
#include "Internal.hpp"
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
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
    // A fresh node, never a copy of the static Query::MatchAll: Xapian 1.4 counts references without atomics,
    // so copies of one shared static made on two threads at once can free it under a running search.
    try { return new kx_query{Xapian::Query(std::string())}; } catch (...) { return nullptr; }
}

extern "C" kx_query *kx_query_match_nothing(void) {
    try { return new kx_query{Xapian::Query()}; } catch (...) { return nullptr; }
}

extern "C" kx_query *kx_query_value_range(unsigned slot, const char *lo, const char *hi) {
    try {
        if (lo && hi) return new kx_query{Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi)};
        if (lo) return new kx_query{Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo)};
        if (hi) return new kx_query{Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi)};
        return new kx_query{Xapian::Query(std::string())};  // not the shared static: see kx_query_match_all
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

namespace {
// Residual IDF (Church & Gale 1995): how much rarer across documents a word is than a Poisson spread of its
// occurrences predicts. Subject words cluster in the documents about them (*ionospheric* five times in one
// abstract); general words (*method*, *aanpak*) spread like chance. The statistics of all the terms that
// stand for one word (its stem in each language, a concept's readings) are pooled, so the factor does not
// depend on which language's stem matched. Never below 1: it only lifts.
double residual_idf_factor(const Xapian::Database &db, const std::set<std::string> &terms) {
    double documents = db.get_doccount();
    double having = 0, occurrences = 0;
    for (const auto &term : terms) {
        having += db.get_termfreq(term);
        occurrences += db.get_collection_freq(term);
    }
    if (having == 0 || documents == 0) return 1;
    having = std::min(having, documents);
    double residual = std::log2(documents / having) + std::log2(-std::expm1(-occurrences / documents));
    return 1 + std::max(0.0, residual);
}

std::set<std::string> terms_of(const std::vector<Xapian::Query> &queries) {
    std::set<std::string> terms;
    for (const auto &q : queries)
        for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) terms.insert(*t);
    return terms;
}

std::vector<Xapian::Query> scaled(const std::vector<Xapian::Query> &queries, double factor) {
    if (factor == 1) return queries;
    std::vector<Xapian::Query> out;
    for (const auto &q : queries) out.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, q, factor);
    return out;
}

// Scales the parallel readings of one query (one per language, parsed from the same text) node by node.
std::vector<Xapian::Query> scale_by_residual_idf(const std::vector<Xapian::Query> &queries, const Xapian::Database &db) {
    const Xapian::Query &first = queries.front();
    for (const auto &q : queries) {
        if (q.get_type() != first.get_type() || q.get_num_subqueries() != first.get_num_subqueries()) {
            // Parsed differently: each reading on its own.
            std::vector<Xapian::Query> out;
            for (const auto &one : queries) out.push_back(scale_by_residual_idf({one}, db).front());
            return out;
        }
    }
    switch (first.get_type()) {
        case Xapian::Query::LEAF_TERM:
            return scaled(queries, residual_idf_factor(db, terms_of(queries)));
        case Xapian::Query::OP_PHRASE: case Xapian::Query::OP_NEAR: {
            // A phrase weighs as the sum of its words, so it takes their mean factor as a whole.
            double sum = 0;
            size_t count = 0;
            for (auto t = first.get_terms_begin(); t != first.get_terms_end(); ++t, ++count)
                sum += residual_idf_factor(db, {*t});
            return count == 0 ? queries : scaled(queries, sum / count);
        }
        case Xapian::Query::OP_AND: case Xapian::Query::OP_OR: case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR: case Xapian::Query::OP_AND_MAYBE: case Xapian::Query::OP_FILTER: break;
        default: return queries;  // wildcards, synonyms, ranges: as parsed
    }
    std::vector<std::vector<Xapian::Query>> children(queries.size());
    for (size_t i = 0; i < first.get_num_subqueries(); ++i) {
        std::vector<Xapian::Query> parallel;
        for (const auto &q : queries) parallel.push_back(q.get_subquery(i));
        auto done = scale_by_residual_idf(parallel, db);
        for (size_t k = 0; k < queries.size(); ++k) children[k].push_back(done[k]);
    }
    std::vector<Xapian::Query> out;
    for (size_t k = 0; k < queries.size(); ++k)
        out.emplace_back(queries[k].get_type(), children[k].begin(), children[k].end());
    return out;
}
}

extern "C" int kx_query_scale_by_residual_idf(kx_query *const *queries, size_t count, kx_db *db, int as_one,
                                              kx_query **out, kx_error *err) {
    KX_GUARD(err, 0, {
        if (count == 0) return 1;
        std::vector<Xapian::Query> in;
        for (size_t i = 0; i < count; ++i) in.push_back(queries[i]->q);
        auto done = as_one ? scaled(in, residual_idf_factor(db->db, terms_of(in))) : scale_by_residual_idf(in, db->db);
        for (size_t i = 0; i < count; ++i) out[i] = new kx_query{done[i]};
        return 1;
    })
}
