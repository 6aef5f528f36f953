"""French postal codes: 5 digits whose first ones name a department, overseas ones and Monaco included."""

from __future__ import annotations

from kiosk.practice.validators.text import SPACES, is_digits

# 5 digits; 01 to 95 (Corsica's are 20xxx: 2A and 2B are not used in postal codes), 971 to 976 overseas
# departments and Saint-Pierre-et-Miquelon, 980 Monaco, 986 Wallis-et-Futuna, 987 French Polynesia,
# 988 New Caledonia. Sources: La Poste ranges as summed up in lukehaas/RegexHub pull request #42, and
# Graham Rhind's Global Sourcebook (986xx for Wallis-et-Futuna).
POSTAL_CODE_LENGTH = 5
LAST_METROPOLITAN_DEPARTMENT = 95
# The third digits taken after 97 (971 to 976) and after 98 (980, 986, 987, 988).
_BEYOND_METROPOLITAN_FRANCE = {97: "123456", 98: "0678"}


def check_postal_code(value: str) -> str | None:
    code = SPACES.sub("", value).upper()
    if code[:2] in ("2A", "2B"):
        return "postal_code.corsica"
    if not is_digits(code):
        return "postal_code.letters"
    if len(code) != POSTAL_CODE_LENGTH:
        return "postal_code.length"
    department = int(code[:2])
    if 1 <= department <= LAST_METROPOLITAN_DEPARTMENT:
        return None
    if code[2] in _BEYOND_METROPOLITAN_FRANCE.get(department, ""):
        return None
    return "postal_code.department"
