"""Staff, their roles and departments, and the passwords they log in with.

A password is not stored in the database: it opens the person's key slot in the data
folder's key file (app/keyring.py), which holds the office key. Setting a password makes the
slot, deactivating a person removes it, and the wrong-password count lives there too, so it
counts before the database can be opened."""

from __future__ import annotations

import hmac

from app import domain, keyring
from app.clock import Clock, SystemClock
from app.errors import UserError, ValidationError
from app.i18n import N_, tr
from app.keyring import KeyRing
from app.models import Department, Staff, db, write_audit
from app.permissions import require
from app.policy import PolicyStore
from app.validation import clean_text, normalise_phone


def check_password_strength(password: str) -> str | None:
    if len(password) < 6:
        return tr("密码至少 6 位")
    return None


class StaffService:
    def __init__(
        self, clock: Clock | None = None, policies: PolicyStore | None = None, ring: KeyRing | None = None
    ) -> None:
        self.clock = clock or SystemClock()
        self.policies = policies or PolicyStore()
        self.ring = ring

    def _ring(self) -> KeyRing:
        if self.ring is None:
            raise UserError(tr("没有打开服务中心的密钥文件,不能设置登录密码。"))
        return self.ring

    def has_password(self, person: Staff) -> bool:
        """The person can log in: a login name with a key slot."""
        username = person.username
        return bool(username) and self.ring is not None and self.ring.has_slot(username or "")

    def departments(self, include_inactive: bool = False) -> list[Department]:
        query = Department.select().order_by(Department.sort, Department.id)
        if not include_inactive:
            query = query.where(Department.active == True)  # noqa: E712
        return list(query)

    def add_department(self, name: str) -> Department:
        name = clean_text(name)
        if not name:
            raise ValidationError({N_("部门名称"): tr("必须填写")})
        if len(name) > 40:
            raise ValidationError({N_("部门名称"): tr("最多 40 字")})
        if Department.select().where(Department.name == name).exists():
            raise ValidationError({N_("部门名称"): tr("已有名为“{name}”的部门", name=name)})
        sort = Department.select().count()
        return Department.create(name=name, sort=sort)

    def rename_department(self, dep: Department, name: str) -> None:
        name = clean_text(name)
        if not name:
            raise ValidationError({N_("部门名称"): tr("必须填写")})
        clash = Department.get_or_none(Department.name == name)
        if clash and clash.id != dep.id:
            raise ValidationError({N_("部门名称"): tr("已有名为“{name}”的部门", name=name)})
        dep.name = name
        dep.save()

    def set_department_active(self, dep: Department, active: bool) -> None:
        dep.active = active
        dep.save()

    def person(self, staff_id: int) -> Staff | None:
        """A fresh copy of one person as stored (None when there is no such person)."""
        with db.atomic():
            return Staff.get_or_none(Staff.id == staff_id)

    def department(self, department_id: int) -> Department | None:
        with db.atomic():
            return Department.get_or_none(Department.id == department_id)

    @staticmethod
    def last_admin_problem(person: Staff, new_role: str | None, active: bool) -> str | None:
        """Why a change would leave the office without an active administrator who can log in
        (None when it would not): `person` is to have `new_role` and be `active`."""
        if person.role != "admin" or (new_role == "admin" and active):
            return None
        others = (
            Staff.select()
            .where(
                Staff.role == "admin",
                Staff.active == True,  # noqa: E712
                Staff.username.is_null(False),
                Staff.id != person.id,
            )
            .exists()
        )
        return None if others else tr("至少要保留一名在用、能登录的系统管理员")

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
        require(None, "staff.manage")
        problems: dict[str, str] = {}
        name = clean_text(name)
        if not name:
            problems[N_("姓名")] = tr("必须填写")
        elif len(name) > 40:
            problems[N_("姓名")] = tr("最多 40 字")
        if role not in domain.ROLES:
            problems[N_("角色")] = tr("请选择角色")
        try:
            phone = normalise_phone(phone)
        except ValueError as exc:
            problems[N_("电话")] = str(exc)
        username = clean_text(username) or None
        if username:
            clash = Staff.get_or_none(Staff.username == username)
            if clash and (existing is None or clash.id != existing.id):
                problems[N_("登录名")] = tr("登录名“{name}”已被使用", name=username)
        if password:
            if reason := check_password_strength(password):
                problems[N_("密码")] = reason
        elif (
            username and self.ring is not None and not (existing is not None and self.has_password(existing))
        ):
            problems[N_("密码")] = tr("设了登录名就要设密码")
        if existing is not None and role and (reason := self.last_admin_problem(existing, role, True)):
            problems[N_("角色")] = reason
        buildings = ",".join(
            b.strip() for b in clean_text(buildings).replace(",", ",").split(",") if b.strip()
        )
        if problems:
            raise ValidationError(problems)
        old_username = existing.username if existing is not None else None
        if username and old_username != username and not password and (existing is None or existing.active):
            raise ValidationError({N_("密码"): tr("新的登录名需要设置密码")})
        with db.atomic():
            person = existing or Staff()
            person.name = name
            person.role = role
            person.department = department
            person.phone = phone
            person.buildings = buildings
            person.username = username
            person.password_hash = None  # passwords live only in the key slots
            person.save()
            if password and username:
                write_audit(
                    [
                        {
                            "action": "设置密码",
                            "table": "staff",
                            "record_id": str(person.id),
                            "field": "password",
                        }
                    ]
                )
        self._update_slot(old_username, username if person.active else None, password)
        return person

    def _update_slot(self, old: str | None, new: str | None, password: str | None) -> None:
        """The key file follows the database: saved after the transaction committed."""
        if self.ring is None or (old == new and not password):
            return
        ring = self.ring
        if old and old != new:
            ring.remove(old)
        if new and password:
            ring.set_password(new, password, keyring.office_key())
        ring.save()

    def reset_password(self, person: Staff, password: str) -> None:
        """A new password for a person (set by an administrator, or by recovery)."""
        require(None, "staff.manage")
        if reason := check_password_strength(password):
            raise ValidationError({N_("密码"): reason})
        if not person.username:
            raise ValidationError({N_("登录名"): tr("此人没有登录名")})
        with db.atomic():
            write_audit(
                [{"action": "重设密码", "table": "staff", "record_id": str(person.id), "field": "password"}]
            )
        ring = self._ring()
        ring.set_password(person.username, password, keyring.office_key())
        ring.save()

    def set_active(self, person: Staff, active: bool) -> None:
        """Deactivating a person removes their key slot at once (a former clerk's password no
        longer opens a copy of the files); reactivating needs a new password."""
        require(None, "staff.manage")
        if not active and (reason := self.last_admin_problem(person, person.role, False)):
            raise ValidationError({N_("角色"): reason})
        person.active = active
        person.save()
        if not active and person.username and self.ring is not None:
            self.ring.remove(person.username)
            self.ring.save()

    def authenticate(self, username: str, password: str) -> Staff:
        """Log in again while the office is open (the locked screen, another person): the
        password must open the person's key slot, and the key must be this office's. Wrong
        passwords count towards the lockout (the policy's numbers, kept in the key file)."""
        name = clean_text(username)
        unlocked = self._ring().unlock(name, password, self.clock.now())
        if not hmac.compare_digest(unlocked.key, keyring.office_key()):
            raise UserError(tr("登录名或密码不对"))
        person = Staff.get_or_none(Staff.username == name, Staff.active == True)  # noqa: E712
        if person is None:
            raise UserError(tr("登录名或密码不对"))
        return person

    def is_locked(self, person: Staff) -> bool:
        """Locked out by wrong passwords, and the lock has not run out yet."""
        if not person.username or self.ring is None:
            return False
        return self.ring.is_locked(person.username, self.clock.now())

    def unlock(self, person: Staff) -> None:
        """解除锁定: an administrator lets a locked-out person try again at once."""
        require(None, "staff.manage")
        if person.username and self.ring is not None:
            self.ring.clear_failures(person.username)
        with db.atomic():
            write_audit([{"action": "解除锁定", "table": "staff", "record_id": str(person.id), "field": ""}])

    def steward_for(self, building: str) -> Staff | None:
        """The steward who looks after this building, where one is set."""
        for person in self.staff(role="steward"):
            if building in person.building_list():
                return person
        return None
