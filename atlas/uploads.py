"""What a file sent to the console is, from its content (never from its name alone), and
whether the chosen import kind can read it. No Flask: the console's upload route and the
tests call ``check``.

Tables (initiatives, places, labels): CSV (text), JSON or GeoJSON (text starting with
``[`` or ``{``), XLSX (a zip holding ``xl/workbook.xml``). Press texts: ``.txt``/``.md``
text, or a zip of them. Anything else (PDF, images, Office formats other than XLSX,
executables, binary data) is refused with a message naming what the file looks like.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from atlas.errors import InputError

KINDS = {"initiatives": "initiatives", "places": "lieux", "labels": "labels",
         "press": "textes de presse"}
TABLE_KINDS = ("initiatives", "places", "labels")
PRESS_SUFFIXES = (".txt", ".md")

_SIGNATURES = ((b"%PDF", "un PDF"), (b"\x89PNG", "une image PNG"), (b"\xff\xd8\xff",
               "une image JPEG"), (b"GIF8", "une image GIF"), (b"\xd0\xcf\x11\xe0",
               "un ancien document Office (.xls, .doc)"), (b"MZ", "un programme Windows"),
               (b"\x7fELF", "un programme"), (b"\x1f\x8b", "une archive gzip"),
               (b"Rar!", "une archive RAR"), (b"7z\xbc\xaf", "une archive 7-Zip"))


def size_fr(size: int) -> str:
    """``50 Mo``, ``512 Ko``: a size limit as the console says it."""
    return f"{size // 2**20} Mo" if size >= 2**20 else f"{max(1, size // 2**10)} Ko"


def sniff(path: Path) -> str:
    """``xlsx``, ``zip``, ``json`` or ``text``; InputError (in French, for the console)
    for any other content."""
    with open(path, "rb") as f:
        head = f.read(65536)
    if not head:
        raise InputError("le fichier est vide")
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            raise InputError(f"le fichier ressemble à {what}, que la console ne lit pas")
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as z:
                entries = z.namelist()
        except zipfile.BadZipFile:
            raise InputError("le fichier ressemble à une archive zip abîmée") from None
        if "xl/workbook.xml" in entries:
            return "xlsx"
        if any(e.startswith(("word/", "ppt/")) for e in entries):
            raise InputError("le fichier est un document Word ou PowerPoint : exportez-le "
                             "en texte (.txt) ou en tableau (CSV, XLSX)")
        return "zip"
    if b"\x00" in head:
        raise InputError("le fichier contient des données binaires : ni un tableau, ni "
                         "un texte")
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if e.start < len(head) - 4:  # not just a character cut at the 64 KB boundary
            text = head.decode("cp1252", errors="replace")
        else:
            text = head[:e.start].decode("utf-8-sig")
    return "json" if text.lstrip()[:1] in ("[", "{") else "text"


def check(path: Path, kind: str) -> str:
    """The file's type if ``kind`` can read it; InputError saying why not."""
    if kind not in KINDS:
        raise InputError(f"type d'import inconnu : {kind!r}")
    found = sniff(path)
    if kind in TABLE_KINDS:
        if found == "zip":
            raise InputError("une archive zip ne peut contenir que des textes de presse ; "
                             "pour un tableau, envoyez un CSV, un XLSX, un JSON ou un "
                             "GeoJSON")
        return found
    if found in ("xlsx", "json"):
        raise InputError("un tableau ne peut pas être importé comme texte de presse : "
                         "choisissez initiatives, lieux ou labels")
    if found == "zip":
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if not n.endswith("/")]
        others = [n for n in names if Path(n).suffix.lower() not in PRESS_SUFFIXES]
        if others or not names:
            raise InputError("l'archive ne doit contenir que des textes .txt ou .md "
                             f"(trouvé : {', '.join(others[:3]) or 'rien'})")
    return found
