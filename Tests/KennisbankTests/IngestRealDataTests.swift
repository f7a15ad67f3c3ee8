import Foundation
import KennisbankCore
@testable import KennisbankIngest
import Testing

/// The real material beside the checkout (`../shared`): 59 PDFs of the National Rapporteur and a long policy
/// text. Skipped cleanly when it is not there.
enum RealData {
    static let shared = Fixture.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let nrm = shared.appendingPathComponent("data/nrm-publicaties")
    static let seed = shared.appendingPathComponent("seed/plan-van-aanpak-ordening-bescherming-prostitutiesector-2004.txt")
    static var hasNRM: Bool { FileManager.default.fileExists(atPath: nrm.appendingPathComponent("MANIFEST.tsv").path) }
    static var hasSeed: Bool { FileManager.default.fileExists(atPath: seed.path) }

    /// The NRM folder indexed once for all tests (it is read-only: its defaults come from a catalog outside it).
    static let nrmIndex: Result<(summary: IndexSummary, location: IndexLocation, indexer: CollectionIndexer), any Error> = Result {
        // One index per test process (17 MB); those of earlier processes are removed.
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix("kennisbank-nrm-") {
            if let pid = Int32(name.dropFirst("kennisbank-nrm-".count)), pid != getpid(), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        let base = temporary.appendingPathComponent("kennisbank-nrm-\(getpid())")
        try? FileManager.default.removeItem(at: base)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let catalog = base.appendingPathComponent("catalogus.xml")
        try TestFiles.metadata(organisation: "Nationaal Rapporteur Mensenhandel", audiences: ["beleidsmakers"],
                               approaches: ["repressief"], themes: ["cijfers-en-monitoring"])
            .write(to: catalog, atomically: true, encoding: .utf8)
        let location = IndexLocation(base.appendingPathComponent("index").path)
        var indexer = try CollectionIndexer(folder: nrm, location: location, vocabularyURL: Fixture.vocabulary)
        indexer.defaultsCatalog = catalog
        return (try indexer.run(), location, indexer)
    }

    /// MANIFEST.tsv: file name → page count.
    static func manifestPages() throws -> [String: Int] {
        let lines = try String(contentsOf: nrm.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8).split(separator: "\n").dropFirst()
        return Dictionary(uniqueKeysWithValues: lines.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (String(fields[0]), Int(fields[2]) ?? 0)
        })
    }
}

@Suite(.enabled(if: RealData.hasNRM, "needs ../shared/data/nrm-publicaties"))
struct IngestNRMTests {
    @Test func everyRealPDFIsIndexedOrSkippedWithASpecificReason() throws {
        let (summary, location, _) = try RealData.nrmIndex.get()
        let pdfs = summary.files.filter { $0.path.hasSuffix(".pdf") }
        #expect(pdfs.count == 59)
        for file in pdfs {
            #expect(file.status == .indexed || (file.status == .skipped && file.reason?.isEmpty == false), "\(file)")
        }
        #expect(summary.skipped.isEmpty, "\(summary.skipped)")
        // Page counts agree with the manifest; identical files are one document.
        let pages = try RealData.manifestPages()
        for file in pdfs where file.copyOf == nil {
            #expect(file.pages == pages[file.path], "\(file.path)")
        }
        #expect(Set(summary.copies.map(\.path)) == ["P0093D02.pdf", "P0102D02.pdf", "P0114D02.pdf", "P0117D02.pdf", "P0132D01.pdf"])
        let searcher = try Searcher(location: location, levels: AccessLevel.allCases)
        #expect(searcher.documentCount == 54)
        #expect(try searcher.document(id: "p0123d01")?.source?.files == ["P0123D01.pdf", "P0132D01.pdf"])
    }

    @Test func loverboyFindsTheReportsWithPageNumberedPassages() throws {
        let (_, location, _) = try RealData.nrmIndex.get()
        let searcher = try Searcher(location: location, levels: [.openbaar])
        let result = try searcher.search(SearchRequest(query: "loverboy", limit: 20))
        #expect(result.total >= 10)
        let withPassages = result.hits.filter { !$0.passages.isEmpty }
        #expect(withPassages.count >= 5)
        for hit in withPassages {
            for passage in hit.passages {
                #expect(passage.page != nil, "\(hit.id)")
                #expect(passage.text.contains("<mark>"), "\(hit.id) p. \(passage.page ?? 0)")
            }
        }
        // The 2007 issue of Justitiële verkenningen discusses loverboys on pages 82 and 83.
        let journal = try #require(result.hits.first { $0.id == "p0123d01" })
        #expect(journal.passages.contains { $0.page == 82 || $0.page == 83 })
    }

