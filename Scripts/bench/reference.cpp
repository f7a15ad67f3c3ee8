// Benchmark reference: what Kennisbank does, written directly against Xapian and libxml2, so
// Scripts/benchmark can show how much the Swift layers (validation, JSON, wrappers) cost on top.
//
//   reference index  XMLDIR DBDIR                       prints {"docs","skipped","seconds","docs_per_s"}
//   reference search DBDIR QUERYFILE [--rounds N] [--filter facet=value]...
//                                                        prints one JSON line per mode: plain, faceted
//
// Index layout mirrors Sources/KennisbankCore/Index/DocumentBuilder.swift and IndexSchema.swift
// (weights, prefixes, value slots, the \x1f separator), so index sizes and postings compare like for like.
// Deliberately left out: RelaxNG and vocabulary validation, the manifest, the three access-level
// databases, JSON stored data (we store the plain text the snippets need).

#include <xapian.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Facet order, prefixes and slots (slot = index + 1) exactly as Facet.swift; slot 0 holds the date.
static const std::vector<std::string> kFacets = {"type", "theme", "audience", "approach", "region", "organisation", "language", "access"};
static const std::vector<std::string> kPrefixes = {"XTYPE:", "XTHEME:", "XAUD:", "XAPP:", "XREG:", "XORG:", "XLANG:", "XACC:"};
static const char kSeparator = '\x1f';
// Searcher.swift's stopwords: without them an AND query would require "van" in every hit.
static const char *kStopwords[] = {"de", "het", "een", "en", "van", "in", "op", "te", "dat", "die", "voor", "met", "aan", "er",
                                   "is", "zijn", "als", "bij", "om", "of", "the", "a", "an", "and", "to", "for", "on", "with"};

static double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// ---------------------------------------------------------------- XML helpers (libxml2 tree API)

static std::vector<xmlNode *> children(xmlNode *node, const char *name) {
    std::vector<xmlNode *> out;
    if (!node) return out;
    for (xmlNode *c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (!name || std::strcmp(reinterpret_cast<const char *>(c->name), name) == 0)) out.push_back(c);
    return out;
}

static xmlNode *child(xmlNode *node, const char *name) {
    auto all = children(node, name);
    return all.empty() ? nullptr : all.front();
}

// Element text with runs of whitespace collapsed, like RecordReader.clean.
static std::string text(xmlNode *node) {
    if (!node) return "";
    xmlChar *raw = xmlNodeGetContent(node);
    std::string out;
    bool space = false;
    for (const xmlChar *p = raw; p && *p; ++p) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') { space = !out.empty(); continue; }
        if (space) { out += ' '; space = false; }
        out += static_cast<char>(*p);
    }
    xmlFree(raw);
    return out;
}

static std::string attribute(xmlNode *node, const char *name) {
    xmlChar *raw = node ? xmlGetProp(node, reinterpret_cast<const xmlChar *>(name)) : nullptr;
    std::string out = raw ? reinterpret_cast<const char *>(raw) : "";
    if (raw) xmlFree(raw);
    return out;
}

