// Every docid a query matches, without ranking: for exact facet counts over large match sets.
//
// The matcher (even with BoolWeight and a MatchSpy) pays per match for its postlist tree, a Document object and a
// virtual call. Boolean structure alone does not need that: AND, OR, FILTER, AND_NOT, SYNONYM, ... over term
// postings are set operations, done here on a bitmap of docids. Anything whose match set is not a plain set
// operation over postings (phrases, NEAR, wildcards, value ranges, ...) is handed to the matcher, with the
// conjunction it sits in, so the set is always exactly the one Xapian's matcher would produce.
#include "Internal.hpp"
#include <algorithm>
#include <unordered_map>
#include <vector>

namespace {

// Records every matching docid; with BoolWeight no scores are computed.
class DocidCollector : public Xapian::MatchSpy {
  public:
    std::vector<uint32_t> docids;
    void operator()(const Xapian::Document &doc, double) override { docids.push_back(doc.get_docid()); }
};

using Bits = std::vector<uint64_t>;

class Evaluator {
    const Xapian::Database &db_;
    size_t words_;
    Xapian::doccount doccount_;
    // Facet filter terms' bitmaps, kept with the database until it is reopened.
    std::unordered_map<std::string, std::vector<uint64_t>> &facet_bits_;
    // Postings already read for this query: the Dutch and English readings share most terms.
    mutable std::unordered_map<std::string, Bits> memo_;

  public:
    explicit Evaluator(kx_db &db)
        : db_(db.db), words_((static_cast<size_t>(db.db.get_lastdocid()) >> 6) + 1), doccount_(db.db.get_doccount()),
          facet_bits_(db.facet_bits) {
        for (auto it = facet_bits_.begin(); it != facet_bits_.end();) {
            if (it->second.size() != words_) it = facet_bits_.erase(it); else ++it;
        }
    }

    Bits empty() const { return Bits(words_, 0); }

    static void set(Bits &bits, Xapian::docid did) { bits[did >> 6] |= uint64_t(1) << (did & 63); }

    static size_t count(const Bits &bits) {
        size_t n = 0;
        for (uint64_t w : bits) n += static_cast<size_t>(__builtin_popcountll(w));
        return n;
    }

    static bool is_term(const Xapian::Query &q) { return q.get_type() == Xapian::Query::LEAF_TERM; }
    static std::string term_of(const Xapian::Query &q) { return *q.get_terms_begin(); }

    // A rough size, only to intersect the most selective part first.
    Xapian::doccount estimate(const Xapian::Query &q) const {
        switch (q.get_type()) {
            case Xapian::Query::LEAF_TERM: return db_.get_termfreq(term_of(q));
            case Xapian::Query::LEAF_MATCH_NOTHING: return 0;
            case Xapian::Query::OP_AND:
            case Xapian::Query::OP_FILTER: {
                Xapian::doccount least = doccount_;
                for (size_t i = 0; i < q.get_num_subqueries(); ++i) least = std::min(least, estimate(q.get_subquery(i)));
                return least;
            }
            case Xapian::Query::OP_AND_NOT:
            case Xapian::Query::OP_AND_MAYBE:
            case Xapian::Query::OP_SCALE_WEIGHT: return q.get_num_subqueries() ? estimate(q.get_subquery(0)) : 0;
            default: return doccount_;
        }
    }

