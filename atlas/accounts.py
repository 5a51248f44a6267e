"""Accounts: creation, activation and reset links, passwords, the login throttle.

Plain functions over a connection (no Flask): the ``users`` commands and the web's
``/connexion``, ``/activation`` and ``/compte`` call them.

- Passwords are hashed with Argon2id (``argon2-cffi``'s RFC 9106 low-memory profile) and
  rehashed after a good login when the parameters changed; never logged.
- An activation or reset link carries a random token valid 48 hours; only its SHA-256 is
  stored, so a copy of the table opens no account. Using it clears it (one use).
- ``session_gen`` is part of every session's id (``session_id``): a reset, a disable or a
  password change bumps it, and every open session of the account stops working.
- Failed logins are rows of ``login_failure`` (shared by every worker): 10 in 15 minutes
  for an account, or from an address, and logins are refused (429) until the oldest of
  them is 15 minutes old.
"""

from __future__ import annotations

import dataclasses
import hashlib
import secrets

import sqlalchemy as sa
from argon2 import PasswordHasher, exceptions as argon2_errors

from atlas.errors import InputError
from atlas.models import ROLES

TOKEN_HOURS = 48
THROTTLE_FAILURES = 10
THROTTLE_MINUTES = 15
PASSWORD_MIN = 12
PASSWORD_MAX = 1024  # hashing a megabyte "password" is a denial of service

_hasher = PasswordHasher()  # Argon2id, RFC_9106_LOW_MEMORY (t=3, 64 MiB, p=4)
# Verified against when the account has no password, so an unknown e-mail costs the
# same time as a wrong password (no account discovery by timing).
_DUMMY = _hasher.hash(secrets.token_urlsafe(16))


@dataclasses.dataclass(frozen=True)
class Account:
    id: int
    email: str
    name: str
    role: str
    commune_insee: str | None
    epci_siren: str | None
    active: bool
    session_gen: int
    activated: bool

    @property
    def session_id(self) -> str:
        """What the session cookie stores: the id and the generation (see module doc)."""
        return f"{self.id}:{self.session_gen}"

    def at_least(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


_COLUMNS = ("id, email, name, role, commune_insee, epci_siren, active, session_gen, "
            "password_hash IS NOT NULL AS activated")


def _account(row) -> Account | None:
    return Account(**row._mapping) if row is not None else None


def normal_email(email: str) -> str:
    email = (email or "").strip().lower()
    if len(email) > 254 or "@" not in email.strip("@") or any(c.isspace() for c in email):
        raise InputError(f"{email!r} is not an e-mail address")
    return email


def activation_link(config, token: str) -> str:
    """The one-time link handed to the person (no mail server: printed or shown)."""
    base = config.public_url or f"http://{config.host}:{config.port}"
    return f"{base}/activation/{token}"


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def get(conn, user_id: int) -> Account | None:
    return _account(conn.execute(sa.text(f"SELECT {_COLUMNS} FROM app_user WHERE id = :id"),
                                 {"id": user_id}).first())


def by_email(conn, email: str) -> Account | None:
    return _account(conn.execute(sa.text(
        f"SELECT {_COLUMNS} FROM app_user WHERE email = :email"),
        {"email": email.strip().lower()}).first())


def from_session(conn, session_id: str) -> Account | None:
    """The active account a session id names, if its generation is still current."""
    user_id, _, gen = (session_id or "").partition(":")
    if not (user_id.isdigit() and gen.isdigit()):
        return None
    account = get(conn, int(user_id))
    if account is None or not account.active or account.session_gen != int(gen):
        return None
    return account


def listing(conn) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(sa.text(
        "SELECT id, email, name, role, commune_insee, epci_siren, active, "
        "password_hash IS NOT NULL AS activated, created_at, last_login_at "
        "FROM app_user ORDER BY email"))]


def _new_token(conn, user_id: int) -> str:
    token = secrets.token_urlsafe(32)
    conn.execute(sa.text(
        "UPDATE app_user SET token_hash = :h, token_expires = now() + make_interval("
        "hours => :hours) WHERE id = :id"),
        {"h": _token_hash(token), "hours": TOKEN_HOURS, "id": user_id})
    return token


def add(conn, email: str, role: str, name: str = "", commune: str | None = None,
        epci: str | None = None) -> tuple[Account, str]:
    """Create an account; returns it and its activation token (48 h). InputError for a
    known e-mail, a wrong role, a contributor without one collectivité, an unknown code."""
    email = normal_email(email)
    if role not in ROLES:
        raise InputError(f"role {role!r}: expected one of {', '.join(ROLES)}")
    if role == "contributor" and bool(commune) == bool(epci):
        raise InputError("a contributor acts for one collectivité: give --commune INSEE "
                         "or --epci SIREN")
    if role != "contributor" and (commune or epci):
        raise InputError("only a contributor acts for a collectivité")
    if commune and conn.scalar(sa.text("SELECT 1 FROM commune WHERE insee = :c"),
                               {"c": commune}) is None:
        raise InputError(f"commune {commune!r}: no such INSEE code in the reference")
    if epci and conn.scalar(sa.text("SELECT 1 FROM epci WHERE siren = :e"),
                            {"e": epci}) is None:
        raise InputError(f"EPCI {epci!r}: no such SIREN in the reference")
    if by_email(conn, email):
        raise InputError(f"{email}: an account with this e-mail exists")
    user_id = conn.scalar(sa.text(
        "INSERT INTO app_user (email, name, role, commune_insee, epci_siren) "
        "VALUES (:email, :name, :role, :commune, :epci) RETURNING id"),
        {"email": email, "name": name.strip() or email.split("@")[0], "role": role,
         "commune": commune or None, "epci": epci or None})
    return get(conn, user_id), _new_token(conn, user_id)


