"""``kiosk pack``: build, publish and sign content packs (the publisher), check and install them (a kiosk).

The publisher's commands work on a repository folder and its keys (docs/CONTENT.md);
the kiosk's read the settings file for the trusted sources and the data folder for
the installed packs, as the running kiosk does, and change them the same way.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from kiosk.config import BUNDLED_PACK, default_data_dir, read_install_settings, settings_file
from kiosk.content.check import check
from kiosk.content.loader import load_catalog, load_manifest
from kiosk.errors import ContentError, KioskError
from kiosk.i18n.catalogs import compile_pack_catalogs
from kiosk.updates.changes import summary
from kiosk.updates.pack_archive import ARCHIVE_SUFFIX, build_archive, unpack_archive
from kiosk.updates.receive import Receiver, verify_only, version_key
from kiosk.updates.repository import DEFAULT_DAYS, ONLINE_ROLES, PublisherKeys, Repository
from kiosk.updates.shelf import Shelf
from kiosk.updates.sources import STICK_FOLDER, TrustedSource, trusted_sources


def _when(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(seconds)) if seconds else "jamais"


def build(pack_dir: Path, out: Path | None) -> Path:
    """Compile the pack's translations, refuse it if ``kiosk content check`` finds an error, archive it."""
    problems = compile_pack_catalogs(pack_dir)
    manifest = load_manifest(pack_dir)
    try:
        version_key(manifest.version)
    except ValueError:
        problems.append(f"version {manifest.version!r}: a pack's version is dotted numbers, e.g. 2026.12.1")
    catalog = load_catalog((BUNDLED_PACK, pack_dir))
    problems += [f.message for f in check(catalog, only_under=pack_dir) if f.severity == "error"]
    if problems:
        raise ContentError(str(pack_dir), "not built:\n  " + "\n  ".join(problems))
    target = (out or Path.cwd()) / f"{manifest.id}-{manifest.version}{ARCHIVE_SUFFIX}"
    return build_archive(pack_dir, target)


def publish(repository: Repository, archive: Path, days: int) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="kiosk-publish-") as scratch:
        unpack_archive(archive, Path(scratch) / "pack")
        manifest = load_manifest(Path(scratch) / "pack")
    custom = {"pack": manifest.id, "version": manifest.version, "date": manifest.date}
    offered = repository.offered()
    if offered and version_key(manifest.version) <= version_key(offered["version"]):
        raise KioskError(
            f"the repository already offers version {offered['version']}: give the pack a newer version"
        )
    repository.publish(archive, custom, days)
    return custom


def _kiosk_sources(args: argparse.Namespace) -> tuple[Shelf, list[TrustedSource]]:
    config_path = args.config_file or settings_file()
    installed, _problems = read_install_settings(config_path)
    sources, problems = trusted_sources(config_path.parent, installed.content_repository)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return Shelf(args.data_dir or default_data_dir()), sources


def _chosen(sources: list[TrustedSource], name: str | None) -> list[TrustedSource]:
    chosen = [s for s in sources if name in (None, s.name)]
    if not chosen:
        known = ", ".join(s.name for s in sources) or "none: add a root in trusted-roots/"
        raise KioskError(f"no trusted source {name!r} (trusted: {known})")
    return chosen


