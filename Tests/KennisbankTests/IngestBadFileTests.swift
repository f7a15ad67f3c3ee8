import Foundation
import KennisbankCore
@testable import KennisbankIngest
import Testing

/// Every kind of bad file is skipped with a reason that says what is wrong; nothing crashes, nothing
/// unreadable reaches the index, and the good files beside them are indexed.
@Suite struct IngestBadFileTests {
    /// Indexes a folder holding one good PDF and the given bad file; returns the reason the bad one got.
    private func reason(for name: String, bytes: [UInt8], catalog: String = TestFiles.metadata(language: "nl")) throws -> String {
        let fixture = try Fixture()
        try fixture.writeCatalog("", catalog)
        try fixture.write("goed/rapport.pdf", bytes: TestFiles.pdf(pages: [TestFiles.signalenPage], created: "20200101000000"))
        try fixture.write("slecht/" + name, bytes: bytes)
        let summary = try fixture.index()
        #expect(summary.outcome("goed/rapport.pdf")?.status == .indexed, "the good file beside it: \(summary.skipped)")
        #expect(summary.exitStatus == 1)
        #expect(try fixture.searcher().documentCount == 1, "nothing of the bad file is indexed")
        return try #require(summary.reason("slecht/" + name))
    }

    @Test func emptyFile() throws {
        #expect(try reason(for: "leeg.pdf", bytes: []) == "empty file")
    }

    @Test func encryptedPDFThatNeedsAPassword() throws {
        let encrypted = TestFiles.pdf(pages: [TestFiles.signalenPage], created: "20200101000000", encrypt: true)
        let reason = try reason(for: "beveiligd.pdf", bytes: encrypted)
        #expect(reason.contains("encrypted PDF"), "\(reason)")
        #expect(reason.contains("password"))
    }

    @Test func truncatedPDF() throws {
        let whole = TestFiles.pdf(pages: [TestFiles.signalenPage, TestFiles.signalenPage], created: "20200101000000")
        let reason = try reason(for: "afgebroken.pdf", bytes: Array(whole.prefix(whole.count * 2 / 3)))
        #expect(reason.hasPrefix("truncated PDF"), "\(reason)")
    }