static std::string join(const std::vector<std::string> &parts, const std::string &sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

// ---------------------------------------------------------------- index

static int run_index(const std::string &xml_dir, const std::string &db_dir) {
    auto start = Clock::now();
    std::vector<fs::path> paths;
    for (auto &entry : fs::recursive_directory_iterator(xml_dir))
        if (entry.is_regular_file() && entry.path().extension() == ".xml") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());  // same order as CollectionIndexer, so docids line up

    Xapian::WritableDatabase db(db_dir, Xapian::DB_CREATE_OR_OPEN);  // default flush threshold
    Xapian::TermGenerator generator;
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    const Xapian::Stem dutch("dutch"), english("english");
    size_t indexed = 0, skipped = 0;

    for (const auto &path : paths) {
        xmlDoc *xml = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
        xmlNode *root = xml ? xmlDocGetRootElement(xml) : nullptr;
        if (!root) { ++skipped; if (xml) xmlFreeDoc(xml); continue; }

        const std::string id = attribute(root, "id"), language = attribute(root, "language");
        Xapian::Document doc;
        generator.set_document(doc);
        generator.set_stemmer(language == "en" ? english : dutch);
        // Field by field as DocumentBuilder.build, with a position gap after each field.
        auto index = [&](const std::string &value, Xapian::termcount weight = 1, const std::string &prefix = "") {
            if (value.empty()) return;
            generator.index_text(value, weight, prefix);
            generator.increase_termpos();
        };
        const std::string title = text(child(root, "title")), summary = text(child(root, "summary"));
        index(title, 3);
        index(title, 1, "S");
        index(summary, 2);
        std::vector<std::string> organisations, authors, themes, audiences, approaches;
        for (xmlNode *o : children(child(root, "organisations"), "organisation")) organisations.push_back(text(o));
        for (xmlNode *a : children(child(root, "authors"), "author")) authors.push_back(text(a));
        for (xmlNode *t : children(child(root, "themes"), "theme")) themes.push_back(text(t));
        for (xmlNode *a : children(child(root, "audiences"), "audience")) audiences.push_back(text(a));
        for (xmlNode *a : children(child(root, "approaches"), "approach")) approaches.push_back(text(a));
        for (const auto &o : organisations) { index(o); index(o, 1, "O"); }
        for (const auto &a : authors) index(a, 1, "A");
        if (xmlNode *practice = child(root, "practice"))
            index(text(child(practice, "runBy")) + "\n" + text(child(practice, "location")));
        if (xmlNode *method = child(root, "workingMethod")) {
            std::vector<std::string> parts;
            for (const char *name : {"recruitmentChannel", "exploitationSetting"})
                for (xmlNode *n : children(method, name)) parts.push_back(text(n));
            parts.push_back(text(child(method, "groupContext")));
            for (xmlNode *n : children(method, "controlMethod")) parts.push_back(text(n));
            index(join(parts, "\n"));
        }
        std::vector<std::string> body;  // Kennisbank's bodyText: what the snippets are cut from
        for (xmlNode *section : children(child(root, "body"), "section")) {
            if (xmlNode *heading = child(section, "heading")) { index(text(heading), 2); body.push_back(text(heading)); }
            for (xmlNode *part : children(section, nullptr)) {
                std::string paragraph;
                if (std::strcmp(reinterpret_cast<const char *>(part->name), "p") == 0) paragraph = text(part);
                else if (std::strcmp(reinterpret_cast<const char *>(part->name), "list") == 0) {
                    std::vector<std::string> items;
                    for (xmlNode *item : children(part, "item")) items.push_back("• " + text(item));
                    paragraph = join(items, "\n");
                } else continue;
                index(paragraph);
                body.push_back(paragraph);
            }
        }

        // Facets: a boolean term per value, and all values of a facet in its slot for counting.
        xmlNode *region = child(root, "region");
        std::vector<std::string> regions = {attribute(region, "scope")};
        if (!attribute(region, "municipality").empty()) regions.push_back(attribute(region, "municipality"));
        const std::vector<std::vector<std::string>> values = {
            {attribute(root, "type")}, themes, audiences, approaches, regions, organisations, {language}, {attribute(root, "access")}};
        doc.add_boolean_term("Q" + id);
        for (size_t f = 0; f < kFacets.size(); ++f) {
            for (const auto &v : values[f]) doc.add_boolean_term(kPrefixes[f] + v);
            doc.add_value(f + 1, join(values[f], std::string(1, kSeparator)));
        }
        doc.add_value(0, text(child(root, "published")));
        doc.set_data(id + "\n" + summary + "\n" + join(body, "\n\n"));
        db.replace_document("Q" + id, doc);  // as IndexWriter.put: replace by unique id term
        ++indexed;
        xmlFreeDoc(xml);
    }
    db.commit();
    double seconds = ms_since(start) / 1000;
    std::printf("{\"docs\": %zu, \"skipped\": %zu, \"seconds\": %.3f, \"docs_per_s\": %.1f}\n", indexed, skipped, seconds,
                indexed / seconds);
    return skipped ? 1 : 0;
}

// ---------------------------------------------------------------- search

struct Latencies {
    std::vector<double> ms;
    void print(const char *mode) {
        std::sort(ms.begin(), ms.end());
        // Same percentile rule as BenchmarkSearch.swift, so the columns are comparable.
        auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<size_t>(ms.size() * p))]; };
        double sum = 0;
        for (double m : ms) sum += m;
        std::printf("{\"mode\": \"%s\", \"queries\": %zu, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"mean_ms\": %.3f}\n", mode,
                    ms.size(), pct(0.5), pct(0.99), sum / ms.size());
    }
};

struct Searcher {
    Xapian::Database db;
    Xapian::QueryParser parser;
    Xapian::SimpleStopper stopper;
    Xapian::doccount doccount;
    std::map<size_t, std::vector<std::string>> filters;  // facet index -> selected values
    size_t sink = 0;                                      // keeps the optimiser from dropping work

    explicit Searcher(const std::string &path) : db(path), doccount(db.get_doccount()) {
        for (const char *w : kStopwords) stopper.add(w);
        parser.set_database(db);
        parser.set_stemmer(Xapian::Stem("dutch"));
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser.set_stopper(&stopper);
        parser.set_default_op(Xapian::Query::OP_AND);
    }

    Xapian::Query parse(const std::string &text) {
        return parser.parse_query(text, Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
                                            Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                                            Xapian::QueryParser::FLAG_PURE_NOT);
    }

