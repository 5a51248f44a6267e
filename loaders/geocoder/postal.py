"""Commune names as postal addresses print them, and the postal localities file.

``strip_noise`` takes off what an address line adds around a commune's name: "CEDEX" with
its office number, a post-office box ("BP 434", "CS 40012", "TSA 10717"), a postcode
repeated in the name ("GUERET 23000"). The name left is then geocoded as usual; the
postcode found in the name stands in for a missing one.

``read_localities`` reads the pinned npm package ``codes-postaux`` (Etalab / Base Adresse
Nationale, see ``geodata/codes-postaux.md``): per postcode, each commune's name and its
*libellé d'acheminement*, the name mail is routed by ("PUYRICARD" for a part of
Aix-en-Provence, "RIEUX" for Rieux-Volvestre, "ST GEORGES DE L OYAPOCK"). Only spellings
that differ from the current commune's name are kept: the others add nothing.
"""

from __future__ import annotations

import re
import tarfile
from pathlib import Path

import msgspec

from atlas import names
from atlas.errors import InputError

# The tarball of the npm package, as the registry serves it (see geodata/manifest.json).
LOCALITIES_FILE = "codes-postaux/codes-postaux-4.1.2.tgz"
_MEMBER = "package/codes-postaux.json"

# "CEDEX", "CEDEX 1", "Cédex 09", "CEDEX BP 123"; post-office boxes with their number; a
# five-digit postcode standing alone. Only whole words: "Bpuy" or "Cstrasse" stay.
_NOISE = re.compile(
    r"(?<!\w)(?:c[eé]dex(?:\s*\d{1,3})?|(?:bp|b\.p\.|cs|tsa|sp)\s*\d{1,6}|\d{5}"
    r"|\(?commune nouvelle\)?)(?=\W|$)", re.IGNORECASE)
_HINT = re.compile(r"[0-9]|[cC][eéEÉ][dD][eE][xX]|[nN][oO][uU][vV][eE][lL][lL][eE]")
_POSTCODE = re.compile(r"(?<!\d)(\d{5})(?!\d)")
_FIVE_DIGITS = re.compile(r"\d{5}")
_EMPTY_PARENS = re.compile(r"\(\s*\)")  # what "(commune nouvelle)" leaves
_SPACES = re.compile(r"\s+")


def strip_noise(name: str) -> tuple[str, str, str | None]:
    """(the name without postal mentions, the mentions removed, a postcode written in it).

    ``strip_noise("AMIENS CEDEX 1") == ("AMIENS", "CEDEX 1", None)``,
    ``strip_noise("GUERET 23000") == ("GUERET", "23000", "23000")``.
    """
    if not _HINT.search(name):  # most names: one cheap scan, no postal word
        return name, "", None
    found = [m.group(0) for m in _NOISE.finditer(name)]
    if not found:
        return name, "", None
    clean = _NOISE.sub(" ", name)
    clean = _EMPTY_PARENS.sub(" ", clean)
    clean = _SPACES.sub(" ", clean).strip(" ,;-/(")
    postcode = next((m.group(1) for m in map(_POSTCODE.fullmatch, found) if m), None)
    return clean, " ".join(found), postcode


def read_localities(path: Path, successor: dict[str, str], current: dict[str, str]
                    ) -> list[dict]:
    """Rows of the ``postal_locality`` table from the package's tarball (or its JSON).

    ``successor`` brings the package's commune codes (an older COG) to current ones;
    ``current`` gives each current commune's name. A code without successor is skipped:
    the file is older than the COG only by merges, which ``successor`` covers.
    """
    try:
        if tarfile.is_tarfile(path):
            with tarfile.open(path) as tar:
                entries = msgspec.json.decode(tar.extractfile(_MEMBER).read())
        else:
            entries = msgspec.json.decode(Path(path).read_bytes())
    except (OSError, KeyError, ValueError, tarfile.TarError, msgspec.DecodeError) as e:
        raise InputError(f"{path}: not the codes-postaux package ({e})") from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise InputError(f"{path}: not the codes-postaux package (not a list of records)")
    # Nearly every entry spells its commune's own name (594 of 39,000 do not): a
    # written name whose fold and punctuation equal the commune's has the same key
    # (``names.key`` reads nothing else), which spares the full key of the others.
    def shape(text: str) -> tuple[str, bool]:
        return names.fold(text), "(" in text or "," in text

    own_shapes: dict[str, tuple[str, bool]] = {}
    rows: dict[tuple[str, str, str], dict] = {}
    for e in entries:
        insee = successor.get(e.get("codeCommune", ""))
        postcode = e.get("codePostal", "")
        if insee not in current or not _FIVE_DIGITS.fullmatch(postcode):
            continue
        official = current[insee]
        if insee not in own_shapes:
            own_shapes[insee] = shape(official)
        for written in (e.get("libelleAcheminement"), e.get("nomCommune")):
            if not written or written == official or shape(written) == own_shapes[insee]:
                continue  # the commune's own name adds nothing
            if names.arrondissement(written):
                continue
            k = names.key(written)
            if k and k != names.key(official):
                rows.setdefault((postcode, k, insee), {
                    "postcode": postcode, "name_folded": k, "commune_insee": insee,
                    "name": written})
    return sorted(rows.values(), key=lambda r: (r["postcode"], r["name_folded"],
                                                r["commune_insee"]))
