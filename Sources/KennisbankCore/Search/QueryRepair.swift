/// Repairs the query syntax people get wrong, so a search always runs on a sensible reading:
/// unclosed quotes are closed, unmatched brackets balanced, dangling or doubled operators dropped.
enum QueryRepair {
    enum Token: Equatable {
        case word(String), phrase(String), open, close, op(String)
        /// A thesaurus expansion: the words as typed, ORed with their alternatives.
        case expansion(original: [String], alternatives: [String])
    }

    private static let operators: Set<String> = ["AND", "OR", "NOT", "XOR"]
    /// Dropped from the end of a word.
    private static let sentencePunctuation: Set<Character> = ["?", "!", ",", ";"]

    static func droppingSentencePunctuation(_ word: Substring) -> Substring {
        var word = word
        while let last = word.last, sentencePunctuation.contains(last) { word.removeLast() }
        return word
    }
    /// Dutch users type Dutch operators; in capitals only, so the words *en*, *of* and *niet* stay words.
    private static let dutchOperators = ["EN": "AND", "OF": "OR", "NIET": "NOT"]

    /// Returns the repaired query text (equal to the input when nothing needed repair).
    static func repair(_ text: String) -> String {
        render(repairedTokens(text))
    }

    /// The repaired query as tokens, words in their original case (acronyms are recognised by it).
    static func repairedTokens(_ text: String) -> [Token] {
        dropDanglingOperators(balanceBrackets(tokenize(isCapsLock(text) ? text.lowercased() : text)))
    }

