#pragma once

namespace foldback
{

/** Runs foldback's command line (see README: run, render, check, devices, bench, or the GUI)
    and returns the process exit status: 0 success, 2 bad session or arguments, 1 other. */
int runCommandLine (int argc, char* argv[]);

} // namespace foldback
