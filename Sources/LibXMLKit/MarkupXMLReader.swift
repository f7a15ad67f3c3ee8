internal import CLibXML2

/// Parses untrusted XML (for example the inside of a .docx or .odt) into document-ordered `MarkupNode`s,
/// with the same safety as `XMLReader` (see `SafeParse`).
public enum MarkupXMLReader {
    /// - Throws: `XMLDiagnostics` naming line and column of the first problems.
    public static func parse(_ bytes: [UInt8]) throws(XMLDiagnostics) -> MarkupNode {
        try SafeParse.withDocument(bytes, keepBlanks: true, encoding: nil, maxDiagnostics: 5) { document throws(XMLDiagnostics) in
            MarkupConverter.convert(try SafeParse.root(of: document), lowercaseNames: false)
        }
    }
}