    // Whether the match set is a set operation over postings all the way down. A conjunction with some other
    // part (a phrase, a date range) goes to the matcher whole: it checks that part only on the candidates.
    static bool is_set_operation(const Xapian::Query &q) {
        const size_t n = q.get_num_subqueries();
        switch (q.get_type()) {
            case Xapian::Query::LEAF_TERM:
            case Xapian::Query::LEAF_MATCH_ALL:
            case Xapian::Query::LEAF_MATCH_NOTHING: return true;
            case Xapian::Query::OP_SCALE_WEIGHT:
            case Xapian::Query::OP_AND_MAYBE: return n >= 1 && is_set_operation(q.get_subquery(0));
            case Xapian::Query::OP_OR:
            case Xapian::Query::OP_SYNONYM:
            case Xapian::Query::OP_MAX:
            case Xapian::Query::OP_XOR:
            case Xapian::Query::OP_AND:
            case Xapian::Query::OP_FILTER:
            case Xapian::Query::OP_AND_NOT:
                if (n == 0) return false;
                for (size_t i = 0; i < n; ++i)
                    if (!is_set_operation(q.get_subquery(i))) return false;
                return true;
            default: return false;
        }
    }

    // Bounds-checked: a docid past the bitmap (which can only mean a revision changed under us) is
    // dropped rather than written past the end.
    void add_postings(Bits &bits, const std::string &term) const {
        for (Xapian::PostingIterator it = db_.postlist_begin(term), end = db_.postlist_end(term); it != end; ++it)
            if ((*it >> 6) < bits.size()) set(bits, *it);
    }

    // Facet terms (`XTYPE:rapport`, `XLANG:nl`): few, large, and in nearly every query.
    static bool is_facet_term(const std::string &term) {
        return term.size() > 1 && term[0] == 'X' && term.find(':') != std::string::npos;
    }

    // The postings of a term as a bitmap, read once per query (facet terms once per database revision);
    // nullptr when it is not at hand and `read` is false.
    const Bits *term_bits(const std::string &term, bool read) const {
        if (is_facet_term(term)) {
            auto found = facet_bits_.find(term);
            if (found != facet_bits_.end()) return &found->second;
            if (facet_bits_.size() >= 512) facet_bits_.clear();
            Bits bits = empty();
            add_postings(bits, term);
            return &facet_bits_.emplace(term, std::move(bits)).first->second;
        }
        auto found = memo_.find(term);
        if (found != memo_.end()) return &found->second;
        if (!read) return nullptr;
        Bits bits = empty();
        add_postings(bits, term);
        return &memo_.emplace(term, std::move(bits)).first->second;
    }

    // bits &= postings(term), or with `remove` bits &= ~postings(term). Few candidates leapfrog with skip_to;
    // many are cheaper as one pass over the postings.
    void apply_term(Bits &bits, const std::string &term, bool remove) const {
        size_t candidates = count(bits);
        if (candidates == 0) return;
        const Bits *known = term_bits(term, false);
        if (!known && candidates * 16 < db_.get_termfreq(term)) {
            Xapian::PostingIterator it = db_.postlist_begin(term), end = db_.postlist_end(term);
            for (size_t w = 0; w < bits.size(); ++w) {
                uint64_t word = bits[w];
                while (word) {
                    unsigned bit = static_cast<unsigned>(__builtin_ctzll(word));
                    word &= word - 1;
                    Xapian::docid did = static_cast<Xapian::docid>((w << 6) | bit);
                    if (it != end) it.skip_to(did);
                    bool present = it != end && *it == did;
                    if (present == remove) bits[w] &= ~(uint64_t(1) << bit);
                }
            }
            return;
        }
        const Bits &postings = known ? *known : *term_bits(term, true);
        for (size_t w = 0; w < bits.size(); ++w) bits[w] &= remove ? ~postings[w] : postings[w];
    }

