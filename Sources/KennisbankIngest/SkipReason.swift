/// Why a file was not indexed, with the position of the problem when there is one.
public struct SkipReason: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    /// How many further problems were found after this one.
    public var more: Int

    public init(line: Int = 0, column: Int = 0, message: String, more: Int = 0) {
        self.line = line
        self.column = column
        self.message = message
        self.more = more
    }

    public var description: String {
        var position = ""
        if line > 0 { position = column > 0 ? "line \(line), column \(column): " : "line \(line): " }
        return position + message + (more > 0 ? " (and \(more) more)" : "")
    }
}
