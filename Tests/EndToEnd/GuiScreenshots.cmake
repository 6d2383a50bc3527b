# The console's end-to-end test: the real `foldback` GUI under a private Xvfb server saves
# screenshots of every page (into <build>/gui-screenshots) and its component tree, which
# the test checks against the session. Include from Tests/CMakeLists.txt (it needs no JACK):
#   include(${CMAKE_CURRENT_SOURCE_DIR}/EndToEnd/GuiScreenshots.cmake)
find_program(FOLDBACK_XVFB Xvfb)
if(NOT FOLDBACK_XVFB)
    message(STATUS "Xvfb not found: the console's end-to-end test is not built")
    return()
endif()

add_executable(foldback_gui_e2e_tests ${CMAKE_CURRENT_LIST_DIR}/GuiScreenshotTest.cpp)
target_include_directories(foldback_gui_e2e_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(foldback_gui_e2e_tests PRIVATE foldback_catch_main foldback_app foldback_warnings)
target_compile_definitions(foldback_gui_e2e_tests PRIVATE
    FOLDBACK_BINARY="$<TARGET_FILE:foldback>"
    FOLDBACK_XVFB="${FOLDBACK_XVFB}"
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