    @Test func pdfWithAHeaderAndRubbishIsUnreadable() throws {
        let rubbish = Array("%PDF-1.7\n".utf8) + (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) } + Array("\n%%EOF\n".utf8)
        let reason = try reason(for: "rommel.pdf", bytes: rubbish)
        #expect(reason.contains("PDF"), "\(reason)")
    }

    @Test func scannedPDFWithoutText() throws {
        let reason = try reason(for: "scan.pdf", bytes: TestFiles.pdf(pages: [[], []], created: "20200101000000"))
        #expect(reason.contains("no text layer"), "\(reason)")
    }

    @Test func binaryBlob() throws {
        let blob = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let reason = try reason(for: "data.txt", bytes: blob)
        #expect(reason.contains("binary file"), "\(reason)")
    }

    @Test func unknownEncoding() throws {
        // Bytes that are neither UTF-8 nor Windows-1252 (0x81 and 0x8D are undefined there).
        let bytes = Array("Tekst over opvang ".utf8) + [0x81, 0xC3, 0x28, 0x8D, 0xE2, 0x82] + Array(" en nazorg".utf8)
        let reason = try reason(for: "vreemd.txt", bytes: bytes)
        #expect(reason.contains("unknown text encoding"), "\(reason)")
    }

    @Test func word97Document() throws {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        #expect(try reason(for: "oud.doc", bytes: ole) == "Word 97-2003 (.doc) is not supported; save as .docx")
        // Also when it carries a .docx name.
        #expect(try reason(for: "vermomd.docx", bytes: ole) == "Word 97-2003 (.doc) is not supported; save as .docx")
    }

    @Test func imageWithADocumentName() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 100)
        #expect(try reason(for: "foto.pdf", bytes: png) == "PNG image, not a document")
    }

    @Test func damagedAndWrongOfficeFiles() throws {
        let docx = TestFiles.docx([("", "Tekst over de aanpak van uitbuiting.")], created: "2020-01-01")
        #expect(try reason(for: "kapot.docx", bytes: Array(docx.prefix(docx.count / 2))).contains("damaged ZIP/Office file"))
        let workbook = TestFiles.zip([("[Content_Types].xml", Array("<Types/>".utf8)), ("xl/workbook.xml", Array("<workbook/>".utf8))])
        #expect(try reason(for: "cijfers.docx", bytes: workbook).contains("Excel workbook is not supported"))
        let spreadsheet = TestFiles.zip([("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("content.xml", Array("<x/>".utf8))])
        #expect(try reason(for: "tabel.odt", bytes: spreadsheet).contains("OpenDocument spreadsheet is not supported"))
        let broken = TestFiles.zip([("[Content_Types].xml", Array("<Types/>".utf8)), ("word/document.xml", Array("<w:document><w:body>".utf8))])
        #expect(try reason(for: "halfxml.docx", bytes: broken).contains("not valid XML"))
    }

    @Test func htmlWithOnlyNavigationAndScripts() throws {
        let html = "<html><head><title>Leeg</title><script>var x = 1;</script></head><body><nav>Home | Contact</nav><footer>Colofon</footer></body></html>"
        #expect(try reason(for: "leeg.html", bytes: Array(html.utf8)).contains("no text"))
    }

    @Test func officeFilesThatUnpackTooLargeAreRefused() throws {
        let fixture = try Fixture()
        let text = String(repeating: "Een zin over ketensamenwerking en nazorg. ", count: 200)
        let url = fixture.folder.appendingPathComponent("groot.docx")
        try Data(TestFiles.docx([("", text)])).write(to: url)
        var extractor = OfficeExtractor()
        extractor.maxUnpackedBytes = 2000
        let bytes = Array(try Data(contentsOf: url))
        #expect { try extractor.extract(url, bytes: bytes, format: .docx) } throws: { error in
            (error as? SkipReason)?.message.contains("ZIP bomb") == true
        }
    }

    @Test func helperProgramsAreBoundedInTimeAndOutput() throws {
        let started = Date()
        let slow = try ExternalTool("/bin/sleep").run(["30"], timeout: 0.5, maxOutput: 1000)
        #expect(slow.timedOut)
        #expect(Date().timeIntervalSince(started) < 10)
        let chatty = try ExternalTool("/bin/cat").run(["/dev/zero"], timeout: 30, maxOutput: 100_000)
        #expect(chatty.exceededLimit)
        #expect(chatty.stdout.isEmpty)
    }

    @Test func helperProgramsSeeNoneOfTheIndexersOpenFiles() throws {
        // An open index or socket of ours must not reach pdftotext: only its standard streams, and the
        // folder `ls` itself opens to list them, which gets the lowest free number (3, if nothing leaked).
        let held = open("/dev/null", O_RDONLY)  // inheritable: no O_CLOEXEC
        defer { close(held) }
        let listing = try ExternalTool("/bin/ls").run(["/proc/self/fd"], timeout: 30, maxOutput: 10_000)
        let descriptors = String(decoding: listing.stdout, as: UTF8.self).split(separator: "\n").compactMap { Int($0) }
        #expect(listing.status == 0)
        #expect(descriptors.filter { $0 > 3 }.isEmpty, "\(descriptors)")
    }

    @Test func aHangingPdftotextIsStopped() throws {
        let fixture = try Fixture()
        let script = fixture.folder.appendingPathComponent("hang.sh")
        try "#!/bin/sh\nexec sleep 30\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let pdfURL = fixture.folder.appendingPathComponent("a.pdf")
        let bytes = TestFiles.pdf(pages: [TestFiles.signalenPage])
        try Data(bytes).write(to: pdfURL)
        var extractor = PDFExtractor()
        extractor.pdftotext = ExternalTool(script.path)
        extractor.baseTimeout = 0.5
        extractor.timeoutPerMegabyte = 0
        #expect { try extractor.extract(pdfURL, bytes: bytes) } throws: { error in
            (error as? SkipReason)?.message.contains("did not finish within 0.5 s") == true
        }
    }

    @Test func garbledTextLayersAreRecognised() {
        let garbled = String(repeating: "\u{E001}\u{E002}x\u{FFFD} ", count: 100)
        #expect(PDFExtractor.looksGarbled(garbled))
        #expect(!PDFExtractor.looksGarbled(String(repeating: "Gewone Nederlandse tekst over opvang. ", count: 20)))
    }

    // MARK: - Metadata problems

    @Test func aMissingRequiredFieldIsNamed() throws {
        let fixture = try Fixture()
        try fixture.write("map/rapport.pdf", bytes: TestFiles.pdf(pages: [TestFiles.signalenPage]))
        let reason = try #require(try fixture.index().reason("map/rapport.pdf"))
        for field in ["type", "access", "published", "organisations", "region", "audiences", "approaches", "themes"] {
            #expect(reason.contains(field), "\(field) in \(reason)")
        }
        #expect(reason.contains("map/rapport.pdf.meta.xml"))
        #expect(!reason.contains("title"), "the PDF's text gives a title")
        #expect(!reason.contains("language"), "the language is guessed from the text")
    }

    @Test func aDefaultCoversAMissingField() throws {
        let fixture = try Fixture()
        try fixture.write("map/rapport.pdf", bytes: TestFiles.pdf(pages: [TestFiles.signalenPage]))
        try fixture.writeCatalog("", TestFiles.metadata().replacingOccurrences(of: "</metadata>", with: "<published>2015-01-01</published></metadata>"))
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        #expect(try fixture.searcher().document(id: "map-rapport")?.published == "2015-01-01")
    }

    @Test func aValueOutsideTheVocabularyNamesWhereItWasSet() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(type: "roman", published: "2020-01-01"))
        try fixture.write("map/rapport.pdf", bytes: TestFiles.pdf(pages: [TestFiles.signalenPage]))
        try fixture.write("map/rapport.pdf.meta.xml", TestFiles.metadata(type: nil, access: nil, organisation: nil, region: nil,
                                                                         audiences: ["astronauten"], approaches: nil, themes: nil))
        let reason = try #require(try fixture.index().reason("map/rapport.pdf"))
        #expect(reason.contains("type \"roman\" is not in the vocabulary"), "\(reason)")
        #expect(reason.contains("goede-praktijk"))
        #expect(reason.contains("catalogus.xml line 2"))
        #expect(reason.contains("(and 1 more)"))
    }

    @Test func anInvalidSidecarIsNamedWithItsLine() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog()
        try fixture.write("map/rapport.pdf", bytes: TestFiles.pdf(pages: [TestFiles.signalenPage]))
        try fixture.write("map/rapport.pdf.meta.xml", "<metadata>\n  <title>open\n</metadata>\n")
        let reason = try #require(try fixture.index().reason("map/rapport.pdf"))
        #expect(reason.contains("sidecar is invalid: map/rapport.pdf.meta.xml, line"), "\(reason)")
        // A structure error too: a sidecar holds metadata, not a body.
        try fixture.write("map/rapport.pdf.meta.xml", "<metadata>\n  <body/>\n</metadata>\n")
        let structure = try #require(try fixture.index().reason("map/rapport.pdf"))
        #expect(structure.contains("map/rapport.pdf.meta.xml, line 2"), "\(structure)")
    }

    @Test func pathsPointingOutsideTheCollectionAreRefused() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog()
        try fixture.write("map/a.pdf", bytes: TestFiles.pdf(pages: [TestFiles.signalenPage]))
        try fixture.write("map/a.pdf.meta.xml", TestFiles.metadata(sourceFile: "../../../../etc/passwd"))
        try fixture.write("map/b.pdf", bytes: TestFiles.pdf(pages: [TestFiles.signalenPage]))
        try fixture.write("map/b.pdf.meta.xml", TestFiles.metadata(sourceFile: "/etc/passwd"))
        // A catalog is checked the same way.
        try fixture.write("andere/catalogus.xml", TestFiles.metadata(sourceFile: "../../buiten.pdf"))
        try fixture.write("andere/c.pdf", bytes: TestFiles.pdf(pages: [TestFiles.signalenPage]))
        // And a record.
        try fixture.write("records/r.xml", Fixture.record(id: "r").replacingOccurrences(of: "<body>", with: "<source file=\"../../../geheim.txt\">x</source><body>"))
        let summary = try fixture.index()
        #expect(summary.reason("map/a.pdf")?.contains("points outside the collection folder") == true, "\(summary.skipped)")
        #expect(summary.reason("map/b.pdf")?.contains("must be a path relative to the collection folder") == true, "\(summary.skipped)")
        #expect(summary.reason("andere/c.pdf")?.contains("points outside the collection folder") == true)
        #expect(summary.reason("records/r.xml")?.contains("points outside the collection folder") == true)
    }

    @Test func aCatalogMayNotSetTitleOrId() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(id: "alles", title: "Altijd dezelfde titel"))
        try fixture.write("map/a.pdf", bytes: TestFiles.pdf(pages: [TestFiles.signalenPage]))
        let reason = try #require(try fixture.index().reason("map/a.pdf"))
        #expect(reason.contains("folder catalog is invalid: catalogus.xml"), "\(reason)")
        #expect(reason.contains("not in a folder catalog"))
    }

    @Test func symbolicLinksOutOfTheCollectionAreNotFollowed() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog()
        let outside = fixture.folder.deletingLastPathComponent().appendingPathComponent("buiten.txt")
        try "Geheime tekst buiten de collectie over opvang en nazorg en meer woorden.".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: fixture.folder.appendingPathComponent("map"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: fixture.folder.appendingPathComponent("map/link.txt"), withDestinationURL: outside)
        let summary = try fixture.index()
        #expect(summary.reason("map/link.txt") == "symbolic link points outside the collection folder")
        #expect(try fixture.search("geheime").total == 0)
    }

    @Test func aSidecarWithoutItsFileIsReported() throws {
        let fixture = try Fixture()
        try fixture.write("map/weg.pdf.meta.xml", TestFiles.metadata())
        let summary = try fixture.index()
        #expect(summary.reason("map/weg.pdf.meta.xml") == "sidecar without its file: map/weg.pdf is missing")
    }

    @Test func textAtTheRootIsConfigurationNotADocument() throws {
        let fixture = try Fixture()
        try fixture.write("lexicon.txt", "loverboy\njeugdprostitutie\n")
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0)
        #expect(summary.outcome("lexicon.txt")?.status == .ignored)
    }
}
