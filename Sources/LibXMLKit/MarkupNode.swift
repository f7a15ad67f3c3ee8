internal import CLibXML2

/// A node of a parsed HTML or XML document in document order, copied out of libxml2 into plain Swift values.
///
/// Unlike `XMLElement`, text and elements stay interleaved, which extracting running text needs
/// (`<p>Zie <a>hier</a> voor meer</p>` must keep its words in order).
public struct MarkupNode: Sendable {
    public enum Kind: Sendable, Equatable { case element, text }

    public let kind: Kind
    /// Local element name (no namespace prefix); lowercased for HTML. Empty for text.
    public let name: String
    public let attributes: [String: String]
    public let children: [MarkupNode]
    /// The content of a text node; empty for elements.
    public let text: String
    public let line: Int

    public init(kind: Kind, name: String, attributes: [String: String] = [:], children: [MarkupNode] = [], text: String = "", line: Int = 0) {
        self.kind = kind
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// All text inside this node, in document order.
    public var textContent: String {
        if kind == .text { return text }
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        if kind == .text { out += text; return }
        for child in children { child.appendText(to: &out) }
    }

    /// The first descendant element with this name, depth first.
    public func first(_ name: String) -> MarkupNode? {
        for child in children where child.kind == .element {
            if child.name == name { return child }
            if let found = child.first(name) { return found }
        }
        return nil
    }

    /// Every descendant element with this name, depth first.
    public func all(_ name: String) -> [MarkupNode] {
        var found: [MarkupNode] = []
        collect(name, into: &found)
        return found
    }

    private func collect(_ name: String, into found: inout [MarkupNode]) {
        for child in children where child.kind == .element {
            if child.name == name { found.append(child) }
            child.collect(name, into: &found)
        }
    }
}

/// Copies a libxml2 tree into `MarkupNode`s.
enum MarkupConverter {
    /// Deeper nesting than this is cut off: real documents never need it, and it keeps recursion bounded.
    static let maxDepth = 400

    static func convert(_ node: xmlNodePtr, lowercaseNames: Bool, depth: Int = 0) -> MarkupNode {
        let attributes = SafeParse.attributes(of: node, lowercaseNames: lowercaseNames)
        var children: [MarkupNode] = []
        if depth < maxDepth {
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    children.append(convert(current, lowercaseNames: lowercaseNames, depth: depth + 1))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    children.append(MarkupNode(kind: .text, name: "", text: SafeParse.string(current.pointee.content)))
                default:
                    break  // comments, processing instructions and entity references carry no content
                }
                child = current.pointee.next
            }
        }
        let name = SafeParse.string(node.pointee.name)
        return MarkupNode(kind: .element, name: lowercaseNames ? name.lowercased() : name, attributes: attributes,
                          children: children, line: Int(xmlGetLineNo(node)))
    }
}
