import Foundation
@testable import KennisbankIngest
import Testing

/// Runs the built `kennisbank` binary the way a person would, and checks what it prints and returns.
@Suite struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary built next to this test bundle.
    static var binary: URL {
        let buildDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [buildDirectory.appendingPathComponent("kennisbank"),
                          Bundle.main.bundleURL.appendingPathComponent("kennisbank"),
                          root.appendingPathComponent(".build/debug/kennisbank")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return root.appendingPathComponent(".build/debug/kennisbank")
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary and waits for it. Through ExternalTool rather than Foundation's Process, whose
    /// run() now and then crashed the whole test process (see ExternalTool.Child).
    @discardableResult
    static func run(_ arguments: [String]) throws -> Output {
        let result = try ExternalTool(binary.path).run(arguments, timeout: 600, maxOutput: 256 << 20)
        return Output(status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self), stderr: result.stderr)
    }

    /// A temporary collection holding a few real Corpus files, and an index path beside it.
    static func collection(_ files: [String]) throws -> (folder: String, index: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-cli-\(UUID().uuidString)")
        let folder = base.appendingPathComponent("collectie")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("Corpus/vocabulaire.json"),
                                         to: folder.appendingPathComponent("vocabulaire.json"))
        for file in files {
            try FileManager.default.copyItem(at: root.appendingPathComponent("Corpus").appendingPathComponent(file),
                                             to: folder.appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent))
        }
        return (folder.path, base.appendingPathComponent("index").path)
    }

    static let sample = ["goede-praktijken/gp-weerbaarheidstraining-rotterdam.xml",
                         "voorlichting/vl-ouders-loverboys-herkennen.xml",
                         "beleid/bel-pva2004-loverboyproblematiek-en-expertisepunt.xml",
                         "daderprofielen/dp-online-ronselaar-gaming-sextortion.xml"]

    @Test func indexThenSearchAsJSON() throws {
        let (folder, index) = try Self.collection(Self.sample)
        let indexed = try Self.run(["index", folder, "--index", index])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        #expect(indexed.stdout.contains("4 indexed, 0 unchanged, 0 removed, 0 skipped"))

        let search = try Self.run(["search", "loverboy", "--index", index, "--json"])
        #expect(search.status == 0, "\(search.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
        #expect(object["query"] as? String == "loverboy")
        #expect((object["total"] as? Int ?? 0) >= 2)
        let hits = try #require(object["hits"] as? [[String: Any]])
        let first = try #require(hits.first)
        for key in ["id", "title", "type", "date", "snippet", "passages"] { #expect(first[key] != nil, "hit has \(key)") }
        #expect((first["snippet"] as? String)?.contains("<mark>") == true)
        let facets = try #require(object["facets"] as? [String: [[String: Any]]])
        #expect(Set(facets.keys) == ["type", "theme", "audience", "approach", "region", "organisation", "language", "access"])
        #expect(facets["type"]?.allSatisfy { $0["value"] != nil && $0["count"] != nil } == true)
    }

    @Test func secondRunReportsUnchangedAndIsQuiet() throws {
        let (folder, index) = try Self.collection(Self.sample)
        try Self.run(["index", folder, "--index", index])
        let again = try Self.run(["index", folder, "--index", index])
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 indexed, 4 unchanged"))
        #expect(again.stderr.isEmpty, "no progress line when stderr is not a terminal")
    }

    @Test func skippedFilesGiveExitStatusOneAndAreNamed() throws {
        let (folder, index) = try Self.collection(Self.sample)
        try "<document id=\"kapot\">\n<title>nooit gesloten\n".write(toFile: folder + "/kapot.xml", atomically: true, encoding: .utf8)
        let result = try Self.run(["index", folder, "--index", index])
        #expect(result.status == 1)
        #expect(result.stderr.contains("kapot.xml"))
        #expect(result.stderr.contains("line"))
        #expect(result.stdout.contains("4 indexed"))
    }

    @Test func badSearchOptionsNameTheOption() throws {
        let (folder, index) = try Self.collection(Self.sample)
        try Self.run(["index", folder, "--index", index])
        let result = try Self.run(["search", "loverboy", "--index", index, "--filter", "kleur=rood"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown facet \"kleur\""))
        #expect(result.stderr.contains("audience"))
        let date = try Self.run(["search", "loverboy", "--index", index, "--from", "2020-13"])
        #expect(date.status == 2)
        #expect(date.stderr.contains("--from"))
        #expect(date.stderr.contains("YYYY-MM"))
    }

    @Test func malformedQueryShowsItsReading() throws {
        let (folder, index) = try Self.collection(Self.sample)
        try Self.run(["index", folder, "--index", index])
        let result = try Self.run(["search", "\"loverboy AND", "--index", index])
        #expect(result.status == 0)
        #expect(result.stdout.contains("gezocht op: loverboy"))
    }

    @Test func roleFilterHidesConfidentialMaterial() throws {
        let (folder, index) = try Self.collection(Self.sample)
        try Self.run(["index", folder, "--index", index])
        let asCurator = try Self.run(["search", "sextortion", "--index", index, "--json"])
        #expect(asCurator.stdout.contains("dp-online-ronselaar-gaming-sextortion"))
        let anonymous = try Self.run(["search", "sextortion", "--index", index, "--json", "--as", "anonymous"])
        #expect(anonymous.status == 0)
        #expect(!anonymous.stdout.contains("dp-online"))
        #expect(!anonymous.stdout.contains("vertrouwelijk"))
    }

    @Test func showPrintsMetadataAndTextAndRejectsUnknownIds() throws {
        let (folder, index) = try Self.collection(Self.sample)
        try Self.run(["index", folder, "--index", index])
        let shown = try Self.run(["show", "gp-weerbaarheidstraining-rotterdam", "--index", index])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("Weerbaarheidstraining"))
        #expect(shown.stdout.contains("veelbelovend"))
        let missing = try Self.run(["show", "bestaat-niet", "--index", index])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("bestaat-niet"))
    }

    @Test func searchingWithoutAnIndexExplainsWhatToDo() throws {
        let result = try Self.run(["search", "loverboy", "--index", "/tmp/geen-index-\(UUID().uuidString)"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("kennisbank index"))
    }
}
