import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import HummingbirdTesting
import KennisbankCore
@testable import KennisbankServer
import Testing

/// Exports, saved searches and their Atom feeds, the curators' statistics, and search analytics.
@Suite struct CurationTests {
    /// A collection with one `vertrouwelijk` record about "kikkerland", and tokens for a trainer, a professional
    /// and a curator. Its own index per test, as these tests write (saved searches, analytics, new records).
    struct Setup {
        let fixture: Fixture
        let tokens: [String: String]
        let ids: [String: String]

        static let confidential = Fixture.record(
            id: "vt-kikkerdril", type: "daderprofiel", access: "vertrouwelijk", title: "Kikkerdril: samengesteld profiel",
            summary: "Een samengesteld, fictief profiel over kikkerland.", published: "2012-04-04", organisation: "Politie",
            audiences: ["politie"], themes: ["werkwijze-daders"], sections: [("Werkwijze", nil, "Over kikkerland en ronselen.")])

        init(_ name: String) throws {
            fixture = try Fixture(name: name, documents: Fixture.documents + [("vt-kikkerdril.xml", Self.confidential)])
            let store = TokenStore(location: IndexLocation(fixture.index.path))
            var tokens: [String: String] = [:]
            var ids: [String: String] = [:]
            for (tokenName, role) in [("Trainer Tineke", Role.trainer), ("Prof Pieters", .professional), ("Curator Cees", .curator)] {
                let (record, token) = try store.create(name: tokenName, role: role)
                tokens[tokenName] = token
                ids[tokenName] = record.id
            }
            self.tokens = tokens
            self.ids = ids
        }

        func credential(_ name: String) -> Credential { .bearer(tokens[name]!) }

        var configuration: KennisbankServerConfiguration {
            var configuration = fixture.configuration
            configuration.analyticsWriteDelay = 0
            return configuration
        }

        var location: IndexLocation { IndexLocation(fixture.index.path) }
    }

    static var today: String { Routes.day(Date()) }

    // MARK: - Export