def status(shelf: Shelf, sources: list[TrustedSource]) -> None:
    if not sources:
        print("No trusted source: the kiosk shows its bundled guides only (docs/CONTENT.md).")
    for source in sources:
        state = shelf.state(source.name)
        print(f"{source.name}: {source.url or '(USB stick only)'}")
        installed = f" of {state.pack_date}, installed {_when(state.installed_at)}" if state.current else ""
        print(f"  version in use: {state.current or 'none (bundled guides)'}{installed}")
        if state.previous:
            print(f"  previous version (kept for going back): {state.previous}")
        if state.set_aside:
            print(f"  set aside by a mediator: {state.set_aside}")
        print(f"  last check: {_when(state.last_check)}; last to reach it: {_when(state.last_success)}")
        if state.last_outcome is not None:
            print(f"  last outcome: {state.last_outcome.kind}: {state.last_outcome.message}")
        for line in summary(state.changes) if state.changes else ():
            print(f"  {line}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk pack", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    def publisher(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--repo", type=Path, required=True, help="the repository folder")
        sub.add_argument("--keys", type=Path, required=True, help="the folder of the online keys")
        sub.add_argument("--root-keys", type=Path, help="the folder of the root key (kept offline)")
        sub.add_argument("--days", type=int, default=DEFAULT_DAYS, help="how long the offer stays fresh")
        return sub

    build_parser = commands.add_parser("build", help="check a pack folder and make its archive")
    build_parser.add_argument("pack", type=Path)
    build_parser.add_argument("-o", "--out", type=Path, help="folder of the archive (default: here)")
    publisher("init", "create a repository and its four keys")
    publish_parser = publisher("publish", "offer an archive made by 'build'")
    publish_parser.add_argument("archive", type=Path)
    publisher("refresh", "sign the same offer again, with a new expiry")
    rotate = publisher("rotate-key", "replace a role's key (needs the root key)")
    rotate.add_argument("role", choices=("root", *ONLINE_ROLES))
    for name, help_text in (
        ("status", "the packs installed on this kiosk and the last checks"),
        ("verify", "check a source's offer as the kiosk would, without installing it"),
        ("update", "check the sources now and install what passes"),
        ("rollback", "go back to a source's previous pack"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument(
            "--data-dir", type=Path, help=f"the kiosk's data folder (default: {default_data_dir()})"
        )
        sub.add_argument("--config-file", type=Path, help="the settings file (default: the kiosk's)")
        sub.add_argument("--source", help="one trusted source only (default: each)")
        if name in ("verify", "update"):
            copy = f"a repository copy (a USB stick's {STICK_FOLDER}/NAME), not the network"
            sub.add_argument("--from", dest="folder", type=Path, help=copy)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except KioskError as error:
        print(f"kiosk pack: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "build":
        print(build(args.pack, args.out))
        return 0
    if args.command in ("init", "publish", "refresh", "rotate-key"):
        keys = PublisherKeys(online=args.keys, root=args.root_keys or args.keys / "root")
        repository = Repository(args.repo, keys)
        if args.command == "init":
            repository.init(args.days)
            print(f"repository made in {args.repo}; give kiosks {args.repo / 'metadata' / 'root.json'}")
            print(f"keep {keys.root} offline: it is needed only to change a key")
        elif args.command == "publish":
            custom = publish(repository, args.archive, args.days)
            print(f"published {custom['pack']} {custom['version']} of {custom['date']}")
        elif args.command == "refresh":
            repository.refresh(args.days)
            print(f"the offer is fresh for {args.days} days")
        else:
            repository.rotate(args.role, args.days)
            print(f"the {args.role} key is replaced; kiosks follow at their next check")
        return 0
    shelf, sources = _kiosk_sources(args)
    if args.command == "status":
        status(shelf, sources)
        return 0
    if args.command == "rollback":
        for source in _chosen(sources, args.source):
            version = shelf.roll_back(source.name)
            print(f"{source.name}: now {version or 'the bundled guides'}")
        return 0
    failed = False
    for source in _chosen(sources, args.source):
        folder = (
            args.folder / source.name if args.folder and (args.folder / source.name).is_dir() else args.folder
        )
        if args.command == "verify":
            outcome = verify_only(shelf, source, folder)
            verdict = {"installed": "would be installed"}.get(outcome.kind, outcome.kind)
        else:
            receiver = Receiver(shelf)
            outcome = receiver.check_folder(source, folder) if folder else receiver.check_online(source)
            verdict = outcome.kind
        print(f"{source.name}: {verdict}: {outcome.message}")
        failed = failed or outcome.kind in ("refused", "unreachable")
    return 1 if failed else 0
