internal import CLibXML2

/// Parses untrusted XML (for example the inside of a .docx or .odt) into document-ordered `MarkupNode`s,
/// with the same safety as `XMLReader`: no network, no DTD loading, no entity substitution, no DOCTYPE.
public enum MarkupXMLReader {
    /// - Throws: `XMLDiagnostics` naming line and column of the first problems.
    public static func parse(_ bytes: [UInt8]) throws(XMLDiagnostics) -> MarkupNode {
        guard bytes.count < Int(Int32.max) else {
            throw XMLDiagnostics([XMLDiagnostic(line: 0, column: 0, message: "XML document too large")])
        }
        if let line = doctypeLine(in: bytes) {
            throw XMLDiagnostics([XMLDiagnostic(line: line, column: 1,
                                                message: "DOCTYPE declarations are not allowed (no DTDs or entities)")])
        }
        let collector = ErrorCollector()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        guard let context = xmlNewParserCtxt() else {
            throw XMLDiagnostics([XMLDiagnostic(line: 0, column: 0, message: "out of memory")])
        }
        defer { xmlFreeParserCtxt(context) }
        xmlSetStructuredErrorFunc(collector.context, ErrorCollector.handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), nil, nil, options)
            }
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            throw XMLDiagnostics(collector.diagnostics.isEmpty
                ? [XMLDiagnostic(line: 1, column: 1, message: "not well-formed XML")] : Array(collector.diagnostics.prefix(5)))
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw XMLDiagnostics([XMLDiagnostic(line: 1, column: 1, message: "document has no root element")])
        }
        return MarkupConverter.convert(root, lowercaseNames: false)
    }

    /// Only the prolog can hold a DOCTYPE, so looking at the start is enough (and fast on big files).
    private static func doctypeLine(in bytes: [UInt8]) -> Int? {
        let needle = Array("<!DOCTYPE".utf8)
        let end = min(bytes.count, 64 * 1024)
        guard end >= needle.count else { return nil }
        var line = 1
        for index in 0...(end - needle.count) {
            if bytes[index] == 0x0A { line += 1 }
            if bytes[index] == 0x3C, bytes[index..<(index + needle.count)].elementsEqual(needle) { return line }
        }
        return nil
    }
}
