internal import CLibXML2

/// Parses untrusted XML safely: no network, no DTD loading, no entity substitution, no DOCTYPE at all.
public enum XMLReader {
    /// Parses `bytes`, validates against `schema` when given, and returns the root element.
    /// - Throws: `XMLDiagnostics` naming line and column of each problem.
    public static func parse(_ bytes: [UInt8], schema: RelaxNGSchema? = nil) throws(XMLDiagnostics) -> XMLElement {
        if let doctypeLine = doctypeLine(in: bytes) {
            // Our documents never need a DTD; refusing it closes XXE and entity-expansion attacks up front.
            throw XMLDiagnostics([XMLDiagnostic(line: doctypeLine, column: 1,
                                                message: "DOCTYPE declarations are not allowed (no DTDs or entities)")])
        }
        let collector = ErrorCollector()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOBLANKS.rawValue)
        guard let context = xmlNewParserCtxt() else {
            throw XMLDiagnostics([XMLDiagnostic(line: 0, column: 0, message: "out of memory")])
        }
        defer { xmlFreeParserCtxt(context) }
        xmlSetStructuredErrorFunc(collector.context, ErrorCollector.handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), nil, "UTF-8", options)
            }
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            throw XMLDiagnostics(collector.diagnostics.isEmpty
                ? [XMLDiagnostic(line: 1, column: 1, message: "not well-formed XML")] : collector.diagnostics)
        }
        defer { xmlFreeDoc(document) }
        if let schema {
            let problems = schema.validate(document)
            if !problems.isEmpty { throw XMLDiagnostics(problems) }
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw XMLDiagnostics([XMLDiagnostic(line: 1, column: 1, message: "document has no root element")])
        }
        return convert(root)
    }

    private static func doctypeLine(in bytes: [UInt8]) -> Int? {
        let needle = Array("<!DOCTYPE".utf8)
        guard bytes.count >= needle.count else { return nil }
        var line = 1
        for index in 0...(bytes.count - needle.count) {
            if bytes[index] == 0x0A { line += 1 }
            if bytes[index] == 0x3C, bytes[index..<(index + needle.count)].elementsEqual(needle) { return line }
        }
        return nil
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func convert(_ node: xmlNodePtr) -> XMLElement {
        var attributes: [String: String] = [:]
        var property = node.pointee.properties
        while let attribute = property {
            var value = ""
            var part = attribute.pointee.children
            while let textNode = part {
                value += string(textNode.pointee.content)
                part = textNode.pointee.next
            }
            attributes[string(attribute.pointee.name)] = value
            property = attribute.pointee.next
        }
        var children: [XMLElement] = []
        var ownText = ""
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let element = convert(current)
                children.append(element)
                text += element.text
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let content = string(current.pointee.content)
                ownText += content
                text += content
            default:
                break  // comments, processing instructions and unexpanded entity references carry no content
            }
            child = current.pointee.next
        }
        return XMLElement(name: string(node.pointee.name), attributes: attributes, children: children,
                          ownText: ownText, text: text, line: Int(xmlGetLineNo(node)))
    }
}
