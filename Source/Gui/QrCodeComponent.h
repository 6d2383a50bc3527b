#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>
#include <vector>

namespace foldback
{

/** A QR code of a text (a performer's link), drawn crisp at any size: light modules on a
    white quiet zone, as phone cameras expect, even on the dark console. Encoded with
    Debian's libqrencode. Message thread only. */
class QrCodeComponent : public juce::Component
{
public:
    void setText (const std::string& text);
    const std::string& getText() const noexcept { return text; }

    /** Modules per side (0 when empty or too long to encode). */
    int getModuleCount() const noexcept { return width; }
    bool isDark (int x, int y) const noexcept { return modules[static_cast<std::size_t> (y * width + x)] != 0; }

    void paint (juce::Graphics&) override;

private:
    std::string text;
    std::vector<unsigned char> modules;
    int width = 0;
};

} // namespace foldback
