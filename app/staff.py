"""Staff, their roles and departments, and the passwords they log in with."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os

from app import domain
from app.clock import Clock, SystemClock
from app.errors import UserError, ValidationError
from app.models import Department, Staff, db
from app.policy import PolicyStore
from app.validation import clean_text, normalise_phone

# scrypt cost: about 50 ms on an office PC, slow enough against guessing.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return "scrypt$" + base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()


def verify_password(password: str, stored: str | None) -> bool:
    if not stored or not stored.startswith("scrypt$"):
        return False
    _, salt_b64, digest_b64 = stored.split("$")
    digest = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt_b64), dklen=32, **_SCRYPT)
    return hmac.compare_digest(digest, base64.b64decode(digest_b64))


def check_password_strength(password: str) -> str | None:
    if len(password) < 6:
        return "密码至少 6 位"
    return None


class StaffService:
    def __init__(self, clock: Clock | None = None, policies: PolicyStore | None = None) -> None:
        self.clock = clock or SystemClock()
        self.policies = policies or PolicyStore()

    def departments(self, include_inactive: bool = False) -> list[Department]:
        query = Department.select().order_by(Department.sort, Department.id)
        if not include_inactive:
            query = query.where(Department.active == True)  # noqa: E712
        return list(query)

    def add_department(self, name: str) -> Department:
        name = clean_text(name)
        if not name:
            raise ValidationError({"部门名称": "必须填写"})
        if len(name) > 40:
            raise ValidationError({"部门名称": "最多 40 字"})
        if Department.select().where(Department.name == name).exists():
            raise ValidationError({"部门名称": f"已有名为“{name}”的部门"})
        sort = Department.select().count()
        return Department.create(name=name, sort=sort)

    def rename_department(self, dep: Department, name: str) -> None:
        name = clean_text(name)
        if not name:
            raise ValidationError({"部门名称": "必须填写"})
        clash = Department.get_or_none(Department.name == name)
        if clash and clash.id != dep.id:
            raise ValidationError({"部门名称": f"已有名为“{name}”的部门"})
        dep.name = name
        dep.save()

    def set_department_active(self, dep: Department, active: bool) -> None:
        dep.active = active
        dep.save()

    def staff(self, role: str | None = None, include_inactive: bool = False) -> list[Staff]:
        query = Staff.select().order_by(Staff.role, Staff.name)
        if role:
            query = query.where(Staff.role == role)
        if not include_inactive:
            query = query.where(Staff.active == True)  # noqa: E712
        return list(query)

    def save_staff(
        self,
        name: str,
        role: str,
        department: Department | None = None,
        phone: str = "",
        buildings: str = "",
        username: str | None = None,
        password: str | None = None,
        existing: Staff | None = None,
    ) -> Staff:
        problems: dict[str, str] = {}
        name = clean_text(name)
        if not name:
            problems["姓名"] = "必须填写"
        elif len(name) > 40:
            problems["姓名"] = "最多 40 字"
        if role not in domain.ROLES:
            problems["角色"] = "请选择角色"
        try:
            phone = normalise_phone(phone)
        except ValueError as exc:
            problems["电话"] = str(exc)
        username = clean_text(username) or None
        if username:
            clash = Staff.get_or_none(Staff.username == username)
            if clash and (existing is None or clash.id != existing.id):
                problems["登录名"] = f"登录名“{username}”已被使用"
        if password:
            if reason := check_password_strength(password):
                problems["密码"] = reason
        buildings = ",".join(
            b.strip() for b in clean_text(buildings).replace(",", ",").split(",") if b.strip()
        )
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            person = existing or Staff()
            person.name = name
            person.role = role
            person.department = department
            person.phone = phone
            person.buildings = buildings
            person.username = username
            if password:
                person.password_hash = hash_password(password)
            person.save()
        return person

    def set_active(self, person: Staff, active: bool) -> None:
        person.active = active
        person.save()

    def authenticate(self, username: str, password: str) -> Staff:
        """Log in; five wrong tries (the policy's number) lock the account for a while."""
        rules = self.policies.load().data.get("security", {})
        limit = int(rules.get("max_failed_logins", 5))
        minutes = int(rules.get("lock_minutes", 15))
        now = self.clock.now()
        person = Staff.get_or_none(Staff.username == clean_text(username), Staff.active == True)  # noqa: E712
        if person is None:
            raise UserError("登录名或密码不对")
        if person.locked_until is not None and person.locked_until > now:
            wait = max(1, int((person.locked_until - now).total_seconds() // 60) + 1)
            raise UserError(f"密码连续输错 {limit} 次,账户已锁定,请 {wait} 分钟后再试,或请管理员解锁")
        if not verify_password(password, person.password_hash):
            person.failed_logins += 1
            left = limit - person.failed_logins
            if left <= 0:
                person.failed_logins = 0
                person.locked_until = now + dt.timedelta(minutes=minutes)
                person.save()
                raise UserError(f"密码连续输错 {limit} 次,账户锁定 {minutes} 分钟")
            person.save()
            raise UserError(f"登录名或密码不对(再错 {left} 次将锁定账户)")
        if person.failed_logins or person.locked_until:
            person.failed_logins = 0
            person.locked_until = None
            person.save()
        return person

    def is_locked(self, person: Staff) -> bool:
        """Locked out by wrong passwords, and the lock has not run out yet."""
        return person.locked_until is not None and person.locked_until > self.clock.now()

    def unlock(self, person: Staff) -> None:
        """解除锁定: an administrator lets a locked-out person try again at once."""
        person.failed_logins = 0
        person.locked_until = None
        person.save()

    def steward_for(self, building: str) -> Staff | None:
        """The steward who looks after this building, where one is set."""
        for person in self.staff(role="steward"):
            if building in person.building_list():
                return person
        return None
