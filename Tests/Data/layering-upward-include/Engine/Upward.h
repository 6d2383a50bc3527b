#pragma once

// A deliberate upward include, for the layering check's own test: the real-time engine
// must never reach up to the console.
#include "Gui/MainWindow.h"
#include "Engine/Plan.h"
