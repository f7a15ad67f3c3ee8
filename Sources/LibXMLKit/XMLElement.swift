/// An element of a parsed XML document, copied out of libxml2 into plain Swift values.
public struct XMLElement: Sendable {
    public let name: String
    public let attributes: [String: String]
    public let children: [XMLElement]
    /// Text directly inside this element (not inside child elements), in document order.
    public let ownText: String
    /// All text inside this element, children included, in document order.
    public let text: String
    public let line: Int

    public init(name: String, attributes: [String: String], children: [XMLElement], ownText: String, text: String, line: Int) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.ownText = ownText
        self.text = text
        self.line = line
    }

    public func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }
    public func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// Every descendant element with this name, depth first.
    public func descendants(_ name: String) -> [XMLElement] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }
}
