import Foundation
import Hummingbird
import HummingbirdTesting
import KennisbankCore
import KennisbankServer
import Testing

/// A collection where some words, ids, titles and organisations occur ONLY in `professional` or ONLY in
/// `vertrouwelijk` documents, indexed with the real indexer, with a token for every role.
///
/// `AccessFixture(levels:)` with fewer levels builds the same collection without the documents above those
/// levels: the reference a caller's answers must equal byte for byte (what a caller of a role sees must be
/// exactly what it would see if the hidden documents did not exist at all).
struct AccessFixture {
    let fixture: Fixture
    let levels: Set<AccessLevel>
    /// Token text per token name.
    let tokens: [String: String]

    static let professionalWords = ["kwibusdraad", "plonkerhaag"]
    static let confidentialWords = ["zwopperkast", "brimbelgrot"]
    /// Words that occur in visible documents too, to combine with the secret ones.
    static let publicWords = ["loverboy", "signalen", "politie", "school", "folder", "rechercheurs", "grenzen"]

    /// Every document of the collection and its level (base fixture, access documents, injected documents).
    static let levelOfID: [String: AccessLevel] = {
        var levels: [String: AccessLevel] = [:]
        for id in ["gp-weerbaarheid", "rap-loverboys-politie", "rap-signalen-scholen", "vl-ouders", "vl-escape", "vl-gedeeld",
                   "vl-passwd", "vl-symlink", "vl-verborgen"] { levels[id] = .openbaar }
        levels["bel-alleen-professionals"] = .professional
        levels["prof-kwibusdraad"] = .professional
        levels["vt-zwopperkast"] = .vertrouwelijk
        levels["vt-brimbelgrot"] = .vertrouwelijk
        return levels
    }()

    static let titles: [String: String] = [
        "bel-alleen-professionals": "Werkafspraken loverboys voor professionals",
        "prof-kwibusdraad": "Kwibusdraad: werkafspraken over de plonkerhaag",
        "vt-zwopperkast": "Zwopperkast: casusanalyse van de brimbelgrot",
        "vt-brimbelgrot": "Brimbelgrot in beeld",
    ]

    /// Text that must never reach a caller who may not see `level`.
    static func markers(of level: AccessLevel) -> [String] {
        var markers: [String] = []
        for (id, documentLevel) in levelOfID where documentLevel == level {
            markers.append(id)
            if let title = titles[id] { markers.append(title) }
        }
        switch level {
        case .openbaar: return []
        case .professional: markers += professionalWords + ["Bureau Plonkerhaag"]
        case .vertrouwelijk: markers += confidentialWords + ["Stichting Brimbelgrot", "geheim-origineel"]
        }
        return markers.map { $0.lowercased() }
    }

    static func markers(hiddenFrom role: Role) -> [String] {
        AccessLevel.allCases.filter { !role.visibleLevels.contains($0) }.flatMap { markers(of: $0) }
    }

    static func visibleIDs(_ role: Role) -> Set<String> {
        Set(levelOfID.filter { role.visibleLevels.contains($0.value) }.keys)
    }

    static let documents: [(path: String, xml: String, level: AccessLevel)] = [
        ("beperkt/prof-kwibusdraad.xml", Fixture.record(
            id: "prof-kwibusdraad", type: "beleid", access: "professional", title: titles["prof-kwibusdraad"]!,
            summary: "Interne afspraken over de kwibusdraad en de plonkerhaag bij een loverboy.", published: "2022-04-01",
            organisation: "Bureau Plonkerhaag", audiences: ["gemeenten"], themes: ["ketensamenwerking"],
            sourceFile: "prof-kwibusdraad.pdf",
            sections: [("Afspraken", 2, "De kwibusdraad regelt wie de plonkerhaag belt als een loverboy opduikt."),
                       ("Evaluatie", 4, "Na een jaar kwibusdraad zijn de werkafspraken met de plonkerhaag bijgesteld.")]), .professional),
        ("beperkt/vt-zwopperkast.xml", Fixture.record(
            id: "vt-zwopperkast", type: "rapport", access: "vertrouwelijk", title: titles["vt-zwopperkast"]!,
            summary: "Vertrouwelijke analyse van de zwopperkast en de brimbelgrot.", published: "2023-09-15",
            organisation: "Stichting Brimbelgrot", audiences: ["politie"], themes: ["werkwijze-daders"],
            sourceFile: "vt-zwopperkast.pdf",
            sections: [("Werkwijze", 3, "De zwopperkast werft via de brimbelgrot; een loverboy speelt de tussenpersoon."),
                       ("Opsporing", 5, "Rechercheurs volgen de zwopperkast en de brimbelgrot met telefoongegevens.")]), .vertrouwelijk),
        ("beperkt/vt-brimbelgrot.xml", Fixture.record(
            id: "vt-brimbelgrot", type: "rapport", access: "vertrouwelijk", title: titles["vt-brimbelgrot"]!,
            summary: "Tweede vertrouwelijke notitie over de brimbelgrot en de zwopperkast.", published: "2024-02-02",
            organisation: "Stichting Brimbelgrot", audiences: ["politie"], themes: ["werkwijze-daders", "signalering"],
            sourceFile: "gedeeld.pdf",
            sections: [("Signalen", nil, "Signalen van de brimbelgrot op school en bij de politie; de zwopperkast blijft buiten beeld.")]),
         .vertrouwelijk),
        ("vl-gedeeld.xml", Fixture.record(
            id: "vl-gedeeld", type: "voorlichting", title: "Folder over grenzen",
            summary: "Een openbare folder over grenzen en een loverboy.", published: "2020-06-06",
            organisation: "Landelijk Expertisepunt Jeugdprostitutie", audiences: ["jongeren"], themes: ["signalering"],
            sourceFile: "gedeeld.pdf",
            sections: [("Grenzen", nil, "Je mag altijd nee zeggen.")]), .openbaar),
    ]

