"""Colours, sizes and the style sheet: large, calm, high-contrast, never the State's design.

Every text colour is paired with its background so that the pair reaches 7:1.
Roles are set as a ``role`` property on widgets and styled here, in one place.
"""

from __future__ import annotations

BACKGROUND = "#FAF8F3"
TEXT = "#1B1B1B"
HINT = "#3D3D3D"
SURFACE = "#FFFFFF"
PRIMARY = "#0F5132"
PRIMARY_PRESSED = "#093821"
ON_PRIMARY = "#FFFFFF"
HELP = "#FFC94D"
HELP_PRESSED = "#F0B429"
PRESSED = "#E4E0D6"
WARNING_BACKGROUND = "#FFF1D6"
WARNING_BORDER = "#8A4B00"
BAR = "#ECE8DE"
SCROLL_HANDLE = "#6B6B6B"
HIGHLIGHT = "#FFE08A"  # the sentence being read aloud

MIN_TOUCH = 64
BODY_PX = 24
BAR_PX = 22
TITLE_PX = 36
GREETING_PX = 80
# Arabic and Persian in Naskh, the style of print and schoolbooks: the most familiar to read, and
# its lines are 10 px shorter than Noto Sans Arabic's at 24 px (two-line tile labels fit).
FONT_FAMILIES = ("Noto Sans", "Noto Naskh Arabic", "DejaVu Sans")


def text_colour_for(role: str) -> str:
    """The text and pictogram colour used on a button of this role."""
    return ON_PRIMARY if role == "primary" else TEXT


def stylesheet(scale: float = 1.0) -> str:
    """The whole kiosk's style; ``scale`` enlarges the content text (the A+ button)."""
    body = round(BODY_PX * scale)
    title = round(TITLE_PX * scale)
    families = ", ".join(f'"{family}"' for family in FONT_FAMILIES)
    return f"""
    QWidget {{ font-family: {families}; font-size: {body}px; color: {TEXT}; }}
    #MainWindow, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{
        background: {BACKGROUND};
    }}
    QLabel {{ background: transparent; }}
    QLabel[role="title"] {{ font-size: {title}px; font-weight: bold; }}
    QLabel[role="hint"] {{ color: {HINT}; }}
    QLabel[role="question"] {{ font-weight: bold; }}
    QLabel[role="greeting"] {{ font-size: {GREETING_PX}px; font-weight: bold; }}
    QLabel[role="ticket"] {{ font-size: {GREETING_PX}px; font-weight: bold; }}
    QPushButton[role="key"] QLabel {{ font-size: {title}px; font-weight: bold; }}
    QPushButton {{
        background: {SURFACE}; color: {TEXT}; border: 3px solid {TEXT};
        border-radius: 14px; padding: 8px 16px; min-width: {MIN_TOUCH}px; min-height: {MIN_TOUCH}px;
    }}
    QPushButton[compact="true"] {{ min-height: {MIN_TOUCH - 2 * (8 + 3)}px; }}
    QPushButton:pressed, QPushButton:checked {{ background: {PRESSED}; }}
    QPushButton[role="primary"] {{ background: {PRIMARY}; border-color: {PRIMARY}; }}
    QPushButton[role="primary"]:pressed {{ background: {PRIMARY_PRESSED}; }}
    QPushButton[role="primary"] QLabel {{ color: {ON_PRIMARY}; font-weight: bold; }}
    QPushButton[role="help"] {{ background: {HELP}; border-color: {TEXT}; }}
    QPushButton[role="help"]:pressed {{ background: {HELP_PRESSED}; }}
    QPushButton[role="help"] QLabel {{ font-weight: bold; }}
    QPushButton[role="bar"] QLabel, QPushButton[role="help"] QLabel {{ font-size: {BAR_PX}px; }}
    QPushButton[selected="true"] {{ border-width: 6px; }}
    #NavBar {{ background: {BAR}; border-bottom: 2px solid {TEXT}; }}
    #Keyboard {{ background: {BAR}; border-top: 2px solid {TEXT}; }}
    #Keyboard QPushButton {{
        padding: 0px; border-width: 2px; min-width: {MIN_TOUCH - 4}px; min-height: {MIN_TOUCH - 4}px;
        font-size: {title * 3 // 4}px;
    }}
    #NavBar QLabel {{ font-size: {BAR_PX}px; }}
    QFrame[role="warning"] {{
        background: {WARNING_BACKGROUND}; border: 3px solid {WARNING_BORDER}; border-radius: 12px;
    }}
    QFrame[role="panel"] {{ background: {SURFACE}; border: 2px solid {HINT}; border-radius: 12px; }}
    QFrame[role="segment"] {{ background: {SURFACE}; border: 2px solid {PRIMARY}; border-radius: 6px; }}
    QFrame[role="segment"][done="true"] {{ background: {PRIMARY}; }}
    #Overlay {{ background: rgba(27, 27, 27, 200); }}
    #Overlay QFrame[role="panel"] {{ border: 4px solid {TEXT}; }}
    #Overlay QScrollArea, #Overlay #qt_scrollarea_viewport, #Overlay #qt_scrollarea_viewport > QWidget {{
        background: {SURFACE};
    }}
    QScrollBar:vertical {{ width: {MIN_TOUCH}px; background: {BAR}; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; border: none; }}
    QScrollBar::handle:vertical {{
        background: {SCROLL_HANDLE}; min-height: {MIN_TOUCH}px; border-radius: 8px;
    }}
    """


def relative_luminance(colour: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4  # noqa: PLR2004 WCAG 2 formula

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """WCAG contrast ratio between two sRGB colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
