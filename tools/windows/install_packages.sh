#!/bin/bash
# Debian 12 packages the Windows build-and-test needs (run as root; idempotent).
# Wine 8 with its 32-bit half (ISCC.exe and the installer stub are 32-bit), Xvfb for
# setup.exe/unins000.exe and the window, MinGW for the icuuc.dll stand-in, locales for
# zh_CN.UTF-8 (Chinese file names under Wine), npm for Inno Setup's compiler.
set -euo pipefail
need=()
{ command -v wine >/dev/null && dpkg -s wine32:i386 >/dev/null 2>&1; } || need+=(wine wine64 wine32:i386 libwine:i386)
command -v Xvfb >/dev/null || need+=(xvfb xauth)
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64-win32)
[ -f /usr/share/i18n/locales/zh_CN ] || need+=(locales)
command -v npm >/dev/null || need+=(npm)
command -v unzip >/dev/null || need+=(unzip)
command -v import >/dev/null || need+=(imagemagick)  # screenshots of the window
if [ ${#need[@]} -eq 0 ]; then
    echo "Windows build packages already installed"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "需要以 root 身份安装这些软件包: ${need[*]}" >&2
    exit 1
fi
dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
# A mirror caught mid-sync (the security suite's i386 list) fails the update: the
# bookworm suite is what the install below takes from, so carry on and let it decide.
apt-get update -q || echo "apt-get update reported errors; installing from bookworm anyway" >&2
# -t bookworm: the amd64 and i386 halves of Wine's libraries from one suite, not mixed
# with the security suite's newer amd64 ones.
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -t bookworm "${need[@]}"
