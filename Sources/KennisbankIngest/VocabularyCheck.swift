import KennisbankCore

/// The one wording for a value outside the controlled vocabulary, used for records and for metadata alike.
enum VocabularyCheck {
    /// Nil when `value` is allowed in `list`; otherwise a message naming the field and the allowed values.
    static func problem(_ value: String, list: String, field: String, vocabulary: Vocabulary) -> String? {
        guard !vocabulary.contains(value, in: list) else { return nil }
        let allowed = vocabulary.allowedValues(list).joined(separator: ", ")
        return "\(field) \"\(value)\" is not in the vocabulary; allowed: \(allowed)"
    }
}
