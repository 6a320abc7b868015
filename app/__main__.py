"""`python -m huiyin` no longer starts the program: `app/` is the rules and services, and the
program is put together one level up (`python -m huiyin`). Say so, in words, with the command."""

import sys

args = " ".join(sys.argv[1:])
print(
    f"回音的启动命令已改为 python -m huiyin。请运行:python -m huiyin {args}".rstrip(),
    file=sys.stderr,
)
sys.exit(2)
