"""The kiosk's settings, declared once with their type, default and description.

Every setting has an embedded default, so the kiosk starts with no file at all.
"""

from __future__ import annotations

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

    def __post_init__(self) -> None:
        if self.idle_timeout_s < MIN_IDLE_TIMEOUT_S or self.idle_warning_s < MIN_IDLE_WARNING_S:
            raise ValueError("idle timeout must be at least 10 s and the warning at least 5 s")
