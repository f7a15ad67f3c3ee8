internal import CLibXML2

/// Parses untrusted XML safely: no network, no DTD loading, no entity substitution, no DOCTYPE at all.
public enum XMLReader {
    /// Parses `bytes`, validates against `schema` when given, and returns the root element.
    /// - Throws: `XMLDiagnostics` naming line and column of each problem.
    public static func parse(_ bytes: [UInt8], schema: RelaxNGSchema? = nil) throws(XMLDiagnostics) -> XMLElement {
        try SafeParse.withDocument(bytes, keepBlanks: false, encoding: "UTF-8") { document throws(XMLDiagnostics) in
            if let schema {
                let problems = schema.validate(document)
                if !problems.isEmpty { throw XMLDiagnostics(problems) }
            }
            return convert(try SafeParse.root(of: document))
        }
    }

    /// Parses `bytes` once and validates the tree against `schema`, returning the tree even when it does not
    /// match, so a caller can run its own checks first and report the schema's problems after them.
    /// - Throws: `XMLDiagnostics` only when the document is not well-formed.
    public static func parse(_ bytes: [UInt8], checkingAgainst schema: RelaxNGSchema)
        throws(XMLDiagnostics) -> (root: XMLElement, schemaProblems: XMLDiagnostics?) {
        try SafeParse.withDocument(bytes, keepBlanks: false, encoding: "UTF-8") { document throws(XMLDiagnostics) in
            let root = convert(try SafeParse.root(of: document))
            let problems = schema.validate(document)
            return (root, problems.isEmpty ? nil : XMLDiagnostics(problems))
        }
    }

    private static func convert(_ node: xmlNodePtr) -> XMLElement {
        let attributes = SafeParse.attributes(of: node)
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
                let content = SafeParse.string(current.pointee.content)
                ownText += content
                text += content
            default:
                break  // comments, processing instructions and unexpanded entity references carry no content
            }
            child = current.pointee.next
        }
        return XMLElement(name: SafeParse.string(node.pointee.name), attributes: attributes, children: children,
                          ownText: ownText, text: text, line: Int(xmlGetLineNo(node)))
    }
}
