# CPack: `cpack -G DEB` in a build tree makes two Debian packages from the install components of
# cmake/Install.cmake: lanchat (the desktop client) and lanchat-server. Their Depends lines are computed by
# dpkg-shlibdeps (package dpkg-dev) from the binaries, plus what it cannot see (plugins, maintainer-script tools).
set(LANCHAT_PACKAGE_MAINTAINER "LanChat maintainers <lanchat-maintainers@example.org>"
    CACHE STRING "Maintainer field of the Debian packages (name <address>)")
set(LANCHAT_PACKAGE_HOMEPAGE "https://lanchat.invalid/"
    CACHE STRING "Homepage field of the Debian packages (the site's own page for LanChat)")

# Debian wants a changelog.Debian.gz in each package's doc directory; the date is the configure time.
string(TIMESTAMP LANCHAT_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
foreach(pair "server;lanchat-server" "client;lanchat")
    list(GET pair 0 component)
    list(GET pair 1 LANCHAT_DEB_PACKAGE)
    if(component STREQUAL "client" AND NOT TARGET lanchat)
        continue()
    endif()
    set(changelog ${CMAKE_BINARY_DIR}/packaging/debian/${LANCHAT_DEB_PACKAGE}/changelog.Debian)
    configure_file(${CMAKE_SOURCE_DIR}/packaging/debian/changelog.in ${changelog} @ONLY)
    add_custom_command(OUTPUT ${changelog}.gz
        COMMAND gzip -9nf ${changelog} -c > ${changelog}.gz
        DEPENDS ${changelog}
        COMMENT "Compressing the Debian changelog of ${LANCHAT_DEB_PACKAGE}")
    add_custom_target(${LANCHAT_DEB_PACKAGE}-changelog ALL DEPENDS ${changelog}.gz)
    add_dependencies(${LANCHAT_DEB_PACKAGE}-dist ${LANCHAT_DEB_PACKAGE}-changelog)
    install(FILES ${changelog}.gz DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${LANCHAT_DEB_PACKAGE}
        COMPONENT ${component})
endforeach()

set(CPACK_PACKAGE_NAME "lanchat")
set(CPACK_PACKAGE_VENDOR "LanChat")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${LANCHAT_PACKAGE_MAINTAINER}")
# The generated unit and the conffile list hold the install paths: package what this tree was configured for
# (scripts/package-check.sh configures -DCMAKE_INSTALL_PREFIX=/usr, as Debian packages must).
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)
set(CPACK_OUTPUT_FILE_PREFIX "${CMAKE_BINARY_DIR}/packages")

set(CPACK_COMPONENTS_ALL server)
if(TARGET lanchat)
    list(APPEND CPACK_COMPONENTS_ALL client)
endif()
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING IGNORE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LANCHAT_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${LANCHAT_PACKAGE_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME lanchat-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
# Not found by dpkg-shlibdeps: the Qt SQLite driver is a plugin; adduser and deb-systemd-helper run in the
# maintainer scripts. Qt's own Chinese catalogue (qtbase_zh_CN) is loaded when present.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, adduser, init-system-helpers (>= 1.54~)")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# The first line is the Debian summary; CPack wraps the rest and turns the empty line into " .".
set(CPACK_DEBIAN_SERVER_DESCRIPTION "relay server and admin commands of the LanChat messenger
The relay server of LanChat, a chat and file-sharing system for company
intranets: one-to-one and group conversations, files of any size with resume,
every message committed to SQLite before it is acknowledged. Clients connect
over TLS (a self-signed certificate, pinned by its fingerprint) and find the
server by UDP discovery. The same executable holds the admin commands (user,
group, broadcast, stats, backup, restore, check, prune).

The package runs the server as the system user 'lanchat' with its data in
${LANCHAT_STATE_DIR}, started at once with sign-up off: the admin creates the
accounts.")
# Maintainer scripts and the conffile list, with the paths of cmake/Install.cmake filled in.
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA)
foreach(script conffiles postinst prerm postrm)
    configure_file(${CMAKE_SOURCE_DIR}/packaging/debian/lanchat-server/${script}.in
        ${CMAKE_BINARY_DIR}/packaging/debian/${script} @ONLY USE_SOURCE_PERMISSIONS)
    list(APPEND CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA ${CMAKE_BINARY_DIR}/packaging/debian/${script})
endforeach()
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME lanchat)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION net)
# QtKeychain (a dependency dpkg-shlibdeps finds) loads libsecret at run time to reach the Secret Service of GNOME
# Keyring or KeePassXC; KDE's KWallet it reaches over D-Bus. Without any of them "Stay logged in" is unavailable.
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "qt6-translations-l10n, libsecret-1-0, gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_CLIENT_DESCRIPTION "desktop client of the LanChat messenger
The Qt desktop client of LanChat, a chat and file-sharing system for company
intranets: one-to-one and group conversations, files of any size with resume
and end-to-end SHA-256 checks, the server found on the LAN by discovery. In
English and Simplified Chinese.")

include(CPack)
