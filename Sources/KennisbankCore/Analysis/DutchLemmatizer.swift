/// Brings Dutch word forms back to a base form before stemming, where Snowball cannot: verb forms
/// (*ronselt*, *geronseld*, *ronselde* → *ronselen*), diminutives (*balletje* → *bal*, *woninkje* →
/// *woning*), comparatives (*jonger*, *jongste* → *jong*) and the common irregular verbs and plurals
/// (*liep* → *lopen*, *kinderen* → *kind*).
///
/// A rule only fires when the lexicon confirms it: the base form must be a word and, for verbs, the
/// rest of the paradigm must exist too (a past tense or participle), so *kant* is not read as a form of
/// *kannen* and *gebied* not as one of *bieden*. Words the lexicon does not know are left to Snowball.
struct DutchLemmatizer: Sendable {
    let lexicon: DutchLexicon

    /// The base form of a folded, lowercased word, or nil when no rule applies.
    func lemma(_ word: String) -> String? {
        if let irregular = Self.irregular[word] { return irregular }
        guard word.utf8.count >= 4, word.allSatisfy({ $0.isLetter }) else { return nil }
        if word.hasSuffix("je") || word.hasSuffix("jes") { return diminutiveBase(word) }
        guard lexicon.contains(word) else { return nil }
        return verbInfinitive(word) ?? adjectiveBase(word)
    }

    // MARK: - Diminutives

    /// *huisje* → *huis*, *tafeltje* → *tafel*, *balletje* → *bal*, *boompje* → *boom*,
    /// *woninkje* → *woning*, *fotootje* → *foto*; the first candidate the lexicon knows wins.
    private func diminutiveBase(_ word: String) -> String? {
        var w = Array(word)
        if w.last == "s" { w.removeLast() }
        guard w.count >= 5, w.suffix(2) == ["j", "e"] else { return nil }
        var candidates: [[Character]] = []
        let stem = Array(w.dropLast(2))                   // huis-je, bericht-je, lamp-je
        if w.count >= 7, w.suffix(4) == ["e", "t", "j", "e"] {
            let base = Array(w.dropLast(4))               // bal-l-etje, bloem-etje
            if let undoubled = Self.undoubled(base) { candidates.append(undoubled) }
            candidates.append(base)
        }
        candidates.append(stem)
        if stem.last == "t" {                             // tafel-tje, foto-otje
            var base = Array(stem.dropLast())
            candidates.append(base)
            if base.count >= 3, let last = base.last, Self.isVowel(last), base[base.count - 2] == last {
                base.removeLast()
                candidates.append(base)
            }
        }
        if stem.last == "p", stem.count >= 4 { candidates.append(Array(stem.dropLast())) }  // boom-pje
        if stem.last == "k", stem.count >= 4 { candidates.append(Array(stem.dropLast()) + ["g"]) }  // wonin-kje
        for candidate in candidates where candidate.count >= 2 {
            let form = String(candidate)
            if lexicon.contains(form) { return form }
            if let single = Self.singleVowel(candidate), lexicon.contains(String(single)) { return String(single) }  // glaas-je
        }
        return nil
    }

    // MARK: - Verbs

    /// Separable particles: *uitgebuit* is *uit* + *ge* + *buit*.
    private static let particles = ["aan", "achter", "af", "bij", "door", "in", "los", "mee", "na", "neer", "om", "onder",
                                    "op", "over", "samen", "terug", "toe", "uit", "vast", "voor", "weg"]
    /// Inseparable prefixes take no *ge-* in the participle (*beschermd*, *herkend*, *verdiend*).
    private static let inseparable = ["be", "er", "ge", "her", "ont", "ver"]

