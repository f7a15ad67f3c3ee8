import Foundation
import KennisbankCore
@testable import KennisbankIngest

/// Builders for test files in every format, written from scratch so tests need no tools beyond the indexer's.
enum TestFiles {
    /// A text PDF (Helvetica, WinAnsi): each page is a list of paragraphs, each paragraph a list of lines.
    /// Every page gets `header` at the top and "Pagina n van N" at the bottom.
    static func pdf(pages: [[[String]]], header: String? = nil, title: String? = nil, created: String? = nil,
                    encrypt: Bool = false) -> [UInt8] {
        func escape(_ text: String) -> [UInt8] {
            var out: [UInt8] = []
            for scalar in text.unicodeScalars {
                let byte: UInt8 = scalar.value < 256 ? UInt8(scalar.value) : UInt8(ascii: "?")
                switch byte {
                case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
                case 0x80...: out += Array(String(format: "\\%03o", byte).utf8)
                default: out.append(byte)
                }
            }
            return out
        }
        var objects: [[UInt8]] = []
        func add(_ body: [UInt8]) -> Int { objects.append(body); return objects.count }
        func add(_ body: String) -> Int { add(Array(body.utf8)) }
        let font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        var contents: [Int] = []
        for (number, paragraphs) in pages.enumerated() {
            var stream: [UInt8] = []
            func line(_ text: String, size: Int, x: Int, y: Int) {
                stream += Array("BT /F1 \(size) Tf \(x) \(y) Td (".utf8) + escape(text) + Array(") Tj ET\n".utf8)
            }
            if let header { line(header, size: 9, x: 72, y: 800) }
            var y = 760
            for paragraph in paragraphs {
                for text in paragraph {
                    line(text, size: 11, x: 72, y: y)
                    y -= 15
                }
                y -= 30
            }
            line("Pagina \(number + 1) van \(pages.count)", size: 9, x: 280, y: 40)
            contents.append(add(Array("<< /Length \(stream.count) >>\nstream\n".utf8) + stream + Array("\nendstream".utf8)))
        }
        let pagesID = objects.count + pages.count + 1
        let pageIDs = contents.map { content in
            add("<< /Type /Page /Parent \(pagesID) 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(content) 0 R >>")
        }
        _ = add("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pageIDs.count) >>")
        let catalog = add("<< /Type /Catalog /Pages \(pagesID) 0 R >>")
        var info: [UInt8] = Array("<< /Producer (Kennisbank test)".utf8)
        if let title { info += Array(" /Title (".utf8) + escape(title) + Array(")".utf8) }
        if let created { info += Array(" /CreationDate (D:\(created))".utf8) }
        let infoID = add(info + Array(" >>".utf8))
        // A standard security handler whose check value no password opens: what a user-password PDF looks like.
        let encryptID = encrypt ? add("<< /Filter /Standard /V 1 /R 2 /O <\(String(repeating: "4f", count: 32))> /U <\(String(repeating: "a5", count: 32))> /P -44 >>") : nil
        var out: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { out += Array(String(format: "%010d 00000 n \n", offset).utf8) }
        var trailer = "<< /Size \(objects.count + 1) /Root \(catalog) 0 R /Info \(infoID) 0 R"
        if let encryptID { trailer += " /Encrypt \(encryptID) 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]" }
        out += Array("trailer\n\(trailer) >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// Text as a Windows-1252 file would hold it (for the characters these tests use).
    static func windows1252(_ text: String) -> [UInt8] {
        let special: [Character: UInt8] = ["€": 0x80, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97]
        return text.precomposedStringWithCanonicalMapping.flatMap { character -> [UInt8] in
            if let byte = special[character] { return [byte] }
            let value = character.unicodeScalars.first!.value
            return value < 256 ? [UInt8(value)] : [UInt8(ascii: "?")]
        }
    }

    /// A ZIP archive with the entries stored uncompressed (enough for .docx and .odt).
    static func zip(_ entries: [(name: String, data: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func u32(_ value: UInt32) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24 & 0xFF)] }
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = crc32(entry.data)
            let offset = out.count
            out += u32(0x0403_4B50) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0x21) + u32(crc)
                + u32(UInt32(entry.data.count)) + u32(UInt32(entry.data.count)) + u16(name.count) + u16(0) + name + entry.data
            central += u32(0x0201_4B50) + u16(20) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0x21) + u32(crc)
                + u32(UInt32(entry.data.count)) + u32(UInt32(entry.data.count)) + u16(name.count) + u16(0) + u16(0) + u16(0) + u16(0)
                + u32(0) + u32(UInt32(offset)) + name
        }
        let centralOffset = out.count
        out += central
        out += u32(0x0605_4B50) + u16(0) + u16(0) + u16(entries.count) + u16(entries.count)
            + u32(UInt32(central.count)) + u32(UInt32(centralOffset)) + u16(0)
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A Word document: `(style, text)` paragraphs, style "Title", "Heading1", "List" or "" for body text.
    static func docx(_ paragraphs: [(style: String, text: String)], title: String? = nil, created: String? = nil) -> [UInt8] {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let body = paragraphs.map { paragraph -> String in
            var properties = ""
            if paragraph.style == "List" {
                properties = "<w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
            } else if !paragraph.style.isEmpty {
                properties = "<w:pPr><w:pStyle w:val=\"\(paragraph.style)\"/></w:pPr>"
            }
            return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(escape(paragraph.text))</w:t></w:r></w:p>"
        }.joined()
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
        """
        var core = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
        if let title { core += "<dc:title>\(escape(title))</dc:title>" }
        if let created { core += "<dcterms:created>\(created)</dcterms:created>" }
        core += "</cp:coreProperties>"
        let types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
        return zip([("[Content_Types].xml", Array(types.utf8)), ("word/document.xml", Array(document.utf8)), ("docProps/core.xml", Array(core.utf8))])
    }

    /// An OpenDocument text: `(kind, text)` with kind "h" (heading), "li" (list item) or "p".
    static func odt(_ blocks: [(kind: String, text: String)], title: String? = nil, created: String? = nil) -> [UInt8] {
        let namespaces = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        let body = blocks.map { block -> String in
            switch block.kind {
            case "h": "<text:h text:outline-level=\"2\">\(block.text)</text:h>"
            case "li": "<text:list><text:list-item><text:p>\(block.text)</text:p></text:list-item></text:list>"
            default: "<text:p>\(block.text.replacingOccurrences(of: "  ", with: "<text:s/> "))</text:p>"
            }
        }.joined()
        let content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \(namespaces)><office:body><office:text>\(body)</office:text></office:body></office:document-content>"
        var meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta \(namespaces)><office:meta>"
        if let title { meta += "<dc:title>\(title)</dc:title>" }
        if let created { meta += "<meta:creation-date>\(created)</meta:creation-date>" }
        meta += "</office:meta></office:document-meta>"
        return zip([("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)), ("content.xml", Array(content.utf8)),
                    ("meta.xml", Array(meta.utf8))])
    }

    /// A folder catalog (or sidecar) with the given fields; nil fields are left out.
    static func metadata(id: String? = nil, type: String? = "rapport", access: String? = "openbaar", language: String? = nil,
                         title: String? = nil, published: String? = nil, organisation: String? = "Redactie", region: String? = "landelijk",
                         audiences: [String]? = ["gemeenten"], approaches: [String]? = ["preventief"], themes: [String]? = ["signalering"],
                         sourceFile: String? = nil) -> String {
        var attributes = ""
        if let id { attributes += " id=\"\(id)\"" }
        if let type { attributes += " type=\"\(type)\"" }
        if let access { attributes += " access=\"\(access)\"" }
        if let language { attributes += " language=\"\(language)\"" }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata\(attributes)>\n"
        if let title { xml += "  <title>\(title)</title>\n" }
        if let published { xml += "  <published>\(published)</published>\n" }
        if let organisation { xml += "  <organisations><organisation>\(organisation)</organisation></organisations>\n" }
        if let region { xml += "  <region scope=\"\(region)\"/>\n" }
        if let audiences { xml += "  <audiences>\(audiences.map { "<audience>\($0)</audience>" }.joined())</audiences>\n" }
        if let approaches { xml += "  <approaches>\(approaches.map { "<approach>\($0)</approach>" }.joined())</approaches>\n" }
        if let themes { xml += "  <themes>\(themes.map { "<theme>\($0)</theme>" }.joined())</themes>\n" }
        if let sourceFile { xml += "  <source file=\"\(sourceFile)\">Bijlage</source>\n" }
        return xml + "</metadata>\n"
    }

    /// Dutch running text for a PDF page, with a word hyphenated across a line.
    static let signalenPage: [[String]] = [
        ["Signalen van jeugdprostitutie worden vaak te laat herkend. Medewerkers van scholen en",
         "wijkteams zien de eerste veranderingen, zoals spijbelen en nieuwe dure spullen, maar koppelen",
         "die niet aan uitbuiting door een loverboy. Een goede training helpt bij het herkennen van jeugd-",
         "prostitutie en bij het voeren van het eerste gesprek met de jongere."],
    ]
}

extension Fixture {
    func write(_ name: String, bytes: [UInt8]) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// An indexer over this fixture's folder, for options the plain `index()` does not set.
    func indexer(retryFailed: Bool = false, defaults: URL? = nil, documentsPerCommit: Int = 50) throws -> CollectionIndexer {
        var indexer = try CollectionIndexer(folder: folder, location: location)
        indexer.retryFailed = retryFailed
        indexer.defaultsCatalog = defaults
        indexer.documentsPerCommit = documentsPerCommit
        return indexer
    }

    /// The standard folder catalog that makes any file in the folder indexable.
    func writeCatalog(_ folder: String = "", _ xml: String = TestFiles.metadata()) throws {
        try write(folder.isEmpty ? "catalogus.xml" : folder + "/catalogus.xml", xml)
    }
}

extension IndexSummary {
    func outcome(_ path: String) -> FileOutcome? { files.first { $0.path == path } }
    func reason(_ path: String) -> String? { skipped.first { $0.path == path }?.reason }
}
