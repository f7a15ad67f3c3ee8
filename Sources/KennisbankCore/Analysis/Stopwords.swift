/// Function words that carry no topic. Only dropped from queries (documents keep every word, so a
/// quoted phrase still matches), and the query parser keeps them when a query has nothing else.
/// Deliberately short: no word a professional might search for (*hulp*, *zorg*, *werk*, *man*) is here.
enum Stopwords {
    static let dutch = [
        "aan", "al", "als", "bij", "dan", "dat", "de", "der", "des", "die", "dit", "door", "een", "en", "er", "het",
        "hun", "iets", "in", "is", "je", "met", "na", "naar", "niet", "nog", "of", "om", "ook", "op", "over", "te", "tot",
        "uit", "van", "voor", "was", "wat", "werd", "wie", "zich", "zijn", "zo", "zou",
    ]

    static let english = [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "him", "his", "how", "i", "if", "into", "it", "its", "itself", "me", "more",
        "most", "my", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out",
        "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
        "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
        "with", "would", "you", "your", "yours",
    ]
}