def reset(conn, email: str) -> tuple[Account, str]:
    """A new link; the password and every open session stop working now."""
    account = _existing(conn, email)
    conn.execute(sa.text("UPDATE app_user SET password_hash = NULL, "
                         "session_gen = session_gen + 1 WHERE id = :id"), {"id": account.id})
    return get(conn, account.id), _new_token(conn, account.id)


def set_active(conn, email: str, active: bool) -> Account:
    """Disable (every session ends) or enable an account."""
    account = _existing(conn, email)
    conn.execute(sa.text("UPDATE app_user SET active = :a, session_gen = session_gen + 1 "
                         "WHERE id = :id"), {"a": active, "id": account.id})
    return get(conn, account.id)


def _existing(conn, email: str) -> Account:
    account = by_email(conn, email)
    if account is None:
        raise InputError(f"{email}: no such account")
    return account


def check_password(password: str) -> None:
    if len(password) < PASSWORD_MIN:
        raise InputError(f"le mot de passe doit compter au moins {PASSWORD_MIN} caractères")
    if len(password) > PASSWORD_MAX:
        raise InputError(f"le mot de passe dépasse {PASSWORD_MAX} caractères")


def account_for_token(conn, token: str) -> Account | None:
    """The active account whose unexpired link this is, or None."""
    row = conn.execute(sa.text(
        f"SELECT {_COLUMNS} FROM app_user WHERE token_hash = :h AND token_expires > now() "
        "AND active"), {"h": _token_hash(token or "")}).first()
    return _account(row)


def activate(conn, token: str, password: str) -> Account | None:
    """Set the password through a link (once); None when the link is not valid."""
    account = account_for_token(conn, token)
    if account is None:
        return None
    check_password(password)
    conn.execute(sa.text(
        "UPDATE app_user SET password_hash = :p, token_hash = NULL, token_expires = NULL, "
        "activated_at = coalesce(activated_at, now()), session_gen = session_gen + 1 "
        "WHERE id = :id"), {"p": _hasher.hash(password), "id": account.id})
    return get(conn, account.id)


def change_password(conn, account: Account, current: str, new: str) -> Account | None:
    """None when ``current`` is wrong; else the account with a new session generation
    (other sessions end; the caller logs this one in again)."""
    stored = conn.scalar(sa.text("SELECT password_hash FROM app_user WHERE id = :id"),
                         {"id": account.id})
    if not _verify(stored, current):
        return None
    check_password(new)
    conn.execute(sa.text("UPDATE app_user SET password_hash = :p, session_gen = session_gen "
                         "+ 1 WHERE id = :id"), {"p": _hasher.hash(new), "id": account.id})
    return get(conn, account.id)


def _verify(stored: str | None, password: str) -> bool:
    if len(password) > PASSWORD_MAX:
        return False
    try:
        return _hasher.verify(stored or _DUMMY, password) and stored is not None
    except (argon2_errors.VerificationError, argon2_errors.InvalidHashError):
        return False


def throttled(conn, email: str, address: str) -> bool:
    """True when the account or the address has had 10 failures in 15 minutes."""
    return bool(conn.scalar(sa.text(
        "SELECT count(*) FILTER (WHERE account = :account) >= :n "
        "    OR count(*) FILTER (WHERE address = :address) >= :n "
        "FROM login_failure WHERE at > now() - make_interval(mins => :mins) "
        "AND (account = :account OR address = :address)"),
        {"account": email.strip().lower(), "address": address, "n": THROTTLE_FAILURES,
         "mins": THROTTLE_MINUTES}))


def authenticate(conn, email: str, password: str, address: str) -> Account | None:
    """The account if the e-mail and password match an active, activated account; a
    failure is recorded (one row per attempt). The caller checks ``throttled`` first."""
    account = by_email(conn, email)
    stored = conn.scalar(sa.text("SELECT password_hash FROM app_user WHERE id = :id"),
                         {"id": account.id}) if account else None
    if not _verify(stored, password) or not account.active:
        conn.execute(sa.text("INSERT INTO login_failure (account, address) "
                             "VALUES (:account, :address)"),
                     {"account": email.strip().lower()[:254], "address": address[:64]})
        # Old rows are of no use to the throttle: forgotten as we go.
        conn.execute(sa.text("DELETE FROM login_failure WHERE at < now() - interval '1 day'"))
        return None
    params = {"id": account.id}
    if _hasher.check_needs_rehash(stored):
        params["p"] = _hasher.hash(password)
    conn.execute(sa.text("UPDATE app_user SET last_login_at = now()"
                         + (", password_hash = :p" if "p" in params else "")
                         + " WHERE id = :id"), params)
    return account
