internal import CLibXML2
import Synchronization

/// A compiled RelaxNG schema. libxml2 validation contexts are not thread-safe, so use is serialised.
public final class RelaxNGSchema: @unchecked Sendable {
    private let schema: xmlRelaxNGPtr
    private let lock = Mutex(())

    /// Compiles the schema in `path`.
    public init(path: String) throws(XMLDiagnostics) {
        let collector = ErrorCollector()
        guard let parser = xmlRelaxNGNewParserCtxt(path) else {
            throw XMLDiagnostics([XMLDiagnostic(line: 0, column: 0, message: "cannot read schema \(path)")])
        }
        defer { xmlRelaxNGFreeParserCtxt(parser) }
        xmlRelaxNGSetParserStructuredErrors(parser, ErrorCollector.handler, collector.context)
        guard let compiled = xmlRelaxNGParse(parser) else {
            throw XMLDiagnostics(collector.diagnostics.isEmpty
                ? [XMLDiagnostic(line: 0, column: 0, message: "invalid schema \(path)")] : collector.diagnostics)
        }
        schema = compiled
    }

    deinit { xmlRelaxNGFree(schema) }

    /// Validates a parsed libxml2 document; returns the problems found (empty when valid).
    func validate(_ document: xmlDocPtr) -> [XMLDiagnostic] {
        lock.withLock { _ in validateLocked(document) }
    }

    private func validateLocked(_ document: xmlDocPtr) -> [XMLDiagnostic] {
        let collector = ErrorCollector()
        guard let context = xmlRelaxNGNewValidCtxt(schema) else {
            return [XMLDiagnostic(line: 0, column: 0, message: "cannot create validation context")]
        }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        xmlRelaxNGSetValidStructuredErrors(context, ErrorCollector.handler, collector.context)
        let result = xmlRelaxNGValidateDoc(context, document)
        if result == 0 { return [] }
        return collector.diagnostics.isEmpty
            ? [XMLDiagnostic(line: 0, column: 0, message: "document does not match the schema")] : collector.diagnostics
    }
}
