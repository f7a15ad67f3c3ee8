// Prints the Xapian stem of every word read from standard input, one per line, for the conflation report.
//
//     g++ -O2 -std=c++17 Scripts/conflation.cpp -o conflation-stem -lxapian
//     printf 'ronselen\ngeronseld\n' | ./conflation-stem dutch
//     ./conflation-stem --list            (the stemmers this Xapian has)
//
// Words are stemmed as given (Scripts/conflation lowercases them first, as the indexer does); an empty
// line gives an empty line, so output line N always belongs to input line N.
#include <xapian.h>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " STEMMER < words    |    " << argv[0] << " --list\n";
        return 2;
    }
    const std::string name = argv[1];
    if (name == "--list") {
        std::cout << Xapian::Stem::get_available_languages() << "\n";
        return 0;
    }
    try {
        Xapian::Stem stem(name);
        std::string word;
        while (std::getline(std::cin, word)) {
            std::cout << (word.empty() ? std::string() : stem(word)) << "\n";
        }
    } catch (const Xapian::Error& error) {
        std::cerr << "conflation-stem: " << error.get_description() << "\n";
        return 2;
    }
    return 0;
}