    Bits eval(const Xapian::Query &q) const {
        const size_t n = q.get_num_subqueries();
        switch (q.get_type()) {
            case Xapian::Query::LEAF_TERM: return *term_bits(term_of(q), true);
            case Xapian::Query::LEAF_MATCH_ALL: {
                Bits bits = empty();
                add_postings(bits, std::string());
                return bits;
            }
            case Xapian::Query::LEAF_MATCH_NOTHING: return empty();
            case Xapian::Query::OP_SCALE_WEIGHT:
            case Xapian::Query::OP_AND_MAYBE:  // the optional part adds weight, never matches
                if (n >= 1) return eval(q.get_subquery(0));
                break;
            case Xapian::Query::OP_OR:
            case Xapian::Query::OP_SYNONYM:
            case Xapian::Query::OP_MAX: {
                if (n == 0) break;
                Bits bits = empty();
                for (size_t i = 0; i < n; ++i) {
                    Xapian::Query sub = q.get_subquery(i);
                    if (is_term(sub)) {
                        const Bits &other = *term_bits(term_of(sub), true);
                        for (size_t w = 0; w < bits.size(); ++w) bits[w] |= other[w];
                    } else {
                        Bits other = eval(sub);
                        for (size_t w = 0; w < bits.size(); ++w) bits[w] |= other[w];
                    }
                }
                return bits;
            }
            case Xapian::Query::OP_XOR: {
                if (n == 0) break;
                Bits bits = empty();
                for (size_t i = 0; i < n; ++i) {
                    Bits other = eval(q.get_subquery(i));
                    for (size_t w = 0; w < bits.size(); ++w) bits[w] ^= other[w];
                }
                return bits;
            }
            case Xapian::Query::OP_AND:
            case Xapian::Query::OP_FILTER: {
                if (!is_set_operation(q)) break;
                std::vector<std::pair<Xapian::doccount, Xapian::Query>> parts;
                for (size_t i = 0; i < n; ++i) {
                    Xapian::Query sub = q.get_subquery(i);
                    parts.emplace_back(estimate(sub), sub);
                }
                std::stable_sort(parts.begin(), parts.end(),
                                 [](const auto &a, const auto &b) { return a.first < b.first; });
                Bits bits = eval(parts[0].second);
                for (size_t i = 1; i < parts.size(); ++i) {
                    if (count(bits) == 0) break;
                    apply(bits, parts[i].second, false);
                }
                return bits;
            }
            case Xapian::Query::OP_AND_NOT: {
                if (!is_set_operation(q)) break;
                Bits bits = eval(q.get_subquery(0));
                for (size_t i = 1; i < n; ++i) apply(bits, q.get_subquery(i), true);
                return bits;
            }
            default: break;
        }
        return by_matcher(q);
    }

    void apply(Bits &bits, const Xapian::Query &sub, bool remove) const {
        if (is_term(sub)) {
            apply_term(bits, term_of(sub), remove);
            return;
        }
        Bits other = eval(sub);
        for (size_t w = 0; w < bits.size(); ++w) bits[w] &= remove ? ~other[w] : other[w];
    }

    // Xapian's own matcher, for what is not a set operation over postings.
    Bits by_matcher(const Xapian::Query &q) const {
        Xapian::Enquire enquire(db_);
        enquire.set_query(q);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        DocidCollector collector;
        enquire.add_matchspy(&collector);
        enquire.get_mset(0, 0, db_.get_doccount());
        Bits bits = empty();
        for (uint32_t did : collector.docids)
            if ((did >> 6) < bits.size()) set(bits, did);
        return bits;
    }
};

}  // namespace

extern "C" int kx_match_all_docids(kx_db *db, const kx_query *q, uint32_t **docids, size_t *count, kx_error *err) {
    *docids = nullptr;
    *count = 0;
    KX_GUARD(err, 0, {
        Evaluator evaluator(*db);
        Bits bits = evaluator.eval(q->q);
        size_t n = Evaluator::count(bits);
        uint32_t *out = static_cast<uint32_t *>(std::malloc((n ? n : 1) * sizeof(uint32_t)));
        if (!out) throw std::bad_alloc();
        size_t k = 0;
        for (size_t w = 0; w < bits.size(); ++w) {
            uint64_t word = bits[w];
            while (word) {
                out[k++] = static_cast<uint32_t>((w << 6) | static_cast<unsigned>(__builtin_ctzll(word)));
                word &= word - 1;
            }
        }
        *docids = out;
        *count = n;
        return 1;
    })
}
