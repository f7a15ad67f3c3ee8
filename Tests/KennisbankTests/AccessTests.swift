import Foundation
import KennisbankCore
import Testing

/// Restricted documents, and every word of them, stay with the roles allowed to see them.
@Suite struct AccessTests {
    /// Words that occur only in the professional or only in the vertrouwelijk document.
    static let professionalWords = ["casusoverlegprotocol", "wijkteamdraaiboek"]
    static let confidentialWords = ["chantagebeelden", "hotelkamerrotatie", "schuldenboekhouding"]

    static func fixture() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.write("open.xml", Fixture.record(id: "open-voorlichting", type: "voorlichting", title: "Loverboys herkennen",
                                                     body: "Algemene informatie over loverboys en signalering voor ouders."))
        try fixture.write("prof.xml", Fixture.record(id: "prof-werkwijze", type: "goede-praktijk", access: "professional",
                                                     title: "Werkwijze casusoverleg",
                                                     body: "Het casusoverlegprotocol en het wijkteamdraaiboek voor loverboys.",
                                                     themes: ["ketensamenwerking"]))
        try fixture.write("geheim.xml", Fixture.record(id: "geheim-daderprofiel", type: "daderprofiel", access: "vertrouwelijk",
                                                       title: "Samengesteld daderprofiel",
                                                       body: "Fictief profiel: chantagebeelden, hotelkamerrotatie en schuldenboekhouding bij loverboys.",
                                                       themes: ["werkwijze-daders"], audiences: ["politie"], approaches: ["repressief"]))
        try fixture.index()
        return fixture
    }

    /// Everything a result can carry, as one string to search for leaked words. What merely echoes
    /// the caller's own input (the query, its reading, selected filter values) is left out.
    static func text(of result: SearchResult) throws -> String {
        var result = result
        result.query = ""
        result.understood = nil
        result.facets = result.facets.mapValues { $0.filter { $0.count > 0 } }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }

    static func hiddenWords(for role: Role) -> [String] {
        var words: [String] = []
        if !role.visibleLevels.contains(.professional) { words += professionalWords + ["prof-werkwijze", "casusoverleg"] }
        if !role.visibleLevels.contains(.vertrouwelijk) {
            words += confidentialWords + ["geheim-daderprofiel", "daderprofiel", "werkwijze-daders", "vertrouwelijk", "repressief"]
        }
        return words
    }

    @Test(arguments: [Role.anonymous, .professional])
    func searchesRevealNothingAboveTheRole(role: Role) throws {
        let fixture = try Self.fixture()
        let searcher = try fixture.searcher(role)
        let secrets = Self.professionalWords + Self.confidentialWords
        var queries = ["loverboys", "", "werkwijze", "profiel"] + secrets
        queries += secrets.map { String($0.prefix(5)) + "*" }                       // wildcard expansion
        queries += secrets.map { String($0.dropLast()) + "x" }                       // misspellings → suggestions
        queries += secrets.map { "loverboys OR " + $0 }
        for query in queries {
            let result = try searcher.search(SearchRequest(query: query, limit: 100))
            let body = try Self.text(of: result)
            for word in Self.hiddenWords(for: role) where !query.contains(word) {
                #expect(!body.contains(word), "\(role) searching \(query) saw \(word)")
            }
        }
        for id in ["prof-werkwijze", "geheim-daderprofiel"] where !Self.hiddenWords(for: role).filter({ $0 == id }).isEmpty {
            #expect(try searcher.document(id: id) == nil)
            #expect(try searcher.similar(to: id) == nil)
        }
        let similar = try #require(try searcher.similar(to: "open-voorlichting"))
        for hit in similar { #expect(!Self.hiddenWords(for: role).contains(hit.id)) }
    }

    @Test func allowedRolesSeeTheirLevels() throws {
        let fixture = try Self.fixture()
        #expect(try fixture.search("casusoverlegprotocol", role: .professional).ids == ["prof-werkwijze"])
        #expect(try fixture.search("chantagebeelden", role: .trainer).ids == ["geheim-daderprofiel"])
        #expect(try fixture.search("loverboys", role: .curator).total == 3)
        #expect(try fixture.search("loverboys", role: .anonymous).total == 1)
        #expect(try fixture.search("chantagebeeldn", role: .trainer).understood == "chantagebeelden")
    }

    @Test func generatedQueriesNeverLeak() throws {
        let fixture = try Self.fixture()
        var generator = SeededGenerator(seed: 2004)
        let vocabulary = Self.professionalWords + Self.confidentialWords + ["loverboys", "ouders", "signalering", "profiel"]
        var runs = 0
        var leaks = 0
        for role in [Role.anonymous, .professional] {
            let searcher = try fixture.searcher(role)
            let hidden = Self.hiddenWords(for: role)
            for _ in 0..<150 {
                let query = Self.randomQuery(from: vocabulary, using: &generator)
                var filters: [Facet: [String]] = [:]
                if Bool.random(using: &generator) { filters[.type] = [["daderprofiel", "goede-praktijk", "voorlichting"].randomElement(using: &generator)!] }
                if Bool.random(using: &generator) { filters[.access] = [["openbaar", "professional", "vertrouwelijk"].randomElement(using: &generator)!] }
                let body = try Self.text(of: searcher.search(SearchRequest(query: query, filters: filters, limit: 100)))
                runs += 1
                // A word the caller typed may come back in a suggestion; anything else is a leak.
                if let word = hidden.first(where: { body.contains($0) && !query.contains($0) }) {
                    leaks += 1
                    print("LEAK as \(role): query \(query) filters \(filters) revealed \(word)")
                }
            }
        }
        print("access property test: \(runs) generated queries, \(leaks) leaks")
        #expect(leaks == 0)
        #expect(runs == 300)
    }

    static func randomQuery(from words: [String], using generator: inout SeededGenerator) -> String {
        func mutate(_ word: String) -> String {
            var characters = Array(word)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: return String(characters.prefix(Int.random(in: 3...max(3, characters.count), using: &generator))) + "*"
            case 1:
                let index = Int.random(in: 0..<characters.count, using: &generator)
                characters[index] = "abcdefghijklmnopqrstuvwxyz".randomElement(using: &generator)!
                return String(characters)
            case 2: return String(characters.dropFirst(Int.random(in: 0...2, using: &generator)))
            default: return word
            }
        }
        let count = Int.random(in: 1...3, using: &generator)
        let parts = (0..<count).map { _ in mutate(words.randomElement(using: &generator)!) }
        return parts.joined(separator: [" ", " OR ", " AND ", " NOT "].randomElement(using: &generator)!)
    }

    @Test func tokensAreStoredHashedAndCanBeRevokedOrExpire() throws {
        let fixture = try Fixture()
        let store = TokenStore(location: fixture.location)
        let (record, token) = try store.create(name: "Trainer Noord", role: .trainer)
        #expect(store.verify(token)?.role == .trainer)
        let stored = try String(contentsOf: store.url, encoding: .utf8)
        #expect(!stored.contains(String(token.split(separator: "_")[2])), "the secret is never stored")
        #expect(store.verify(token + "x") == nil)
        #expect(store.verify("kb_\(record.id)_" + String(repeating: "0", count: 48)) == nil)
        try store.revoke(record.id)
        #expect(store.verify(token) == nil)
        let (_, shortLived) = try store.create(name: "Tijdelijk", role: .professional, validDays: 1)
        #expect(store.verify(shortLived) != nil)
        #expect(store.verify(shortLived, now: Date().addingTimeInterval(2 * 86_400)) == nil)
    }

    @Test func auditRecordsOnlyConfidentialDocuments() throws {
        let fixture = try Fixture()
        let log = AuditLog(location: fixture.location)
        log.record(.opened, documents: [("open-voorlichting", .openbaar), ("geheim-daderprofiel", .vertrouwelijk)], token: "Trainer Noord")
        log.record(.exported, documents: [("geheim-daderprofiel", .vertrouwelijk)], token: "Trainer Zuid")
        let entries = try log.entries()
        #expect(entries.map(\.document) == ["geheim-daderprofiel", "geheim-daderprofiel"])
        #expect(entries.map(\.action) == [.opened, .exported])
        #expect(try log.entries(document: "open-voorlichting").isEmpty)
        let raw = try String(contentsOf: log.url, encoding: .utf8)
        #expect(raw.split(separator: "\n").count == 2)
        #expect(!raw.contains("query"))
    }

    @Test func sha256MatchesPublishedVectors() {
        #expect(SHA256.hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(SHA256.hash([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // RFC 4231 test case 2
        #expect(SHA256.hex(SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}

/// A small deterministic generator (SplitMix64) so the property test is repeatable.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
