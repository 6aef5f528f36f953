"""The kiosk's settings, declared once with their type, default and description.

Every setting has an embedded default, so the kiosk starts with no file at all.
A structure chooses some of them at install in ``/etc/france-services-kiosk/kiosk.conf``
(``key = value`` lines; ``packaging/kiosk.conf`` is the documented template) and adds
content packs by putting folders, or links to them, in ``packs.d/`` beside it. The
``kiosk`` command's options win over the file.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.i18n.translation import N_

APP_DIR_NAME = "france-services-kiosk"
BUNDLED_PACK = Path(__file__).resolve().parent / "bundled_pack"  # the procedures shipped with the kiosk
# What a structure changes in mediator mode, kept in the store under these names.
IDLE_TIMEOUT_SETTING = "idle_timeout_s"
AUTO_READ_SETTING = "auto_read"
HIDDEN_LANGUAGES_SETTING = "hidden_languages"  # French, the source, is always offered
HIDDEN_PROCEDURES_SETTING = "hidden_procedures"  # new content is offered until hidden
# Shorter delays would end a visit while the person is still reading.
MIN_IDLE_TIMEOUT_S = 10
MIN_IDLE_WARNING_S = 5
# The settings a structure chooses at install; the variable points elsewhere (tests, a second kiosk).
SETTINGS_FILE = Path("/etc") / APP_DIR_NAME / "kiosk.conf"
SETTINGS_FILE_VARIABLE = "KIOSK_CONFIG_FILE"
DEFAULT_GUIDE_MAX_AGE_MONTHS = 6
DAYS_A_MONTH = 30
PACKS_DROP_IN = "packs.d"  # beside the settings file: each folder (or link to one) in it is a content pack


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR_NAME


def default_config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / APP_DIR_NAME


@dataclass(frozen=True)
class Config:
    data_dir: Path = field(
        default_factory=default_data_dir,
        metadata={"description": N_("Dossier où le kiosque garde ses données et son journal.")},
    )
    config_dir: Path = field(
        default_factory=default_config_dir,
        metadata={
            "description": N_("Dossier de la clé de la station, lisible par le seul compte du kiosque.")
        },
    )
    default_language: str = field(
        default="fr",
        metadata={"description": N_("Langue affichée tant que personne n'en a choisi une.")},
    )
    idle_timeout_s: int = field(
        default=120,
        metadata={
            "description": N_(
                "Secondes sans toucher l'écran avant que le kiosque demande si quelqu'un est là."
            )
        },
    )
    idle_warning_s: int = field(
        default=30,
        metadata={
            "description": N_(
                "Secondes pendant lesquelles la question reste affichée avant que tout soit effacé."
            )
        },
    )
    pack_dirs: tuple[Path, ...] = field(
        default=(BUNDLED_PACK,),
        metadata={"description": N_("Dossiers de contenu, dans l'ordre ; le suivant remplace le précédent.")},
    )
    settings_dir: Path = field(
        default=SETTINGS_FILE.parent,
        metadata={"description": N_("Dossier des réglages et des racines de confiance des guides.")},
    )
    content_repository: str = field(
        default="",
        metadata={"description": N_("Adresses des dépôts de guides signés ; vide : rien n'est contacté.")},
    )
    room_broker: str = field(
        default="",
        metadata={"description": N_("Adresse du relais de la salle ; vide : le kiosque travaille seul.")},
    )
    guide_max_age_days: int = field(
        default=DEFAULT_GUIDE_MAX_AGE_MONTHS * DAYS_A_MONTH,
        metadata={"description": N_("Âge d'un guide au-delà duquel il invite à demander à l'accueil.")},
    )

    def __post_init__(self) -> None:
        if self.idle_timeout_s < MIN_IDLE_TIMEOUT_S or self.idle_warning_s < MIN_IDLE_WARNING_S:
            raise ValueError("idle timeout must be at least 10 s and the warning at least 5 s")


@dataclass(frozen=True)
class InstallSettings:
    """What ``kiosk.conf`` and ``packs.d/`` say; ``None`` where the file says nothing."""

    packs: tuple[Path, ...] = ()  # the file's ``packs``, then ``packs.d``'s folders in name order
    idle_timeout_s: int | None = None
    hide_pointer: bool | None = None
    silent: bool | None = None
    content_repository: str = ""  # lines "NAME URL" or "URL" (kiosk/updates/sources.py)
    stale_after_months: int | None = None
    room_broker: str = ""  # HOST or HOST:PORT of the room's MQTT broker (kiosk/room)


_KEYS = (
    "packs", "idle_timeout", "hide_pointer", "silent", "room_broker", "content_repository",
    "stale_after_months",
)  # fmt: skip
_SECTION = "kiosk"  # the file has no section line: every key belongs to this one


def settings_file() -> Path:
    return Path(os.environ.get(SETTINGS_FILE_VARIABLE) or SETTINGS_FILE)


def _from_file(path: Path) -> InstallSettings:
    """The file's settings; ValueError names what is wrong (and the line, when the parser knows it)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return InstallSettings()
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot be read: {getattr(error, 'strerror', None) or error}") from None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("["):
            raise ValueError(f"line {number}: {line.strip()!r}: no sections here, only 'key = value' lines")
    parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=("#",))
    try:
        # The section line is the parser's, not the structure's: the file's own lines start at 2.
        parser.read_string(f"[{_SECTION}]\n" + text, source=str(path))
    except configparser.DuplicateOptionError as error:
        raise ValueError(f"line {(error.lineno or 1) - 1}: {error.option!r} is given twice") from None
    except configparser.ParsingError as error:
        number = error.errors[0][0] - 1
        line = text.splitlines()[number - 1].strip()
        raise ValueError(f"line {number}: {line!r} is not 'key = value'") from None
    except configparser.Error as error:
        raise ValueError(error.message) from None
    values = parser[_SECTION]
    if unknown := sorted(set(values) - set(_KEYS)):
        raise ValueError(f"unknown key {unknown[0]!r} (the keys: {', '.join(_KEYS)})")
    packs = tuple(Path(line) for line in values.get("packs", "").splitlines() if line.strip())
    if relative := [str(pack) for pack in packs if not pack.is_absolute()]:
        raise ValueError(f"packs: {relative[0]!r} is not a full path (it starts with /)")
    idle_timeout_s: int | None = None
    if "idle_timeout" in values:
        given = values["idle_timeout"]
        try:
            idle_timeout_s = int(given)
        except ValueError:
            raise ValueError(f"idle_timeout = {given!r} is not a number of seconds") from None
        if idle_timeout_s < MIN_IDLE_TIMEOUT_S:
            raise ValueError(f"idle_timeout = {idle_timeout_s}: at least {MIN_IDLE_TIMEOUT_S} seconds")
    stale_after_months: int | None = None
    if "stale_after_months" in values:
        given = values["stale_after_months"]
        if not given.strip().isdigit() or not 1 <= int(given) <= 60:  # noqa: PLR2004 - five years at most
            raise ValueError(f"stale_after_months = {given!r} is not a number of months from 1 to 60")
        stale_after_months = int(given)
    switches: dict[str, bool | None] = {}
    for key in ("hide_pointer", "silent"):
        try:
            switches[key] = values.getboolean(key) if key in values else None
        except ValueError:
            raise ValueError(f"{key} = {values[key]!r} is neither yes nor no") from None
    return InstallSettings(
        packs=packs,
        idle_timeout_s=idle_timeout_s,
        hide_pointer=switches["hide_pointer"],
        silent=switches["silent"],
        room_broker=values.get("room_broker", "").strip(),
        content_repository=values.get("content_repository", "").strip(),
        stale_after_months=stale_after_months,
    )


