/// A problem found while parsing or validating XML, with its position in the source.
public struct XMLDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// One or more diagnostics; the first is usually the one to fix first.
public struct XMLDiagnostics: Error, Sendable, CustomStringConvertible {
    public let items: [XMLDiagnostic]
    public init(_ items: [XMLDiagnostic]) { self.items = items }
    public var description: String { items.map(\.description).joined(separator: "; ") }
}
