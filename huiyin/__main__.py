"""`python -m huiyin …`, and the bundle's entry point (PyInstaller's script, build.spec).

The Windows build is a windowed program with no console, so `huiyin.exe --selftest` or
`huiyin.exe check` started from a command prompt writes to that prompt's console.
"""

import sys


def _attach_parent_console() -> None:
    if sys.platform != "win32" or sys.stdout is not None or len(sys.argv) < 2:
        return
    import ctypes

    if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        sys.stderr = sys.stdout
        sys.stdin = open("CONIN$", encoding="utf-8", errors="replace")  # noqa: SIM115


if __name__ == "__main__":
    _attach_parent_console()
    from huiyin.cli import main

    sys.exit(main())
