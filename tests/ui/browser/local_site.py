"""A stand-in for a government site, a webmail and a stranger's site, served on loopback only.

The official site (127.0.0.1) sets a cookie, local storage, IndexedDB and a cached file, all
carrying a canary; it links, redirects, posts, opens windows and frames towards the
stranger (127.0.0.2), which the kiosk must refuse; it has a login page with a password
field, an attestation to download and an upload form. The webmail (localhost) shows the
6-digit code the site sent. Every request is counted, so a test can prove what never left.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STORAGE_CANARY = "canary-storage-7Q2XK9"  # cookies, localStorage, IndexedDB, cache: found nowhere after
LOGIN_CODE = "482913"

SITE_HOST = "127.0.0.1"
WEBMAIL_HOST = "localhost"
STRANGER_HOST = "127.0.0.2"


def _home(stranger: str) -> str:
    return f"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Accueil CAF test</title>
<link rel="stylesheet" href="/style.css"></head><body>
<h1>Mon Compte</h1>
<p><a id="login" href="/connexion">Se connecter</a></p>
<p><a id="stranger-link" href="{stranger}/piege">Un lien vers ailleurs</a></p>
<p><a id="redirect-out" href="/vers-ailleurs">Une redirection vers ailleurs</a></p>
<p><a id="new-window" href="#" onclick="window.open('{stranger}/fenetre'); return false;">Une fenêtre</a></p>
<p><a id="new-tab" href="/aide" target="_blank">Aide du site (nouvel onglet)</a></p>
<form id="post-out" method="post" action="{stranger}/formulaire"><input name="x" value="1"></form>
<iframe id="frame-out" src="{stranger}/cadre" width="200" height="80"></iframe>
<p><a id="attestation" href="/attestation.pdf">Attestation de paiement</a></p>
<p><a id="upload" href="/envoi">Envoyer un justificatif</a></p>
<script>
  window.kioskFoundStored = localStorage.getItem("kiosk");  // what an earlier visit would have left
  localStorage.setItem("kiosk", "{STORAGE_CANARY}-localstorage");
  var open = indexedDB.open("kiosk-db", 1);
  open.onupgradeneeded = function () {{ open.result.createObjectStore("s"); }};
  open.onsuccess = function () {{
    var tx = open.result.transaction("s", "readwrite");
    var store = tx.objectStore("s");
    store.count().onsuccess = function (event) {{ window.kioskFoundEntries = event.target.result; }};
    store.put("{STORAGE_CANARY}-indexeddb", "k");
    tx.oncomplete = function () {{ window.kioskStored = true; }};
  }};
</script>
</body></html>"""


HEAD = '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
LOGIN = (
    HEAD
    + """<title>Connexion CAF test</title></head>
<body><h1>Connexion</h1><form action="/code" method="get">
<label>Numéro d'allocataire <input id="number" name="number" inputmode="numeric"></label>
<label>Mot de passe <input id="password" name="password" type="password"></label>
<button id="go">Valider</button></form></body></html>"""
)

CODE = (
    HEAD
    + """<title>Code de sécurité</title></head>
<body><h1>Entrez le code reçu par e-mail</h1><input id="code" inputmode="numeric"></body></html>"""
)

UPLOAD = (
    HEAD
    + """<title>Envoi d'un justificatif</title></head>
<body><h1>Justificatif</h1><input id="file" type="file" accept="application/pdf"></body></html>"""
)

WEBMAIL = (
    HEAD
    + f"""<title>Messagerie test</title></head>
<body><h1>Boîte de réception</h1>
<p id="message">Votre code de sécurité CAF : {LOGIN_CODE}</p></body></html>"""
)


@dataclass
class LocalSite:
    """Where each host answers, and every path each was asked for."""

    port: int
    pdf: bytes
    requests: list[tuple[str, str]] = field(default_factory=list)  # (host, path)
    cookies: list[str] = field(default_factory=list)  # the Cookie header of each request, "" for none

    def address(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    def asked(self, host: str) -> list[str]:
        return [path for asked_host, path in self.requests if asked_host == host]


def _handler(site: LocalSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read ``site.requests`` instead."""

        def do_GET(self) -> None:
            self._answer()

        def do_POST(self) -> None:
            self._answer()

        def _answer(self) -> None:
            host = self.server.server_address[0]
            host = (
                WEBMAIL_HOST
                if host == SITE_HOST and self.headers.get("Host", "").startswith("localhost")
                else host
            )
            path = self.path.split("?")[0]
            site.requests.append((host, self.path))
            site.cookies.append(self.headers.get("Cookie", ""))
            stranger = site.address(STRANGER_HOST)[:-1]
            if host == STRANGER_HOST:
                self._send(
                    200,
                    "text/html",
                    b"<html><head><title>Ailleurs</title></head><body>ailleurs</body></html>",
                )
            elif host == WEBMAIL_HOST:
                self._send(200, "text/html", WEBMAIL.encode())
            elif path == "/":
                self._send(
                    200,
                    "text/html",
                    _home(stranger).encode(),
                    {"Set-Cookie": f"session={STORAGE_CANARY}-cookie; Path=/; Max-Age=86400"},
                )
            elif path == "/style.css":
                body = f"/* {STORAGE_CANARY}-cache */ body {{ font-family: sans-serif; }}".encode()
                self._send(200, "text/css", body, {"Cache-Control": "public, max-age=86400"})
            elif path == "/connexion":
                self._send(200, "text/html", LOGIN.encode())
            elif path == "/code":
                self._send(200, "text/html", CODE.encode())
            elif path == "/envoi":
                self._send(200, "text/html", UPLOAD.encode())
            elif path == "/aide":
                self._send(
                    200,
                    "text/html",
                    b"<html><head><title>Aide du site</title></head><body>aide</body></html>",
                )
            elif path == "/vers-ailleurs":
                self._send(302, "text/html", b"", {"Location": f"{stranger}/redirige"})
            elif path == "/attestation.pdf":
                disposition = 'attachment; filename="attestation-paiement.pdf"'
                self._send(200, "application/pdf", site.pdf, {"Content-Disposition": disposition})
            else:
                self._send(404, "text/html", b"<html><body>introuvable</body></html>")

        def _send(self, status: int, kind: str, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text") else kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def serving(pdf: bytes) -> Iterator[LocalSite]:
    """The official site and the webmail on 127.0.0.1 (by two names), the stranger on 127.0.0.2."""
    first = ThreadingHTTPServer((SITE_HOST, 0), BaseHTTPRequestHandler)
    site = LocalSite(port=first.server_address[1], pdf=pdf)
    first.RequestHandlerClass = _handler(site)
    second = ThreadingHTTPServer((STRANGER_HOST, site.port), _handler(site))
    threads = [threading.Thread(target=server.serve_forever, daemon=True) for server in (first, second)]
    for thread in threads:
        thread.start()
    try:
        yield site
    finally:
        for server in (first, second):
            server.shutdown()
            server.server_close()
        for thread in threads:
            thread.join(timeout=10)