    // OR within a facet, AND across facets; `except` leaves one facet out (for its disjunctive counts).
    Xapian::Query with_filters(const Xapian::Query &query, size_t except = SIZE_MAX) {
        std::vector<Xapian::Query> clauses;
        for (const auto &[facet, values] : filters) {
            if (facet == except) continue;
            std::vector<Xapian::Query> terms;
            for (const auto &v : values) terms.emplace_back(kPrefixes[facet] + v);
            clauses.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
        }
        if (clauses.empty()) return query;
        return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_AND, clauses.begin(), clauses.end()));
    }

    // A results page: top 10 by relevance, each with a 300-character snippet of its stored text.
    void snippets(const Xapian::MSet &mset) {
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            std::string data = it.get_document().get_data();
            std::string body = data.substr(data.find('\n') + 1);
            Xapian::Stem stem(it.get_document().get_value(7) == "en" ? "english" : "dutch");
            sink += mset.snippet(body, 300, stem, Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                 "<mark>", "</mark>", "…").size();
        }
    }

    void plain(const std::string &text) {
        Xapian::Enquire enquire(db);
        enquire.set_query(with_filters(parse(text)));
        snippets(enquire.get_mset(0, 10));
    }

    // The same page plus exact counts per facet value over all matches. With filters the counts are
    // disjunctive, like Kennisbank's: a filtered facet is counted with every filter except its own.
    std::vector<std::map<std::string, Xapian::doccount>> faceted(const std::string &text, Xapian::doccount *total = nullptr) {
        Xapian::Query query = parse(text);
        std::vector<std::map<std::string, Xapian::doccount>> counts(kFacets.size());
        auto add = [&](Xapian::ValueCountMatchSpy &spy, size_t facet) {
            for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
                const std::string joined = *v;  // several values of one document share a slot
                size_t from = 0;
                while (from <= joined.size()) {
                    size_t to = joined.find(kSeparator, from);
                    if (to == std::string::npos) to = joined.size();
                    if (to > from) counts[facet][joined.substr(from, to - from)] += v.get_termfreq();
                    from = to + 1;
                }
            }
        };
        Xapian::Enquire enquire(db);
        enquire.set_query(with_filters(query));
        std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies(kFacets.size());
        for (size_t f = 0; f < kFacets.size(); ++f) {
            if (filters.count(f)) continue;
            spies[f] = std::make_unique<Xapian::ValueCountMatchSpy>(f + 1);
            enquire.add_matchspy(spies[f].get());
        }
        Xapian::MSet page = enquire.get_mset(0, 10, doccount);  // check_at_least = doccount: see every match
        if (total) *total = page.get_matches_estimated();
        for (size_t f = 0; f < kFacets.size(); ++f)
            if (spies[f]) add(*spies[f], f);
        for (const auto &entry : filters) {  // one extra counting pass per filtered facet
            Xapian::Enquire other(db);
            other.set_query(with_filters(query, entry.first));
            Xapian::ValueCountMatchSpy spy(entry.first + 1);
            other.add_matchspy(&spy);
            other.get_mset(0, 0, doccount);
            add(spy, entry.first);
        }
        snippets(page);
        return counts;
    }
};

static int run_search(int argc, char **argv) {
    const std::string db_path = argv[2], query_path = argv[3];
    int rounds = 3;
    bool show = false;
    Searcher searcher(db_path);
    for (int i = 4; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
        else if (arg == "--show") show = true;
        else if (arg == "--filter" && i + 1 < argc) {
            std::string spec = argv[++i];
            size_t eq = spec.find('=');
            auto facet = std::find(kFacets.begin(), kFacets.end(), spec.substr(0, eq));
            if (eq == std::string::npos || facet == kFacets.end()) { std::fprintf(stderr, "bad filter %s\n", spec.c_str()); return 2; }
            searcher.filters[facet - kFacets.begin()].push_back(spec.substr(eq + 1));
        } else { std::fprintf(stderr, "unknown option %s\n", arg.c_str()); return 2; }
    }
    std::vector<std::string> queries;
    std::ifstream in(query_path);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) queries.push_back(line);

    if (show) {  // for checking the two implementations agree: matches and the biggest type counts
        for (const auto &q : queries) {
            Xapian::doccount total = 0;
            auto counts = searcher.faceted(q, &total);
            std::printf("%s\t%u\ttype:", q.c_str(), total);
            for (const auto &[value, n] : counts[0]) std::printf(" %s=%u", value.c_str(), n);
            std::printf("\n");
        }
        return 0;
    }

    // Warm-up pass (as BenchmarkSearch.swift), then `rounds` timed passes per mode.
    for (const auto &q : queries) searcher.faceted(q);
    Latencies plain, faceted;
    for (int r = 0; r < rounds; ++r) {
        for (const auto &q : queries) {
            auto start = Clock::now();
            searcher.plain(q);
            plain.ms.push_back(ms_since(start));
        }
        for (const auto &q : queries) {
            auto start = Clock::now();
            searcher.faceted(q);
            faceted.ms.push_back(ms_since(start));
        }
    }
    plain.print("plain");
    faceted.print("faceted");
    return 0;
}

int main(int argc, char **argv) {
    try {
        if (argc == 4 && std::string(argv[1]) == "index") return run_index(argv[2], argv[3]);
        if (argc >= 4 && std::string(argv[1]) == "search") return run_search(argc, argv);
    } catch (const Xapian::Error &e) {
        std::fprintf(stderr, "xapian error: %s\n", e.get_description().c_str());
        return 2;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 2;
    }
    std::fprintf(stderr,
                 "usage: reference index XMLDIR DBDIR\n"
                 "       reference search DBDIR QUERYFILE [--rounds N] [--filter facet=value]... [--show]\n");
    return 2;
}
