import Foundation
@testable import KennisbankIngest
import Testing

/// The manifest of a large collection is encoded in chunks; it must read back as the same manifest.
@Suite struct FileManifestTests {
    @Test func aLargeManifestEncodedInChunksReadsBackTheSame() throws {
        var manifest = FileManifest()
        for index in 0..<2_345 {
            let path = "map \(index % 7)/bestand-\(index)-é.xml"
            manifest.files[path] = FileManifest.Entry(size: index, modified: Double(index) / 3, hash: "h\(index)",
                                                      id: index % 5 == 0 ? nil : "id-\(index)",
                                                      failure: index % 5 == 0 ? "line 3: \"kapot\"" : nil,
                                                      metadata: nil, format: .xml, copyOf: nil)
        }
        manifest.staleIDs = ["weg-1", "weg-2"]
        manifest.vocabulary = "v1"
        let data = try manifest.encoded()
        let whole = try JSONDecoder().decode(FileManifest.self, from: data)
        #expect(whole.files == manifest.files)
        #expect(whole.staleIDs == manifest.staleIDs)
        #expect(whole.vocabulary == manifest.vocabulary)

        manifest.staleIDs = nil
        manifest.vocabulary = nil
        let bare = try JSONDecoder().decode(FileManifest.self, from: try manifest.encoded())
        #expect(bare.files == manifest.files && bare.staleIDs == nil && bare.vocabulary == nil)
    }
}
