# One static library holds every JUCE module Foldback uses (not juce_audio_utils: it
# pulls in juce_audio_processors, plug-in hosting we don't need and the slowest part of
# the JUCE build). The app, the command line
# and the tests all link it, so JUCE compiles once per build tree, not once per target.
add_library(foldback_juce STATIC)

target_link_libraries(foldback_juce
    PRIVATE
        juce::juce_audio_devices
        juce::juce_audio_formats
        juce::juce_audio_basics
        juce::juce_gui_extra
        juce::juce_gui_basics
        juce::juce_graphics
        juce::juce_events
        juce::juce_data_structures
        juce::juce_core
        juce::juce_osc
    PUBLIC
        juce::juce_recommended_config_flags
        PkgConfig::FOLDBACK_SYSTEM_CODECS)

target_compile_definitions(foldback_juce
    PUBLIC
        JUCE_GLOBAL_MODULE_SETTINGS_INCLUDED=1
        JUCE_STANDALONE_APPLICATION=1
        JUCE_USE_CURL=0
        JUCE_WEB_BROWSER=0
        JUCE_JACK=1
        JUCE_ALSA=1
        JUCE_USE_FLAC=1
        JUCE_USE_OGGVORBIS=1
        JUCE_USE_MP3AUDIOFORMAT=0
        JUCE_DISPLAY_SPLASH_SCREEN=0
        JUCE_REPORT_APP_USAGE=0
    INTERFACE
        $<TARGET_PROPERTY:foldback_juce,COMPILE_DEFINITIONS>)

target_include_directories(foldback_juce
    INTERFACE
        $<TARGET_PROPERTY:foldback_juce,INCLUDE_DIRECTORIES>)

# JUCE's own sources are not ours to warn about.
target_compile_options(foldback_juce PRIVATE -w)
