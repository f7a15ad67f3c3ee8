import Foundation

/// Reads PDFs with poppler's `pdfinfo` and `pdftotext`. Page boundaries (form feeds) are kept, so every
/// passage knows its page. Encrypted, truncated, image-only and garbled PDFs are refused with a reason.
struct PDFExtractor {
    var pdftotext = ExternalTool("/usr/bin/pdftotext")
    var pdfinfo = ExternalTool("/usr/bin/pdfinfo")
    /// More text than this from one PDF is refused (a 1,000-page report is about 5 MB).
    var maxTextBytes = 64 << 20
    /// Time allowed per tool run: a base plus some per megabyte, at most ten minutes.
    var baseTimeout: TimeInterval = 30
    var timeoutPerMegabyte: TimeInterval = 2

    func extract(_ url: URL, bytes: [UInt8]) throws(SkipReason) -> ExtractedDocument {
        // A copy that stopped early has no end-of-file marker; poppler would quietly rebuild what it can.
        let tail = bytes.suffix(2048)
        guard tail.count >= 5, String(decoding: tail, as: UTF8.self).contains("%%EOF") else {
            throw SkipReason(message: "truncated PDF: no %%EOF end marker (incomplete download or copy?)")
        }
        let timeout = min(600, baseTimeout + Double(bytes.count) / 1_000_000 * timeoutPerMegabyte)
        let info = try readInfo(url, timeout: timeout)

        let output: ExternalTool.Output
        do {
            output = try pdftotext.run(["-enc", "UTF-8", "-eol", "unix", url.path, "-"], timeout: timeout, maxOutput: maxTextBytes)
        } catch {
            throw SkipReason(message: error.description)
        }
        if output.timedOut { throw SkipReason(message: "pdftotext did not finish within \(Self.seconds(timeout)); the PDF may be damaged or hostile") }
        if output.exceededLimit { throw SkipReason(message: "PDF holds more than \(maxTextBytes >> 20) MB of text") }
        if output.status != 0 {
            throw Self.failure(output, encrypted: info.encrypted, tool: "pdftotext")
        }

        let raw = String(decoding: output.stdout, as: UTF8.self)
        if Self.looksGarbled(raw) {
            throw SkipReason(message: "PDF text layer is unreadable (broken font encoding); run OCR on it first")
        }
        let normalised = TextCleaner.normalise(raw)
        var (sections, pages) = TextCleaner.pagedSections(normalised)
        for index in sections.indices { sections[index].paragraphs = sections[index].paragraphs.map(TextCleaner.removeFootnoteMarkers) }
        var document = ExtractedDocument(format: .pdf, sections: sections, pages: info.pages ?? pages,
                                         properties: info.properties)
        if document.wordCount < 5 {
            throw SkipReason(message: "PDF has no text layer (scanned pages?); run OCR on it first")
        }
        if info.encrypted { document.notes.append("encrypted PDF without a user password; text extracted") }
        document.plainText = normalised
        return document
    }

    struct Info {
        var pages: Int?
        var encrypted = false
        var properties = FileProperties(origin: "PDF document info")
    }

