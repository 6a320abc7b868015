"""The office key and the key slots that unlock it.

The database and every backup are encrypted (SQLCipher) with one random office key. The key
is never stored in clear: each login holds its own copy of it, wrapped (AES-256-GCM,
pycryptodome) with a key
derived from that person's password (scrypt), in the data folder's key file `huiyin.keys`,
like a password manager's key slots. Adding, removing or resetting a person adds, removes or
rewraps one slot; the office is never re-encrypted. One more slot is opened by the recovery
key printed once at set-up, for a forgotten administrator's password.

While an office is open, the key is held in this module's memory only; `office_secret()`
derives from it the keys of the audit trail's and the signatures' seals.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from Crypto.Cipher import AES

from app.errors import UserError
from app.i18n import tr

KEYS_FILENAME = "huiyin.keys"
FORMAT = 1
KEY_BYTES = 32
# scrypt cost of a slot: about 50 ms on an office PC, slow enough against guessing.
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
RECOVERY_SLOT = "#recovery"
# The recovery key's letters: no 0/O, 1/I/L, so it can be typed back from paper.
_RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
DEFAULT_LOCKOUT = {"max_failed_logins": 5, "lock_minutes": 15}


class NoOfficeKey(RuntimeError):
    """Asked for a key derived from the office key while no office is open."""


# The open office's key and identity (one office per process).
_office_key: bytes | None = None
_office_id: str = ""


def set_office_key(key: bytes | None, office: str = "") -> None:
    global _office_key, _office_id
    _office_key = key
    _office_id = office if key is not None else ""


def office_key() -> bytes:
    if _office_key is None:
        raise NoOfficeKey("no office is open")
    return _office_key


def office_secret(purpose: str) -> bytes:
    """A 32-byte key for one purpose ("audit", "signature" …) derived from the office key."""
    return hmac.new(office_key(), f"huiyin:{purpose}".encode(), hashlib.sha256).digest()


def office_id() -> str:
    if _office_key is None:
        raise NoOfficeKey("no office is open")
    return _office_id


def new_office_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def sqlcipher_key(key: bytes) -> str:
    """The PRAGMA key value for a raw key (no passphrase derivation on every connection)."""
    return f"\"x'{key.hex()}'\""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _kek(secret: str, salt: bytes, cost: dict[str, int]) -> bytes:
    return hashlib.scrypt(
        secret.encode("utf-8"), salt=salt, dklen=32, n=cost["n"], r=cost["r"], p=cost["p"], maxmem=2**26
    )


def wrap(key: bytes, kek: bytes, label: str) -> dict[str, str]:
    """AES-256-GCM of the office key under the slot's key; the label (whose slot) is
    authenticated too, so a slot copied under another name does not open."""
    nonce = secrets.token_bytes(12)
    cipher = AES.new(kek, AES.MODE_GCM, nonce=nonce)
    cipher.update(label.encode("utf-8"))
    sealed, tag = cipher.encrypt_and_digest(key)
    return {"nonce": _b64(nonce), "wrapped": _b64(sealed + tag)}


def unwrap(slot: dict[str, Any], kek: bytes, label: str) -> bytes | None:
    """The office key, or None when the password (the slot's key) is wrong or the slot altered."""
    try:
        data = _unb64(slot["wrapped"])
        cipher = AES.new(kek, AES.MODE_GCM, nonce=_unb64(slot["nonce"]))
        cipher.update(label.encode("utf-8"))
        return bytes(cipher.decrypt_and_verify(data[:-16], data[-16:]))
    except (KeyError, ValueError):
        return None


def make_slot(key: bytes, secret: str, label: str) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    return {"salt": _b64(salt), **SCRYPT, **wrap(key, _kek(secret, salt, SCRYPT), label)}


def slot_from_scrypt_hash(key: bytes, stored_hash: str, label: str) -> dict[str, Any] | None:
    """A slot opened by the same password as an old `scrypt$salt$digest` password hash (a plain
    data folder being converted): the digest is that password's scrypt key with that salt, so it
    wraps the office key without knowing the password. Marked to be rewrapped with a fresh salt
    at the person's next login, since old plain copies hold the digest."""
    parts = (stored_hash or "").split("$")
    if len(parts) != 3 or parts[0] != "scrypt":
        return None
    salt, digest = _unb64(parts[1]), _unb64(parts[2])
    return {"salt": _b64(salt), **SCRYPT, **wrap(key, digest, label), "rewrap": True}


def format_recovery_key(raw: str) -> str:
    return "-".join(raw[i : i + 5] for i in range(0, len(raw), 5))


def normalise_recovery_key(text: str) -> str:
    return "".join(c for c in text.upper() if c.isalnum())


def new_recovery_key() -> str:
    return "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(30))


def write_private(path: Path, data: bytes) -> None:
    """Write a file whole (temporary file, fsync, rename), readable by its owner only."""
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(partial, path)
    if sys.platform != "win32":
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def make_private_folder(folder: Path) -> None:
    """Create the data folder readable by this user only (the owners' data is inside)."""
    folder.mkdir(parents=True, exist_ok=True)
    if sys.platform != "win32":
        os.chmod(folder, 0o700)


@dataclass
class Unlocked:
    key: bytes
    username: str
    must_rewrap: bool


class KeyRing:
    """The key file of one data folder: the office's identity and name, the slots, and each
    login's wrong-password count (kept here so it counts before the database can be opened)."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    @classmethod
    def path_in(cls, data_dir: Path) -> Path:
        return data_dir / KEYS_FILENAME

    @classmethod
    def exists_in(cls, data_dir: Path) -> bool:
        return cls.path_in(data_dir).is_file()

    @classmethod
    def load(cls, data_dir: Path) -> KeyRing:
        path = cls.path_in(data_dir)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise UserError(
                tr(
                    "数据文件夹 {data_dir} 里没有密钥文件 {keys},无法打开加密的数据。",
                    data_dir=data_dir,
                    keys=KEYS_FILENAME,
                )
            ) from exc
        except (OSError, ValueError) as exc:
            raise UserError(
                tr(
                    "密钥文件 {path} 已损坏,无法读取。请把备份文件夹里的 huiyin-….keys 文件复制到数据文件夹,"
                    "改名为 {keys}。",
                    path=path,
                    keys=KEYS_FILENAME,
                )
            ) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT or "slots" not in data:
            raise UserError(tr("密钥文件 {path} 不是本程序能识别的格式。", path=path))
        return cls(path, data)

    @classmethod
    def create(cls, data_dir: Path, office: str, office_name: str) -> KeyRing:
        return cls(
            cls.path_in(data_dir),
            {
                "format": FORMAT,
                "office_id": office,
                "office_name": office_name,
                "cipher": "sqlcipher4",
                "lockout": dict(DEFAULT_LOCKOUT),
                "slots": {},
                "failed": {},
            },
        )

    def save(self) -> None:
        write_private(self.path, json.dumps(self.data, ensure_ascii=False, indent=1).encode("utf-8"))

    @property
    def office_id(self) -> str:
        return str(self.data.get("office_id", ""))

    @property
    def office_name(self) -> str:
        return str(self.data.get("office_name", ""))

    def usernames(self) -> list[str]:
        return sorted(name for name in self.data["slots"] if name != RECOVERY_SLOT)

    def has_slot(self, username: str) -> bool:
        return username in self.data["slots"]

    @staticmethod
    def _label(username: str) -> str:
        return f"huiyin/{username}"

    # Changing slots (the office key in hand) ----------------------------------------------
    def set_password(self, username: str, password: str, key: bytes) -> None:
        self.data["slots"][username] = make_slot(key, password, self._label(username))
        self.data["failed"].pop(username, None)

    def add_legacy_slot(self, username: str, stored_hash: str, key: bytes) -> bool:
        slot = slot_from_scrypt_hash(key, stored_hash, self._label(username))
        if slot is None:
            return False
        self.data["slots"][username] = slot
        return True

    def remove(self, username: str) -> None:
        self.data["slots"].pop(username, None)
        self.data["failed"].pop(username, None)

    def set_recovery(self, key: bytes) -> str:
        """A new recovery key (the old one stops working); returned once, for printing."""
        raw = new_recovery_key()
        self.data["slots"][RECOVERY_SLOT] = make_slot(key, raw, self._label(RECOVERY_SLOT))
        return format_recovery_key(raw)

    def has_recovery(self) -> bool:
        return RECOVERY_SLOT in self.data["slots"]

    def set_lockout(self, max_failed: int, minutes: int) -> None:
        self.data["lockout"] = {"max_failed_logins": int(max_failed), "lock_minutes": int(minutes)}

    # Opening ----------------------------------------------------------------------------
    def lock_state(self, username: str, now: dt.datetime) -> tuple[int, dt.datetime | None]:
        entry = self.data["failed"].get(username) or {}
        until = entry.get("locked_until")
        locked = dt.datetime.fromisoformat(until) if until else None
        if locked is not None and locked <= now:
            locked = None
        return int(entry.get("count", 0)), locked

    def is_locked(self, username: str, now: dt.datetime) -> bool:
        return self.lock_state(username, now)[1] is not None

    def clear_failures(self, username: str) -> None:
        if self.data["failed"].pop(username, None) is not None:
            self.save()

    def unlock(self, username: str, password: str, now: dt.datetime) -> Unlocked:
        """The office key, from this person's slot; wrong passwords count towards the lockout."""
        limit = int(self.data.get("lockout", DEFAULT_LOCKOUT)["max_failed_logins"])
        minutes = int(self.data.get("lockout", DEFAULT_LOCKOUT)["lock_minutes"])
        slot = self.data["slots"].get(username) if username != RECOVERY_SLOT else None
        if slot is None:
            raise UserError(tr("登录名或密码不对"))
        count, locked = self.lock_state(username, now)
        if locked is not None:
            wait = max(1, int((locked - now).total_seconds() // 60) + 1)
            raise UserError(
                tr(
                    "密码连续输错 {limit} 次,账户已锁定,请 {wait} 分钟后再试,或请管理员解锁",
                    limit=limit,
                    wait=wait,
                )
            )
        key = unwrap(slot, _kek(password, _unb64(slot["salt"]), slot), self._label(username))
        if key is None:
            count += 1
            if count >= limit:
                until = now + dt.timedelta(minutes=minutes)
                self.data["failed"][username] = {"count": 0, "locked_until": until.isoformat()}
                self.save()
                raise UserError(
                    tr("密码连续输错 {limit} 次,账户锁定 {minutes} 分钟", limit=limit, minutes=minutes)
                )
            self.data["failed"][username] = {"count": count, "locked_until": None}
            self.save()
            raise UserError(tr("登录名或密码不对(再错 {left} 次将锁定账户)", left=limit - count))
        must_rewrap = bool(slot.get("rewrap"))
        if must_rewrap:
            self.set_password(username, password, key)
            self.save()
        else:
            self.clear_failures(username)
        return Unlocked(key=key, username=username, must_rewrap=must_rewrap)

    def unlock_recovery(self, text: str) -> bytes:
        slot = self.data["slots"].get(RECOVERY_SLOT)
        raw = normalise_recovery_key(text)
        if slot is None:
            raise UserError(tr("这个数据文件夹没有设置恢复密钥。"))
        key = unwrap(slot, _kek(raw, _unb64(slot["salt"]), slot), self._label(RECOVERY_SLOT))
        if key is None:
            raise UserError(
                tr("恢复密钥不对。请对照设立时打印的恢复密钥单逐字输入(不区分大小写,短横线可省略)。")
            )
        return key