    static let files: [(path: String, contents: String, level: AccessLevel)] = [
        ("beperkt/prof-kwibusdraad.pdf", "%PDF-1.4 kwibusdraad", .professional),
        ("beperkt/vt-zwopperkast.pdf", "%PDF-1.4 geheim-origineel", .vertrouwelijk),
        // Named by an openbaar and by a vertrouwelijk record: withheld from callers who may not see the latter.
        ("gedeeld.pdf", "%PDF-1.4 gedeeld", .openbaar),
    ]

    static let tokenRoles: [(name: String, role: Role)] = [
        ("Prof Pieters", .professional), ("Trainer Tineke", .trainer), ("Curator Cees", .curator),
        ("Intrekken Ina", .trainer), ("Uitloggen Uki", .professional), ("Sessie Sanne", .trainer),
    ]

    /// The shared full fixture (every level), built once per test process.
    static let shared: AccessFixture = {
        do { return try AccessFixture(levels: Set(AccessLevel.allCases)) } catch { fatalError("cannot build the access index: \(error)") }
    }()

    /// References without the levels a role may not see, built once each.
    static let publicOnly: AccessFixture = {
        do { return try AccessFixture(levels: [.openbaar]) } catch { fatalError("cannot build the reference index: \(error)") }
    }()
    static let withoutConfidential: AccessFixture = {
        do { return try AccessFixture(levels: [.openbaar, .professional]) } catch { fatalError("cannot build the reference index: \(error)") }
    }()

    init(levels: Set<AccessLevel>) throws {
        self.levels = levels
        let name = "access-" + levels.map(\.rawValue).sorted().joined(separator: "-")
        let base = Fixture.documents.filter { $0.path != "bel-vertrouwelijk.xml" || levels.contains(.professional) }
        fixture = try Fixture(name: name,
                              documents: base + Self.documents.filter { levels.contains($0.level) }.map { ($0.path, $0.xml) },
                              files: Fixture.files + Self.files.filter { levels.contains($0.level) }.map { ($0.path, $0.contents) })
        let collection = fixture.collection
        // Made after indexing, as a curator's mistake or an attack would be: a link out of the collection,
        // a hidden file, and records (written into the index directly) whose source files point outside.
        try FileManager.default.createSymbolicLink(atPath: collection.appendingPathComponent("uit.pdf").path,
                                                   withDestinationPath: "/etc/passwd")
        try Data("%PDF-1.4 verborgen".utf8).write(to: collection.appendingPathComponent(".verborgen.pdf"))
        let writer = try IndexWriter(location: IndexLocation(fixture.index.path))
        for (id, attached) in [("vl-passwd", "../../etc/passwd"), ("vl-symlink", "uit.pdf"), ("vl-verborgen", ".verborgen.pdf")] {
            try writer.put(KnowledgeDocument(
                id: id, type: "voorlichting", language: "nl", access: .openbaar, title: "Bijlage \(id)",
                summary: "Een record met een bijlage die niet geserveerd mag worden.", published: "2011-01-01",
                organisations: ["Testorganisatie"], authors: [], region: "landelijk", municipality: nil, audiences: ["jongeren"],
                approaches: ["preventief"], themes: ["signalering"],
                source: .init(description: "test", url: nil, files: ["\(id).xml", attached]), practice: nil, workingMethod: nil,
                sections: [.init(heading: "Inhoud", page: nil, paragraphs: ["Over bijlagen."])]))
        }
        try writer.commit()
        writer.close()

        let store = TokenStore(location: IndexLocation(fixture.index.path))
        var tokens: [String: String] = [:]
        for (name, role) in Self.tokenRoles { tokens[name] = try store.create(name: name, role: role).token }
        tokens["Verlopen Vera"] = try store.create(name: "Verlopen Vera", role: .trainer, validDays: 0).token
        self.tokens = tokens
    }

