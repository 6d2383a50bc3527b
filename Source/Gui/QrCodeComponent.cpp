#include "QrCodeComponent.h"

#include "FoldbackLookAndFeel.h"

#include <qrencode.h>

namespace foldback
{

void QrCodeComponent::setText (const std::string& newText)
{
    if (newText == text)
        return;
    text = newText;
    modules.clear();
    width = 0;

    if (! text.empty())
    {
        if (QRcode* code = QRcode_encodeString (text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1))
        {
            width = code->width;
            modules.resize (static_cast<std::size_t> (width * width));
            for (std::size_t i = 0; i < modules.size(); ++i)
                modules[i] = code->data[i] & 1; // bit 0: dark module
            QRcode_free (code);
        }
    }
    repaint();
}

void QrCodeComponent::paint (juce::Graphics& g)
{
    if (width == 0)
    {
        g.setColour (palette::dimText);
        g.drawText ("no link yet", getLocalBounds(), juce::Justification::centred);
        return;
    }

    // Whole pixels per module and a four-module quiet zone, so every scanner reads it.
    const int side = juce::jmin (getWidth(), getHeight());
    const int moduleSize = juce::jmax (1, side / (width + 8));
    const int codeSide = moduleSize * (width + 8);
    const auto origin = juce::Point<int> ((getWidth() - codeSide) / 2, (getHeight() - codeSide) / 2);

    g.setColour (juce::Colours::white);
    g.fillRect (origin.x, origin.y, codeSide, codeSide);
    g.setColour (juce::Colours::black);
    for (int y = 0; y < width; ++y)
        for (int x = 0; x < width; ++x)
            if (isDark (x, y))
                g.fillRect (origin.x + (x + 4) * moduleSize, origin.y + (y + 4) * moduleSize, moduleSize, moduleSize);
}

} // namespace foldback
