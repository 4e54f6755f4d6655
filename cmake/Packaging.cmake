# Installing loopminer and the Debian package (cpack -G DEB; see
# packaging/build-deb.sh, which builds it and runs the checks).
#
# The installed layout is the build tree's, so that the binaries find
# everything relative to themselves (core/base/DataPaths.h, app/cli/main.cpp):
#   <prefix>/bin/loopminer, <prefix>/bin/loopminer-cli
#   <prefix>/lib/loopminer/modules/loopminer-cli-models.so  (not in bin/; one level
#     below lib/loopminer so that CPack adds no ldconfig maintainer scripts)
#   <prefix>/share/loopminer/...                     (model, demo, translations)
#   <prefix>/share/{applications,icons,metainfo,man,doc}

set(LM_PKG_SRC ${PROJECT_SOURCE_DIR}/packaging)
set(LM_PKG_OUT ${CMAKE_BINARY_DIR}/packaging)
set(LM_APPSTREAM_ID io.github.loopminer)

# --- Files made at build time: icons, gzipped man pages and changelog, metainfo.
# The PNGs also go to build/share/icons so that the window icon is found the
# same way (<exe>/../share/icons) in the build tree and installed.
set(LM_ICON_SIZES 16 32 48 64 128 256)
find_program(RSVG_CONVERT rsvg-convert)
find_program(GZIP_PROGRAM gzip REQUIRED)
set(LM_PACKAGING_OUTPUTS)
if(RSVG_CONVERT)
  foreach(size ${LM_ICON_SIZES})
    set(png ${CMAKE_BINARY_DIR}/share/icons/hicolor/${size}x${size}/apps/loopminer.png)
    add_custom_command(OUTPUT ${png}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/share/icons/hicolor/${size}x${size}/apps
      COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} -o ${png} ${LM_PKG_SRC}/icons/loopminer.svg
      DEPENDS ${LM_PKG_SRC}/icons/loopminer.svg
      COMMENT "Rendering the ${size}x${size} icon" VERBATIM)
    list(APPEND LM_PACKAGING_OUTPUTS ${png})
  endforeach()
else()
  message(WARNING "rsvg-convert not found (librsvg2-bin): no PNG icons; the package will lack them")
endif()

foreach(page loopminer-cli loopminer)
  set(gz ${LM_PKG_OUT}/${page}.1.gz)
  configure_file(${LM_PKG_SRC}/${page}.1 ${LM_PKG_OUT}/${page}.1 @ONLY) # the version in .TH
  add_custom_command(OUTPUT ${gz}
    COMMAND sh -c "${GZIP_PROGRAM} -9n < '${LM_PKG_OUT}/${page}.1' > '${gz}'"
    DEPENDS ${LM_PKG_OUT}/${page}.1
    COMMENT "Compressing the man page ${page}.1" VERBATIM)
  list(APPEND LM_PACKAGING_OUTPUTS ${gz})
endforeach()

# The version comes from project(): the changelog's top entry, the
# metainfo's newest release and the man pages' headers are written from templates.
configure_file(${LM_PKG_SRC}/changelog.in ${LM_PKG_OUT}/changelog @ONLY)
configure_file(${LM_PKG_SRC}/${LM_APPSTREAM_ID}.metainfo.xml.in ${LM_PKG_OUT}/${LM_APPSTREAM_ID}.metainfo.xml @ONLY)
add_custom_command(OUTPUT ${LM_PKG_OUT}/changelog.gz
  COMMAND sh -c "${GZIP_PROGRAM} -9n < '${LM_PKG_OUT}/changelog' > '${LM_PKG_OUT}/changelog.gz'"
  DEPENDS ${LM_PKG_OUT}/changelog
  COMMENT "Compressing the Debian changelog" VERBATIM)
list(APPEND LM_PACKAGING_OUTPUTS ${LM_PKG_OUT}/changelog.gz)
add_custom_target(packaging_data ALL DEPENDS ${LM_PACKAGING_OUTPUTS})
add_dependencies(loopminer packaging_data)

# Debian's hardening asks for immediate binding of what is installed (only a relink).
foreach(target loopminer loopminer-cli loopminer-cli-models)
  if(TARGET ${target})
    target_link_options(${target} PRIVATE -Wl,-z,relro,-z,now)
  endif()
endforeach()

# --- Install rules.
install(TARGETS loopminer loopminer-cli RUNTIME DESTINATION bin)
if(TARGET loopminer-cli-models)
  # A module is dlopened, not executed: 644 as Debian policy wants for shared objects.
  install(TARGETS loopminer-cli-models LIBRARY DESTINATION lib/loopminer/modules
    PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
endif()
# The whole data tree, whatever the build wrote there (model, demo material,
# translations), less the build's stamp files.
install(DIRECTORY ${CMAKE_BINARY_DIR}/share/loopminer DESTINATION share
  PATTERN ".copied" EXCLUDE PATTERN ".made" EXCLUDE)
install(FILES ${LM_PKG_SRC}/loopminer.desktop DESTINATION share/applications)
install(FILES ${LM_PKG_SRC}/icons/loopminer.svg DESTINATION share/icons/hicolor/scalable/apps)
if(RSVG_CONVERT)
  foreach(size ${LM_ICON_SIZES})
    install(FILES ${CMAKE_BINARY_DIR}/share/icons/hicolor/${size}x${size}/apps/loopminer.png
      DESTINATION share/icons/hicolor/${size}x${size}/apps)
  endforeach()
endif()
install(FILES ${LM_PKG_OUT}/${LM_APPSTREAM_ID}.metainfo.xml DESTINATION share/metainfo)
install(FILES ${LM_PKG_OUT}/loopminer-cli.1.gz ${LM_PKG_OUT}/loopminer.1.gz DESTINATION share/man/man1)
install(FILES ${LM_PKG_SRC}/copyright ${LM_PKG_OUT}/changelog.gz DESTINATION share/doc/loopminer)

# --- CPack: the Debian package.
set(CPACK_PACKAGE_NAME loopminer)
set(CPACK_PACKAGE_VENDOR "The loopminer authors")
set(CPACK_PACKAGE_CONTACT "loopminer maintainers <loopminer@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "find, learn and generate music loops in MIDI and audio collections")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/loopminer/loopminer")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION sound)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so dpkg-shlibdeps cannot see them: the soundfont of the
# built-in synth, the SVG icon engine, the BLAS that LibTorch runs on.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fluid-soundfont-gm, libqt6svg6, libopenblas0-openmp")
# Qt's own dialogs (file chooser, buttons) in the user's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# CPack puts the summary first as the synopsis line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "A desktop workstation for musicians and music researchers who want loops.
It finds the loops hidden in Standard MIDI Files and audio recordings (the
loop detector of Han et al., ISMIR 2022), keeps them in a library, learns
from them (a VQ-VAE and an LSTM prior, with LibTorch) and generates new
drum and bass loops, which it plays through MIDI ports or a built-in
synthesizer and exports as MIDI or audio.

The package holds the Qt program loopminer, the command-line tool
loopminer-cli, a small bundled model and a demo library.")
include(CPack)
