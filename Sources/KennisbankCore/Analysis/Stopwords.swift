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
        // Adverbs, conjunctions and general verbs of written English ("please give references on the use of ...").
        "also", "although", "among", "amongst", "another", "anybody", "anyhow", "anyone", "anything", "anyway",
        "anywhere", "apart", "around", "aside", "because", "become", "becomes", "becoming", "beforehand", "behind",
        "beside", "besides", "beyond", "cannot", "certain", "certainly", "clearly", "consequently", "despite",
        "either", "else", "elsewhere", "enough", "especially", "etc", "even", "ever", "every", "everybody",
        "everyone", "everything", "everywhere", "except", "far", "furthermore", "get", "gets", "getting", "give",
        "given", "gives", "giving", "go", "goes", "going", "gone", "got", "hardly", "hence", "hereby", "herein",
        "however", "indeed", "instead", "just", "later", "latter", "least", "less", "let", "likely", "mainly",
        "many", "may", "maybe", "meanwhile", "merely", "might", "moreover", "mostly", "much", "must", "namely",
        "nearly", "neither", "nevertheless", "next", "nobody", "none", "nothing", "now", "nowhere", "often", "onto",
        "otherwise", "ought", "per", "perhaps", "please", "possibly", "presumably", "probably", "quite", "rather",
        "really", "regarding", "respectively", "said", "several", "shall", "since", "somehow", "someone",
        "something", "sometimes", "somewhat", "somewhere", "still", "therefore", "thereby", "though", "throughout",
        "thus", "together", "toward", "towards", "unless", "unlike", "unto", "upon", "us", "use", "used", "uses",
        "using", "usually", "various", "via", "whatever", "whenever", "whereas", "wherever", "whether", "whoever",
        "whose", "within", "without", "yet",
    ]

    /// Dutch head nouns that turn a subject into "the issue of" it (*loverboyproblematiek*). Not stop words:
    /// they are searched and weigh in the ranking, but a document need not say them to count as having
    /// every word of the query.
    static let dutchWeakHeads: Set<String> = ["problematiek", "thematiek", "vraagstuk", "vraagstukken"]
}
