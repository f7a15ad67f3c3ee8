/// 64-bit FNV-1a with the length: a fast fingerprint for change detection (files, stored documents).
/// Not for security: SHA-256 is used where an adversary could choose the input to collide.
public enum ContentFingerprint {
    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var count = 0
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
            count += 1
        }
        return String(hash, radix: 16) + "-" + String(count)
    }
}
