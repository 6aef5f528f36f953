"""The browser opens only the procedure's sites, FranceConnect and the webmails, over https: nothing else."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.browsing.allow_list import AllowList, site_host
from kiosk.content.browser_hosts import BrowserHosts, Webmail, covers, normal_host
from kiosk.content.loader import Catalog

CAF = AllowList(["caf.fr"])


@pytest.mark.parametrize(
    "url",
    [
        "https://caf.fr",
        "https://caf.fr/",
        "https://www.caf.fr/allocataires/mon-compte?x=1#haut",
        "https://wwwd.caf.fr/wps/portal",
        "https://a.b.c.caf.fr/",
        "https://CAF.FR/",
        "https://caf.fr./",  # the final dot of a fully written name
        "https://caf.fr:8443/",  # any port of an allowed host, over https
        "HTTPS://caf.fr/",
        "about:blank",
        "about:blank#top",
        "blob:https://caf.fr/3f9e1c2a-4b5d-4e6f-8a9b-0c1d2e3f4a5b",
        "blob:https://wwwd.caf.fr/3f9e1c2a",
        # Qt's usual form of an address (QUrl.toString) shows %20 as a space, %C3%A9 as é:
        "https://www.caf.fr/recherche?q=aide au logement#r\u00e9sultats",
        "https://caf.fr/d\u00e9marches/a b\\c",
        "https://caf.fr/?email=jean@exemple.fr",
    ],
)
def test_the_site_its_subdomains_and_the_empty_page_are_allowed(url: str) -> None:
    assert CAF.allows(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://evilcaf.fr/",
        "https://caf.fr.evil.com/",
        "https://caf.fr-evil.com/",
        "https://fr/",
        "https://evil.com/caf.fr",
        "https://evil.com/?u=https://caf.fr",
        "https://evil.com#caf.fr",
        "http://caf.fr/",  # never http for a real site
        "http://www.caf.fr/",
        "ftp://caf.fr/",
        "file:///etc/passwd",
        "data:text/html,<h1>caf.fr</h1>",
        "javascript:alert(1)",
        "about:config",
        "about:blank?x",
        "blob:https://evil.com/3f9e1c2a",
        "blob:null/3f9e1c2a",
        "blob:blob:https://caf.fr/1",
        "https://user@caf.fr/",  # a user in the address: refused even on the right host
        "https://user:secret@caf.fr/",
        "https://@caf.fr/",
        "https://caf.fr@evil.com/",  # what people are fooled with
        "https://caf.fr:443@evil.com/",
        "https://evil.com\\@caf.fr/",  # the browser reads evil.com; urlsplit would read caf.fr
        "https://evil.com\\.caf.fr/",
        "https://caf.fr\t.evil.com/",
        "https://caf.fr\n.evil.com/",
        "https://caf.fr\r\n@evil.com/",
        "ht\ttps://caf.fr/",
        "\x00https://caf.fr/",
        " https://caf.fr/",
        "https://caf.fr%2eevil.com/",
        "https://caf%2efr/",
        "https://caf.fr:99999/",
        "https://caf.fr:port/",
        "https:caf.fr",
        "https:/caf.fr",
        "https:///caf.fr",
        "//caf.fr/",
        "caf.fr",
        "",
        "https://caf.fr\u3002evil.com/",  # the ideographic full stop is a dot to the browser
        "https://[::1]/",
    ],
)
def test_everything_else_is_refused(url: str) -> None:
    assert not CAF.allows(url)


def test_an_international_host_is_compared_in_its_ascii_form() -> None:
    allow = AllowList(["café.fr"])
    assert allow.hosts == frozenset({"xn--caf-dma.fr"})
    assert allow.allows("https://café.fr/") and allow.allows("https://xn--caf-dma.fr/")
    assert allow.allows("https://www.CAFÉ.fr/")
    assert not allow.allows("https://cafe.fr/")
    assert AllowList(["xn--caf-dma.fr"]).allows("https://café.fr/a")
    assert not AllowList(["strasse.de"]).allows("https://straße.de/")  # another host to the browser


@pytest.mark.parametrize("loopback", ["127.0.0.1", "localhost", "::1"])
def test_a_loopback_host_named_in_the_list_may_be_http(loopback: str) -> None:
    allow = AllowList([loopback])
    netloc = f"[{loopback}]" if ":" in loopback else loopback
    assert allow.allows(f"http://{netloc}:8000/caf/accueil") and allow.allows(f"https://{netloc}/")
    assert not AllowList(["caf.fr"]).allows(f"http://{netloc}:8000/")
    assert not allow.allows("http://caf.fr/")


def test_http_is_for_a_loopback_host_named_itself_not_one_under_it_nor_another_loopback() -> None:
    assert not AllowList(["localhost"]).allows("http://evil.localhost/")
    assert AllowList(["localhost"]).allows("https://app.localhost/")
    assert not AllowList(["127.0.0.1"]).allows("http://localhost/")
    assert not AllowList(["127.0.0.1"]).allows("http://127.0.0.2/")
    assert not AllowList(["127.0.0.1"]).allows("http://127.1/")  # the browser's 127.0.0.1, written short
    assert not AllowList(["127.0.0.1"]).allows("https://1.127.0.0.1/")
    assert not AllowList(["192.168.1.10"]).allows("http://192.168.1.10/")
    assert AllowList(["192.168.1.10"]).allows("https://192.168.1.10/")


def test_a_wrong_entry_is_refused_when_the_list_is_made() -> None:
    with pytest.raises(ValueError, match="not a host name"):
        AllowList(["https://caf.fr"])
    assert AllowList([" CAF.fr. "]).hosts == frozenset({"caf.fr"})
    assert not AllowList([]).allows("https://caf.fr/")


def test_a_procedure_opens_its_sites_franceconnect_and_the_webmails(bundled_catalog: Catalog) -> None:
    procedure = bundled_catalog.procedures["caf-declaration-trimestrielle"]
    allow = AllowList.for_procedure(procedure, bundled_catalog.browser_hosts)
    for url in (
        "https://www.caf.fr/",
        "https://wwwd.caf.fr/wps/portal/caffr/login",  # another host under caf.fr than its www
        "https://app.franceconnect.gouv.fr/api/v1/authorize",
        "https://cfspart.impots.gouv.fr/LoginAccess",
        "https://france-identite.gouv.fr/",
        "https://www.service-public.gouv.fr/particuliers/vosdroits/F33324",
        "https://accounts.google.com/v3/signin",
        "https://login.live.com/login.srf",
        "https://login.yahoo.com/",
        "https://messagerie.orange.fr/",
    ):
        assert allow.allows(url), url
    for url in ("https://www.ants.gouv.fr/", "https://fr.news.yahoo.com/", "http://wwwd.caf.fr/"):
        assert not allow.allows(url), url


def test_a_procedure_allow_and_the_list_replaced_by_a_structure(bundled_catalog: Catalog) -> None:
    procedure = bundled_catalog.procedures["anef-titre-sejour"]
    own = BrowserHosts(
        ("franceconnect.gouv.fr",), (Webmail("Mairie", "https://mail.mairie.fr", ("mairie.fr",)),)
    )
    allow = AllowList.for_procedure(procedure, own)
    assert allow.hosts == frozenset(
        {"administration-etrangers-en-france.interieur.gouv.fr", "franceconnect.gouv.fr", "mairie.fr"}
    )
    assert not allow.allows("https://mail.google.com/")
    with_allow = replace(procedure, allow=("login.example.net",))
    assert AllowList.for_procedure(with_allow, own).allows("https://auth.login.example.net/")


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://wwwd.caf.fr/mon-compte?nir=1234567890123&code=42#x", "wwwd.caf.fr"),
        ("https://WWW.CAF.FR:8443/p", "www.caf.fr"),
        ("blob:https://caf.fr/3f9e", "caf.fr"),
        ("http://127.0.0.1:8000/a?b", "127.0.0.1"),
        ("https://café.fr/", "xn--caf-dma.fr"),
        ("about:blank", ""),
        ("data:text/plain,secret", ""),
        ("https://user:secret@caf.fr/", ""),
        ("not an address", ""),
    ],
)
def test_a_help_request_carries_the_host_alone(url: str, host: str) -> None:
    assert site_host(url) == host


# Properties over addresses made up at random.

_LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
_TLD = st.from_regex(r"[a-z]{1,6}", fullmatch=True)  # a last label of digits would be an IP address
_HOST = st.builds(lambda labels, tld: ".".join([*labels, tld]), st.lists(_LABEL, max_size=3), _TLD)
_ENTRIES = st.lists(
    st.builds(lambda labels, tld: ".".join([*labels, tld]), st.lists(_LABEL, min_size=1, max_size=2), _TLD),
    min_size=1,
    max_size=4,
)
_PIECES = [*"abc.:/@\\?#%[]-_ 0x\t\u3002é", "caf.fr", "www.", "https://", "http://", "blob:", "about:blank"]
_JUNK = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join)
# Often an allowed address with junk around its host, so that both answers are tried.
_URL_TEXT = st.builds(
    lambda start, before, host, after: start + before + host + after,
    st.sampled_from(["https://", "http://", "blob:https://", "HTTPS://", ""]),
    _JUNK,
    st.sampled_from(["caf.fr", "www.caf.fr", "caf.fr.", ""]),
    _JUNK,
)
_AUTHORITY = re.compile(r"^(?:blob:)?https?://([^/?#]*)", re.IGNORECASE)


@given(entries=_ENTRIES, host=_HOST, path=st.text(max_size=20), port=st.none() | st.integers(1, 65535))
def test_no_address_whose_host_is_not_in_the_list_is_ever_allowed(
    entries: list[str], host: str, path: str, port: int | None
) -> None:
    allow = AllowList(entries)
    netloc = host if port is None else f"{host}:{port}"
    url = f"https://{netloc}/{quote(path)}"  # as the browser hands it over: spaces and all encoded
    assert allow.allows(url) == (
        any(covers(entry, host) for entry in allow.hosts) and allow.allows(f"https://{host}/")
    )
    if not any(host == entry or host.endswith("." + entry) for entry in entries):
        assert not allow.allows(url)
        assert not allow.allows(f"blob:{url}")


@given(entries=_ENTRIES, path=st.text(max_size=30), query=st.text(max_size=30))
def test_every_address_on_an_entry_or_under_it_is_allowed(entries: list[str], path: str, query: str) -> None:
    allow = AllowList(entries)
    for entry in entries:
        for host in (entry, f"www.{entry}", f"a-b.c.{entry}"):
            url = f"https://{host}/{quote(path)}?{quote(query)}"
            assert allow.allows(url), url


@given(entry=_HOST.filter(lambda h: "." in h), prefix=_LABEL, suffix=_HOST)
def test_a_name_that_only_looks_like_an_entry_is_refused(entry: str, prefix: str, suffix: str) -> None:
    allow = AllowList([entry])
    # evilcaf.fr, caf.fr.evil.com, caf.fr-evil.com, and caf.fr@evil.com (a user "caf.fr").
    for host in (f"{prefix}{entry}", f"{entry}.{suffix}", f"{entry}-{suffix}"):
        truly_under = host.endswith(f".{entry}")  # "a.a.a" is under "a.a", whatever it looks like
        assert allow.allows(f"https://{host}/") is truly_under, host
    assert not allow.allows(f"https://{entry}@{suffix}/")


@given(url=_URL_TEXT)
def test_whatever_the_text_an_allowed_address_is_plainly_on_an_allowed_host(url: str) -> None:
    # Read independently of urlsplit: what stands between :// and the first / ? or # is the
    # host the browser goes to. An allowed address has no user, no backslash, no space there.
    allow = AllowList(["caf.fr"])
    if allow.allows(url):
        if url == "about:blank":
            return
        found = _AUTHORITY.match(url)
        assert found is not None, url
        authority = found.group(1)
        assert "@" not in authority and "\\" not in authority and " " not in authority
        host = normal_host(authority.rsplit(":", 1)[0] if authority.count(":") == 1 else authority)
        assert host == "caf.fr" or host.endswith(".caf.fr"), url
        assert site_host(url) == host


def test_a_training_stand_in_on_the_machine_itself_opens_over_http(bundled_catalog: Catalog) -> None:
    procedure = replace(
        bundled_catalog.procedures["caf-declaration-trimestrielle"], urls=("http://127.0.0.1:8123/caf",)
    )
    allow = AllowList.for_procedure(procedure, bundled_catalog.browser_hosts)
    assert allow.allows("http://127.0.0.1:8123/caf/connexion") and allow.allows("http://127.0.0.1:9/")
    assert not allow.allows("http://localhost:8123/caf") and not allow.allows("https://www.caf.fr/")
    assert allow.allows("https://app.franceconnect.gouv.fr/")
