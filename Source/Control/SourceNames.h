#pragma once

#include "Control/StructureEdit.h"
#include "Session/Session.h"

#include <string>

namespace foldback
{

/** Why `name` cannot name a source or a mix of this kind, or nothing: empty after
    trimming, or already another's (case-insensitive, so "Vox" and "vox" do not both
    appear on the console). `exceptId` is the one being renamed. Pure. */
StructureEdit checkInputName (const Session& session, const std::string& name, const std::string& pointer,
                              const std::string& exceptId = {});
StructureEdit checkMixName (const Session& session, const std::string& name, const std::string& pointer,
                            const std::string& exceptId = {});

/** `text` without leading and trailing white space. */
std::string trimmedName (const std::string& text);

/** True if a session id is taken by a source, a mix or a reserved id. */
bool isIdTaken (const Session& session, const std::string& id);

} // namespace foldback
