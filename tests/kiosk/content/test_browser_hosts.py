"""``browser.yaml`` and host names: the bundled list, a structure's replacement, mistakes with their line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.config import BUNDLED_PACK
from kiosk.content.browser_hosts import (
    BrowserHosts,
    covers,
    host_entry_problem,
    normal_host,
    parse_browser_hosts,
    procedure_hosts,
    site_entry,
)
from kiosk.content.check import check
from kiosk.content.loader import Catalog, load_catalog
from kiosk.content.pack_files import MAX_FILE_BYTES
from kiosk.content.yaml_source import parse_yaml
from kiosk.errors import ContentError
from tests.kiosk import FIXTURE_PACK

OWN_LIST = """\
always_allowed: [franceconnect.gouv.fr]
webmail:
  - name: Messagerie de la mairie
    address: https://mail.mairie-exemple.fr/
    hosts: [mail.mairie-exemple.fr]
"""


def _pack_with_list(tmp_path: Path, text: str) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURE_PACK, pack)
    (pack / "browser.yaml").write_text(text, encoding="utf-8")
    return pack


def _error(text: str) -> ContentError:
    try:
        parse_browser_hosts(parse_yaml(text), "browser.yaml")
    except ContentError as error:
        return error
    raise AssertionError("no error raised")


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("CAF.fr", "caf.fr"),
        ("caf.fr.", "caf.fr"),
        (" www.caf.fr ", "www.caf.fr"),
        ("café.fr", "xn--caf-dma.fr"),  # an international name, in the ASCII form the browser uses
        ("xn--caf-dma.fr", "xn--caf-dma.fr"),
        ("\uff43\uff41\uff46.fr", "caf.fr"),  # full-width letters are the same name for the browser
        ("[::1]", "::1"),
        ("0:0::1", "::1"),
        ("127.0.0.1", "127.0.0.1"),
        ("localhost", "localhost"),
    ],
)
def test_a_host_is_compared_in_one_form(written: str, normal: str) -> None:
    assert normal_host(written) == normal


@pytest.mark.parametrize(
    "written",
    [
        "",
        "caf..fr",
        "caf fr",
        "caf%2efr",
        "user@caf.fr",
        "caf.fr/path",
        "-caf.fr",
        "x" * 64 + ".fr",
        "127.1",  # the browser reads it as 127.0.0.1: only the canonical form is a host
        "0x7f.0.0.1",
        "straße.de",  # turned into another host by Python's IDNA than by the browser's
        "caf:fr",
    ],
)
def test_what_is_not_a_host_name_has_no_normal_form(written: str) -> None:
    assert normal_host(written) == ""


def test_an_entry_covers_itself_and_the_hosts_under_it_only() -> None:
    assert covers("caf.fr", "caf.fr") and covers("caf.fr", "wwwd.caf.fr") and covers("caf.fr", "a.b.caf.fr")
    assert not covers("caf.fr", "evilcaf.fr")
    assert not covers("caf.fr", "caf.fr.evil.com")
    assert not covers("caf.fr", "fr")
    assert not covers("127.0.0.1", "1.127.0.0.1")  # an address is only itself
    assert not covers("", "caf.fr")


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ("https://www.caf.fr", "without https://"),
        ("caf.fr/mon-compte", "without https://"),
        ("*.caf.fr", "without *."),
        ("fr", "whole domain ending"),
        ("https:caf.fr", "not a host name"),
        ("httpbin.org", ""),  # a host that only starts like an address
        ("caf..fr", "not a host name"),
    ],
)
def test_a_wrong_entry_says_how_to_write_it(entry: str, says: str) -> None:
    problem = host_entry_problem(entry)
    assert says in problem if says else problem == ""


def test_an_address_of_urls_allows_its_site_without_the_www() -> None:
    assert site_entry("https://www.caf.fr") == "caf.fr"
    assert site_entry("https://WWW.Ameli.fr/assure") == "ameli.fr"
    assert site_entry("https://ants.gouv.fr") == "ants.gouv.fr"
    assert site_entry("https://www.fr") == "www.fr"  # never a whole domain ending
    assert site_entry("http://127.0.0.1:8000/") == "127.0.0.1"


def test_the_bundled_list_names_franceconnect_its_accounts_and_the_big_webmails() -> None:
    hosts = load_catalog().browser_hosts
    assert set(hosts.always_allowed) == {
        "franceconnect.gouv.fr",
        "impots.gouv.fr",
        "ameli.fr",
        "msa.fr",
        "lidentitenumerique.laposte.fr",
        "france-identite.gouv.fr",
        "service-public.gouv.fr",
        "service-public.fr",
    }
    names = [mail.name for mail in hosts.webmail]
    assert names == ["La Poste", "Gmail", "Outlook / Hotmail", "Orange", "SFR", "Free", "Yahoo"]
    for mail in hosts.webmail:
        assert mail.address.startswith("https://")
    every = hosts.all_hosts()
    for login in ("accounts.google.com", "login.live.com", "login.yahoo.com", "login.orange.fr"):
        assert any(covers(entry, login) for entry in every), login
    assert not any(covers(entry, "news.yahoo.com") for entry in every)


def test_a_procedure_allows_its_urls_its_allow_and_the_list(bundled_catalog: Catalog) -> None:
    procedure = bundled_catalog.procedures["ants-carte-identite-passeport"]
    hosts = procedure_hosts(procedure, bundled_catalog.browser_hosts)
    assert hosts[:3] == ("ants.gouv.fr", "rendezvouspasseport.ants.gouv.fr", "timbres.impots.gouv.fr")
    assert "franceconnect.gouv.fr" in hosts and "orange.fr" in hosts


def test_a_later_pack_list_replaces_the_bundled_one_whole_and_is_warned(tmp_path: Path) -> None:
    pack = _pack_with_list(tmp_path, OWN_LIST)
    catalog = load_catalog([BUNDLED_PACK, pack])
    assert catalog.problems == []
    assert catalog.browser_hosts.always_allowed == ("franceconnect.gouv.fr",)
    assert [mail.name for mail in catalog.browser_hosts.webmail] == ["Messagerie de la mairie"]
    warnings = [str(f) for f in check(catalog, pack) if f.severity == "warning"]
    assert any("browser.yaml" in w and str(BUNDLED_PACK / "browser.yaml") in w for w in warnings), warnings


def test_a_broken_list_is_reported_and_the_earlier_one_kept(tmp_path: Path) -> None:
    pack = _pack_with_list(
        tmp_path, OWN_LIST.replace("[franceconnect.gouv.fr]", "[https://franceconnect.gouv.fr]")
    )
    catalog = load_catalog([BUNDLED_PACK, pack])
    (problem,) = catalog.problems
    assert problem.source == str(pack / "browser.yaml") and problem.line == 1
    assert problem.field == "always_allowed" and "without https://" in problem.problem
    assert catalog.browser_hosts == load_catalog().browser_hosts


def test_a_pack_without_a_list_has_an_empty_one() -> None:
    assert load_catalog([FIXTURE_PACK]).browser_hosts == BrowserHosts()


@pytest.mark.parametrize(
    ("text", "field", "line", "says"),
    [
        ("always_allowed: [caf.fr]\nwebmails: []\n", "webmails", 2, "unknown key"),
        ("webmail:\n  - name: X\n    address: http://mail.example.fr\n    hosts: [example.fr]\n",
         "webmail[0].address", 3, "https://"),
        ("webmail:\n  - name: X\n    address: https://mail.example.fr\n    hosts: [other.fr]\n",
         "webmail[0].address", 3, "on none of its hosts"),
        ("webmail:\n  - name: X\n    address: https://mail.example.fr\n    hosts: []\n",
         "webmail[0].hosts", 4, "non-empty list"),
        ("webmail:\n  - name: ''\n    address: https://mail.example.fr\n    hosts: [example.fr]\n",
         "webmail[0].name", 2, "must not be empty"),
        ("webmail:\n  - name: X\n    address: https://a@mail.example.fr\n    hosts: [example.fr]\n",
         "webmail[0].address", 3, "no valid host"),
        ("always_allowed: [caf.fr, 12]\n", "always_allowed", 1, "not a host name"),
    ],
)  # fmt: skip
def test_each_mistake_of_the_list_names_its_line_and_field(
    text: str, field: str, line: int, says: str
) -> None:
    error = _error(text)
    assert (error.field, error.line) == (field, line) and says in error.problem, error


def test_an_empty_list_file_is_an_error() -> None:
    assert "is empty" in _error("").problem


def test_a_training_webmail_on_the_machine_itself_may_be_http() -> None:
    text = "webmail:\n  - name: Exercice\n    address: http://127.0.0.1:8025/\n    hosts: [127.0.0.1]\n"
    hosts = parse_browser_hosts(parse_yaml(text), "browser.yaml")
    assert hosts.webmail[0].hosts == ("127.0.0.1",)


def test_the_list_is_read_as_warily_as_any_pack_file(tmp_path: Path) -> None:
    pack = _pack_with_list(tmp_path, "")
    (pack / "browser.yaml").unlink()
    outside = tmp_path / "outside.yaml"
    outside.write_text("always_allowed: [caf.fr]\n")
    (pack / "browser.yaml").symlink_to(outside)
    (problem,) = load_catalog([pack]).problems
    assert problem.source == str(pack / "browser.yaml") and "outside the pack" in problem.problem
    (pack / "browser.yaml").unlink()
    (pack / "browser.yaml").write_text("always_allowed: [caf.fr]\n" + "#" * MAX_FILE_BYTES)
    (problem,) = load_catalog([pack]).problems
    assert "above the limit" in problem.problem
    (pack / "browser.yaml").write_text("always_allowed: &a [caf.fr]\nwebmail: *a\n")
    (problem,) = load_catalog([pack]).problems
    assert "alias" in problem.problem and problem.line == 2
