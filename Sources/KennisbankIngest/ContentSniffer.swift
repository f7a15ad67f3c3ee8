/// Decides what a file really is from its first bytes, whatever its name says: a `.pdf` that is an HTML error
/// page is read as HTML, a `.docx` that is an old Word 97 file is refused with a reason that says what to do.
enum ContentSniffer {
    enum Content {
        case pdf
        case docx
        case odt
        /// `encoding` is how to read the bytes (nil: let the page's own declaration decide).
        case html(encoding: String?)
        case xmlRecord
        case text(TextDecoding.Decoded)
        case markdown(TextDecoding.Decoded)

        var format: DocumentFormat {
            switch self {
            case .pdf: .pdf
            case .docx: .docx
            case .odt: .odt
            case .html: .html
            case .xmlRecord: .xml
            case .text: .text
            case .markdown: .markdown
            }
        }
    }

    static func sniff(_ bytes: [UInt8], fileExtension: String) -> Result<Content, SkipReason> {
        let ext = fileExtension.lowercased()
        if bytes.isEmpty { return .failure(SkipReason(message: "empty file")) }
        let head = Array(bytes.prefix(1024))

        // PDF readers accept junk before the header, so look for it in the first kilobyte.
        if find(Array("%PDF-".utf8), in: head) != nil { return .success(.pdf) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return zip(bytes)
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return .failure(SkipReason(message: "Word 97-2003 (.doc) is not supported; save as .docx"))
        }
        if bytes.starts(with: Array("{\\rtf".utf8)) {
            return .failure(SkipReason(message: "RTF is not supported; save as .docx"))
        }
        for (magic, name) in imageAndArchiveMagic where bytes.starts(with: magic) {
            return .failure(SkipReason(message: "\(name), not a document"))
        }
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !isUTF16, bytes.prefix(64 * 1024).contains(0) {
            return .failure(SkipReason(message: "binary file (contains NUL bytes), not a text document"))
        }

        let lowered = String(decoding: head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        let start = lowered.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        // Markup only when the file starts with a tag: a text file that mentions "<html>" stays text.
        if start.hasPrefix("<") {
            // Records have a <body> too: an XML declaration or <document> means XML unless it is XHTML.
            let isXML = start.hasPrefix("<?xml") || start.hasPrefix("<document")
            let isHTML = start.hasPrefix("<!doctype html") || hasTag("html", in: lowered)
                || (!isXML && ["head", "body"].contains { hasTag($0, in: lowered) })
            if isHTML { return htmlEncoding(bytes, head: lowered).map { .html(encoding: $0) } }
            if isXML || ext == "xml" { return .success(.xmlRecord) }
        } else if ext == "xml", !isUTF16 {
            // Not XML at all, but named so: the record reader says what is wrong with it, line and column.
            return .success(.xmlRecord)
        }
        switch TextDecoding.decode(bytes) {
        case .failure(let reason): return .failure(reason)
        case .success(let decoded):
            if decoded.text.unicodeScalars.contains(where: isUnexpectedControl) {
                return .failure(SkipReason(message: "binary file (control characters), not a text document"))
            }
            return .success(ext == "md" || ext == "markdown" ? .markdown(decoded) : .text(decoded))
        }
    }

    private static let imageAndArchiveMagic: [([UInt8], String)] = [
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"), ([0xFF, 0xD8, 0xFF], "JPEG image"), (Array("GIF8".utf8), "GIF image"),
        ([0x1F, 0x8B], "gzip archive"), (Array("7z".utf8) + [0xBC, 0xAF], "7-Zip archive"), (Array("Rar!".utf8), "RAR archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "executable program"),
    ]

    private static func zip(_ bytes: [UInt8]) -> Result<Content, SkipReason> {
        guard let directory = ZipDirectory(bytes) else {
            return .failure(SkipReason(message: "damaged ZIP/Office file: no readable table of contents (truncated?)"))
        }
        if let mimetype = directory.storedContent(of: "mimetype", in: bytes)?.trimmingCharacters(in: .whitespacesAndNewlines) {
            switch mimetype {
            case "application/vnd.oasis.opendocument.text":
                return directory.contains("content.xml") ? .success(.odt)
                    : .failure(SkipReason(message: "OpenDocument text without content.xml (damaged file)"))
            case let other where other.hasPrefix("application/vnd.oasis.opendocument."):
                let kind = other.dropFirst("application/vnd.oasis.opendocument.".count)
                return .failure(SkipReason(message: "OpenDocument \(kind) is not supported; only text documents (.odt) are"))
            default:
                break
            }
        }
        if directory.contains("[Content_Types].xml") {
            if directory.contains("word/document.xml") { return .success(.docx) }
            if directory.entries.contains(where: { $0.name.hasPrefix("xl/") }) {
                return .failure(SkipReason(message: "Excel workbook is not supported; only Word (.docx) documents are"))
            }
            if directory.entries.contains(where: { $0.name.hasPrefix("ppt/") }) {
                return .failure(SkipReason(message: "PowerPoint presentation is not supported; only Word (.docx) documents are"))
            }
            return .failure(SkipReason(message: "Office file without word/document.xml (damaged or not a Word document)"))
        }
        return .failure(SkipReason(message: "ZIP archive, not a document (unpack it into the collection instead)"))
    }

    /// `<name>` or `<name ...>` — not `<heading>` when looking for `<head>`.
    private static func hasTag(_ name: String, in text: String) -> Bool {
        var rest = Substring(text)
        while let range = rest.range(of: "<" + name) {
            if let next = rest[range.upperBound...].first, next == ">" || next.isWhitespace { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// How to read an HTML page: its declared charset when that is one we decode ourselves, else UTF-8 when
    /// valid, else Windows-1252 when plausible. Exotic declared charsets are left to libxml2.
    private static func htmlEncoding(_ bytes: [UInt8], head: String) -> Result<String?, SkipReason> {
        let declared = declaredCharset(head)
        let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
        switch declared {
        case "utf-8", "utf8":
            if isUTF8 { return .success("UTF-8") }
            if TextDecoding.isPlausiblyWindows1252(bytes) { return .success("windows-1252") }
            return .failure(SkipReason(message: "declares UTF-8 but is not valid UTF-8, and not plausibly Windows-1252"))
        case "windows-1252", "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "cp1252":
            return .success("windows-1252")
        case nil:
            if isUTF8 { return .success("UTF-8") }
            if TextDecoding.isPlausiblyWindows1252(bytes) { return .success("windows-1252") }
            return .failure(SkipReason(message: "unknown text encoding: no charset declared, not UTF-8 and not plausibly Windows-1252"))
        default:
            return .success(nil)
        }
    }

    /// `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
    static func declaredCharset(_ head: String) -> String? {
        guard let range = head.range(of: "charset=") else { return nil }
        let rest = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let value = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return value.isEmpty ? nil : String(value)
    }

    private static func isUnexpectedControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D: false
        case 0x00..<0x20, 0x7F: true
        default: false
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }
}
