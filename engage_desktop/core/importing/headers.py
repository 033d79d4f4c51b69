"""Header normalisation: the same column, however the platform or Excel spelled it."""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)
_SPACES = re.compile(r"\s+")


def normalise_header(text: str) -> str:
    """NFKC (full-width digits, colons, brackets -> ASCII), no BOM/zero-width, one inner space."""
    text = unicodedata.normalize("NFKC", text.translate(_ZERO_WIDTH))
    return _SPACES.sub(" ", text).strip()


def header_key(text: str) -> str:
    """Looser key for matching synonyms: normalised, lower-case, no spaces or brackets."""
    text = normalise_header(text).lower()
    return re.sub(r"[\s()\[\]【】「」:：._\-/]", "", text)