    func readInfo(_ url: URL, timeout: TimeInterval) throws(SkipReason) -> Info {
        let output: ExternalTool.Output
        do {
            output = try pdfinfo.run(["-isodates", "-enc", "UTF-8", url.path], timeout: timeout, maxOutput: 1 << 20)
        } catch {
            throw SkipReason(message: error.description)
        }
        if output.timedOut { throw SkipReason(message: "pdfinfo did not finish within \(Self.seconds(timeout)); the PDF may be damaged or hostile") }
        if output.status != 0 { throw Self.failure(output, encrypted: false, tool: "pdfinfo") }
        var info = Info()
        // Only unindented lines: PDF/X files add an indented second "Title:" for their output intent.
        for line in String(decoding: output.stdout, as: UTF8.self).split(separator: "\n") where line.first?.isWhitespace == false {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            switch key {
            case "Pages": info.pages = Int(value)
            case "Encrypted": info.encrypted = value.hasPrefix("yes")
            case "Title": info.properties.title = Self.plausibleTitle(value)
            case "Subject": info.properties.summary = value.count >= 20 ? TextCleaner.collapse(value) : nil
            case "Keywords": info.properties.keywords = value.split(whereSeparator: { ",;".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case "Author": info.properties.authors = Self.plausibleAuthor(value).map { [$0] } ?? []
            case "CreationDate": info.properties.published = DateNormaliser.isoDate(value)
            default: break
            }
        }
        return info
    }

    static func seconds(_ value: TimeInterval) -> String {
        value >= 10 ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    private static func failure(_ output: ExternalTool.Output, encrypted: Bool, tool: String) -> SkipReason {
        let message = output.stderr.lowercased()
        if message.contains("incorrect password") {
            return SkipReason(message: "encrypted PDF: it needs a password to open; save an unprotected copy")
        }
        if message.contains("copying of text") {
            return SkipReason(message: "encrypted PDF: its permissions forbid copying text; save an unprotected copy")
        }
        if encrypted {
            return SkipReason(message: "encrypted PDF: text cannot be extracted (\(output.firstErrorLine ?? "\(tool) failed"))")
        }
        return SkipReason(message: "unreadable PDF: \(output.firstErrorLine ?? "\(tool) exited with status \(output.status)")")
    }

    /// Replacement characters, private-use glyphs and control characters are what a PDF with a broken
    /// font encoding gives; a few are normal, many mean the text is rubbish.
    static func looksGarbled(_ text: String) -> Bool {
        var total = 0, bad = 0
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            total += 1
            switch scalar.value {
            case 0xFFFD, 0xE000...0xF8FF, 0x00...0x08, 0x0E...0x1F: bad += 1
            default: break
            }
        }
        return total >= 200 && bad * 20 > total
    }

    /// PDF titles are often the name of the file the PDF was made from ("Microsoft Word - brief.doc",
    /// "JV7_2007_4.indd", "C:\\Documents and Settings\\…\\werkbestand.wpd"). Those say nothing; clean or drop them.
    static func plausibleTitle(_ raw: String) -> String? {
        var title = TextCleaner.collapse(TextCleaner.normalise(raw))
        for prefix in ["Microsoft Word - ", "Microsoft PowerPoint - ", "Word - "] where title.hasPrefix(prefix) {
            title.removeFirst(prefix.count)
        }
        let lowered = title.lowercased()
        for ext in [".doc", ".docx", ".rtf", ".wpd", ".indd", ".qxd", ".qxp", ".pdf", ".txt", ".odt", ".ppt", ".pptx"]
        where lowered.hasSuffix(ext) {
            title.removeLast(ext.count)
        }
        if title.contains("\\") || title.contains("/") && !title.contains(" ") { return nil }
        // "20130613 Brief Nationaal Rapporteur" → "Brief Nationaal Rapporteur"
        if let first = title.split(separator: " ").first, first.count == 8, first.allSatisfy(\.isASCIIDigit) {
            title = title.split(separator: " ").dropFirst().joined(separator: " ")
        }
        // Real titles have words; file names have underscores and codes.
        let words = title.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" })
            .filter { $0.count >= 3 && $0.allSatisfy(\.isLetter) }
        guard words.count >= 2, !title.contains("_") else { return nil }
        return title.trimmingCharacters(in: .whitespaces)
    }

    /// Author fields hold login names and tool defaults as often as names.
    static func plausibleAuthor(_ raw: String) -> String? {
        let author = TextCleaner.collapse(raw)
        let lowered = author.lowercased()
        let junk = ["user", "admin", "microsoft", "owner", "unknown", "gebruiker", "eigenaar", "windows", "author"]
        guard author.contains(" "), !junk.contains(where: lowered.contains), author.count <= 80 else { return nil }
        return author
    }
}
