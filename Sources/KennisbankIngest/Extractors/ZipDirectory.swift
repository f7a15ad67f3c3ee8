/// The table of contents of a ZIP file (.docx and .odt are ZIP files), read from its central directory
/// without unpacking anything — enough to tell a Word file from an OpenDocument text or a spreadsheet.
struct ZipDirectory {
    struct Entry {
        var name: String
        /// As the archive claims; 0xFFFFFFFF for ZIP64 entries. Never trusted as a bound on its own.
        var uncompressedSize: UInt32
        var compressedSize: UInt32
        var method: UInt16
        var localHeaderOffset: UInt32
    }

    let entries: [Entry]

    /// - Returns: nil when the bytes have no readable central directory (not a ZIP file, or a truncated one).
    init?(_ bytes: [UInt8]) {
        let endSignature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        let minimumEnd = 22
        guard bytes.count >= minimumEnd else { return nil }
        // The end record sits in the last 22 bytes plus at most a 65535-byte comment.
        let searchStart = max(0, bytes.count - minimumEnd - 65535)
        var endOffset: Int? = nil
        var index = bytes.count - minimumEnd
        while index >= searchStart {
            if bytes[index] == 0x50, bytes[index..<(index + 4)].elementsEqual(endSignature) { endOffset = index; break }
            index -= 1
        }
        guard let end = endOffset else { return nil }
        let count = Int(Self.u16(bytes, end + 10))
        let directoryOffset = Int(Self.u32(bytes, end + 16))
        var entries: [Entry] = []
        var position = directoryOffset
        for _ in 0..<count {
            guard position + 46 <= bytes.count, Self.u32(bytes, position) == 0x0201_4B50 else { return nil }
            let nameLength = Int(Self.u16(bytes, position + 28))
            let extraLength = Int(Self.u16(bytes, position + 30))
            let commentLength = Int(Self.u16(bytes, position + 32))
            guard position + 46 + nameLength <= bytes.count else { return nil }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            entries.append(Entry(name: name, uncompressedSize: Self.u32(bytes, position + 24),
                                 compressedSize: Self.u32(bytes, position + 20), method: Self.u16(bytes, position + 10),
                                 localHeaderOffset: Self.u32(bytes, position + 42)))
            position += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    func contains(_ name: String) -> Bool { entries.contains { $0.name == name } }

    /// The content of a small entry stored without compression (ODF's `mimetype`), read in place.
    func storedContent(of name: String, in bytes: [UInt8], limit: Int = 200) -> String? {
        guard let entry = entries.first(where: { $0.name == name }), entry.method == 0, Int(entry.compressedSize) <= limit else { return nil }
        let header = Int(entry.localHeaderOffset)
        guard header + 30 <= bytes.count, Self.u32(bytes, header) == 0x0403_4B50 else { return nil }
        let start = header + 30 + Int(Self.u16(bytes, header + 26)) + Int(Self.u16(bytes, header + 28))
        let end = start + Int(entry.compressedSize)
        guard end <= bytes.count else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        guard offset + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        guard offset + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
