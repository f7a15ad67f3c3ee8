internal import CLibXML2

/// The one place untrusted XML enters libxml2: DOCTYPE refused before parsing (which closes XXE and
/// entity-expansion attacks), no network, no DTD loading, no entity substitution, errors collected with
/// line and column. `XMLReader` and `MarkupXMLReader` differ only in what they build from the tree.
enum SafeParse {
    /// Parses `bytes` and hands the document to `body`; the document is freed when `body` returns.
    static func withDocument<T>(_ bytes: [UInt8], keepBlanks: Bool, encoding: String?, maxDiagnostics: Int = .max,
                                _ body: (xmlDocPtr) throws(XMLDiagnostics) -> T) throws(XMLDiagnostics) -> T {
        guard bytes.count < Int(Int32.max) else {
            throw XMLDiagnostics([XMLDiagnostic(line: 0, column: 0, message: "XML document too large")])
        }
        if let line = doctypeLine(in: bytes) {
            throw XMLDiagnostics([XMLDiagnostic(line: line, column: 1,
                                                message: "DOCTYPE declarations are not allowed (no DTDs or entities)")])
        }
        let collector = ErrorCollector()
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
        if !keepBlanks { options |= XML_PARSE_NOBLANKS.rawValue }
        guard let context = xmlNewParserCtxt() else {
            throw XMLDiagnostics([XMLDiagnostic(line: 0, column: 0, message: "out of memory")])
        }
        defer { xmlFreeParserCtxt(context) }
        xmlSetStructuredErrorFunc(collector.context, ErrorCollector.handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), nil, encoding, Int32(options))
            }
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            throw XMLDiagnostics(collector.diagnostics.isEmpty
                ? [XMLDiagnostic(line: 1, column: 1, message: "not well-formed XML")]
                : Array(collector.diagnostics.prefix(maxDiagnostics)))
        }
        defer { xmlFreeDoc(document) }
        return try body(document)
    }

    /// The root element, or a diagnostic when the document has none.
    static func root(of document: xmlDocPtr) throws(XMLDiagnostics) -> xmlNodePtr {
        guard let root = xmlDocGetRootElement(document) else {
            throw XMLDiagnostics([XMLDiagnostic(line: 1, column: 1, message: "document has no root element")])
        }
        return root
    }

    /// The whole file is scanned (a long comment could push a DOCTYPE far down the prolog); a byte scan is cheap.
    static func doctypeLine(in bytes: [UInt8]) -> Int? {
        let needle = Array("<!DOCTYPE".utf8)
        guard bytes.count >= needle.count else { return nil }
        var line = 1
        for index in 0...(bytes.count - needle.count) {
            if bytes[index] == 0x0A { line += 1 }
            if bytes[index] == 0x3C, bytes[index..<(index + needle.count)].elementsEqual(needle) { return line }
        }
        return nil
    }

    /// An element's attributes by name (names lowercased when asked, as HTML wants).
    static func attributes(of node: xmlNodePtr, lowercaseNames: Bool = false) -> [String: String] {
        var attributes: [String: String] = [:]
        var property = node.pointee.properties
        while let attribute = property {
            var value = ""
            var part = attribute.pointee.children
            while let textNode = part {
                value += string(textNode.pointee.content)
                part = textNode.pointee.next
            }
            let name = string(attribute.pointee.name)
            attributes[lowercaseNames ? name.lowercased() : name] = value
            property = attribute.pointee.next
        }
        return attributes
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