    var store: TokenStore { TokenStore(location: IndexLocation(fixture.index.path)) }
    var audit: AuditLog { AuditLog(location: IndexLocation(fixture.index.path)) }

    func configuration(_ change: (inout KennisbankServerConfiguration) -> Void = { _ in }) -> KennisbankServerConfiguration {
        var configuration = fixture.configuration
        change(&configuration)
        return configuration
    }

    /// The token name used for each role in the matrix tests.
    static func tokenName(_ role: Role) -> String? {
        switch role {
        case .anonymous: nil
        case .professional: "Prof Pieters"
        case .trainer: "Trainer Tineke"
        case .curator: "Curator Cees"
        }
    }
}

// MARK: - Requests

/// How a test request identifies itself.
enum Credential: Sendable, CustomStringConvertible {
    case anonymous
    case bearer(String)
    /// The `Cookie` header value, e.g. `kb_sessie=...`.
    case cookie(String)

    var headers: HTTPFields {
        var headers = HTTPFields()
        switch self {
        case .anonymous: break
        case .bearer(let token): headers[.authorization] = "Bearer \(token)"
        case .cookie(let cookie): headers[.cookie] = cookie
        }
        return headers
    }

    var description: String {
        switch self {
        case .anonymous: "anonymous"
        case .bearer: "bearer"
        case .cookie: "session"
        }
    }
}

struct Reply: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String

    var setCookies: [String] { headers[values: .setCookie] }

    func setCookie(_ name: String) -> String? { setCookies.first { $0.hasPrefix(name + "=") } }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
    }
}

extension TestClientProtocol {
    func send(_ uri: String, method: HTTPRequest.Method = .get, as credential: Credential = .anonymous,
              headers extra: HTTPFields = [:], body: String? = nil) async throws -> Reply {
        var headers = credential.headers
        for field in extra { headers.append(field) }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            Reply(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    /// Logs in through the form, as a browser would; returns the `Cookie` header value of the new session.
    func login(token: String, headers extra: HTTPFields = [:]) async throws -> (cookie: String, reply: Reply) {
        let form = try await send("/inloggen")
        let csrfCookie = try #require(form.setCookie("kb_csrf").map(cookieValue))
        let field = try #require(firstMatch(#"name="csrf" value="([0-9a-f]{64})""#, in: form.body))
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "kb_csrf=\(csrfCookie)"]
        for field in extra { headers.append(field) }
        let reply = try await send("/inloggen", method: .post, headers: headers, body: "csrf=\(field)&token=\(token)")
        let session = reply.setCookie("kb_sessie").map(cookieValue) ?? ""
        return ("kb_sessie=\(session)", reply)
    }
}

/// `name=value; attributes` → `value`.
func cookieValue(_ setCookie: String) -> String {
    let pair = setCookie.split(separator: ";", maxSplits: 1).first ?? ""
    return String(pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first ?? "")
}

func firstMatch(_ pattern: String, in text: String) -> String? {
    guard let regex = try? NSRegularExpression(pattern: pattern),
          let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
          match.numberOfRanges > 1, let range = Range(match.range(at: 1), in: text) else { return nil }
    return String(text[range])
}

func removing(_ pattern: String, from text: String) -> String {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
    return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
}

// MARK: - Leak detection

enum Leaks {
    /// The response without what merely repeats the request: the query (`query`, `understood`, the search box,
    /// the page title, links back to the search, error messages about `q`) and an echoed document id.
    static func withoutEchoes(_ reply: Reply, query: String? = nil, id: String? = nil) -> String {
        var body = reply.body
        if let id { body = body.replacingOccurrences(of: "no document with id \\\"\(id)\\\"", with: "") }
        if reply.headers[.contentType]?.hasPrefix("application/json") == true,
           var object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] {
            object["query"] = nil
            object["understood"] = nil
            object["correctedFrom"] = nil
            // A suggestion repeats the words the caller typed around the corrected one.
            if let query, let suggestion = object["suggestion"] as? String {
                let typed = Set(query.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
                object["suggestion"] = suggestion.lowercased().split(whereSeparator: { !$0.isLetter })
                    .map(String.init).filter { !typed.contains($0) }.joined(separator: " ")
            }
            if var error = object["error"] as? [String: Any], let query, let message = error["message"] as? String {
                error["message"] = message.replacingOccurrences(of: query, with: "")
                object["error"] = error
            }
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
                body = String(decoding: data, as: UTF8.self)
                // JSONSerialization writes "/" as "\/"; undo it so markers are found as written.
                body = body.replacingOccurrences(of: "\\/", with: "/")
            }
        } else if reply.headers[.contentType]?.hasPrefix("text/html") == true {
            if let query {
                let typed = Set(query.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
                if let range = body.range(of: #"<p class="suggestion"[\s\S]*?</p>"#, options: .regularExpression) {
                    let kept = body[range].lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
                        .filter { !typed.contains($0) }.joined(separator: " ")
                    body.replaceSubrange(range, with: kept)
                }
            }
            for pattern in [#"<title>[\s\S]*?</title>"#, #"id="q" name="q" value="[^"]*""#, #"<p class="understood"[\s\S]*?</p>"#,
                            #"href="/\?[^"]*""#, #"<div class="error-box" role="alert">[\s\S]*?</div>"#,
                            // The export links and the "save this search" form carry the search as asked.
                            #"href="/api/export\?[^"]*""#, #"name="query" value="[^"]*""#,
                            #"id="bewaar-naam" name="name" form="bewaarformulier" value="[^"]*""#] {
                body = removing(pattern, from: body)
            }
        }
        return body
    }

