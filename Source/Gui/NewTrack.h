#pragma once

#include "Session/Session.h"

#include <string>

namespace foldback
{

/** The BackingTrack an audio file becomes when the engineer adds it: an id made from the
    file name ([A-Za-z0-9_-], at most 64 characters, never a reserved or taken id), the
    file name without extension as its name, placed at bar 1 at unity gain. The path is
    stored relative to the session file when the audio sits in the session's folder (so
    the folder can move), else absolute. Pure: any thread. */
BackingTrack makeNewTrack (const Session& session, const std::string& audioPath, const std::string& sessionFilePath);

} // namespace foldback
