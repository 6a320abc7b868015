"""The demo's staff: the office's people by role and department, and their logins."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from app import domain
from app.demo.estate import Estate
from app.demo.people import People
from app.models import Department, Staff
from app.office import Office

DEMO_OFFICE_NAME = "阳光花园物业服务中心"
DEMO_ADMIN = "admin"
DEMO_ADMIN_PASSWORD = "admin123"
DEMO_PASSWORD = "demo123"

# The staff --------------------------------------------------------------------------------
LOGINS = {  # role -> (login name, what to try with it)
    "clerk": ("kefu", "受理、派工、值班记录转案件"),
    "steward": ("guanjia", "物管员:本楼栋案件和回访"),
    "cs_director": ("zhuren", "客服主任:回访计划、审核"),
    "office_manager": ("jingli", "管理处经理:批准轻微案件延期、重大投诉"),
    "general_manager": ("zongjingli", "总经理:批准重要案件延期、重大投诉报告"),
    "department": ("weixiu", "工程维修部:签收派工单"),
    "night_duty": ("yeban", "夜班值班记录"),
    "culture_clerk": ("wenyuan", "社区文化文员"),
}


@dataclass
class Crew:
    by_role: dict[str, list[Staff]]
    by_department: dict[str, list[Staff]]  # department workers (role "department")
    departments: dict[str, Department]
    steward_of: dict[str, Staff]
    logins: list[tuple[str, str, str]]  # (login, name and role, what for)

    def one(self, role: str) -> Staff:
        return self.by_role[role][0]


def build_crew(office: Office, rng: random.Random, people: People, estate: Estate) -> Crew:
    departments = {d.name: d for d in office.staff.departments(include_inactive=True)}
    for name in office.policies.load().departments:
        if name not in departments:
            departments[name] = office.staff.add_department(name)
    service = departments.get("客服部") or next(iter(departments.values()))
    n_stewards = max(2, math.ceil(len(estate.buildings) / 3))
    plan: list[tuple[str, str | None, int]] = [
        ("clerk", "客服部", 3),
        ("steward", "客服部", n_stewards),
        ("cs_director", "客服部", 1),
        ("office_manager", None, 1),
        ("general_manager", None, 1),
        ("culture_clerk", "客服部", 1),
        ("department", "工程维修部", 4),
        ("department", "保洁部", 2),
        ("department", "秩序维护部", 3),
        ("department", "绿化部", 2),
        ("night_duty", "秩序维护部", 2),
    ]
    by_role: dict[str, list[Staff]] = {}
    by_department: dict[str, list[Staff]] = {}
    steward_of: dict[str, Staff] = {}
    logins: list[tuple[str, str, str]] = []
    steward_index = 0
    for role, dep_name, count in plan:
        dep = departments.get(dep_name) if dep_name else None
        if dep_name and dep is None:
            dep = service
        for i in range(count):
            name, _ = people.name()
            buildings = ""
            if role == "steward":
                share = estate.buildings[steward_index::n_stewards]
                buildings = ",".join(share)
                steward_index += 1
            login = None
            if i == 0 and role in LOGINS and not (role == "department" and dep_name != "工程维修部"):
                login = LOGINS[role][0]
                if Staff.select().where(Staff.username == login).exists():
                    login = None
            person = office.staff.save_staff(
                name=name,
                role=role,
                department=dep,
                phone=people.phone(),
                buildings=buildings,
                username=login,
                password=DEMO_PASSWORD if login else None,
            )
            by_role.setdefault(role, []).append(person)
            if role == "department" and dep is not None:
                by_department.setdefault(dep.name, []).append(person)
            if role == "steward":
                for b in person.building_list():
                    steward_of[b] = person
            if login:
                logins.append((login, f"{name}({domain.ROLES[role]})", LOGINS[role][1]))
    # The clerks answer for the service desk too, so every department has hands.
    by_department.setdefault(service.name, list(by_role["clerk"]))
    for name in departments:
        by_department.setdefault(name, list(by_role["clerk"]))
    return Crew(by_role, by_department, departments, steward_of, logins)