    private func verbInfinitive(_ word: String) -> String? {
        // Participles with ge-, possibly after a particle: gemeld, gewerkt, uitgebuit, gelopen.
        for particle in [""] + Self.particles where word.hasPrefix(particle + "ge") && word.count >= particle.count + 5 {
            let rest = String(word.dropFirst(particle.count + 2))
            if rest.hasSuffix("en"), !lexicon.contains(String(word.dropLast(2))),
               lexicon.contains(particle + rest) { return particle + rest }     // gelopen → lopen
            if rest.hasSuffix("d") || rest.hasSuffix("t") {
                for stem in [String(rest.dropLast()), rest] where stem.count >= 3 {
                    if let infinitive = weakInfinitive(stem: stem), lexicon.contains(particle + infinitive) {
                        return particle + infinitive
                    }
                }
            }
        }
        // Present tense and past tense: werkt, meldt, werkte, meldde, werkten; prefixed participles: beschermd.
        for suffix in ["ten", "den", "te", "de", "t", "d"] where word.hasSuffix(suffix) {
            let stem = String(word.dropLast(suffix.count))
            guard stem.count >= 3 else { continue }
            let participleWithoutGe = (suffix == "t" || suffix == "d") && Self.inseparable.contains { stem.hasPrefix($0) }
            if suffix.count == 1, !participleWithoutGe, lexicon.contains(word + "en") || lexicon.contains(word + "e") {
                // kant/kanten, feit/feiten: a noun or adjective in its own right, not a verb form.
                if !lexicon.contains(stem + (Self.isVoiceless(stem.last!) ? "te" : "de")) { continue }
            }
            if let infinitive = weakInfinitive(stem: stem) { return infinitive }
        }
        return nil
    }

    /// The infinitive of a weak verb with present stem `stem` (*betaal* → *betalen*, *herken* → *herkennen*,
    /// *werf* → *werven*), when the lexicon has it and the verb's past tense or participle too.
    private func weakInfinitive(stem: String) -> String? {
        let past = stem + (Self.isVoiceless(stem.last!) ? "te" : "de")
        let participle = "ge" + stem + (Self.isVoiceless(stem.last!) ? "t" : "d")
        guard lexicon.contains(past) || lexicon.contains(participle) else { return nil }
        for infinitive in Self.infinitiveCandidates(stem) where lexicon.contains(infinitive) { return infinitive }
        return nil
    }

    /// Spellings of the infinitive for a present stem: open syllables lose a vowel (*betaal* → *betalen*),
    /// short ones double the consonant (*bel* → *bellen*), f and s voice (*werf* → *werven*).
    static func infinitiveCandidates(_ stem: String) -> [String] {
        let s = Array(stem)
        guard let last = s.last else { return [] }
        if isVowel(last) { return [stem + "n", stem + "en"] }       // zie → zien, doe → doen
        var bodies: [[Character]] = [s]
        if let single = singleVowel(s) { bodies.insert(single, at: 0) }
        bodies.append(s + [last])
        var out: [String] = []
        for body in bodies {
            out.append(String(body) + "en")
            if let end = body.last, end == "f" || end == "s" {
                out.append(String(body.dropLast()) + (end == "f" ? "v" : "z") + "en")
            }
        }
        return out
    }

    // MARK: - Adjectives

    /// Comparatives and superlatives: *jonger*, *jongste*, *sneller*, *lager*, *kwetsbaarder* → the
    /// positive, when the lexicon has it and its superlative (which keeps *kamer* away from *kam*).
    private func adjectiveBase(_ word: String) -> String? {
        guard !Self.notComparatives.contains(word) else { return nil }
        for suffix in ["der", "ste", "er", "st"] where word.hasSuffix(suffix) {
            let base = Array(word.dropLast(suffix.count))
            guard base.count >= 3, suffix != "der" || base.last == "r" else { continue }
            var candidates = [base]
            if let undoubled = Self.undoubled(base) { candidates.insert(undoubled, at: 0) }   // snell-er
            if let doubled = Self.doubledVowel(base) { candidates.append(doubled) }           // lag-er → laag
            for candidate in candidates {
                let form = String(candidate)
                if lexicon.contains(form), lexicon.contains(form + "st") || lexicon.contains(form + "ste") { return form }
            }
        }
        return nil
    }

    /// Words that look like comparatives of another word but are nouns in their own right.
    private static let notComparatives: Set<String> = ["ouder", "ouders", "later", "lager", "meer", "eerder", "verder"]

    // MARK: - Spelling helpers

    static func isVowel(_ c: Character) -> Bool { "aeiouy".contains(c) }
    /// 't kofschip: stems ending in these take -te/-t in the past, the others -de/-d.
    static func isVoiceless(_ c: Character) -> Bool { "tkfschp".contains(c) }

