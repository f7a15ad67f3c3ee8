internal import CLibXML2

/// Gathers libxml2's structured errors for one parse or validation, instead of printing them to stderr.
final class ErrorCollector {
    var diagnostics: [XMLDiagnostic] = []

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown XML error"
        while message.last?.isWhitespace == true { message.removeLast() }
        collector.diagnostics.append(XMLDiagnostic(line: Int(error.pointee.line), column: Int(error.pointee.int2), message: message))
    }
}

