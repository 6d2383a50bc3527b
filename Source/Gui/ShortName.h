#pragma once

#include <juce_core/juce_core.h>

namespace foldback
{

/** A source's name shortened to at most `maxChars` characters for a narrow strip, keeping
    what tells names apart: each word keeps its first letter and its consonants before its
    other vowels, words are cut evenly, and a trailing number ("Backing vocal 2") is kept
    whole. "Kick" stays "Kick"; "Electric guitar 2" becomes "ElGt2", "Overhead L" "OvrhL".
    The full name goes in the strip's tooltip. Pure function: any thread. */
juce::String shortName (const juce::String& name, int maxChars);

} // namespace foldback
