// One place classifies every exception (the "Lippincott function" pattern of Xapian's own bindings).
#include "Internal.hpp"
#include <new>

static void fill(kx_error *err, int code, const std::string &message) noexcept {
    err->code = code;
    size_t n = message.size() < sizeof(err->message) - 1 ? message.size() : sizeof(err->message) - 1;
    std::memcpy(err->message, message.data(), n);
    err->message[n] = 0;
}

void kx_capture_error(kx_error *err) noexcept {
    if (!err) return;
    try {
        try {
            throw;
        } catch (const Xapian::DatabaseLockError &e) {
            fill(err, KX_DATABASE_LOCK, e.get_description());
        } catch (const Xapian::DatabaseModifiedError &e) {
            fill(err, KX_DATABASE_MODIFIED, e.get_description());
        } catch (const Xapian::DatabaseOpeningError &e) {
            fill(err, KX_DATABASE_OPENING, e.get_description());
        } catch (const Xapian::DatabaseCorruptError &e) {
            fill(err, KX_DATABASE_CORRUPT, e.get_description());
        } catch (const Xapian::QueryParserError &e) {
            fill(err, KX_QUERY_PARSER, e.get_msg());
        } catch (const Xapian::InvalidArgumentError &e) {
            fill(err, KX_INVALID_ARGUMENT, e.get_description());
        } catch (const Xapian::RangeError &e) {
            fill(err, KX_RANGE, e.get_description());
        } catch (const Xapian::Error &e) {
            fill(err, KX_OTHER_XAPIAN, e.get_description());
        } catch (const std::exception &e) {
            fill(err, KX_OTHER, e.what());
        } catch (...) {
            fill(err, KX_OTHER, "unknown C++ exception");
        }
    } catch (...) {
        err->code = KX_OTHER;
        std::strcpy(err->message, "error while describing an error");
    }
}

char *kx_copy(const std::string &s, size_t *len) noexcept {
    char *out = static_cast<char *>(std::malloc(s.size() + 1));
    if (!out) return nullptr;
    std::memcpy(out, s.data(), s.size());
    out[s.size()] = 0;
    if (len) *len = s.size();
    return out;
}

extern "C" void kx_free(void *p) { std::free(p); }
extern "C" const char *kx_version(void) { return Xapian::version_string(); }
