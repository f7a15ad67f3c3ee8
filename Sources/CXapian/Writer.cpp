// Building documents and writing them to a database.
#include "Internal.hpp"

extern "C" kx_writer *kx_writer_open(const char *path, kx_error *err) {
    KX_GUARD(err, nullptr, {
        return new kx_writer{Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN)};
    })
}

extern "C" kx_writer *kx_writer_create_scratch(const char *path, kx_error *err) {
    KX_GUARD(err, nullptr, {
        return new kx_writer{Xapian::WritableDatabase(path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC)};
    })
}

extern "C" void kx_writer_close(kx_writer *w) {
    if (!w) return;
    try { w->db.close(); } catch (...) {}
    try { delete w; } catch (...) {}
}

extern "C" int kx_writer_replace(kx_writer *w, const char *unique_term, kx_doc *doc, kx_error *err) {
    KX_GUARD(err, 0, {
        w->db.replace_document(unique_term, doc->doc);
        return 1;
    })
}

extern "C" int kx_writer_delete(kx_writer *w, const char *unique_term, kx_error *err) {
    KX_GUARD(err, 0, {
        w->db.delete_document(unique_term);
        return 1;
    })
}

extern "C" int kx_writer_add(kx_writer *w, kx_doc *doc, kx_error *err) {
    KX_GUARD(err, 0, {
        w->db.add_document(doc->doc);
        return 1;
    })
}

extern "C" int kx_compact(const char *const *sources, size_t count, const char *dest, kx_error *err) {
    KX_GUARD(err, 0, {
        Xapian::Database merged;
        for (size_t i = 0; i < count; ++i) merged.add_database(Xapian::Database(sources[i]));
        merged.compact(dest);
        return 1;
    })
}

extern "C" int kx_writer_commit(kx_writer *w, kx_error *err) {
    KX_GUARD(err, 0, {
        w->db.commit();
        return 1;
    })
}

extern "C" int kx_writer_set_metadata(kx_writer *w, const char *key, const char *value, size_t len, kx_error *err) {
    KX_GUARD(err, 0, {
        w->db.set_metadata(key, std::string(value, len));
        return 1;
    })
}

extern "C" int kx_writer_add_spelling(kx_writer *w, const char *word, unsigned freq, kx_error *err) {
    KX_GUARD(err, 0, {
        w->db.add_spelling(word, freq);
        return 1;
    })
}

extern "C" int kx_writer_clear_synonyms(kx_writer *w, kx_error *err) {
    KX_GUARD(err, 0, {
        for (auto it = w->db.synonym_keys_begin(); it != w->db.synonym_keys_end(); ++it) {
            w->db.clear_synonyms(*it);
        }
        return 1;
    })
}

extern "C" int kx_writer_add_synonym(kx_writer *w, const char *term, const char *synonym, kx_error *err) {
    KX_GUARD(err, 0, {
        w->db.add_synonym(term, synonym);
        return 1;
    })
}

extern "C" kx_doc *kx_doc_new(void) {
    try { return new kx_doc(); } catch (...) { return nullptr; }
}

extern "C" void kx_doc_free(kx_doc *d) {
    try { delete d; } catch (...) {}
}

extern "C" int kx_doc_index_text(kx_doc *d, const char *text, size_t len, const char *language,
                                 unsigned wdf_inc, const char *prefix, kx_error *err) {
    KX_GUARD(err, 0, {
        std::string lang = language ? language : "none";
        auto it = d->stemmers.find(lang);
        if (it == d->stemmers.end()) it = d->stemmers.emplace(lang, kx_make_stem(language)).first;
        d->generator.set_stemmer(it->second);
        d->generator.index_text(std::string(text, len), wdf_inc, prefix ? prefix : "");
        return 1;
    })
}

extern "C" void kx_doc_increase_termpos(kx_doc *d, unsigned delta) {
    try { d->generator.increase_termpos(delta); } catch (...) {}
}

extern "C" int kx_doc_add_terms(kx_doc *d, const char *terms, size_t terms_len, const uint32_t *positions,
                                const uint32_t *wdfs, size_t count, kx_error *err) {
    KX_GUARD(err, 0, {
        const char *cursor = terms;
        const char *end = terms + terms_len;
        for (size_t i = 0; i < count && cursor < end; ++i) {
            size_t len = std::strlen(cursor);
            std::string term(cursor, len);
            cursor += len + 1;
            if (term.empty() || term.size() > 240) continue;  // Xapian's term length limit is 245 bytes
            if (positions && positions[i]) d->doc.add_posting(term, positions[i], wdfs[i]);
            else d->doc.add_term(term, wdfs[i]);
        }
        return 1;
    })
}

extern "C" void kx_doc_add_boolean_term(kx_doc *d, const char *term) {
    try { d->doc.add_boolean_term(term); } catch (...) {}
}

extern "C" void kx_doc_set_value(kx_doc *d, unsigned slot, const char *value, size_t len) {
    try { d->doc.add_value(slot, std::string(value, len)); } catch (...) {}
}

extern "C" void kx_doc_set_data(kx_doc *d, const char *data, size_t len) {
    try { d->doc.set_data(std::string(data, len)); } catch (...) {}
}
