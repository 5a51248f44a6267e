"""``python -m atlas users add|list|disable|enable|reset``: accounts, from the server's shell.

There is no mail server: ``add`` and ``reset`` print the one-time link (48 h) that the
administrator hands over; the person sets a password there. Every change is recorded in
the audit journal, with the system user as the actor.
"""

from __future__ import annotations

import click

from atlas import accounts, audit, db
from atlas.cli import AtlasGroup, connected_config
from atlas.models import ROLES


@click.group("users", cls=AtlasGroup)
def users() -> None:
    """Staff and contributor accounts of the console."""


@users.command("add")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True,
              help="admin: everything; moderator: the dashboard and (next) moderation; "
                   "contributor: acts for one collectivité.")
@click.option("--name", default="", help="Display name (default: the e-mail's local part).")
@click.option("--commune", metavar="INSEE", help="A contributor's commune.")
@click.option("--epci", metavar="SIREN", help="A contributor's EPCI.")
@click.pass_context
def add(ctx, email, role, name, commune, epci):
    """Create an account and print its activation link (valid 48 hours, once).

    \b
    Examples:
      python -m atlas users add marie@villes-internet.net --role admin --name "Marie D."
      python -m atlas users add agent@ville.fr --role contributor --commune 94076
    """
    config = connected_config(ctx, need_schema=True)
    with db.engine(config).begin() as conn:
        account, token = accounts.add(conn, email, role, name, commune, epci)
        audit.record(conn, "account.add", actor=audit.cli_actor(), target=account.email,
                     after={"role": role, "name": account.name, "commune": commune,
                            "epci": epci})
    click.echo(f"{account.email}: {role} account created; activation link (48 h):")
    click.echo(accounts.activation_link(config, token))


@users.command("list")
@click.pass_context
def list_(ctx):
    """List the accounts: e-mail, role, collectivité, state, last login."""
    config = connected_config(ctx, need_schema=True)
    with db.engine(config).connect() as conn:
        rows = accounts.listing(conn)
    for r in rows:
        state = "active" if r["active"] else "disabled"
        if not r["activated"]:
            state += ", not activated"
        where = r["commune_insee"] or r["epci_siren"] or "-"
        last = r["last_login_at"].strftime("%Y-%m-%d %H:%M") if r["last_login_at"] else "never"
        click.echo(f"{r['email']}\t{r['role']}\t{where}\t{state}\tlast login: {last}")
    if not rows:
        click.echo("no account yet: python -m atlas users add EMAIL --role admin")


def _switch(ctx, email: str, active: bool) -> None:
    config = connected_config(ctx, need_schema=True)
    with db.engine(config).begin() as conn:
        account = accounts.set_active(conn, email, active)
        audit.record(conn, "account.enable" if active else "account.disable",
                     actor=audit.cli_actor(), target=account.email,
                     user_id=None, before={"active": not active}, after={"active": active})
    click.echo(f"{account.email}: {'enabled' if active else 'disabled, sessions ended'}")


@users.command("disable")
@click.argument("email")
@click.pass_context
def disable(ctx, email):
    """Disable an account: it cannot log in, and its open sessions end."""
    _switch(ctx, email, False)


@users.command("enable")
@click.argument("email")
@click.pass_context
def enable(ctx, email):
    """Enable a disabled account again."""
    _switch(ctx, email, True)


@users.command("reset")
@click.argument("email")
@click.pass_context
def reset(ctx, email):
    """Print a new activation link (48 h); the old password and every open session stop
    working now."""
    config = connected_config(ctx, need_schema=True)
    with db.engine(config).begin() as conn:
        account, token = accounts.reset(conn, email)
        audit.record(conn, "account.reset", actor=audit.cli_actor(), target=account.email)
    click.echo(f"{account.email}: password and sessions revoked; new link (48 h):")
    click.echo(accounts.activation_link(config, token))
