#pragma once

#include <string_view>

namespace foldback
{

/** The performer's web page (Resources/remote/performer.html), built into the binary so
    nothing is fetched at run time. Generated at build time. */
std::string_view performerPageHtml() noexcept;

} // namespace foldback