    /// The markers of hidden levels found in the response (lowercased comparison).
    static func found(in reply: Reply, role: Role, query: String? = nil, id: String? = nil) -> [String] {
        let text = withoutEchoes(reply, query: query, id: id).lowercased()
        let decoded = text.removingPercentEncoding ?? text
        return AccessFixture.markers(hiddenFrom: role).filter { text.contains($0) || decoded.contains($0) }
    }
}

// MARK: - A seeded generator

/// SplitMix64: small, fast, and the same sequence for the same seed on every platform.
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

enum QueryGenerator {
    static let letters = Array("abcdefghijklmnopqrstuvwxyz")

    /// One edit: a letter replaced, inserted, deleted, or two neighbours swapped.
    static func edit(_ word: String, using rng: inout SeededGenerator) -> String {
        var characters = Array(word)
        let position = Int.random(in: 0..<characters.count, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: characters[position] = letters.randomElement(using: &rng)!
        case 1: characters.insert(letters.randomElement(using: &rng)!, at: position)
        case 2: if characters.count > 3 { characters.remove(at: position) }
        default: if position + 1 < characters.count { characters.swapAt(position, position + 1) }
        }
        return String(characters)
    }

    static func term(_ secret: [String], using rng: inout SeededGenerator) -> String {
        let word = secret.randomElement(using: &rng)!
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: return word
        case 1:
            let length = Int.random(in: 3...(word.count - 1), using: &rng)
            let start = Int.random(in: 0...(word.count - length), using: &rng)
            return String(Array(word)[start..<(start + length)])
        case 2, 3: return edit(word, using: &rng)
        case 4: return String(word.prefix(Int.random(in: 3...(word.count - 1), using: &rng))) + "*"
        case 5: return String(word.prefix(4)) + "*"
        default: return word.uppercased()
        }
    }

    /// A query: a secret term alone, or combined with other terms by AND, OR, NOT, a phrase or a field prefix.
    static func query(_ secret: [String], using rng: inout SeededGenerator) -> String {
        let first = term(secret, using: &rng)
        let other = Bool.random(using: &rng) ? term(secret, using: &rng) : AccessFixture.publicWords.randomElement(using: &rng)!
        switch Int.random(in: 0..<9, using: &rng) {
        case 0, 1: return first
        case 2: return "\(first) AND \(other)"
        case 3: return "\(first) OR \(other)"
        case 4: return "\(other) NOT \(first)"
        case 5: return "\(first) \(other)"
        case 6: return "\"\(first.replacingOccurrences(of: "*", with: "")) \(other.replacingOccurrences(of: "*", with: ""))\""
        case 7: return ["titel:", "organisatie:", "auteur:"].randomElement(using: &rng)! + first
        default: return "(\(first) OR \(other)) AND \(AccessFixture.publicWords.randomElement(using: &rng)!)"
        }
    }

    /// Random facet and paging parameters (never text that is itself a marker).
    static func parameters(using rng: inout SeededGenerator) -> String {
        var items: [String] = []
        let options = ["type=rapport", "type=beleid", "type=voorlichting", "access=openbaar", "access=professional",
                       "access=vertrouwelijk", "language=nl", "audience=politie", "audience=gemeenten", "theme=werkwijze-daders",
                       "sort=date", "from=2010", "to=2023", "size=100", "page=2"]
        for _ in 0..<Int.random(in: 0...3, using: &rng) { items.append(options.randomElement(using: &rng)!) }
        return items.map { "&" + $0 }.joined()
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: "\u{0}"..."\u{7F}"))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
