#===- AddS2S.cmake - helpers for s2s libraries ----------------*- cmake -*-===#
#
# add_s2s_library(name src... [DEPENDS tgt...] [LINK_LIBS lib...])
#
# Builds a shared library that links libMLIR.so, is exported through the
# S2STargets export set (see S2SConfig.cmake) and is installed. Shared, so
# that s2s-opt and a user's plugin share one copy of every TypeID.
#
#===----------------------------------------------------------------------===#

function(add_s2s_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;LINK_LIBS" ${ARGN})
  add_library(${name} SHARED ${ARG_UNPARSED_ARGUMENTS})
  if(ARG_DEPENDS)
    add_dependencies(${name} ${ARG_DEPENDS})
  endif()
  target_link_libraries(${name} PUBLIC ${ARG_LINK_LIBS} MLIR LLVM)
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${S2S_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${S2S_BINARY_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  set_target_properties(${name} PROPERTIES
    LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib
    OUTPUT_NAME ${name})
  set_property(GLOBAL APPEND PROPERTY S2S_ALL_LIBS ${name})
  install(TARGETS ${name}
    EXPORT S2STargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
endfunction()

# add_s2s_tool(name src... [LINK_LIBS lib...])
function(add_s2s_tool name)
  cmake_parse_arguments(ARG "" "" "LINK_LIBS" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE ${ARG_LINK_LIBS} MLIR LLVM)
  # --version (s2s/Support/ToolOptions.h): the version, and the git
  # revision from s2s/Support/Revision.h.
  target_compile_definitions(${name} PRIVATE S2S_VERSION="${PROJECT_VERSION}")
  add_dependencies(${name} s2s-revision)
  set_target_properties(${name} PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
  install(TARGETS ${name} EXPORT S2STargets
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endfunction()
