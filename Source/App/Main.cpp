#include "App/CommandLine.h"

int main (int argc, char* argv[])
{
    return foldback::runCommandLine (argc, argv);
}
