"""Who may do what: the one declaration of access, per endpoint (no Flask here).

``ACCESS`` maps every endpoint of the app to a ``Rule``: the least role it needs
(``public``, ``signed_in``, then the account roles ``contributor`` < ``moderator`` <
``admin``) and, for issue 21's routes, an ownership rule (``owner="collectivite"``: a
contributor reaches only the records of the collectivité the account acts for; see
``acts_for``). A read-only public blueprint may be declared whole (``"api.*"``), for its
GET requests only: any other method, and every endpoint of a staff blueprint, must be
declared by name. An endpoint missing from the table is refused (``decide`` fails
closed), and ``tests/test_authz.py`` walks ``app.url_map`` against this table, so a new
route without a declaration fails the tests.
"""

from __future__ import annotations

import dataclasses

from atlas.models import ROLES

LEVELS = ("public", "signed_in") + ROLES


@dataclasses.dataclass(frozen=True)
class Rule:
    level: str
    owner: str | None = None  # "collectivite": see acts_for

    def __post_init__(self):
        if self.level not in LEVELS:
            raise ValueError(f"unknown access level {self.level!r}")


PUBLIC, SIGNED_IN = Rule("public"), Rule("signed_in")
CONTRIBUTOR = Rule("contributor", owner="collectivite")
MODERATOR, ADMIN = Rule("moderator"), Rule("admin")

ACCESS: dict[str, Rule] = {
    # The published atlas: pages, API, exports, tiles, OGC API, figures, front-end files.
    "static": PUBLIC,
    "pages.*": PUBLIC,
    "api.*": PUBLIC,
    "peers_page.*": PUBLIC,
    "exports.*": PUBLIC,
    "tiles.*": PUBLIC,
    "vendor.*": PUBLIC,
    "figures.*": PUBLIC,
    "ogc.*": PUBLIC,
    # Accounts.
    "auth.login": PUBLIC,
    "auth.activate": PUBLIC,
    "auth.logout": SIGNED_IN,
    "auth.account_page": SIGNED_IN,
    # The staff console.
    "admin.dashboard": MODERATOR,
    "admin.imports": ADMIN,
    "admin.job": ADMIN,
    "admin.job_state": ADMIN,
    "admin.job_confirm": ADMIN,
    "admin.job_report": ADMIN,
    "admin.sources": ADMIN,
    "admin.source": ADMIN,
    "admin.source_remove": ADMIN,
    "admin.journal": ADMIN,
    # Contributions: the public's two forms, a contributor's own fiches (a fiche of
    # another collectivité answers 404: see atlas.web.contribute), moderation.
    "contribute.request_account": PUBLIC,
    "contribute.report": PUBLIC,
    "contribute.home": CONTRIBUTOR,
    "contribute.new": CONTRIBUTOR,
    "contribute.fiche": CONTRIBUTOR,
    "contribute.edit": CONTRIBUTOR,
    "contribute.withdraw": CONTRIBUTOR,
    "contribute.unpublish": CONTRIBUTOR,
    "moderation.queue": MODERATOR,
    "moderation.bulk": MODERATOR,
    "moderation.revision": MODERATOR,
    "moderation.account_request": MODERATOR,
    "moderation.report": MODERATOR,
}

# What a wildcard may cover: reading. A form that writes is declared by name.
_WILDCARD_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

ALLOW, LOGIN, FORBIDDEN = "allow", "login", "forbidden"


def rule_for(endpoint: str | None, method: str = "GET") -> Rule | None:
    if endpoint is None:
        return PUBLIC  # no route matched: Flask answers 404
    if endpoint in ACCESS:
        return ACCESS[endpoint]
    wildcard = ACCESS.get(endpoint.split(".", 1)[0] + ".*")
    if wildcard is not None and method in _WILDCARD_METHODS:
        return wildcard
    return None


def decide(account, endpoint: str | None, method: str = "GET") -> str:
    """ALLOW, LOGIN (anonymous on a page that needs an account) or FORBIDDEN (the role is
    too low, or the endpoint is not declared). ``account``: an ``accounts.Account`` or
    None. Ownership is checked by the view, with ``acts_for``, once it has the record."""
    rule = rule_for(endpoint, method)
    if rule is None:
        return FORBIDDEN
    if rule.level == "public":
        return ALLOW
    if account is None:
        return LOGIN
    if rule.level == "signed_in" or account.at_least(rule.level):
        return ALLOW
    return FORBIDDEN


def acts_for(account, commune_insee: str | None = None,
             epci_siren: str | None = None) -> bool:
    """May ``account`` read and change a record of this collectivité (a commune, or an
    EPCI)? Moderators and admins may; a contributor only for the very collectivité it
    acts for (an EPCI's agent writes the EPCI's fiches, not its member communes' own)."""
    if account is None:
        return False
    if account.at_least("moderator"):
        return True
    return (account.role == "contributor"
            and (commune_insee, epci_siren) == (account.commune_insee, account.epci_siren))