    @Test func exportFollowsTheSearchAndTheCallersRoleAndIsAudited() async throws {
        let access = try AccessFixture(levels: Set(AccessLevel.allCases))
        let app = try await buildApplication(access.configuration())
        try await app.test(.router) { client in
            let trainer = Credential.bearer(access.tokens["Trainer Tineke"]!)
            // Anonymous: the confidential document does not exist, not even in an export.
            let anonymous = try await client.send("/api/export?q=zwopperkast&format=json")
            #expect(anonymous.status == .ok)
            #expect(anonymous.headers[.contentDisposition] == "attachment; filename=\"kennisbank-zwopperkast-\(Self.today).json\"")
            #expect(try ids(ofExport: anonymous).isEmpty)
            #expect(Leaks.found(in: anonymous, role: .anonymous, query: "zwopperkast").isEmpty)

            let start = Date().addingTimeInterval(-1)
            let csv = try await client.send("/api/export?q=zwopperkast&format=csv", as: trainer)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.contains("vt-zwopperkast"))
            let entries = try access.audit.entries(since: start)
            #expect(entries.contains { $0.token == "Trainer Tineke" && $0.document == "vt-zwopperkast" && $0.action == .exported })
            #expect(!entries.contains { $0.action == .exported && $0.token == "anoniem" })

            // Exactly what the same search shows each role, in every format, and nothing of a hidden level.
            for role in Role.allCases {
                let credential: Credential = AccessFixture.tokenName(role).map { .bearer(access.tokens[$0]!) } ?? .anonymous
                for query in ["loverboy", "kwibusdraad", "brimbelgrot OR school", ""] {
                    let encoded = QueryGenerator.encode(query)
                    let search = try await client.send("/api/search?q=\(encoded)&size=100", as: credential)
                    let searched = Set((search.json["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
                    let json = try await client.send("/api/export?q=\(encoded)&format=json", as: credential)
                    #expect(json.status == .ok)
                    #expect(try ids(ofExport: json) == searched, "\(role) \(query)")
                    for format in ["html", "md", "csv", "dc"] {
                        var reply = try await client.send("/api/export?q=\(encoded)&format=\(format)", as: credential)
                        #expect(reply.status == .ok)
                        // The handout and the Markdown name the search as asked: an echo, not a leak.
                        if !query.isEmpty { reply.body = reply.body.replacingOccurrences(of: query, with: "") }
                        let leaks = Leaks.found(in: reply, role: role, query: query)
                        #expect(leaks.isEmpty, "\(role) \(format) \(query): \(leaks)")
                    }
                }
            }

            // Filters, sort and limit are those of search; each format has its type and file extension.
            let reports = try await client.send("/api/export?q=loverboy&type=rapport&format=json", as: trainer)
            let reportTypes = try #require(try JSONSerialization.jsonObject(with: Data(reports.body.utf8)) as? [[String: Any]])
                .map { $0["type"] as? String }
            #expect(!reportTypes.isEmpty)
            #expect(reportTypes.allSatisfy { $0 == "rapport" })
            #expect(try ids(ofExport: try await client.send("/api/export?format=json&limit=1")).count == 1)
            let expected: [(String, String, String)] = [
                ("html", "text/html; charset=utf-8", "Lesmateriaal uit de Kennisbank"), ("md", "text/markdown; charset=utf-8", "# Kennisbank-export"),
                ("csv", "text/csv; charset=utf-8", "id,title,type"), ("json", "application/json", "\"id\""),
                ("dc", "application/xml; charset=utf-8", "<oai_dc:dc>"),
            ]
            for (format, type, marker) in expected {
                let reply = try await client.send("/api/export?q=loverboy&type=rapport&format=\(format)", as: trainer)
                #expect(reply.headers[.contentType] == type, "\(format)")
                #expect(reply.body.contains(marker), "\(format)")
                let ext = format == "dc" ? "xml" : format
                #expect(reply.headers[.contentDisposition] == "attachment; filename=\"kennisbank-loverboy-rapport-\(Self.today).\(ext)\"")
                #expect(reply.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)
            }
            #expect(try await client.send("/api/export").headers[.contentDisposition]
                    == "attachment; filename=\"kennisbank-export-\(Self.today).html\"")
            // The handout names the search in words.
            #expect(try await client.send("/api/export?q=loverboy&type=rapport").body.contains("loverboy; Soort document: Rapport"))

            for (uri, parameter) in [("/api/export?format=pdf", "format"), ("/api/export?type=roman", "type"),
                                     ("/api/export?limit=0", "limit"), ("/api/export?limit=veel", "limit"), ("/api/export?sort=oud", "sort")] {
                let reply = try await client.send(uri)
                #expect(reply.status == .badRequest, "\(uri)")
                #expect((reply.json["error"] as? [String: Any])?["parameter"] as? String == parameter, "\(uri)")
            }
            #expect(try await client.send("/api/export", headers: [.authorization: "Bearer kb_nietgoed"]).status == .unauthorized)

            // The search page offers the export of the search on it, in every format; not when nothing was found.
            let page = try await client.send("/?q=loverboy&type=rapport&page=1")
            for format in ["html", "md", "csv", "json", "dc"] {
                #expect(page.body.contains("href=\"/api/export?q=loverboy&amp;type=rapport&amp;format=\(format)\""), "\(format)")
            }
            #expect(page.body.contains("<h3 id=\"export-kop\">Exporteren</h3>"))
            #expect(!(try await client.send("/?q=xqzwvjkq").body.contains("/api/export")))
        }
    }

    func ids(ofExport reply: Reply) throws -> Set<String> {
        let array = try #require(try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [[String: Any]], "\(reply.body.prefix(200))")
        return Set(array.compactMap { $0["id"] as? String })
    }

    // MARK: - Saved searches and feeds

    @Test func savedSearchFeedShowsNewMatchesThroughTheOwnersCurrentRole() async throws {
        let setup = try Setup("feeds")
        let app = try await buildApplication(setup.configuration)
        try await app.test(.router) { client in
            let trainer = setup.credential("Trainer Tineke")
            let professional = setup.credential("Prof Pieters")
            let json: HTTPFields = [.contentType: "application/json"]

            // Only for signed-in users.
            let refused = try await client.send("/api/saved-searches")
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.wwwAuthenticate] == "Bearer realm=\"kennisbank\"")
            #expect(try await client.send("/api/saved-searches", method: .post, headers: json,
                                          body: #"{"name":"x","query":"q=x"}"#).status == .unauthorized)

            let saved = try await client.send("/api/saved-searches", method: .post, as: trainer, headers: json,
                                              body: #"{"name":"Kikkers","query":"?q=kikkerland&page=3"}"#)
            #expect(saved.status == .created)
            #expect(saved.json["name"] as? String == "Kikkers")
            #expect(saved.json["query"] as? String == "q=kikkerland")
            #expect(saved.json["searchUrl"] as? String == "/?q=kikkerland")
            let trainerFeed = try #require(saved.json["feedUrl"] as? String)
            #expect(firstMatch(#"^/feeds/([0-9a-f]{64})\.atom$"#, in: trainerFeed) != nil)
            let professionalSaved = try await client.send("/api/saved-searches", method: .post, as: professional, headers: json,
                                                          body: #"{"name":"Kikkers","query":"q=kikkerland"}"#)
            let professionalFeed = try #require(professionalSaved.json["feedUrl"] as? String)
            let professionalID = try #require(professionalSaved.json["id"] as? String)
            #expect(professionalFeed != trainerFeed)

            let list = try await client.send("/api/saved-searches", as: trainer)
            let items = try #require(list.json["savedSearches"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["feedUrl"] as? String == trainerFeed)

            // Bad input is named.
            for (body, parameter) in [(#"{"name":"","query":"q=x"}"#, "name"), (#"{"name":"x","query":"type=roman"}"#, "query"),
                                      (#"{"query":"q=x"}"#, "name"), (#"{"name":"\#(String(repeating: "n", count: 101))","query":""}"#, "name")] {
                let reply = try await client.send("/api/saved-searches", method: .post, as: trainer, headers: json, body: body)
                #expect(reply.status == .badRequest, "\(body)")
                #expect((reply.json["error"] as? [String: Any])?["parameter"] as? String == parameter, "\(body)")
            }
            #expect(try await client.send("/api/saved-searches", method: .post, as: trainer,
                                          headers: [.contentType: "text/plain"], body: "x").status == .unsupportedMediaType)

            // Since long ago: each feed shows what its owner's role sees, no more.
            let old = try atom(try await client.send(trainerFeed + "?since=2000-01-01"))
            #expect(old.entries.map(\.id) == ["urn:kennisbank:vt-kikkerdril"])
            #expect(try atom(try await client.send(professionalFeed + "?since=2000-01-01")).entries.isEmpty)
            // By default, since the day it was saved: nothing new yet.
            #expect(try atom(try await client.send(trainerFeed)).entries.isEmpty)

            // A matching document published long ago but indexed now is new.
            try setup.fixture.add(path: "vl-kikkerland.xml", xml: Fixture.record(
                id: "vl-kikkerland", type: "voorlichting", title: "Kikkerland & co: <nieuwe> folder", summary: "Een folder over kikkerland.",
                published: "2009-05-05", organisation: "LEJ", audiences: ["jongeren"], themes: ["signalering"],
                sections: [("Inhoud", nil, "Over kikkerland.")]).replacingOccurrences(of: "& co: <nieuwe>", with: "&amp; co: &lt;nieuwe&gt;"))
            try setup.fixture.reindex()
            let start = Date().addingTimeInterval(-1)
            for (feed, role) in [(trainerFeed, "trainer"), (professionalFeed, "professional")] {
                let reply = try await client.send(feed)
                #expect(reply.status == .ok)
                #expect(reply.headers[.contentType] == "application/atom+xml; charset=utf-8")
                let parsed = try atom(reply)
                #expect(parsed.entries.map(\.id) == ["urn:kennisbank:vl-kikkerland"], "\(role)")
                let entry = try #require(parsed.entries.first)
                #expect(entry.title == "Kikkerland & co: <nieuwe> folder")
                #expect(entry.link == "/document/vl-kikkerland")
                #expect(entry.summary == "Een folder over kikkerland.")
                #expect(entry.updated >= Self.today, "\(entry.updated)")
                #expect(parsed.updated == entry.updated)
            }
            let both = try atom(try await client.send(trainerFeed + "?since=2000-01-01"))
            #expect(both.entries.map(\.id) == ["urn:kennisbank:vl-kikkerland", "urn:kennisbank:vt-kikkerdril"])
            #expect(both.entries.last?.updated == "2012-04-04T00:00:00Z")
            // Confidential entries are shown with the owner's token name.
            #expect(try AuditLog(location: setup.location).entries(since: start)
                .contains { $0.token == "Trainer Tineke" && $0.document == "vt-kikkerdril" && $0.action == .shown })

            for bad in ["2024-13-01", "2024-02-31", "gisteren", "2024-1-1"] {
                #expect(try await client.send(trainerFeed + "?since=\(bad)").status == .badRequest, "\(bad)")
            }
            #expect(try await client.send("/feeds/\(String(repeating: "a", count: 64)).atom").status == .notFound)
            #expect(try await client.send("/feeds/nope.atom").status == .notFound)

            // Stored beside the index under the token ids, never the tokens.
            let file = setup.location.root.appendingPathComponent("access/saved-searches.json")
            let text = try String(contentsOf: file, encoding: .utf8)
            let stored = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(Set(stored.keys) == [setup.ids["Trainer Tineke"]!, setup.ids["Prof Pieters"]!])
            for token in setup.tokens.values {
                #expect(!text.contains(token))
                #expect(!text.contains(String(token.split(separator: "_").last!)))
            }
            let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
            #expect(permissions?.intValue == 0o600)

            // Nobody deletes another token's saved search; the owner does, and its feed ends with it.
            #expect(try await client.send("/api/saved-searches/\(professionalID)", method: .delete, as: trainer).status == .notFound)
            #expect(try await client.send("/api/saved-searches/\(professionalID)", method: .delete).status == .unauthorized)
            #expect(try atom(try await client.send(professionalFeed)).entries.map(\.id) == ["urn:kennisbank:vl-kikkerland"])
            #expect(try await client.send("/api/saved-searches/\(professionalID)", method: .delete, as: professional).status == .noContent)
            #expect(try await client.send(professionalFeed).status == .notFound)

            // A revoked token's feeds are gone.
            #expect(try TokenStore(location: setup.location).revoke("Trainer Tineke") == 1)
            #expect(try await client.send(trainerFeed).status == .notFound)
        }
    }

