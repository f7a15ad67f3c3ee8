/*
 * CXapian: the only door from Swift into Xapian (C++).
 *
 * Plain C: opaque handles, error out-parameters, no C++ types. Every function
 * body in the .cpp files runs inside one try/catch-all, so no C++ exception
 * ever unwinds into Swift. Strings returned as `char *` are malloc'd and must be
 * released with kx_free(). Functions that can fail return 0 / NULL and fill
 * `kx_error` (code names the Xapian error class, message is its description).
 */
#ifndef CXAPIAN_H
#define CXAPIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kx_error_code {
    KX_OK = 0,
    KX_DATABASE_LOCK = 1,      /* another writer holds the lock */
    KX_DATABASE_OPENING = 2,   /* missing or not a Xapian database */
    KX_DATABASE_CORRUPT = 3,
    KX_DATABASE_MODIFIED = 4,  /* reader outdated: reopen and retry */
    KX_QUERY_PARSER = 5,       /* malformed query syntax */
    KX_INVALID_ARGUMENT = 6,
    KX_RANGE = 7,
    KX_OTHER_XAPIAN = 8,
    KX_OTHER = 9               /* std::exception or unknown */
} kx_error_code;

typedef struct kx_error {
    int code;
    char message[512];
} kx_error;

typedef struct kx_writer kx_writer;
typedef struct kx_doc kx_doc;
typedef struct kx_db kx_db;
typedef struct kx_query kx_query;
typedef struct kx_mset kx_mset;

void kx_free(void *p);
const char *kx_version(void);

/* ---- Writing ---------------------------------------------------------- */

/* Opens (creating if needed) a writable database at path. */
kx_writer *kx_writer_open(const char *path, kx_error *err);
/* A brand-new scratch database without fsync on commit (DB_NO_SYNC): only for databases that are
   merged into a synced one before anything reads them. Fails if path already holds a database. */
kx_writer *kx_writer_create_scratch(const char *path, kx_error *err);
/* Closes, discarding uncommitted changes. */
void kx_writer_close(kx_writer *w);
int kx_writer_replace(kx_writer *w, const char *unique_term, kx_doc *doc, kx_error *err);
int kx_writer_delete(kx_writer *w, const char *unique_term, kx_error *err);
/* Adds a new document without looking for one to replace (bulk loads where every id is new). */
int kx_writer_add(kx_writer *w, kx_doc *doc, kx_error *err);
/* Merges the databases at sources (in that order; document ids renumbered consecutively) into a new,
   compacted database at dest, which is synced to disk before this returns. */
int kx_compact(const char *const *sources, size_t count, const char *dest, kx_error *err);
int kx_writer_commit(kx_writer *w, kx_error *err);
int kx_writer_set_metadata(kx_writer *w, const char *key, const char *value, size_t len, kx_error *err);
/* Adds words to the spelling dictionary of this database. */
int kx_writer_add_spelling(kx_writer *w, const char *word, unsigned freq, kx_error *err);
int kx_writer_clear_synonyms(kx_writer *w, kx_error *err);
int kx_writer_add_synonym(kx_writer *w, const char *term, const char *synonym, kx_error *err);

kx_doc *kx_doc_new(void);
void kx_doc_free(kx_doc *d);
/* Tokenises text with Xapian's TermGenerator: positional terms plus stemmed
 * (Z-prefixed) terms for the given language ("dutch", "english", "none"). */
int kx_doc_index_text(kx_doc *d, const char *text, size_t len, const char *language,
                      unsigned wdf_inc, const char *prefix, kx_error *err);
/* Leaves a gap in term positions so phrases do not match across fields. */
void kx_doc_increase_termpos(kx_doc *d, unsigned delta);
/* Adds pre-analysed terms in one call: `terms` holds `count` NUL-terminated terms back to back.
 * `positions` may be NULL (no positions); otherwise a position of 0 means "no position". */
int kx_doc_add_terms(kx_doc *d, const char *terms, size_t terms_len, const uint32_t *positions,
                     const uint32_t *wdfs, size_t count, kx_error *err);
void kx_doc_add_boolean_term(kx_doc *d, const char *term);
void kx_doc_set_value(kx_doc *d, unsigned slot, const char *value, size_t len);
void kx_doc_set_data(kx_doc *d, const char *data, size_t len);

/* ---- Reading ---------------------------------------------------------- */

