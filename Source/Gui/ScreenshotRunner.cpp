#include "ScreenshotRunner.h"

#include "ComponentTree.h"
#include "MainComponent.h"

namespace foldback
{

namespace
{
    constexpr int settleMs = 250; // a page's meters and labels catch up before its picture
}

ScreenshotRunner::ScreenshotRunner (juce::Component& windowToShoot, MainComponent& consoleToShow, ConsoleModel& modelToPlay,
                                    juce::File folderForFiles)
    : window (windowToShoot), console (consoleToShow), model (modelToPlay), folder (std::move (folderForFiles))
{
}

juce::String ScreenshotRunner::fileNameForPage (const juce::Component& page)
{
    return page.getComponentID().replaceCharacter (':', '-').retainCharacters (
               "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
           + ".png";
}

void ScreenshotRunner::start (int warmUpMs)
{
    if (! folder.createDirectory())
    {
        finish (false, "cannot create " + folder.getFullPathName());
        return;
    }
    console.setShowsTooltips (false);
    model.getPlayer().play();
    nextPage = 0;
    pageShown = false;
    startTimer (juce::jmax (1, warmUpMs));
}

void ScreenshotRunner::timerCallback()
{
    startTimer (settleMs);
    console.rebuildIfNeeded();

    if (nextPage < console.getNumPages())
    {
        if (! pageShown)
        {
            console.showPage (nextPage);
            pageShown = true;
            return;
        }
        if (! capturePage (nextPage))
            return;
        ++nextPage;
        pageShown = false;
        return;
    }

    // Last, the first mix again with narrow strips (the engineer's other layout).
    if (console.getNumPages() > 0 && console.findMixView (model.getSession().mixes.empty() ? std::string() : model.getSession().mixes.front().id) != nullptr
        && ! narrowShotTaken)
    {
        if (! pageShown)
        {
            narrowBefore = model.getNarrowStrips();
            model.setNarrowStrips (true);
            console.showPage (0);
            pageShown = true;
            return;
        }
        if (! capturePage (0, "-narrow"))
            return;
        model.setNarrowStrips (narrowBefore);
        narrowShotTaken = true;
        pageShown = false;
        return;
    }

    stopTimer();
    model.getPlayer().stop();
    console.showPage (0);
    const auto tree = folder.getChildFile ("component-tree.json");
    if (! tree.replaceWithText (juce::JSON::toString (describeComponentTree (window))))
        finish (false, "cannot write " + tree.getFullPathName());
    else
        finish (true, {});
}

bool ScreenshotRunner::capturePage (int index, const juce::String& suffix)
{
    const auto image = window.createComponentSnapshot (window.getLocalBounds(), true, 1.0f);
    const auto file = folder.getChildFile (fileNameForPage (console.getPage (index)).replace (".png", suffix + ".png"));
    file.deleteFile();

    juce::FileOutputStream stream (file);
    juce::PNGImageFormat png;
    if (! stream.openedOk() || ! png.writeImageToStream (image, stream))
    {
        finish (false, "cannot write " + file.getFullPathName());
        return false;
    }
    return true;
}

void ScreenshotRunner::finish (bool ok, const juce::String& error)
{
    stopTimer();
    if (onFinished)
        onFinished (ok, error);
}

} // namespace foldback
