# install() rules for the two programs, split into the components cmake/Packaging.cmake turns into the
# Debian packages: "server" (lanchat-server) and "client" (lanchat, only with LANCHAT_BUILD_APP).
# Translations need no rule: both executables carry their compiled catalogues as resources (:/i18n).
include(GNUInstallDirs)

# Paths follow CMAKE_INSTALL_PREFIX (packages: /usr, giving /etc and /lib/systemd/system); -D overrides them.
if(NOT LANCHAT_STATE_DIR)
    set(LANCHAT_STATE_DIR "/var/lib/lanchat") # the unit's StateDirectory=lanchat
endif()
if(NOT LANCHAT_CONFIG_FILE)
    set(LANCHAT_CONFIG_FILE "${CMAKE_INSTALL_FULL_SYSCONFDIR}/lanchat/lanchat-server.conf")
endif()
if(NOT LANCHAT_SYSTEMD_UNITDIR)
    if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
        set(LANCHAT_SYSTEMD_UNITDIR "/lib/systemd/system")
    else()
        set(LANCHAT_SYSTEMD_UNITDIR "${CMAKE_INSTALL_PREFIX}/lib/systemd/system")
    endif()
endif()
# The server raises its soft open-file limit to max_connections + 512 (server/relayserver.cpp); the unit's hard
# limit must allow that for the default max_connections (server/serverconfig.h).
set(LANCHAT_NOFILE_LIMIT 4608)

set(LANCHAT_SERVER_DOCDIR "${CMAKE_INSTALL_DATAROOTDIR}/doc/lanchat-server")
set(LANCHAT_CLIENT_DOCDIR "${CMAKE_INSTALL_DATAROOTDIR}/doc/lanchat")
set(LANCHAT_SERVER_FULL_DOCDIR "${CMAKE_INSTALL_FULL_DATAROOTDIR}/doc/lanchat-server")

# --- server -----------------------------------------------------------------------------------------------
install(TARGETS lanchat-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)

configure_file(${CMAKE_SOURCE_DIR}/packaging/systemd/lanchat-server.service.in
    ${CMAKE_BINARY_DIR}/packaging/lanchat-server.service @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/packaging/lanchat-server.service
    DESTINATION ${LANCHAT_SYSTEMD_UNITDIR} COMPONENT server)

# The sample configuration with every key commented out, except data_dir: the admin commands
# (`lanchat-server user … --config FILE`) then find the service's database without --data-dir.
file(READ ${CMAKE_SOURCE_DIR}/resources/lanchat-server.conf LANCHAT_CONF_TEXT)
string(REPLACE "\n;data_dir=\n" "\ndata_dir=${LANCHAT_STATE_DIR}\n" LANCHAT_PACKAGED_CONF "${LANCHAT_CONF_TEXT}")
if(LANCHAT_PACKAGED_CONF STREQUAL LANCHAT_CONF_TEXT)
    message(FATAL_ERROR "resources/lanchat-server.conf has no ';data_dir=' line to set for the package")
endif()
file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/packaging/lanchat-server.conf CONTENT "${LANCHAT_PACKAGED_CONF}" @ONLY)
get_filename_component(LANCHAT_CONFIG_DIR "${LANCHAT_CONFIG_FILE}" DIRECTORY)
install(FILES ${CMAKE_BINARY_DIR}/packaging/lanchat-server.conf DESTINATION ${LANCHAT_CONFIG_DIR} COMPONENT server)

# Man pages are installed gzip-compressed, as Debian policy asks (-n: no time stamp, reproducible).
function(lanchat_install_man page component)
    set(gz ${CMAKE_BINARY_DIR}/packaging/man/${page}.gz)
    add_custom_command(OUTPUT ${gz}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging/man
        COMMAND gzip -9nc ${CMAKE_SOURCE_DIR}/packaging/man/${page} > ${gz}
        DEPENDS ${CMAKE_SOURCE_DIR}/packaging/man/${page}
        COMMENT "Compressing the man page ${page}")
    add_custom_target(lanchat-man-${page} ALL DEPENDS ${gz})
    install(FILES ${gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT ${component})
endfunction()
lanchat_install_man(lanchat-server.1 server)
# Everything the server component installs, for a build of just that: `cmake --build B --target lanchat-server-dist`.
add_custom_target(lanchat-server-dist DEPENDS lanchat-server lanchat-man-lanchat-server.1)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/admin.md ${CMAKE_SOURCE_DIR}/docs/protocol.md
    DESTINATION ${LANCHAT_SERVER_DOCDIR} COMPONENT server)

# --- client -----------------------------------------------------------------------------------------------
if(TARGET lanchat)
    install(TARGETS lanchat RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT client)
    install(FILES ${CMAKE_SOURCE_DIR}/resources/lanchat.desktop
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications COMPONENT client)
    lanchat_install_man(lanchat.1 client)
    install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/user.md
        DESTINATION ${LANCHAT_CLIENT_DOCDIR} COMPONENT client)

    # Icons in the hicolor theme: the SVG as "scalable" and PNGs rendered from it at build time (rsvg-convert,
    # Debian package librsvg2-bin), for desktops and docks that want bitmaps at their exact size.
    set(LANCHAT_ICON_SVG ${CMAKE_SOURCE_DIR}/resources/icons/lanchat.svg)
    install(FILES ${LANCHAT_ICON_SVG}
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps COMPONENT client)
    find_program(LANCHAT_RSVG_CONVERT rsvg-convert)
    if(LANCHAT_RSVG_CONVERT)
        set(LANCHAT_ICON_PNGS)
        foreach(size 16 22 24 32 48 64 128 256)
            set(png ${CMAKE_BINARY_DIR}/packaging/icons/${size}x${size}/lanchat.png)
            add_custom_command(OUTPUT ${png}
                COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging/icons/${size}x${size}
                COMMAND ${LANCHAT_RSVG_CONVERT} --width ${size} --height ${size} --keep-aspect-ratio
                    --output ${png} ${LANCHAT_ICON_SVG}
                DEPENDS ${LANCHAT_ICON_SVG}
                COMMENT "Rendering the ${size}x${size} application icon"
                VERBATIM)
            list(APPEND LANCHAT_ICON_PNGS ${png})
            install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/${size}x${size}/apps
                COMPONENT client)
        endforeach()
        add_custom_target(lanchat-icons ALL DEPENDS ${LANCHAT_ICON_PNGS})
    else()
        message(STATUS "rsvg-convert not found (librsvg2-bin): only the scalable icon is installed")
        add_custom_target(lanchat-icons)
    endif()
    add_custom_target(lanchat-dist DEPENDS lanchat lanchat-icons lanchat-man-lanchat.1)
endif()
