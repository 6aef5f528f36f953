"""The browser profile of one visit: off the record, nothing on disk, nothing remembered, nothing asked.

A new profile is made for each visit that opens a site and destroyed with it, so
cookies, cache, local storage, IndexedDB and service workers live in memory only
and die with the person's visit. Password saving, autofill and spell-check are off;
downloads go into the visit's own folder. Which addresses may load is
``kiosk.browsing.allow_list``; it is enforced twice: by the page (which shows the
person why) and here, under every frame's request, so no redirect slips past it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineProfileBuilder,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from kiosk.browsing.allow_list import AllowList

Attribute = QWebEngineSettings.WebAttribute
ResourceType = QWebEngineUrlRequestInfo.ResourceType
# What a page may do on the kiosk, and what it may not (on: the site needs it to work).
SETTINGS = {
    Attribute.JavascriptEnabled: True,
    Attribute.LocalStorageEnabled: True,  # in memory only: the profile is off the record
    Attribute.JavascriptCanOpenWindows: True,  # window.open becomes a tab of the panel
    Attribute.JavascriptCanAccessClipboard: False,
    Attribute.JavascriptCanPaste: False,
    Attribute.FullScreenSupportEnabled: False,
    Attribute.ScreenCaptureEnabled: False,
    Attribute.PluginsEnabled: False,
    Attribute.PdfViewerEnabled: False,  # a PDF downloads into the visit's folder and opens in the kiosk
    Attribute.ErrorPageEnabled: False,  # the kiosk says what went wrong, in the person's language
    Attribute.LocalContentCanAccessFileUrls: False,
    Attribute.LocalContentCanAccessRemoteUrls: False,
    Attribute.HyperlinkAuditingEnabled: False,
    Attribute.DnsPrefetchEnabled: False,
    Attribute.NavigateOnDropEnabled: False,
    Attribute.AllowRunningInsecureContent: False,
    Attribute.AllowGeolocationOnInsecureOrigins: False,
    Attribute.WebRTCPublicInterfacesOnly: True,
}
FRAMES = frozenset({ResourceType.ResourceTypeMainFrame, ResourceType.ResourceTypeSubFrame})


class FrameGuard(QWebEngineUrlRequestInterceptor):
    """Blocks every frame request outside the allow-list, redirects included (on Chromium's IO thread).

    A refused page (not a frame) is reported, so the person is told why nothing opened: a new
    window towards another site is stopped here before any page exists to say it.
    """

    refused = Signal()

    def __init__(self, allow_list: AllowList, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allow_list = allow_list

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt override
        kind = info.resourceType()
        if kind in FRAMES and not self.allow_list.allows(info.requestUrl().toString()):
            info.block(True)
            if kind is ResourceType.ResourceTypeMainFrame:
                self.refused.emit()  # queued to the GUI thread


def private_profile(
    allow_list: AllowList, downloads: Path, parent: QObject
) -> tuple[QWebEngineProfile, FrameGuard]:
    """A fresh off-the-record profile and its guard: delete it (its pages first) to forget all it held."""
    profile = QWebEngineProfileBuilder.createOffTheRecordProfile(parent)
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
    profile.setPersistentPermissionsPolicy(QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime)
    profile.setSpellCheckEnabled(False)
    profile.setHttpAcceptLanguage("fr-FR,fr")  # the official sites are French; the guide speaks the person's
    profile.setDownloadPath(str(downloads))
    settings = profile.settings()
    for attribute, enabled in SETTINGS.items():
        settings.setAttribute(attribute, enabled)
    guard = FrameGuard(allow_list, profile)
    profile.setUrlRequestInterceptor(guard)
    return profile, guard
