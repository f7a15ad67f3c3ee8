import Foundation
import Hummingbird
import HummingbirdTesting
import KennisbankServer
import Testing

/// Drives the real router (the same `buildApplication` as `kennisbank serve`) over a small test index.
@Suite struct ServerTests {
    let fixture = Fixture.shared

    func withApp(_ fixture: Fixture? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await buildApplication((fixture ?? self.fixture).configuration)
        try await app.test(.router, body)
    }

    // MARK: - Service

    @Test func healthzCountsVisibleDocuments() async throws {
        try await withApp { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let json = try object(response.body)
                #expect(json["status"] as? String == "ok")
                // Six records, one of them for professionals only: anonymous callers see five.
                #expect(json["documents"] as? Int == 5)
            }
        }
    }

    @Test func openAPIDocumentIsServed() async throws {
        try await withApp { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("openapi: 3.0"))
                for path in ["/api/search:", "/api/documents/{id}:", "/api/documents/{id}/similar:", "/api/documents/{id}/file:", "/healthz:"] {
                    #expect(text.contains(path), "openapi.yaml lacks \(path)")
                }
            }
        }
    }

    @Test func staticFilesAreServed() async throws {
        try await withApp { client in
            try await client.execute(uri: "/static/style.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
                #expect(String(buffer: response.body).contains(":focus-visible"))
            }
            try await client.execute(uri: "/static/app.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/javascript") == true)
            }
        }
    }

    // MARK: - Search API

    /// Results are cached per role and index version: a repeated query answers the same, and a reindex
    /// shows at once (no stale cached page), for every role.
    @Test func cachedResultsFollowTheIndexAndTheRole() async throws {
        let fixture = try Fixture(name: "cache")
        try await withApp(fixture) { client in
            func ids(_ uri: String) async throws -> [String] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    return try #require(try object(response.body)["hits"] as? [[String: Any]]).compactMap { $0["id"] as? String }
                }
            }
            let first = try await ids("/api/search?q=loverboy")
            #expect(try await ids("/api/search?q=loverboy") == first)
            #expect(!first.contains("bel-alleen-professionals"))
            try fixture.add(path: "nieuw.xml", xml: Fixture.record(
                id: "nieuw-loverboy", type: "rapport", title: "Nieuw over loverboy", summary: "Loverboy, loverboy, loverboy.",
                published: "2024-01-01", organisation: "LEJ", audiences: ["politie"], themes: ["signalering"],
                sections: [("Inhoud", nil, "Loverboy loverboy loverboy.")]))
            try fixture.reindex()
            let after = try await ids("/api/search?q=loverboy")
            #expect(after.contains("nieuw-loverboy"))
            #expect(after.count == first.count + 1)
        }
    }

    @Test func searchReturnsHitsAndFacets() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/search?q=loverboy", method: .get) { response in
                #expect(response.status == .ok)
                let json = try object(response.body)
                #expect(json["query"] as? String == "loverboy")
                #expect(json.keys.contains("understood"))
                #expect(json["total"] as? Int == 4)
                #expect(json["page"] as? Int == 1)
                #expect(json["size"] as? Int == 10)
                let hits = try #require(json["hits"] as? [[String: Any]])
                #expect(hits.count == 4)
                let ids = Set(hits.compactMap { $0["id"] as? String })
                #expect(!ids.contains("bel-alleen-professionals"), "a professional document leaked to an anonymous search")
                let first = try #require(hits.first)
                for key in ["id", "title", "type", "date", "organisation", "snippet", "passages"] {
                    #expect(first[key] != nil, "hit lacks \(key)")
                }
                #expect(hits.contains { ($0["snippet"] as? String)?.contains("<mark>") == true })
                let report = try #require(hits.first { $0["id"] as? String == "rap-loverboys-politie" })
                let passages = try #require(report["passages"] as? [[String: Any]])
                #expect(!passages.isEmpty)
                #expect(passages.allSatisfy { $0.keys.contains("page") && $0.keys.contains("heading") && $0["text"] is String })
                #expect(passages.contains { $0["page"] as? Int != nil })

                let facets = try #require(json["facets"] as? [String: [[String: Any]]])
                for facet in ["type", "theme", "audience", "approach", "region", "organisation", "language", "access"] {
                    #expect(facets[facet] != nil, "facets lack \(facet)")
                }
                let types = counts(facets["type"])
                #expect(types["rapport"]?.count == 2)
                #expect(types["goede-praktijk"]?.count == 1)
                #expect(types["voorlichting"]?.count == 1)
                #expect(types.values.allSatisfy { !$0.selected })
            }
        }
    }

    @Test func facetCountsAreDisjunctive() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/search?q=loverboy&type=rapport", method: .get) { response in
                #expect(response.status == .ok)
                let json = try object(response.body)
                #expect(json["total"] as? Int == 2)
                let hits = try #require(json["hits"] as? [[String: Any]])
                #expect(hits.allSatisfy { $0["type"] as? String == "rapport" })
                let facets = try #require(json["facets"] as? [String: [[String: Any]]])
                let types = counts(facets["type"])
                // The selected facet still offers the other types, with what ticking them would add.
                #expect(types["rapport"]?.count == 2)
                #expect(types["rapport"]?.selected == true)
                #expect(types["goede-praktijk"]?.count == 1)
                #expect(types["goede-praktijk"]?.selected == false)
                #expect(types["voorlichting"]?.count == 1)
                // Other facets count within the selection only.
                let audiences = counts(facets["audience"])
                #expect(audiences["politie"]?.count == 1)
                #expect(audiences["onderwijs"]?.count == 1)
                #expect(audiences["ouders"] == nil)
            }
            // Two values of one facet are ORed.
            try await client.execute(uri: "/api/search?q=loverboy&type=rapport&type=voorlichting", method: .get) { response in
                let json = try object(response.body)
                #expect(json["total"] as? Int == 3)
            }
        }
    }

    @Test func searchFiltersByDateSortsAndPages() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/search?q=loverboy&from=2010&to=2020", method: .get) { response in
                let json = try object(response.body)
                let dates = (json["hits"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
                #expect(dates.sorted() == ["2015-06-01", "2019-03-12"])
            }
            try await client.execute(uri: "/api/search?q=loverboy&sort=date&size=2&page=2", method: .get) { response in
                let json = try object(response.body)
                #expect(json["page"] as? Int == 2)
                #expect(json["size"] as? Int == 2)
                #expect(json["total"] as? Int == 4)
                let dates = (json["hits"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
                #expect(dates == ["2015-06-01", "2008-10-08"])
            }
            try await client.execute(uri: "/api/search?size=1000", method: .get) { response in
                #expect(response.status == .ok)
                let json = try object(response.body)
                #expect(json["size"] as? Int == 100)
            }
        }
    }

    @Test(arguments: [
        ("/api/search?sort=popular", "sort", "relevance"),
        ("/api/search?page=abc", "page", "number"),
        ("/api/search?page=0", "page", "between"),
        ("/api/search?size=ten", "size", "number"),
        ("/api/search?from=2010-13", "from", "YYYY"),
        ("/api/search?from=2020&to=2010", "from", "after"),
        ("/api/search?type=boek", "type", "rapport"),
        ("/api/documents/vl-ouders/similar?limit=0", "limit", "1 to 20"),
    ])
    func badParametersAreNamed(uri: String, parameter: String, hint: String) async throws {
        try await withApp { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let error = try #require(try object(response.body)["error"] as? [String: Any])
                #expect(error["parameter"] as? String == parameter)
                #expect((error["message"] as? String)?.contains(hint) == true, "message \(error["message"] ?? "") lacks \(hint)")
            }
        }
    }

    @Test func queryOfOnlyPunctuationDoesNotFail() async throws {
        try await withApp { client in
            for query in ["%22", "(((", "AND%20OR", "%3Cscript%3E", "titel%3A", "*"] {
                try await client.execute(uri: "/api/search?q=\(query)", method: .get) { response in
                    #expect(response.status.code < 500, "q=\(query) gave \(response.status)")
                }
            }
        }
    }

    // MARK: - Documents API

    @Test func documentIsReturnedWithTextPassagesAndFile() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/documents/rap-loverboys-politie", method: .get) { response in
                #expect(response.status == .ok)
                let json = try object(response.body)
                #expect(json["id"] as? String == "rap-loverboys-politie")
                #expect(json["title"] as? String == "Opsporing van loverboys door de politie")
                #expect(json["type"] as? String == "rapport")
                #expect((json["sections"] as? [[String: Any]])?.count == 3)
                #expect((json["passages"] as? [[String: Any]])?.isEmpty == false)
                let source = try #require(json["source"] as? [String: Any])
                #expect(source["files"] as? [String] == ["rapporten/rap-loverboys-politie.xml", "rap-loverboys-politie.pdf"])
                #expect(json["fileUrl"] as? String == "/api/documents/rap-loverboys-politie/file")
            }
            try await client.execute(uri: "/api/documents/rap-loverboys-politie/file", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(String(buffer: response.body) == "%PDF-1.4 test")
            }
        }
    }

    @Test func unknownAndHiddenDocumentsAreNotFound() async throws {
        try await withApp { client in
            for uri in ["/api/documents/bestaat-niet", "/api/documents/bel-alleen-professionals",
                        "/api/documents/bestaat-niet/similar", "/api/documents/bestaat-niet/file", "/api/bestaat-niet"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                    let error = try #require(try object(response.body)["error"] as? [String: Any], "\(uri)")
                    #expect(error["message"] is String)
                    #expect(error.keys.contains("parameter"))
                }
            }
        }
    }

    @Test func similarDocumentsExcludeTheDocumentItself() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/documents/rap-signalen-scholen/similar", method: .get) { response in
                #expect(response.status == .ok)
                let json = try object(response.body)
                let ids = (json["documents"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                #expect(!ids.isEmpty)
                #expect(!ids.contains("rap-signalen-scholen"))
                #expect(!ids.contains("bel-alleen-professionals"))
            }
        }
    }

    // MARK: - Web pages

    @Test func searchPageEscapesTheQuery() async throws {
        try await withApp { client in
            try await client.execute(uri: "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = String(buffer: response.body)
                #expect(!html.contains("<script>alert(1)"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            // A title and organisation with markup are shown as text, in hits and on the document page.
            try await client.execute(uri: "/?q=trucs", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(!html.contains("<script>alert(1)"))
                #expect(!html.contains("<Test>"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            try await client.execute(uri: "/document/vl-escape", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(!html.contains("<script>alert(1)"))
                #expect(!html.contains("<b>vette</b>"))
                #expect(html.contains("&lt;b&gt;vette&lt;/b&gt;"))
            }
        }
    }

    @Test func searchPageShowsResultsFacetsAndLandmarks() async throws {
        try await withApp { client in
            try await client.execute(uri: "/?q=loverboy&type=rapport&from=2010", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"nl\">"))
                for landmark in ["<header", "<main", "<aside", "<nav", "class=\"skip-link\""] {
                    #expect(html.contains(landmark), "page lacks \(landmark)")
                }
                #expect(html.contains("<label for=\"q\">"))
                #expect(html.contains("name=\"q\" value=\"loverboy\""))
                #expect(html.contains("name=\"type\" value=\"rapport\" checked"))
                #expect(html.contains("name=\"type\" value=\"goede-praktijk\">"))
                #expect(html.contains("1 document"))
                #expect(html.contains("href=\"/document/rap-loverboys-politie\""))
                #expect(html.contains("<mark>"))
                #expect(html.contains("p. 1") || html.contains("p. 4") || html.contains("p. 9"))
                // Chips remove one filter each and keep the rest.
                #expect(html.contains("href=\"/?q=loverboy&amp;from=2010\""))
                #expect(html.contains("href=\"/?q=loverboy&amp;type=rapport\""))
                #expect(html.contains("name=\"from\" value=\"2010\""))
                #expect(html.contains("<button type=\"submit\""))
            }
        }
    }

    @Test func searchPageSaysHowTheQueryWasReadAndSuggestsRemovingFilters() async throws {
        try await withApp { client in
            try await client.execute(uri: "/?q=loverboy+zzyzx", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("gezocht op:"))
            }
            try await client.execute(uri: "/?q=loverboy&type=cijfers", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Geen documenten gevonden"))
                #expect(html.contains("wis alle filters"))
            }
        }
    }

    @Test func searchPagePaginates() async throws {
        try await withApp { client in
            try await client.execute(uri: "/?size=2", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("aria-label=\"Paginering\""))
                #expect(html.contains("href=\"/?page=2&amp;size=2\""))
                #expect(html.contains("aria-current=\"page\">1<"))
            }
        }
    }

    @Test func searchPageExplainsBadParametersInDutchWithoutFailing() async throws {
        try await withApp { client in
            try await client.execute(uri: "/?q=loverboy&sort=popular", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = String(buffer: response.body)
                #expect(html.contains("role=\"alert\""))
                #expect(html.contains("value=\"loverboy\""))
            }
        }
    }

    @Test func documentPageShowsMetadataTextAndSimilarDocuments() async throws {
        try await withApp { client in
            try await client.execute(uri: "/document/rap-loverboys-politie", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<h1 id=\"titel\">Opsporing van loverboys door de politie</h1>"))
                #expect(html.contains("<dl class=\"metadata\">"))
                #expect(html.contains("<dt>Doelgroep</dt>"))
                #expect(html.contains("Vergelijkbare documenten"))
                #expect(html.contains("href=\"/api/documents/rap-loverboys-politie/file\""))
                #expect(html.contains("href=\"https://example.org/rap-loverboys-politie\""))
                #expect(html.contains("Rechercheurs volgen de loverboy"))
            }
            try await client.execute(uri: "/document/bestaat-niet", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(String(buffer: response.body).contains("Niet gevonden"))
            }
        }
    }

    // MARK: - Concurrency and reindexing

    @Test func concurrentRequestsShareTheSearcherPool() async throws {
        try await withApp { client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        let uri = index.isMultiple(of: 2) ? "/api/search?q=loverboy" : "/api/search?q=loverboy&type=rapport"
                        return try await client.execute(uri: uri, method: .get) { response in
                            #expect(response.status == .ok)
                            return try object(response.body)["total"] as? Int ?? -1
                        }
                    }
                }
                var totals: [Int] = []
                for try await total in group { totals.append(total) }
                #expect(totals.count == 24)
                #expect(Set(totals) == [4, 2])
            }
        }
    }

    @Test func reindexIsPickedUpWithoutRestart() async throws {
        let fixture = try Fixture(name: "reindex")
        try await withApp(fixture) { client in
            try await client.execute(uri: "/api/search?q=kikkerland", method: .get) { response in
                let json = try object(response.body)
                #expect(json["total"] as? Int == 0)
            }
            try fixture.add(path: "vl-nieuw.xml", xml: Fixture.record(
                id: "vl-nieuw", type: "voorlichting", title: "Kikkerland: nieuwe folder", summary: "Een nieuwe folder.",
                published: "2024-01-01", organisation: "LEJ", audiences: ["jongeren"], themes: ["signalering"],
                sections: [("Inhoud", nil, "Over kikkerland.")]))
            try fixture.reindex()
            try await client.execute(uri: "/api/search?q=kikkerland", method: .get) { response in
                let json = try object(response.body)
                #expect(json["total"] as? Int == 1)
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                let json = try object(response.body)
                #expect(json["documents"] as? Int == 6)
            }
        }
    }

    @Test func missingIndexFailsAtStartWithAClearMessage() async throws {
        var configuration = fixture.configuration
        configuration.indexPath = "/nonexistent/kennisbank-index"
        await #expect(throws: (any Error).self) {
            _ = try await buildApplication(configuration)
        }
    }
}

// MARK: - Helpers

func object(_ buffer: ByteBuffer) throws -> [String: Any] {
    let data = Data(String(buffer: buffer).utf8)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "not a JSON object: \(String(buffer: buffer))")
}

func counts(_ values: [[String: Any]]?) -> [String: (count: Int, selected: Bool)] {
    var result: [String: (count: Int, selected: Bool)] = [:]
    for value in values ?? [] {
        guard let name = value["value"] as? String, let count = value["count"] as? Int, let selected = value["selected"] as? Bool else { continue }
        result[name] = (count, selected)
    }
    return result
}
