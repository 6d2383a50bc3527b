# The console's end-to-end tests: the real `foldback` GUI under a private Xvfb server saves
# screenshots of every page (into <build>/gui-screenshots) and its component tree, which
# the test checks against the session; and builds a session on its SETUP page from
# xdotool's clicks and keys (GuiSetupTest.cpp). Include from Tests/CMakeLists.txt (it needs no JACK):
#   include(${CMAKE_CURRENT_SOURCE_DIR}/EndToEnd/GuiScreenshots.cmake)
find_program(FOLDBACK_XVFB Xvfb)
if(NOT FOLDBACK_XVFB)
    message(STATUS "Xvfb not found: the console's end-to-end test is not built")
    return()
endif()

# The setup and NSM tests drive or watch the window with xdotool (Debian package xdotool):
# without it, only the screenshot test is built.
find_program(FOLDBACK_XDOTOOL xdotool)
set(FOLDBACK_GUI_E2E_SOURCES ${CMAKE_CURRENT_LIST_DIR}/GuiScreenshotTest.cpp)
if(FOLDBACK_XDOTOOL)
    list(APPEND FOLDBACK_GUI_E2E_SOURCES ${CMAKE_CURRENT_LIST_DIR}/GuiSetupTest.cpp ${CMAKE_CURRENT_LIST_DIR}/ConsoleNsmTest.cpp)
else()
    message(STATUS "xdotool not found: the console's setup and NSM end-to-end tests are not built")
endif()

add_executable(foldback_gui_e2e_tests ${FOLDBACK_GUI_E2E_SOURCES})
target_include_directories(foldback_gui_e2e_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(foldback_gui_e2e_tests PRIVATE foldback_catch_main foldback_app foldback_warnings)
target_compile_definitions(foldback_gui_e2e_tests PRIVATE
    FOLDBACK_BINARY="$<TARGET_FILE:foldback>"
    FOLDBACK_XVFB="${FOLDBACK_XVFB}"
    FOLDBACK_XDOTOOL="${FOLDBACK_XDOTOOL}"
    FOLDBACK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    FOLDBACK_GUI_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/gui-screenshots")
add_dependencies(foldback_gui_e2e_tests foldback)
catch_discover_tests(foldback_gui_e2e_tests TEST_PREFIX "e2e: " EXTRA_ARGS --warn NoTests PROPERTIES RUN_SERIAL TRUE TIMEOUT 300 LABELS e2e)

# The console's CPU at 64 inputs x 16 mixes, rolling, against the headless player: a
# measurement that prints figures and never fails on them (docs/gui.md, CPU benchmark).
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
    add_test(NAME "measurement: console CPU at 64 x 16 against headless"
             COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/scripts/console-cpu-bench
                     --foldback $<TARGET_FILE:foldback> --rounds 2)
    set_tests_properties("measurement: console CPU at 64 x 16 against headless"
                         PROPERTIES LABELS measurement RUN_SERIAL TRUE TIMEOUT 600)
endif()