    /// *ball* → *bal*; nil when the word does not end in a doubled consonant.
    static func undoubled(_ s: [Character]) -> [Character]? {
        guard s.count >= 3, let last = s.last, !isVowel(last), s[s.count - 2] == last else { return nil }
        return Array(s.dropLast())
    }

    /// *betaal* → *betal*: a doubled vowel before the final consonant, made single; nil otherwise.
    static func singleVowel(_ s: [Character]) -> [Character]? {
        guard s.count >= 4, let last = s.last, !isVowel(last) else { return nil }
        let v = s[s.count - 2]
        guard isVowel(v), s[s.count - 3] == v, v != "i", v != "y" else { return nil }
        if s.count >= 4, isVowel(s[s.count - 4]), !(s[s.count - 4] == "u" && v == "e") { return nil }  // keep "oe", "ie"
        var out = s
        out.remove(at: s.count - 2)
        return out
    }

    /// *lag* → *laag*: a single vowel between consonants at the end, doubled; nil otherwise.
    static func doubledVowel(_ s: [Character]) -> [Character]? {
        guard s.count >= 3, let last = s.last, !isVowel(last) else { return nil }
        let v = s[s.count - 2]
        guard isVowel(v), v != "i", !isVowel(s[s.count - 3]) else { return nil }
        var out = s
        out.insert(v, at: s.count - 1)
        return out
    }

    // MARK: - Irregular forms

    /// Common strong and irregular verbs and irregular plurals. Forms that are also everyday nouns
    /// (*leden*, *reden*, *boden*, *namen*, *lagen*) or English words (*at*) are left out.
    static let irregular: [String: String] = {
        let table = """
        lopen: liep liepen gelopen
        krijgen: kreeg kregen gekregen
        geven: gaf gegeven
        komen: kwam kwamen gekomen
        worden: werd werden geworden
        houden: hield hielden gehouden
        dwingen: dwong dwongen gedwongen
        werven: wierf wierven geworven
        zoeken: zocht zochten gezocht
        kopen: kocht kochten gekocht
        verkopen: verkocht verkochten
        doen: deed deden gedaan
        zien: zag gezien
        gaan: ging gingen gegaan
        staan: stond stonden gestaan
        slaan: sloeg sloegen geslagen
        nemen: nam genomen
        brengen: bracht brachten gebracht
        denken: dacht dachten gedacht
        vinden: vond vonden gevonden
        zeggen: zei zeiden gezegd
        spreken: sprak spraken gesproken
        schrijven: schreef schreven geschreven
        blijven: bleef bleven gebleven
        vallen: viel vielen gevallen
        laten: liet lieten gelaten
        beginnen: begon begonnen
        zitten: zat zaten gezeten
        liggen: lag gelegen
        vragen: vroeg vroegen gevraagd
        dragen: droeg droegen gedragen
        trekken: trok trokken getrokken
        kiezen: koos kozen gekozen
        bieden: bood geboden
        aanbieden: aangeboden
        verbieden: verbood verboden
        sluiten: sloot sloten gesloten
        helpen: hielp hielpen geholpen
        liegen: loog logen gelogen
        bedriegen: bedroog bedrogen
        vergeten: vergat vergaten
        eten: aten gegeten
        drinken: dronk gedronken
        zwijgen: zweeg zwegen gezwegen
        verdwijnen: verdween verdwenen
        wegen: woog wogen gewogen
        schieten: schoot schoten geschoten
        rijden: reed gereden
        stelen: gestolen
        ontvangen: ontving ontvingen
        vangen: ving vingen gevangen
        opvangen: opgevangen
        weglopen: weggelopen
        aangeven: aangegeven
        kind: kinderen
        stad: steden
        schip: schepen
        lid: leden
        smid: smeden
        ei: eieren
        uur: uren
        """
        var forms: [String: String] = [:]
        for line in table.split(separator: "\n") {
            let halves = line.split(separator: ":")
            let base = String(halves[0])
            for form in halves[1].split(separator: " ") { forms[String(form)] = base }
        }
        return forms
    }()
}
