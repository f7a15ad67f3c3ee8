import Foundation
import Hummingbird
import KennisbankCore
import Mustache

/// Templates, the stylesheet, the script and the OpenAPI document, read once from the module bundle.
struct ServerResources: Sendable {
    let templates: MustacheLibrary
    let styleSheet: ByteBuffer
    let script: ByteBuffer
    let openAPI: ByteBuffer

    static func load() async throws -> ServerResources {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw KennisbankError.index("the web page templates are missing from the installation")
        }
        let templates: MustacheLibrary
        do {
            templates = try await MustacheLibrary(directory: folder.path)
        } catch let error as MustacheLibrary.ParserError {
            throw KennisbankError.index("template \(error.filename) line \(error.context.lineNumber): \(error.error)")
        }
        for name in ["search", "document", "error", "login", "audit", "statistics", "saved", "head", "foot"] where templates.getTemplate(named: name) == nil {
            throw KennisbankError.index("template \(name).mustache is missing from \(folder.path)")
        }
        return ServerResources(templates: templates,
                               styleSheet: try file("Public/style.css"),
                               script: try file("Public/app.js"),
                               openAPI: try file("openapi.yaml"))
    }

    private static func file(_ relativePath: String) throws -> ByteBuffer {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent(relativePath),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw KennisbankError.index("\(relativePath) is missing from the installation")
        }
        return ByteBuffer(bytes: data)
    }
}
