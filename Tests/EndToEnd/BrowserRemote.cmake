# A performer's phone: the real binary serving its remote, and the page driven in Debian's
# headless Chromium through playwright-core (installed by scripts/install-dependencies).
find_package(Python3 COMPONENTS Interpreter REQUIRED)
add_test(NAME "e2e: a performer's page in headless Chromium drags a fader and the engine's mix follows"
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/browser_remote_test.py
                 $<TARGET_FILE:foldback> ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/remote-screenshots)
set_tests_properties("e2e: a performer's page in headless Chromium drags a fader and the engine's mix follows"
                     PROPERTIES TIMEOUT 300 LABELS e2e)
add_test(NAME "e2e: a performer's page whose link died with a console restart says so and stops retrying"
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/browser_revoked_link_test.py
                 $<TARGET_FILE:foldback> ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/remote-screenshots)
set_tests_properties("e2e: a performer's page whose link died with a console restart says so and stops retrying"
                     PROPERTIES TIMEOUT 300 LABELS e2e)
add_test(NAME "e2e: a performer's page with twenty sources fits two phone screens, tells every name apart and keeps the master in view"
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/browser_many_sources_test.py
                 $<TARGET_FILE:foldback> ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/remote-screenshots)
set_tests_properties("e2e: a performer's page with twenty sources fits two phone screens, tells every name apart and keeps the master in view"
                     PROPERTIES TIMEOUT 300 LABELS e2e)
