"""Takes in cases until killed, printing each case number once its save has returned."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.cases import CaseInput  # noqa: E402
from app.office import Office  # noqa: E402

office = Office.login(Path(sys.argv[1]), "admin", "secret1")
admin = office.user
i = 0
while True:
    i += 1
    case = office.cases.create(
        CaseInput(
            account=f"第{i}件:楼道漏水" + "。" * (i % 50),
            kind="报修",
            room=f"{i % 30 + 1}-1-{100 + i % 9}",
            customer_name="压力测试",
            category="给排水",
        ),
        admin,
    )
    if i % 3 == 0:
        office.cases.resolve(case, "已处理", admin)
    print(case.number, flush=True)
