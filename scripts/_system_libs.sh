# Sourced by _setup.sh (and by its test): `missing_system_packages` prints, on one line, the
# Debian/Ubuntu packages of the shared libraries that this machine lacks among those Qt (its xcb
# platform plugin included: `ldd` on PySide6/Qt/plugins/platforms/libqxcb.so and on
# Qt/lib/libQt6XcbQpa.so.6) and USB load. ldconfig's cache is read once into a variable: piping
# it into `grep -q` under pipefail failed whenever grep closed the pipe before ldconfig had
# written everything (SIGPIPE), which made a complete machine look incomplete.
LIBRARIES=(
  "libEGL.so.1 libegl1" "libGL.so.1 libgl1" "libfontconfig.so.1 libfontconfig1 fonts-dejavu-core"
  "libglib-2.0.so.0 libglib2.0-0" "libdbus-1.so.3 libdbus-1-3" "libusb-1.0.so.0 libusb-1.0-0"
  "libxkbcommon.so.0 libxkbcommon0" "libxkbcommon-x11.so.0 libxkbcommon-x11-0"
  "libX11-xcb.so.1 libx11-xcb1" "libxcb.so.1 libxcb1" "libxcb-cursor.so.0 libxcb-cursor0"
  "libxcb-icccm.so.4 libxcb-icccm4" "libxcb-image.so.0 libxcb-image0"
  "libxcb-keysyms.so.1 libxcb-keysyms1" "libxcb-randr.so.0 libxcb-randr0"
  "libxcb-render.so.0 libxcb-render0" "libxcb-render-util.so.0 libxcb-render-util0"
  "libxcb-shape.so.0 libxcb-shape0" "libxcb-shm.so.0 libxcb-shm0" "libxcb-sync.so.1 libxcb-sync1"
  "libxcb-util.so.1 libxcb-util1" "libxcb-xfixes.so.0 libxcb-xfixes0" "libxcb-xkb.so.1 libxcb-xkb1"
)
missing_system_packages() {
  local ldconfig_bin known_libs entry soname packages wanted missing=()
  ldconfig_bin=$(command -v ldconfig || echo /sbin/ldconfig)
  known_libs=$("$ldconfig_bin" -p 2>/dev/null || true)
  for entry in "${LIBRARIES[@]}"; do
    read -r soname packages <<<"$entry"
    # ldconfig -p lists each library as "<TAB>soname (flags) => path"
    if [[ $known_libs != *$'\t'"$soname "* ]]; then
      read -r -a wanted <<<"$packages"
      missing+=("${wanted[@]}")
    fi
  done
  echo "${missing[*]}"
}