    @Test func theSearchPageSavesASearchWithTheSessionsCSRFToken() async throws {
        let setup = try Setup("saved-pages")
        let app = try await buildApplication(setup.configuration)
        try await app.test(.router) { client in
            let (cookie, login) = try await client.login(token: setup.tokens["Prof Pieters"]!)
            #expect(login.status == .seeOther)
            let page = try await client.send("/?q=loverboy&type=rapport&page=2&size=5", as: .cookie(cookie))
            #expect(page.body.contains("<form method=\"post\" action=\"/zoekopdrachten\" id=\"bewaarformulier\">"))
            #expect(page.body.contains("<input type=\"hidden\" name=\"query\" value=\"q=loverboy&amp;type=rapport\">"))
            #expect(page.body.contains(">Zoekopdracht bewaren</button>"))
            let csrf = try #require(firstMatch(#"id="bewaarformulier">\s*<input type="hidden" name="csrf" value="([0-9a-f]{64})">"#, in: page.body))
            // Nobody else gets the form: not anonymous callers, not a bearer token (no session to protect the form).
            #expect(!(try await client.send("/?q=loverboy").body.contains("bewaarformulier")))
            #expect(!(try await client.send("/?q=loverboy", as: setup.credential("Prof Pieters")).body.contains("bewaarformulier")))

            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: cookie]
            let body = "csrf=\(csrf)&name=Rapporten+over+loverboys&query=q%3Dloverboy%26type%3Drapport"
            for bad in ["name=x&query=q%3Dx", "csrf=\(String(repeating: "0", count: 64))&name=x&query=q%3Dx"] {
                #expect(try await client.send("/zoekopdrachten", method: .post, headers: form, body: bad).status == .forbidden)
            }
            var crossSite = form
            crossSite[.init("Sec-Fetch-Site")!] = "cross-site"
            #expect(try await client.send("/zoekopdrachten", method: .post, headers: crossSite, body: body).status == .forbidden)
            let anonymous = try await client.send("/zoekopdrachten", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                  body: body)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/inloggen")

            let saved = try await client.send("/zoekopdrachten", method: .post, headers: form, body: body)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/zoekopdrachten")
            let empty = try await client.send("/zoekopdrachten", method: .post, headers: form, body: "csrf=\(csrf)&name=+&query=q%3Dx")
            #expect(empty.status == .badRequest)
            #expect(empty.body.contains("Geef de zoekopdracht een naam"))

            let list = try await client.send("/zoekopdrachten", as: .cookie(cookie))
            #expect(list.body.contains("<a href=\"/?q=loverboy&amp;type=rapport\">Rapporten over loverboys</a>"))
            #expect(list.body.contains("loverboy; Soort document: Rapport"))
            let feed = try #require(firstMatch(#"href="(/feeds/[0-9a-f]{64}\.atom)""#, in: list.body))
            _ = try atom(try await client.send(feed))
            let id = try #require(firstMatch(#"name="id" value="([0-9a-f]+)""#, in: list.body))
            #expect(try await client.send("/api/saved-searches", as: .cookie(cookie)).json["savedSearches"] as? [Any] != nil)

            // The API with a session needs the session's CSRF token in a header.
            let json: HTTPFields = [.contentType: "application/json", .cookie: cookie]
            let apiBody = #"{"name":"Via de API","query":"q=school"}"#
            #expect(try await client.send("/api/saved-searches", method: .post, headers: json, body: apiBody).status == .forbidden)
            var withCSRF = json
            withCSRF[.init("X-CSRF-Token")!] = csrf
            #expect(try await client.send("/api/saved-searches", method: .post, headers: withCSRF, body: apiBody).status == .created)
            #expect(try await client.send("/api/saved-searches/\(id)", method: .delete, headers: [.cookie: cookie]).status == .forbidden)

            let deleted = try await client.send("/zoekopdrachten/verwijderen", method: .post, headers: form, body: "csrf=\(csrf)&id=\(id)")
            #expect(deleted.status == .seeOther)
            let after = try await client.send("/zoekopdrachten", as: .cookie(cookie))
            #expect(!after.body.contains("Rapporten over loverboys"))
            #expect(after.body.contains("Via de API"))
            #expect(try await client.send(feed).status == .notFound)

            let anonymousPage = try await client.send("/zoekopdrachten")
            #expect(anonymousPage.status == .ok)
            #expect(anonymousPage.body.contains("Log in om zoekopdrachten te bewaren"))
        }
    }

    /// A feed checked as Atom: valid against `Resources/atom.rng` (RFC 4287's structure, RFC 3339 dates), then read
    /// with FoundationXML for what a grammar cannot say: every date a real RFC 3339 date-time, ids unique in the feed,
    /// a self link, an alternate link in every entry, at most one alternate link per type and language.
    struct Atom {
        struct Entry { var id: String; var title: String; var updated: String; var link: String; var summary: String }
        var updated: String
        var entries: [Entry]
    }

    func atom(_ reply: Reply) throws -> Atom {
        #expect(reply.status == .ok, "\(reply.body.prefix(300))")
        let problems = AtomValidation.problems(reply.body)
        #expect(problems.isEmpty, "not valid Atom (atom.rng): \(problems)")
        let document = try XMLDocument(data: Data(reply.body.utf8), options: [])
        let feed = try #require(document.rootElement())
        #expect(feed.localName == "feed")
        #expect(feed.uri == "http://www.w3.org/2005/Atom")
        func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
            (element.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == name }
        }
        func text(_ element: XMLElement, _ name: String) throws -> String {
            let found = children(element, name)
            #expect(found.count == 1, "\(name): \(found.count) elements")
            return try #require(found.first?.stringValue)
        }
        func attribute(_ element: XMLElement, _ name: String) -> String? {
            (element.attributes ?? []).first { $0.localName == name || $0.name == name }?.stringValue
        }
        func isTimestamp(_ text: String) -> Bool { AtomValidation.isRFC3339(text) }
        /// At most one alternate link per type and hreflang (RFC 4287, 4.1.1 and 4.1.2).
        func checkAlternates(_ element: XMLElement, _ what: String) {
            let alternates = children(element, "link").filter { (attribute($0, "rel") ?? "alternate") == "alternate" }
                .map { "\(attribute($0, "type") ?? "")|\(attribute($0, "hreflang") ?? "")" }
            #expect(alternates.count == Set(alternates).count, "\(what): several alternate links of one type and language")
        }
        let feedID = try text(feed, "id")
        #expect(feedID.hasPrefix("urn:kennisbank:zoekopdracht:"))
        #expect(!(try text(feed, "title")).isEmpty)
        let updated = try text(feed, "updated")
        #expect(isTimestamp(updated), "\(updated)")
        // A feed without an author needs one in every entry; this one has its own.
        #expect(!children(feed, "author").isEmpty)
        let selfLinks = children(feed, "link").filter { attribute($0, "rel") == "self" }
        #expect(selfLinks.count == 1)
        #expect(selfLinks.first.flatMap { firstMatch(#"^(/feeds/[0-9a-f]{64}\.atom)$"#, in: attribute($0, "href") ?? "") } != nil)
        checkAlternates(feed, "feed")
        var ids = [feedID]
        var entries: [Atom.Entry] = []
        for entry in children(feed, "entry") {
            let id = try text(entry, "id")
            ids.append(id)
            let updated = try text(entry, "updated")
            #expect(isTimestamp(updated), "\(updated)")
            for published in children(entry, "published") {
                #expect(isTimestamp(published.stringValue ?? ""), "published \(published.stringValue ?? "")")
            }
            checkAlternates(entry, id)
            let link = try #require(children(entry, "link").first { (attribute($0, "rel") ?? "alternate") == "alternate" })
            entries.append(Atom.Entry(id: id, title: try text(entry, "title"), updated: updated,
                                      link: try #require(attribute(link, "href")),
                                      summary: try text(entry, "summary")))
        }
        // Ids are permanent and unique: the feed's own and each entry's, no two alike.
        #expect(ids.count == Set(ids).count, "ids repeat: \(ids)")
        return Atom(updated: updated, entries: entries)
    }

    /// atom.rng itself: it accepts what RFC 4287 allows and refuses what it forbids, so a valid feed means something.
    @Test func theAtomSchemaAcceptsValidFeedsAndRefusesBrokenOnes() {
        let head = #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl"><id>urn:x:feed</id><title>T</title><updated>2024-01-31T09:30:00Z</updated>"#
        let author = "<author><name>LEJ</name></author>"
        func entry(_ extra: String = "", updated: String = "2024-01-31T09:30:00Z") -> String {
            "<entry><id>urn:x:1</id><title>E</title><updated>\(updated)</updated>\(extra)<link href=\"/document/1\"/></entry>"
        }
        let valid = [
            head + author + #"<link rel="self" type="application/atom+xml" href="/feeds/a.atom"/>"# + entry() + "</feed>",
            head + entry(author) + entry(author) + "</feed>",  // no feed author: every entry has one
            head + author + entry("<published>2024-01-01T00:00:00.5+01:00</published><summary type=\"html\">&lt;b&gt;x&lt;/b&gt;</summary>") + "</feed>",
        ]
        for feed in valid { #expect(AtomValidation.problems(feed).isEmpty, "\(feed): \(AtomValidation.problems(feed))") }
        let invalid: [(String, String)] = [
            ("no author anywhere", head + entry() + "</feed>"),
            ("one entry without author", head + entry(author) + entry() + "</feed>"),
            ("no id", head.replacingOccurrences(of: "<id>urn:x:feed</id>", with: "") + author + "</feed>"),
            ("relative id", head.replacingOccurrences(of: "urn:x:feed", with: "feed-1") + author + "</feed>"),
            ("two titles", head + "<title>U</title>" + author + "</feed>"),
            ("entry without updated", head + author + "<entry><id>urn:x:1</id><title>E</title></entry></feed>"),
            ("date without time zone", head + author + entry(updated: "2024-01-31T09:30:00") + "</feed>"),
            ("date only", head + author + entry(updated: "2024-01-31") + "</feed>"),
            ("impossible date", head + author + entry(updated: "2024-02-30T09:30:00Z") + "</feed>"),
            ("lower-case t", head + author + entry(updated: "2024-01-31t09:30:00Z") + "</feed>"),
            ("link without href", head + author + #"<link rel="self"/>"# + "</feed>"),
            ("unknown element", head + author + "<colour>red</colour></feed>"),
            ("metadata after an entry", head + author + entry() + "<subtitle>S</subtitle></feed>"),
            ("wrong namespace", #"<feed><id>urn:x:feed</id><title>T</title><updated>2024-01-31T09:30:00Z</updated></feed>"#),
        ]
        for (what, feed) in invalid { #expect(!AtomValidation.problems(feed).isEmpty, "accepted: \(what)") }

        for good in ["2024-01-31T09:30:00Z", "2024-02-29T23:59:60Z", "1999-12-31T00:00:00.123-05:00"] {
            #expect(AtomValidation.isRFC3339(good), "\(good)")
        }
        for bad in ["2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-01-31T24:00:00Z", "2024-01-31 09:30:00Z",
                    "2024-01-31T09:30:00", "2024-01-31T09:30:00z", "2024-1-31T09:30:00Z", "2024-01-31T09:30:00+0100"] {
            #expect(!AtomValidation.isRFC3339(bad), "\(bad)")
        }
    }

    // MARK: - Statistics

    @Test func statisticsAreForCuratorsWithChartsTablesAndGaps() async throws {
        let access = AccessFixture.shared
        let app = try await buildApplication(access.configuration())
        try await app.test(.router) { client in
            let (curatorSession, _) = try await client.login(token: access.tokens["Curator Cees"]!)
            for credential in [Credential.bearer(access.tokens["Curator Cees"]!), .cookie(curatorSession)] {
                let page = try await client.send("/beheer/statistiek", as: credential)
                #expect(page.status == .ok)
                #expect(page.body.contains("<h1>Statistiek van de collectie</h1>"))
                #expect(page.body.contains("<h2 id=\"mist-kop\">Wat de collectie mist</h2>"))
                #expect(matches(#"(<svg )"#, in: page.body).count == 6)
                #expect(matches(#"(<details>)"#, in: page.body).count == 6)
                #expect(matches(#"(<table class="stats">)"#, in: page.body).count == 6)
                for title in ["Documenten per type per jaar", "Thema × aanpak", "Thema × doelgroep", "Toegangsniveaus", "Talen"] {
                    #expect(page.body.contains(title), "\(title)")
                }
                // Every record of the test collection is preventief: the other approaches are gaps, in the list and the tables.
                #expect(page.body.contains("geen documenten voor Repressief, Curatief")
                        || page.body.contains("geen documenten voor Curatief, Repressief"), "no gap list")
                #expect(page.body.contains("<td class=\"gap\">"))
                #expect(page.body.contains("Openbaar ("))
                // Ids stay unique with six charts inline, and every pattern a chart uses is its own.
                let ids = matches(#"\sid="([^"]+)""#, in: page.body)
                #expect(ids.count == Set(ids).count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys)")
                for reference in matches(#"url\(#([^)]+)\)"#, in: page.body) { #expect(ids.contains(reference), "\(reference)") }
                // Labels are escaped in the SVG and the tables.
                #expect(page.body.contains("Stichting &lt;Test&gt;"))
                #expect(!page.body.contains("Stichting <Test>"))
                #expect(page.body.contains("href=\"/beheer/statistiek\""))

                let api = try await client.send("/api/statistics", as: credential)
                #expect(api.status == .ok)
                #expect(api.json["total"] as? Int == AccessFixture.levelOfID.count)
                for key in ["typeByYear", "years", "themeByApproach", "themeByAudience", "organisations", "languages", "access", "searches"] {
                    #expect(api.json[key] != nil, "\(key)")
                }
                let searches = try #require(api.json["searches"] as? [String: Any])
                #expect(searches["retentionWeeks"] as? Int == 26)
            }
            // Anybody else: exactly an unknown address.
            let (professionalSession, _) = try await client.login(token: access.tokens["Prof Pieters"]!)
            for credential in [Credential.anonymous, .bearer(access.tokens["Prof Pieters"]!), .cookie(professionalSession),
                               .bearer(access.tokens["Trainer Tineke"]!), .bearer("kb_00000000_" + String(repeating: "e", count: 48))] {
                let page = try await client.send("/beheer/statistiek", as: credential)
                let unknown = try await client.send("/beheer/bestaat-niet", as: credential)
                #expect(page.status == .notFound)
                #expect(page.body == unknown.body, "\(credential)")
                let api = try await client.send("/api/statistics", as: credential)
                let unknownAPI = try await client.send("/api/bestaat-niet", as: credential)
                #expect(api.status == .notFound)
                #expect(api.body == unknownAPI.body, "\(credential)")
            }
        }
    }

    // MARK: - Search analytics

    @Test func zeroResultQueriesAreCountedAndPersonalDataIsNeverStored() async throws {
        let setup = try Setup("analytics")
        let app = try await buildApplication(setup.configuration)
        let personal = ["jan.devries@example.nl", "06-12345678", "+31 6 1234 5678", "111222333", "bsn 1234 56 782",
                        "Jan de Vries", "loverboy Anna van der Berg", "1012 AB 12", "Kerkstraat 12 Utrecht"]
        try await app.test(.router) { client in
            _ = try await client.send("/api/search?q=xqzwvjkq")
            _ = try await client.send("/?q=xqzwvjkq", as: setup.credential("Trainer Tineke"))
            _ = try await client.send("/api/search?q=xqzwvjkq&page=2")          // a further page is not another search
            _ = try await client.send("/api/search?q=xqzwvjkq&type=rapport")    // with filters: counted, but not as a gap
            _ = try await client.send("/api/search?q=%20%20Loverboy%20%20%20school%20")
            _ = try await client.send("/api/search?q=loverboy+school")
            for query in personal {
                let reply = try await client.send("/api/search?q=\(QueryGenerator.encode(query))")
                #expect(reply.status == .ok)
            }

            let curator = setup.credential("Curator Cees")
            let api = try await client.send("/api/statistics", as: curator)
            let searches = try #require(api.json["searches"] as? [String: Any])
            let zero = try #require(searches["zeroResultQueries"] as? [[String: Any]])
            #expect(zero.first?["query"] as? String == "xqzwvjkq")
            #expect(zero.first?["count"] as? Int == 2)
            let top = try #require(searches["topQueries"] as? [[String: Any]])
            #expect(top.contains { $0["query"] as? String == "loverboy school" && $0["count"] as? Int == 2 })
            #expect(top.contains { $0["query"] as? String == "xqzwvjkq" && $0["count"] as? Int == 3 })
            #expect(searches["withheld"] as? Int == personal.count)
            let weeks = try #require(searches["weeks"] as? [[String: Any]])
            #expect(weeks.count == 1)
            #expect(weeks.first?["week"] as? String == SearchAnalytics.weekKey(Date()))

            let page = try await client.send("/beheer/statistiek", as: curator)
            #expect(page.body.contains("<a href=\"/?q=xqzwvjkq\">xqzwvjkq</a> <span class=\"count\">(2×)</span>"))
            #expect(page.body.contains("\(personal.count) zoekopdrachten zijn niet bewaard"))

            // Beside the index: counts per week and text, nothing about who asked.
            let file = setup.location.root.appendingPathComponent("access/analytics.json")
            let text = try String(contentsOf: file, encoding: .utf8)
            let stored = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(Set(stored.keys) == ["retentionWeeks", "weeks"])
            let week = try #require((stored["weeks"] as? [String: Any])?[SearchAnalytics.weekKey(Date())] as? [String: Any])
            #expect(Set(week.keys) == ["searches", "withheld", "queries", "zeroResults"])
            #expect((week["zeroResults"] as? [String: Int]) == ["xqzwvjkq": 2])
            for query in personal {
                for form in [query, QueryPrivacy.normalise(query), query.filter(\.isNumber)] where form.count > 3 {
                    #expect(!text.contains(form), "\(query) stored as \(form)")
                    #expect(!page.body.contains(form), "\(query) shown as \(form)")
                }
            }
            for forbidden in ["vries", "berg", "12345678", "1234", "tineke", "127.0.0.1", "kb_"] {
                #expect(!text.lowercased().contains(forbidden), "\(forbidden)")
            }
        }
    }

    @Test(arguments: [
        "jan@example.nl", "Mail J.Jansen＠school.nl", "06-12345678", "06 1234 5678", "0612345678", "(06) 12 34 56 78",
        "+31 6 12345678", "+31 (0)6 1234 5678", "0031 20 123 4567", "020-1234567", "+32 470 12 34 56",
        "111222333", "123456782", "bsn 1234.56.782", "2019 123 456 782",
        "Jan de Vries", "jan Jansen Pietersen", "Anna van der Berg", "loverboy Mohammed El Amrani", "Piet-Jan Smit",
        "1012 AB 12", "1012ab 7a", "postcode 3511 LX huisnummer 3", "Kerkstraat 12", "Laan van Meerdervoort 5",
    ])
    func personalDataIsRecognised(query: String) {
        #expect(QueryPrivacy.reason(query, knownWords: Self.known) != nil, "\(query)")
    }

    @Test(arguments: [
        "loverboy", "seksuele uitbuiting", "cijfers 2015 en 2016", "rapport 2019", "123456789", "loverboy 2010-2020",
        "Veilig Thuis", "GGD Limburg", "Loverboys Rotterdam", "Gemeente Utrecht", "OM politie", "sextortion @school",
        "titel:loverboy", "\"seksuele uitbuiting\" AND school", "ronsel*", "Zwolle", "06 loverboy", "Kerkstraat",
    ])
    func ordinaryQueriesAreKept(query: String) {
        #expect(QueryPrivacy.reason(query, knownWords: Self.known) == nil, "\(query): \(String(describing: QueryPrivacy.reason(query, knownWords: Self.known)))")
    }

    static let known: Set<String> = ["veilig", "thuis", "limburg", "loverboy", "rotterdam", "gemeente", "utrecht", "zwolle"]

    @Test func elevenTest() {
        #expect(QueryPrivacy.passesElevenTest("111222333"))
        #expect(QueryPrivacy.passesElevenTest("123456782"))
        #expect(!QueryPrivacy.passesElevenTest("123456789"))
        #expect(!QueryPrivacy.passesElevenTest("000000000"))
        #expect(!QueryPrivacy.passesElevenTest("12345678"))
    }

    @Test func analyticsKeepOnlyTheRetainedWeeksAndSurviveARestart() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-analytics-\(UUID().uuidString)/analytics.json")
        let now = Date()
        let analytics = SearchAnalytics(url: url, retentionWeeks: 3, writeDelay: 0)
        for weeksAgo in [8, 5, 2, 1, 0] {
            await analytics.record(query: "week \(weeksAgo)", total: 0, filtered: false, now: now.addingTimeInterval(-Double(weeksAgo) * 7 * 86_400))
        }
        await analytics.record(query: "  WEEK   0 ", total: 0, filtered: false, now: now)
        let kept = await analytics.allWeeks().map(\.week)
        #expect(kept == [2, 1, 0].map { SearchAnalytics.weekKey(now.addingTimeInterval(-Double($0) * 7 * 86_400)) })
        #expect(await analytics.topZeroResults().first == SearchAnalytics.Count(query: "week 0", count: 2))

        let reopened = SearchAnalytics(url: url, retentionWeeks: 3, writeDelay: 0)
        #expect(await reopened.allWeeks().map(\.week) == kept)
        #expect(await reopened.topQueries().count == 3)

        // With a write delay the file follows shortly after.
        let delayedURL = url.deletingLastPathComponent().appendingPathComponent("delayed.json")
        let delayed = SearchAnalytics(url: delayedURL, retentionWeeks: 3, writeDelay: 0.2)
        await delayed.record(query: "later", total: 1, filtered: false)
        #expect(!FileManager.default.fileExists(atPath: delayedURL.path))
        // Loosely: the machine may be busy with the other tests.
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: delayedURL.path) {
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(FileManager.default.fileExists(atPath: delayedURL.path))
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }
}