/* Opens the given databases as one (Xapian searches shards as a single db). */
kx_db *kx_db_open(const char *const *paths, size_t count, kx_error *err);
void kx_db_close(kx_db *db);
/* Reopens to the latest committed revision; returns 1 if it changed, 0 if not, -1 on error. */
int kx_db_reopen(kx_db *db, kx_error *err);
/* The committed revision of a single database; 0 for a combined one or on error. */
uint64_t kx_db_revision(kx_db *db);
uint32_t kx_db_doccount(kx_db *db);
uint32_t kx_db_lastdocid(kx_db *db);
/* Finds the document holding a unique (boolean) term; 0 if none. */
uint32_t kx_db_find_unique(kx_db *db, const char *unique_term, kx_error *err);
/* Document data for a docid; NULL with err->code != 0 when absent. */
char *kx_db_document_data(kx_db *db, uint32_t docid, size_t *len, kx_error *err);
char *kx_db_get_metadata(kx_db *db, const char *key, size_t *len, kx_error *err);
/* Calls `visit` for every document that has a value in `slot`, in docid order. */
typedef void (*kx_value_visitor)(void *context, uint32_t docid, const char *value, size_t len);
int kx_db_visit_values(kx_db *db, unsigned slot, kx_value_visitor visit, void *context, kx_error *err);
/* Calls `visit` with every term that starts with prefix (for facet value lists). */
typedef void (*kx_term_visitor)(void *context, const char *term, size_t len, uint32_t termfreq);
int kx_db_visit_terms(kx_db *db, const char *prefix, kx_term_visitor visit, void *context, kx_error *err);
/* Best spelling correction for a word from this db's dictionary, or NULL. */
char *kx_db_spelling_suggestion(kx_db *db, const char *word, unsigned max_edit_distance, kx_error *err);
/* How often a word occurs in this db's spelling dictionary (0: not there). */
unsigned kx_db_spelling_frequency(kx_db *db, const char *word, kx_error *err);

/* ---- Stemming --------------------------------------------------------- */

/* A stemmer supplied by the caller: writes the stem of word into out (at most cap bytes) and
 * returns its length. Used by the query parser and snippets so they analyse words exactly as
 * the indexer did. Must not fail; must be callable from the thread that runs the search. */
typedef size_t (*kx_stem_fn)(void *context, const char *word, size_t len, char *out, size_t cap);

typedef struct kx_stemmer kx_stemmer;
/* One of Xapian's Snowball stemmers by name ("dutch", "kraaij_pohlmann", "english"). */
kx_stemmer *kx_stemmer_new(const char *language, kx_error *err);
void kx_stemmer_free(kx_stemmer *s);
/* Stems word into out; returns the stem's length (truncated to cap). */
size_t kx_stemmer_stem(kx_stemmer *s, const char *word, size_t len, char *out, size_t cap);

/* Every synonym stored for key, in this db's synonym table. */
int kx_db_visit_synonyms(kx_db *db, const char *key, kx_term_visitor visit, void *context, kx_error *err);

/* ---- Queries ---------------------------------------------------------- */

enum {
    KX_OP_AND = 0, KX_OP_OR = 1, KX_OP_AND_NOT = 2, KX_OP_FILTER = 3,
    KX_OP_AND_MAYBE = 4, KX_OP_SYNONYM = 5, KX_OP_PHRASE = 6
};

/* Query-parser flags, mirroring Xapian::QueryParser::FLAG_*. */
enum {
    KX_QP_BOOLEAN = 1, KX_QP_PHRASE = 2, KX_QP_LOVEHATE = 4, KX_QP_BOOLEAN_ANY_CASE = 8,
    KX_QP_WILDCARD = 16, KX_QP_PURE_NOT = 32, KX_QP_SYNONYM = 64, KX_QP_AUTO_SYNONYMS = 128,
    KX_QP_SPELLING = 256
};

typedef struct kx_prefix_map {
    const char *field;   /* as typed by a user, e.g. "titel" */
    const char *prefix;  /* term prefix, e.g. "S" */
    int boolean;         /* 1: filter prefix (exact term), 0: free-text prefix */
} kx_prefix_map;

/* Parses user query text. `corrected` (may be NULL) receives the spelling-corrected
 * query string when KX_QP_SPELLING is set and a correction exists (else NULL). */
/* `stem`/`stem_context` (may be NULL) override `language` with the caller's analyser. */
kx_query *kx_query_parse(kx_db *db, const char *text, const char *language, kx_stem_fn stem, void *stem_context,
                         unsigned flags,
                         int default_op_and, const kx_prefix_map *prefixes, size_t prefix_count,
                         const char *const *stopwords, size_t stopword_count,
                         unsigned max_wildcard_expansion, char **corrected, kx_error *err);
