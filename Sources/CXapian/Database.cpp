// Read-only access to one or more databases searched as one.
#include "Internal.hpp"

extern "C" kx_db *kx_db_open(const char *const *paths, size_t count, kx_error *err) {
    KX_GUARD(err, nullptr, {
        Xapian::Database db;
        for (size_t i = 0; i < count; ++i) db.add_database(Xapian::Database(paths[i]));
        return new kx_db{db};
    })
}

extern "C" void kx_db_close(kx_db *db) {
    try { delete db; } catch (...) {}
}

extern "C" int kx_db_reopen(kx_db *db, kx_error *err) {
    KX_GUARD(err, -1, {
        bool changed = db->db.reopen();
        if (changed) db->facet_bits.clear();
        return changed ? 1 : 0;
    })
}

extern "C" uint64_t kx_db_revision(kx_db *db) {
    // Only a single database has a revision; a combined one (or an error) reports 0, "unknown".
    try { return db->db.get_revision(); } catch (...) { return 0; }
}

extern "C" uint32_t kx_db_doccount(kx_db *db) {
    try { return db->db.get_doccount(); } catch (...) { return 0; }
}

extern "C" uint32_t kx_db_lastdocid(kx_db *db) {
    try { return db->db.get_lastdocid(); } catch (...) { return 0; }
}

extern "C" uint32_t kx_db_find_unique(kx_db *db, const char *unique_term, kx_error *err) {
    KX_GUARD(err, 0, {
        Xapian::PostingIterator it = db->db.postlist_begin(unique_term);
        if (it == db->db.postlist_end(unique_term)) return 0;
        return *it;
    })
}

extern "C" char *kx_db_document_data(kx_db *db, uint32_t docid, size_t *len, kx_error *err) {
    KX_GUARD(err, nullptr, { return kx_copy(db->db.get_document(docid).get_data(), len); })
}

extern "C" char *kx_db_get_metadata(kx_db *db, const char *key, size_t *len, kx_error *err) {
    KX_GUARD(err, nullptr, { return kx_copy(db->db.get_metadata(key), len); })
}

extern "C" int kx_db_visit_values(kx_db *db, unsigned slot, kx_value_visitor visit, void *context, kx_error *err) {
    KX_GUARD(err, 0, {
        for (auto it = db->db.valuestream_begin(slot); it != db->db.valuestream_end(slot); ++it) {
            const std::string &v = *it;
            visit(context, it.get_docid(), v.data(), v.size());
        }
        return 1;
    })
}

extern "C" int kx_db_visit_terms(kx_db *db, const char *prefix, kx_term_visitor visit, void *context, kx_error *err) {
    KX_GUARD(err, 0, {
        for (auto it = db->db.allterms_begin(prefix); it != db->db.allterms_end(prefix); ++it) {
            const std::string &t = *it;
            visit(context, t.data(), t.size(), it.get_termfreq());
        }
        return 1;
    })
}

extern "C" char *kx_db_spelling_suggestion(kx_db *db, const char *word, unsigned max_edit_distance, kx_error *err) {
    KX_GUARD(err, nullptr, {
        std::string s = db->db.get_spelling_suggestion(word, max_edit_distance);
        if (s.empty()) return nullptr;
        return kx_copy(s);
    })
}

extern "C" unsigned kx_db_spelling_frequency(kx_db *db, const char *word, kx_error *err) {
    KX_GUARD(err, 0, {
        // Xapian 1.4 has no direct lookup: skip the (sorted) spelling list to the word.
        Xapian::TermIterator it = db->db.spellings_begin();
        it.skip_to(word);
        if (it == db->db.spellings_end() || *it != word) return 0u;
        return static_cast<unsigned>(it.get_termfreq());
    })
}

extern "C" int kx_db_visit_synonyms(kx_db *db, const char *key, kx_term_visitor visit, void *context, kx_error *err) {
    KX_GUARD(err, 0, {
        for (auto it = db->db.synonyms_begin(key); it != db->db.synonyms_end(key); ++it) {
            const std::string &t = *it;
            visit(context, t.data(), t.size(), 0);
        }
        return 1;
    })
}