def _drop_in_packs(folder: Path) -> tuple[tuple[Path, ...], list[str]]:
    """Each folder or link in ``packs.d`` (hidden ones aside), in name order; a plain file is a problem."""
    try:
        entries = sorted(entry for entry in folder.iterdir() if not entry.name.startswith("."))
    except FileNotFoundError:
        return (), []
    except OSError as error:
        return (), [f"{folder}: cannot be read ({error.strerror}); its content packs are not loaded"]
    # A link to a missing folder stays: the content loader says which pack is missing, as for any other.
    packs = tuple(entry for entry in entries if entry.is_dir() or entry.is_symlink())
    problems = [
        f"{entry}: not a folder, ignored (a content pack in {PACKS_DROP_IN} is a folder or a link to one)"
        for entry in entries
        if entry not in packs
    ]
    return packs, problems


def read_install_settings(path: Path) -> tuple[InstallSettings, list[str]]:
    """The settings chosen at install, and the problems found, each a sentence for the log.

    No file is no problem: the embedded defaults. A file with any error is set aside whole
    (the defaults again, never half of it), so that a typo never starts a half-configured kiosk.
    """
    problems: list[str] = []
    try:
        settings = _from_file(path)
    except ValueError as error:
        problems.append(f"{path}: {error}; the kiosk uses its embedded settings instead")
        settings = InstallSettings()
    drop_ins, drop_in_problems = _drop_in_packs(path.parent / PACKS_DROP_IN)
    return InstallSettings(
        packs=(*settings.packs, *drop_ins),
        idle_timeout_s=settings.idle_timeout_s,
        hide_pointer=settings.hide_pointer,
        silent=settings.silent,
        room_broker=settings.room_broker,
        content_repository=settings.content_repository,
        stale_after_months=settings.stale_after_months,
    ), problems + drop_in_problems
