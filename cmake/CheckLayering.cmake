# The layering test: every #include "Folder/File.h" in SOURCE_DIR/<layer>/ must name the
# layer's own folder or one it may include (RULES, written by foldback_write_layer_rules),
# and every folder of SOURCE_DIR must be a declared layer.
#
#   cmake -DRULES=layers.cmake -DSOURCE_DIR=Source -P CheckLayering.cmake

cmake_minimum_required (VERSION 3.22)

include (${RULES})

set (violations "")

file (GLOB entries LIST_DIRECTORIES true RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/*)
foreach (entry IN LISTS entries)
    if (IS_DIRECTORY ${SOURCE_DIR}/${entry} AND NOT entry IN_LIST FOLDBACK_LAYERS)
        string (APPEND violations "  ${entry}/ is not a layer: declare it with foldback_layer() in Source/CMakeLists.txt\n")
    endif()
endforeach()

foreach (layer IN LISTS FOLDBACK_LAYERS)
    file (GLOB files ${SOURCE_DIR}/${layer}/*.h ${SOURCE_DIR}/${layer}/*.cpp)
    foreach (path IN LISTS files)
        get_filename_component (name ${path} NAME)
        file (STRINGS ${path} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[A-Za-z0-9_]+/")
        foreach (line IN LISTS includes)
            string (REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([A-Za-z0-9_]+)/([^\"]*)\".*" "\\1" folder "${line}")
            string (REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([A-Za-z0-9_]+)/([^\"]*)\".*" "\\1/\\2" header "${line}")
            if (folder IN_LIST FOLDBACK_LAYERS AND NOT folder IN_LIST FOLDBACK_LAYER_${layer}_MAY_INCLUDE)
                string (REPLACE ";" ", " allowed "${FOLDBACK_LAYER_${layer}_MAY_INCLUDE}")
                string (APPEND violations "  ${layer}/${name} includes ${header}: ${layer} may include ${allowed} only\n")
            endif()
        endforeach()
    endforeach()
endforeach()

if (violations)
    message (FATAL_ERROR "includes against the layering:\n${violations}")
endif()

list (LENGTH FOLDBACK_LAYERS count)
message (STATUS "layering: ${count} layers, every include goes downward")
