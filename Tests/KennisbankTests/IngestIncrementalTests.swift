import Foundation
@testable import KennisbankCore
@testable import KennisbankIngest
import Testing

/// The index follows the collection for every format: changes, renames, removals, copies, failures, rebuilds.
@Suite struct IngestIncrementalTests {
    private static func page(_ words: String) -> [[String]] {
        [["Deze pagina gaat over \(words) en over de aanpak van uitbuiting door de gemeente en de politie."]]
    }

    private static func pdf(_ words: String) -> [UInt8] {
        TestFiles.pdf(pages: [page(words)], created: "20200101000000")
    }

    private func mixedCollection() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(language: "nl"))
        try fixture.write("map/a.pdf", bytes: Self.pdf("tippelzones"))
        try fixture.write("map/b.html", "<html><head><meta name=\"DC.date\" content=\"2020-01-01\"></head><body><p>Een pagina over uitstapprogramma's.</p></body></html>")
        try fixture.write("map/c.docx", bytes: TestFiles.docx([("", "Een werkwijze voor zorgcoördinatie.")], created: "2020-01-01"))
        try fixture.write("records/r.xml", Fixture.record(id: "r", body: "casusoverleg"))
        return fixture
    }

    @Test func aSecondRunReadsNothing() throws {
        let fixture = try mixedCollection()
        let first = try fixture.index()
        #expect(first.exitStatus == 0, "\(first.skipped)")
        #expect(first.indexed.count == 4)
        let second = try fixture.index()
        #expect(second.indexed.isEmpty)
        #expect(second.unchanged == 4)
        #expect(second.files.allSatisfy { $0.status == .unchanged && $0.seconds == nil })
        #expect(second.formats.isEmpty)
        // Touched but not changed: recognised by its content hash, still not re-indexed.
        try fixture.write("map/a.pdf", bytes: Self.pdf("tippelzones"))
        let touched = try fixture.index()
        #expect(touched.unchanged == 4)
    }

    @Test func anIndexBuiltWithOtherFieldWeightsIsRebuiltOnTheNextRun() throws {
        let fixture = try mixedCollection()
        #expect(try fixture.index().rebuiltBecause == nil)
        // As an index of the previous version: title weight 3.
        let writer = try IndexWriter(location: fixture.location)
        try writer.recordBuildStamp("terms 1; title 3, summary 2, heading 2; analysis fold+stem+decompound")
        writer.close()
        let upgraded = try fixture.index()
        #expect(upgraded.rebuiltBecause?.contains("title 3") == true)
        #expect(upgraded.indexed.count == 4)
        #expect(try IndexWriter.buildStamp(at: fixture.location) == IndexWriter.currentBuildStamp)
        #expect(try fixture.search("casusoverleg").ids == ["r"])
        // Rebuilt once: the next run is incremental again.
        let next = try fixture.index()
        #expect(next.rebuiltBecause == nil)
        #expect(next.unchanged == 4)
    }

    @Test func aChangedFileReplacesItsDocument() throws {
        let fixture = try mixedCollection()
        try fixture.index()
        try fixture.write("map/a.pdf", bytes: Self.pdf("vergunningen"))
        let summary = try fixture.index()
        #expect(summary.indexed == ["map/a.pdf"])
        #expect(try fixture.search("tippelzones").total == 0)
        #expect(try fixture.search("vergunningen").ids == ["map-a"])
    }

    @Test func changedMetadataReindexesWhatItDescribes() throws {
        let fixture = try mixedCollection()
        try fixture.index()
        // A sidecar for one file.
        try fixture.write("map/a.pdf.meta.xml", "<metadata><themes><theme>opvang</theme></themes></metadata>")
        let sidecar = try fixture.index()
        #expect(sidecar.indexed == ["map/a.pdf"])
        #expect(try fixture.searcher().document(id: "map-a")?.themes == ["opvang"])
        // The folder catalog: every file below it.
        try fixture.writeCatalog("", TestFiles.metadata(language: "nl", audiences: ["politie"]))
        let catalog = try fixture.index()
        #expect(Set(catalog.indexed) == ["map/a.pdf", "map/b.html", "map/c.docx"])
        #expect(try fixture.search("", filters: [.audience: ["politie"]]).total == 3)
    }

    @Test func removedAndRenamedFiles() throws {
        let fixture = try mixedCollection()
        try fixture.index()
        try fixture.remove("map/b.html")
        try fixture.remove("map/a.pdf")
        try fixture.write("elders/a-nieuw.pdf", bytes: Self.pdf("tippelzones"))
        let summary = try fixture.index()
        #expect(summary.removed == ["map/a.pdf", "map/b.html"])
        #expect(try fixture.search("uitstapprogramma").total == 0)
        // Renamed: found once, under its new path.
        #expect(try fixture.search("tippelzones").ids == ["elders-a-nieuw"])
        #expect(try fixture.searcher().document(id: "map-a") == nil)
    }

    @Test func identicalFilesBecomeOneDocumentListingEveryCopy() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(language: "nl"))
        let bytes = Self.pdf("dubbelingen")
        try fixture.write("nrm/P1.pdf", bytes: bytes)
        try fixture.write("nrm/P2.pdf", bytes: bytes)
        let first = try fixture.index()
        #expect(first.exitStatus == 0)
        #expect(first.outcome("nrm/P2.pdf")?.copyOf == "nrm/P1.pdf")
        #expect(first.copies.map(\.path) == ["nrm/P2.pdf"])
        let hits = try fixture.search("dubbelingen")
        #expect(hits.ids == ["nrm-p1"])
        #expect(try fixture.searcher().document(id: "nrm-p1")?.source?.files == ["nrm/P1.pdf", "nrm/P2.pdf"])

        // A third copy joins; removing the first moves the document to the next copy.
        try fixture.write("nrm/P3.pdf", bytes: bytes)
        try fixture.index()
        #expect(try fixture.searcher().document(id: "nrm-p1")?.source?.files == ["nrm/P1.pdf", "nrm/P2.pdf", "nrm/P3.pdf"])
        try fixture.remove("nrm/P1.pdf")
        try fixture.index()
        #expect(try fixture.search("dubbelingen").ids == ["nrm-p2"])
        #expect(try fixture.searcher().document(id: "nrm-p2")?.source?.files == ["nrm/P2.pdf", "nrm/P3.pdf"])
        // Unchanged copies are not read again.
        let again = try fixture.index()
        #expect(again.unchanged == 2)
    }

    @Test func copiesThatCuratorsDescribeDifferentlyStaySeparate() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(language: "nl"))
        try fixture.writeCatalog("geheim", "<metadata access=\"vertrouwelijk\"/>")
        let bytes = Self.pdf("dubbelingen")
        try fixture.write("open/P1.pdf", bytes: bytes)
        try fixture.write("geheim/P1.pdf", bytes: bytes)
        try fixture.index()
        #expect(try fixture.search("dubbelingen", role: .anonymous).ids == ["open-p1"])
        #expect(Set(try fixture.search("dubbelingen", role: .trainer).ids) == ["open-p1", "geheim-p1"])
    }

    @Test func failuresAreRememberedAndTriedAgainWhenSomethingChanges() throws {
        let fixture = try Fixture()
        try fixture.write("map/a.pdf", bytes: Self.pdf("herkansing"))
        let first = try fixture.index()
        #expect(first.reason("map/a.pdf")?.contains("missing type") == true)
        // Nothing changed: the failure is reported again without reading the file.
        let second = try fixture.index()
        #expect(second.reason("map/a.pdf")?.hasSuffix("(unchanged since last run)") == true)
        #expect(second.outcome("map/a.pdf")?.seconds == nil)
        // --retry-failed reads it anyway.
        let retried = try fixture.indexer(retryFailed: true).run()
        #expect(retried.outcome("map/a.pdf")?.seconds != nil)
        // Metadata arrives: tried again on its own.
        try fixture.writeCatalog("", TestFiles.metadata(language: "nl"))
        let fixed = try fixture.index()
        #expect(fixed.indexed == ["map/a.pdf"])
        #expect(try fixture.search("herkansing").ids == ["map-a"])
    }

    @Test func aChangedVocabularyRetriesFailures() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(language: "nl", themes: ["nieuw-thema"]))
        try fixture.write("map/a.pdf", bytes: Self.pdf("thema"))
        #expect(try fixture.index().reason("map/a.pdf")?.contains("theme \"nieuw-thema\" is not in the vocabulary") == true)
        let url = fixture.folder.appendingPathComponent("vocabulaire.json")
        let vocabulary = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "\"theme\": [", with: "\"theme\": [\n    {\"value\": \"nieuw-thema\", \"label\": \"Nieuw thema\"},")
        try vocabulary.write(to: url, atomically: true, encoding: .utf8)
        #expect(try fixture.index().indexed == ["map/a.pdf"])
    }

    @Test func aBrokenEditKeepsTheLastGoodPDF() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(language: "nl"))
        let good = Self.pdf("bewaard")
        try fixture.write("map/a.pdf", bytes: good)
        try fixture.index()
        try fixture.write("map/a.pdf", bytes: Array(good.prefix(good.count / 2)))
        let summary = try fixture.index()
        #expect(summary.reason("map/a.pdf")?.hasPrefix("truncated PDF") == true)
        #expect(summary.outcome("map/a.pdf")?.notes == ["the last good version stays in the index"])
        #expect(try fixture.search("bewaard").ids == ["map-a"])
        #expect(try fixture.index().reason("map/a.pdf") != nil)
        #expect(try fixture.search("bewaard").ids == ["map-a"])
    }

    @Test func checkValidatesEverythingAndTouchesNothing() throws {
        let fixture = try mixedCollection()
        try fixture.write("map/kapot.pdf", bytes: [])
        let summary = try fixture.indexer().check()
        #expect(summary.indexed.count == 4)
        #expect(summary.reason("map/kapot.pdf") == "empty file")
        #expect(!FileManager.default.fileExists(atPath: fixture.location.root.path))
        #expect(summary.formats.map(\.format) == ["xml", "pdf", "html", "docx", "other"])
    }

    @Test func everyFileHasAnOutcomeForTheReport() throws {
        let fixture = try mixedCollection()
        try fixture.write("map/leeg.txt", bytes: [])
        try fixture.index()
        try fixture.remove("map/b.html")
        let summary = try fixture.index()
        let statuses = Dictionary(uniqueKeysWithValues: summary.files.map { ($0.path, $0.status) })
        #expect(statuses == ["map/a.pdf": .unchanged, "map/b.html": .removed, "map/c.docx": .unchanged,
                             "map/leeg.txt": .skipped, "records/r.xml": .unchanged])
        let report = try JSONEncoder().encode(summary)
        #expect(String(decoding: report, as: UTF8.self).contains("\"status\":\"removed\""))
    }

    @Test func aCollectionFolderReachedThroughASymbolicLinkIsIndexed() throws {
        let fixture = try mixedCollection()
        let link = fixture.folder.deletingLastPathComponent().appendingPathComponent(fixture.folder.lastPathComponent + "-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: fixture.folder)
        defer { try? FileManager.default.removeItem(at: link) }
        let summary = try CollectionIndexer(folder: link, location: fixture.location).run()
        #expect(summary.indexed.count == 4)
        #expect(try fixture.search("casusoverleg").ids == ["r"])
    }

    @Test func smallCommitsGiveTheSameIndex() throws {
        let fixture = try mixedCollection()
        let summary = try fixture.indexer(documentsPerCommit: 1).run()
        #expect(summary.indexed.count == 4)
        #expect(try fixture.searcher().documentCount == 4)
        #expect(try fixture.index().unchanged == 4)
    }

    @Test func idsLeftBehindByAnInterruptedRunAreRemoved() throws {
        let fixture = try mixedCollection()
        try fixture.write("records/verweesd.xml", Fixture.record(id: "verweesd", body: "wees"))
        try fixture.index()
        #expect(try fixture.search("wees").total == 1)
        // As if a run had replaced the file's entry, committed, and stopped before its final deletions:
        // the manifest no longer names the file, only the stale id.
        try fixture.remove("records/verweesd.xml")
        var manifest = FileManifest.load(from: fixture.location.manifestURL)
        manifest.files["records/verweesd.xml"] = nil
        manifest.staleIDs = ["verweesd"]
        try manifest.save(to: fixture.location.manifestURL)
        try fixture.index()
        #expect(try fixture.search("wees").total == 0)
        #expect(FileManifest.load(from: fixture.location.manifestURL).staleIDs == nil)
    }

    // MARK: - Full rebuild

    @Test func aFullRebuildSwapsInAFreshIndexWhileOldSearchersKeepWorking() throws {
        let fixture = try mixedCollection()
        try fixture.index()
        let before = try fixture.searcher()
        #expect(try before.search(SearchRequest(query: "tippelzones")).total == 1)

        try fixture.write("map/a.pdf", bytes: Self.pdf("vergunningen"))
        let summary = try fixture.indexer().rebuild()
        #expect(summary.indexed.count == 4, "a rebuild reads everything")
        // The searcher opened before the swap still answers from the old files...
        #expect(try before.search(SearchRequest(query: "tippelzones")).total == 1)
        // ...until it is refreshed: the old files are gone, so it must be replaced (the server's pool does that).
        #expect(throws: KennisbankError.self) { try before.refresh() }
        // A new one sees the new index.
        #expect(try fixture.search("tippelzones").total == 0)
        #expect(try fixture.search("vergunningen").ids == ["map-a"])
        let root = fixture.location.root
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("current").path)) != nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(!names.contains { $0.hasPrefix(".building") || $0.hasPrefix(".retired") })
        #expect(!names.contains("openbaar"), "the flat layout was retired")

        // Incremental runs continue in the new generation; another rebuild removes the previous one.
        #expect(try fixture.index().unchanged == 4)
        try fixture.indexer().rebuild()
        let generations = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix("generation-") }
        #expect(generations.count == 1)
        #expect(try fixture.search("vergunningen").ids == ["map-a"])
    }

    @Test func aRebuildOfALockedIndexFailsAndChangesNothing() throws {
        let fixture = try mixedCollection()
        try fixture.index()
        // (A first run already builds a generation, as a rebuild does; the failed rebuild must add nothing.)
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: fixture.location.root.path))
        let holder = try IndexWriter(location: fixture.location)
        defer { holder.close() }
        #expect { try fixture.indexer().rebuild() } throws: { error in
            if case .indexLocked = error as? KennisbankError { return true }
            return false
        }
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: fixture.location.root.path))
        #expect(names == before)
        #expect(!names.contains { $0.hasPrefix(".building") })
    }
}
