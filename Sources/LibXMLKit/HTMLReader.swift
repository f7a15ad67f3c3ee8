internal import CLibXML2

/// Parses real-world HTML with libxml2's forgiving HTML parser: no network, errors and warnings suppressed
/// (tag soup is normal on the web and not the curator's to fix).
public enum HTMLReader {
    /// Parses `bytes` and returns the root `<html>` element (libxml2 adds it when the page leaves it out).
    /// - Parameter encoding: the character encoding to read with (for example "UTF-8" after the caller decoded
    ///   the page itself); it then overrides the page's own `<meta charset>`. Nil lets libxml2 follow the page.
    /// - Throws: `XMLDiagnostics` when nothing could be parsed at all.
    public static func parse(_ bytes: [UInt8], encoding: String? = nil) throws(XMLDiagnostics) -> MarkupNode {
        guard !bytes.isEmpty else {
            throw XMLDiagnostics([XMLDiagnostic(line: 0, column: 0, message: "empty HTML document")])
        }
        guard bytes.count < Int(Int32.max) else {
            throw XMLDiagnostics([XMLDiagnostic(line: 0, column: 0, message: "HTML document too large")])
        }
        var options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_COMPACT.rawValue)
        if encoding != nil { options |= Int32(HTML_PARSE_IGNORE_ENC.rawValue) }
        // A private context: errors would otherwise go to libxml2's global handler (stderr).
        let collector = ErrorCollector()
        xmlSetStructuredErrorFunc(collector.context, ErrorCollector.handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32($0.count), nil, encoding, options)
            }
        }
        guard let document else {
            throw XMLDiagnostics([XMLDiagnostic(line: 1, column: 1, message: "unreadable HTML")])
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw XMLDiagnostics([XMLDiagnostic(line: 1, column: 1, message: "HTML document has no content")])
        }
        return MarkupConverter.convert(root, lowercaseNames: true)
    }
}
