import Foundation
import KennisbankCore

/// Reads one file of the collection into a KnowledgeDocument: sniff the real format, extract the text,
/// add the metadata (sidecar, folder catalogs, the file's own) and check it against the vocabulary.
/// Safe to use from several threads at once: the catalogs it shares are behind a lock, the rest is immutable.
final class FileLoader: @unchecked Sendable {
    struct Loaded: Sendable {
        var document: KnowledgeDocument
        var format: DocumentFormat
        var pages: Int?
        var words: Int
        var notes: [String]
        /// The privacy guard's findings (personal data, stale exceptions), each naming file and line.
        var warnings: [String] = []
    }

    /// Files larger than this are not read at all.
    static let maxFileBytes = 512 << 20

    let folder: URL
    let records: RecordReader
    let catalogs: FolderCatalogs
    let metadataReader: MetadataReader
    let assembler: DocumentAssembler
    let pdf = PDFExtractor()
    let office = OfficeExtractor()

    init(folder: URL, records: RecordReader, defaultsCatalog: URL?) {
        self.folder = folder
        self.records = records
        metadataReader = MetadataReader(schema: records.schema, collection: folder)
        catalogs = FolderCatalogs(collection: folder, reader: metadataReader, outside: defaultsCatalog)
        assembler = DocumentAssembler(vocabulary: records.vocabulary)
    }

    static func read(_ url: URL) -> Result<[UInt8], SkipReason> {
        var info = stat()
        if stat(url.path, &info) == 0, Int(info.st_size) > maxFileBytes {
            return .failure(SkipReason(message: "file is larger than \(maxFileBytes >> 20) MB"))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(SkipReason(message: "cannot read file"))
        }
        return .success(Array(data))
    }

    /// The format a file's content shows, or why it cannot be read (without extracting anything).
    static func sniff(_ bytes: [UInt8], path: String) -> Result<DocumentFormat, SkipReason> {
        ContentSniffer.sniff(bytes, fileExtension: (path as NSString).pathExtension).map(\.format)
    }

    /// Sidecar and folder catalogs of a file: what the curators say about it.
    func metadata(for path: String) -> Result<MetadataRecord, SkipReason> {
        catalogs.defaults(forFolder: FolderCatalogs.parent(of: path)).flatMap { defaults in
            let sidecar = path + MetadataReader.sidecarSuffix
            let url = folder.appendingPathComponent(sidecar)
            guard let data = FileManager.default.contents(atPath: url.path) else { return .success(defaults) }
            do throws(SkipReason) {
                return .success(try metadataReader.read(Array(data), relativePath: sidecar, kind: .sidecar,
                                                        folder: url.deletingLastPathComponent()).over(defaults))
            } catch {
                return .failure(SkipReason(message: "sidecar is invalid: \(error.message)"))
            }
        }
    }

    /// Fingerprint of the metadata that applies to a file, for change detection.
    func metadataFingerprint(for path: String) -> String {
        catalogs.fingerprint(forFolder: FolderCatalogs.parent(of: path)) + "|"
            + FolderCatalogs.fileFingerprint(folder.appendingPathComponent(path + MetadataReader.sidecarSuffix))
    }

    /// Reads, extracts and assembles one file. `copies` are files with identical content, listed as sources.
    func load(_ path: String, bytes: [UInt8], copies: [String] = []) -> Result<Loaded, FileFailure> {
        let url = folder.appendingPathComponent(path)
        let content: ContentSniffer.Content
        switch ContentSniffer.sniff(bytes, fileExtension: url.pathExtension) {
        case .success(let sniffed): content = sniffed
        case .failure(let reason): return .failure(FileFailure(format: nil, reason: reason))
        }
        let format = content.format
        do throws(SkipReason) {
            if case .xmlRecord = content {
                let (document, texts, exceptions) = try records.readRecord(bytes, relativePath: path)
                for file in document.source?.files.dropFirst() ?? [] {
                    if let problem = PathGuard.problem(with: file, namedIn: url.deletingLastPathComponent(), collection: folder) {
                        throw SkipReason(message: "source file \"\(file)\" \(problem)")
                    }
                }
                let words = TextScanning.wordCount(document.bodyText)
                let warnings = try PrivacyGuard.check(document, texts: texts, exceptions: exceptions)
                return .success(Loaded(document: document, format: .xml, pages: nil, words: words, notes: [], warnings: warnings))
            }
            let extracted: ExtractedDocument
            switch content {
            case .pdf: extracted = try pdf.extract(url, bytes: bytes)
            case .html(let encoding): extracted = try HTMLExtractor().extract(bytes, encoding: encoding)
            case .docx, .odt: extracted = try office.extract(url, bytes: bytes, format: format)
            case .text(let decoded): extracted = try PlainTextExtractor().extract(decoded)
            case .markdown(let decoded): extracted = try MarkdownExtractor().extract(decoded)
            case .xmlRecord: fatalError("handled above")
            }
            let metadata: MetadataRecord
            switch self.metadata(for: path) {
            case .success(let record): metadata = record
            case .failure(let reason): throw reason
            }
            let document = try assembler.assemble(path: path, extracted: extracted, metadata: metadata, copies: copies)
            let warnings = try PrivacyGuard.check(document, texts: PrivacyGuard.texts(ofExtracted: extracted) + PrivacyGuard.texts(ofMetadata: metadata),
                                                  exceptions: metadata.privacyExceptions)
            var notes = extracted.notes
            if format.rawValue != DocumentFormat.claimed(byExtension: url.pathExtension)?.rawValue {
                notes.append("read as \(format.rawValue), whatever its name says")
            }
            return .success(Loaded(document: document, format: format, pages: extracted.pages, words: extracted.wordCount, notes: notes,
                                   warnings: warnings))
        } catch {
            return .failure(FileFailure(format: format, reason: error))
        }
    }
}

/// Why a file was not indexed, with the format when it got that far.
struct FileFailure: Error, Sendable {
    var format: DocumentFormat?
    var reason: SkipReason
}