kx_query *kx_query_term(const char *term, unsigned wqf);
kx_query *kx_query_match_all(void);
kx_query *kx_query_match_nothing(void);
/* Documents whose value in slot lies in [lo, hi] (string comparison; NULL = open end). */
kx_query *kx_query_value_range(unsigned slot, const char *lo, const char *hi);
kx_query *kx_query_combine(int op, kx_query *const *subqueries, size_t count);
/* Scales the weight of a query (e.g. to down-weight expansions). */
kx_query *kx_query_scale(kx_query *q, double factor);
/// `q` with every leaf term `terms[i]` replaced by `replacements[i]` (the terms are placeholders the
/// parser saw as words). Only AND/OR/AND_NOT/XOR/AND_MAYBE/FILTER nodes are rebuilt; NULL on error.
kx_query *kx_query_substitute(const kx_query *q, const char *const *terms, kx_query *const *replacements, size_t count);
/* Scales each term by 1 + its residual IDF in `db` (a phrase by its words' mean): words that cluster in few
 * documents weigh more than words spread like chance. `queries` are readings of one text (one per language,
 * parsed alike): each word's factor pools the statistics of its terms in all of them. `as_one`: one factor
 * for everything, pooled over all terms (the readings of one concept). Wildcards, synonyms and ranges are left
 * as they are. Fills out[0..count) with new queries; returns 0 on error. */
int kx_query_scale_by_residual_idf(kx_query *const *queries, size_t count, kx_db *db, int as_one, kx_query **out,
                                   kx_error *err);
int kx_query_is_empty(const kx_query *q);
char *kx_query_describe(const kx_query *q);
/* Calls `visit` with each distinct term of the query (after wildcard expansion in mset). */
int kx_query_visit_terms(const kx_query *q, kx_term_visitor visit, void *context);
void kx_query_free(kx_query *q);

/* ---- Searching -------------------------------------------------------- */

typedef struct kx_search_options {
    uint32_t offset;
    uint32_t limit;
    int sort_value_slot;   /* -1 for relevance */
    int sort_descending;   /* when sorting by value */
    double bm25_k1, bm25_k2, bm25_k3, bm25_b, bm25_min_normlen; /* k1 < 0: Xapian defaults */
    uint32_t check_at_least;
    /* Weighting scheme: 0 BM25 (above), 1 BM25+ (delta = parameter), 2 language model with Dirichlet
     * smoothing (mu = parameter), 3 DPH (parameter-free), 4 PL2 (c = parameter). */
    int scheme;
    double scheme_parameter;
} kx_search_options;

kx_mset *kx_search(kx_db *db, const kx_query *q, const kx_search_options *options, kx_error *err);
void kx_mset_free(kx_mset *m);
uint32_t kx_mset_size(const kx_mset *m);
uint32_t kx_mset_estimated(const kx_mset *m);
uint32_t kx_mset_docid(const kx_mset *m, uint32_t index);
double kx_mset_weight(const kx_mset *m, uint32_t index);
char *kx_mset_document_data(const kx_mset *m, uint32_t index, size_t *len, kx_error *err);
/* Highlighted, HTML-escaped extract of `text` around the query's matches, using
 * `start`/`end` as highlight markers. Empty string when nothing matches and
 * `empty_without_match` is set. A `stem` callback's answers are remembered in the MSet per
 * `language`: pass the same stemmer with the same language name for all snippets of one MSet. */
char *kx_mset_snippet(const kx_mset *m, const char *text, size_t len, size_t length,
                      const char *language, kx_stem_fn stem, void *stem_context, const char *start, const char *end,
                      int empty_without_match, kx_error *err);
/* Fills the MSet's snippet cache for `words` (distinct lowercase ASCII words, sorted, space-separated)
 * before snippets of that `length` with that stemmer: the same snippets, with the frequency lookups
 * in sorted order. Returns 1 when primed, 0 when skipped (then snippets simply look words up themselves). */
int kx_mset_prime_snippets(const kx_mset *m, const char *words, size_t len, size_t length, const char *language,
                           kx_stem_fn stem, void *stem_context, kx_error *err);
/* Terms for relevance feedback ("more like these"): the top `count` expand terms
 * from the given documents, excluding `exclude_prefix`-less noise. */
int kx_db_expand(kx_db *db, const uint32_t *docids, size_t docid_count, uint32_t count,
                 kx_term_visitor visit, void *context, kx_error *err);

/* Every docid matching q, unranked (for exact facet counts). For a db opened on one database
 * only: the docids are that database's own. Caller frees *docids. */
int kx_match_all_docids(kx_db *db, const kx_query *q, uint32_t **docids, size_t *count, kx_error *err);

#ifdef __cplusplus
}
#endif
#endif