    /// Text typed with caps lock on (*USE OF DIGITAL COMPUTERS IN THE DESIGN OF FILTERS*) is read as words:
    /// its OF and AND join no operands and its short words are no acronyms. That needs a word too long to
    /// be an acronym; a query of acronyms and operators only (*GGD OF JGZ*) keeps its operators.
    static func isCapsLock(_ text: String) -> Bool {
        var longWord = false
        var letters = 0
        for character in text {
            if character.isLowercase { return false }
            if character.isLetter {
                letters += 1
                if letters > Tokenizer.longestAcronym { longWord = true }
            } else {
                letters = 0
            }
        }
        return longWord
    }

    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var inPhrase = false
        var phrase = ""
        func flushWord() {
            // Sentence punctuation is not part of the word (*wat is een loverboy?*): the thesaurus and the
            // spelling dictionary know *loverboy*. A colon stays: it ends a field prefix (*titel:*).
            current = String(droppingSentencePunctuation(current[...]))
            guard !current.isEmpty else { return }
            if let name = dutchOperators[current] ?? (operators.contains(current) ? current : nil) {
                tokens.append(.op(name))
            } else {
                tokens.append(.word(current))
            }
            current = ""
        }
        for character in text {
            if inPhrase {
                if character == "\"" {
                    inPhrase = false
                    let trimmed = phrase.trimmingWhitespace()
                    if !trimmed.isEmpty { tokens.append(.phrase(trimmed)) }
                    phrase = ""
                } else { phrase.append(character) }
                continue
            }
            switch character {
            case "\"":
                // A quote glued to a prefix (titel:"...") keeps the prefix as its own word.
                flushWord()
                inPhrase = true
            case "(":
                flushWord()
                tokens.append(.open)
            case ")":
                flushWord()
                tokens.append(.close)
            case _ where character.isWhitespace:
                flushWord()
            default:
                current.append(character)
            }
        }
        flushWord()
        if inPhrase {
            // An unclosed quote is usually an unfinished query ("loverboy AND): keep its words, not
            // a dangling operator, and read a single word as a word.
            var words = phrase.split(whereSeparator: \.isWhitespace).map(String.init)
            while let last = words.last, operators.contains(last) { words.removeLast() }
            if words.count == 1 {
                tokens.append(.word(words[0]))
            } else if !words.isEmpty {
                tokens.append(.phrase(words.joined(separator: " ")))
            }
        }
        return tokens
    }

    private static func balanceBrackets(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        var depth = 0
        for token in tokens {
            switch token {
            case .open:
                depth += 1
                result.append(token)
            case .close:
                guard depth > 0 else { continue }
                if result.last == .open {
                    result.removeLast()  // "()" says nothing
                } else {
                    result.append(token)
                }
                depth -= 1
            default:
                result.append(token)
            }
        }
        while depth > 0 {
            if result.last == .open { result.removeLast() } else { result.append(.close) }
            depth -= 1
        }
        return result
    }

    private static func dropDanglingOperators(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        for token in tokens {
            if case .op(let name) = token {
                let previousIsOperand: Bool
                switch result.last {
                case .word?, .phrase?, .close?: previousIsOperand = true
                default: previousIsOperand = false
                }
                // NOT may start an expression ("NOT x", "a AND NOT b"); binary operators need a left operand.
                if !previousIsOperand {
                    if name == "NOT", case .op(let before)? = result.last, before != "NOT" {
                        result.append(token)
                    } else if name == "NOT", result.isEmpty || result.last == .open {
                        result.append(token)
                    }
                    continue
                }
                result.append(token)
            } else if token == .close, case .op? = result.last {
                result.removeLast()
                result.append(token)
            } else {
                result.append(token)
            }
        }
        while case .op? = result.last { result.removeLast() }
        // Repairs can leave "( )" behind; drop empty pairs once more.
        var cleaned: [Token] = []
        for token in result {
            if token == .close, cleaned.last == .open { cleaned.removeLast(); continue }
            cleaned.append(token)
        }
        return cleaned
    }

    /// Words are lowercased (the index is), except the values of facet filters such as `org:Gemeente`.
    private static func lowercasedKeepingFilterValues(_ word: String) -> String {
        guard let colon = word.firstIndex(of: ":") else { return word.lowercased() }
        let field = word[..<colon].lowercased()
        if Facet.allCases.contains(where: { $0.queryFieldName == field }) { return field + word[colon...] }
        return word.lowercased()
    }

    /// The readings of one expansion as query text, with their words: the words as typed (loose words: the
    /// user did not quote them), then the curated alternatives (phrases, acronyms in their field).
    static func readings(original: [String], alternatives: [String]) -> [(text: String, words: [String])] {
        let typed = original.map(lowercasedKeepingFilterValues).joined(separator: " ")
        let first = original.count > 1 ? "(\(typed))"
            : QueryExpansion.isAcronym(original[0]) ? IndexSchema.acronymField + ":" + typed : typed
        return [(first, original.map { $0.lowercased() })] + alternatives.map { alternative in
            let words = alternative.lowercased().split(separator: " ").map(String.init)
            if words.count > 1 { return ("\"\(alternative)\"", words) }
            return (QueryExpansion.isAcronym(alternative) ? IndexSchema.acronymField + ":" + alternative.lowercased() : alternative, words)
        }
    }

    /// - Parameter placeholder: when given, each expansion is written as this word (numbered in order), to
    ///   be replaced in the parsed query; otherwise as its readings ORed.
    static func render(_ tokens: [Token], placeholder: ((Int) -> String)? = nil) -> String {
        var parts: [String] = []
        var glueNext = false
        var expansionCount = 0
        for token in tokens {
            let text: String
            switch token {
            case .word(let word): text = lowercasedKeepingFilterValues(word)
            case .phrase(let phrase): text = "\"\(phrase.lowercased())\""
            case .open: text = "("
            case .close: text = ")"
            case .op(let name): text = name
            case .expansion(let original, let alternatives):
                // After a field prefix (*titel: loverboy*) the readings stay in the text: a placeholder there
                // would become a prefixed term that nothing replaces.
                if let placeholder, parts.last?.hasSuffix(":") != true {
                    text = placeholder(expansionCount)
                } else {
                    text = "(" + readings(original: original, alternatives: alternatives).map(\.text).joined(separator: " OR ") + ")"
                }
                expansionCount += 1
            }
            if glueNext || (token == .close && !parts.isEmpty) || (parts.last?.hasSuffix(":") == true && token != .open && token != .close) {
                parts[parts.count - 1] += text
            } else {
                parts.append(text)
            }
            glueNext = token == .open
        }
        return parts.joined(separator: " ")
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}
