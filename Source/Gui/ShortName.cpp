#include "ShortName.h"

#include <algorithm>
#include <vector>

namespace foldback
{

namespace
{
    bool isVowel (juce::juce_wchar c)
    {
        return juce::String ("aeiouAEIOU").containsChar (c);
    }

    /** `keep` of the word's letters, in the word's own order, chosen first letter first,
        then consonants, then the other vowels: "guitar" -> "g", "gt", "gtr", "gutr"... */
    juce::String cut (const juce::String& word, int keep)
    {
        if (keep >= word.length())
            return word;
        std::vector<int> chosen { 0 };
        for (int pass = 0; pass < 2; ++pass)
            for (int i = 1; i < word.length(); ++i)
                if (isVowel (word[i]) == (pass == 1))
                    chosen.push_back (i);
        chosen.resize (static_cast<std::size_t> (juce::jmax (0, keep)));
        std::sort (chosen.begin(), chosen.end());
        juce::String kept;
        for (int i : chosen)
            kept += juce::String::charToString (word[i]);
        return kept;
    }
}

juce::String shortName (const juce::String& name, int maxChars)
{
    const auto trimmed = name.trim();
    if (trimmed.length() <= maxChars || maxChars <= 0)
        return trimmed.substring (0, juce::jmax (0, maxChars));

    auto words = juce::StringArray::fromTokens (trimmed, " _-", "");
    words.removeEmptyStrings();

    // A trailing number or single letter ("2", "L") tells "Tom 1" from "Tom 2": kept whole.
    juce::String tail;
    if (words.size() > 1 && (words[words.size() - 1].containsOnly ("0123456789") || words[words.size() - 1].length() == 1))
    {
        tail = words[words.size() - 1].toUpperCase();
        words.remove (words.size() - 1);
    }

    const int room = maxChars - tail.length();
    if (room <= 0 || words.isEmpty())
        return (words.joinIntoString ("") + tail).substring (0, maxChars);

    // One word: its letters by importance; several: each capitalised and cut evenly.
    if (words.size() == 1)
        return cut (words[0], room) + tail;

    const int count = juce::jmin (words.size(), room);
    juce::String result;
    int left = room;
    for (int w = 0; w < count; ++w)
    {
        const int share = left / (count - w);
        auto word = words[w];
        word = word.substring (0, 1).toUpperCase() + word.substring (1);
        const auto part = cut (word, share);
        result += part;
        left -= part.length();
    }
    return result + tail;
}

} // namespace foldback