    @Test func extractedTextIsClean() throws {
        let (_, location, _) = try RealData.nrmIndex.get()
        let searcher = try Searcher(location: location, levels: AccessLevel.allCases)
        let monitor = try #require(try searcher.document(id: "p0012d01"))
        #expect(monitor.title == "Slachtoffermonitor mensenhandel: 2012-2016")
        #expect(monitor.language == "nl")
        #expect(monitor.published == "2017-10-23")
        // The running header ("Slachtoffermonitor mensenhandel 2012-2016" above a page number, on 120 pages)
        // is gone from the pages; only the title pages still carry the title.
        let pagesWithHeader = monitor.sections.filter { $0.paragraphs.contains("Slachtoffermonitor mensenhandel 2012-2016") }
        #expect(pagesWithHeader.count <= 3, "\(pagesWithHeader.map(\.page))")
        #expect(monitor.bodyText.contains("Vandaag is de Europese Dag tegen Mensenhandel."))
        // English speeches are recognised as English.
        #expect(try searcher.document(id: "p0027d01")?.language == "en")
        // Titles that were file names ("JV7_2007_4.indd", "Microsoft Word - ….doc") are not used.
        for id in ["p0123d01", "p0105d01", "p0138d01"] {
            let title = try #require(try searcher.document(id: id)?.title)
            #expect(!title.contains(".indd") && !title.contains(".doc") && !title.contains("\\"), "\(id): \(title)")
        }
    }

    @Test func wordsHyphenatedAcrossLinesAreFindable() throws {
        let (_, location, _) = try RealData.nrmIndex.get()
        let searcher = try Searcher(location: location, levels: AccessLevel.allCases)
        // P0054D01 breaks "telefoonabonne-/menten" and "aankno-/pingspunten" across lines.
        let article = try #require(try searcher.document(id: "p0054d01"))
        #expect(!article.bodyText.contains("telefoonabonne-"))
        #expect(!article.bodyText.contains("aankno-"))
        #expect(article.bodyText.contains("aanknopingspunten"))
        let hits = try searcher.search(SearchRequest(query: "aanknopingspunten", limit: 50))
        #expect(hits.ids.contains("p0054d01"))
    }

    @Test func aMisspellingIsCorrectedForEveryRole() throws {
        let (_, location, _) = try RealData.nrmIndex.get()
        for levels in [[AccessLevel.openbaar], AccessLevel.allCases] {
            let result = try Searcher(location: location, levels: levels).search(SearchRequest(query: "slachtofermonitor"))
            #expect(result.correctedFrom == "slachtofermonitor", "\(levels)")
            #expect(result.understood == "slachtoffermonitor", "\(levels)")
            #expect(result.total > 0, "\(levels)")
        }
    }

    @Test func reindexingWithoutChangesReadsNothing() throws {
        let (_, _, indexer) = try RealData.nrmIndex.get()
        let again = try indexer.run()
        #expect(again.unchanged == 59)
        #expect(again.indexed.isEmpty)
        #expect(again.files.allSatisfy { $0.seconds == nil })
    }
}

@Suite(.enabled(if: RealData.hasSeed, "needs ../shared/seed"))
struct IngestSeedTextTests {
    @Test func theLongPolicyTextIsCleanedAndSearchable() throws {
        let fixture = try Fixture()
        try fixture.write("beleid/plan-van-aanpak-2004.txt", bytes: Array(try Data(contentsOf: RealData.seed)))
        try fixture.write("beleid/plan-van-aanpak-2004.txt.meta.xml",
                          TestFiles.metadata(type: "beleid", title: "Plan van aanpak ordening en bescherming prostitutiesector",
                                             published: "2004-06-18", audiences: ["beleidsmakers"], themes: ["vergunningen-en-toezicht"]))
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        let document = try #require(try fixture.searcher().document(id: "beleid-plan-van-aanpak-2004"))
        #expect(document.language == "nl")
        let text = document.bodyText
        // "arbeidsmarktkwalifi-" + "caties" across a line is one word again; real hyphens stay.
        #expect(text.contains("het ontbreken van bruikbare arbeidsmarktkwalificaties"))
        #expect(!text.contains("arbeidsmarktkwalifi-"))
        #expect(text.contains("non-gouvernementele organisaties"))
        // The page mark " I " between pages is gone.
        #expect(!document.sections.flatMap(\.paragraphs).contains("I"))
        #expect(try fixture.search("arbeidsmarktkwalificaties").ids == ["beleid-plan-van-aanpak-2004"])
        #expect(Passage.split(document.sections).count > 20)
    }
}
