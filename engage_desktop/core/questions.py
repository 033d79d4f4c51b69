"""The survey's three questions and their answers, as ../shared/domain.md words them (§3).

Shared by importing (matching answer texts to levels), metrics, export and the sample shop:
it lives here, below them all.
"""

from __future__ import annotations

from engage_desktop.core.messages import N_, t
from engage_desktop.core.messages import one_line as joined

NPS_QUESTION = "あなたはこの企業(製品/サービス/ブランド)を友人や同僚に薦める可能性は、どのくらいありますか?"
FAN_QUESTION = "<ブランド名>に対する気持ちで、ご自身に最もあてはまるものを1つだけお選びください。"
LIKING_QUESTION = "<ブランド名>についてどのように思いますか?率直なご感想をお聞かせください。"

FAN_LEVELS = (
    "ファンではない",
    "ファンになりたて、これから応援するのが楽しみ!",
    "これからもずっと継続して応援したい!",
    "これまで以上に、夢中になって応援したい!",
    "もっと関わりたい、積極的に協力したい!",
    "もはや人生の一部、未来を共に創っていきたい!",
)
LIKING_LEVELS = (
    "正直全く好きではない",
    "あまり好きではない",
    "好きでも嫌いでもない",
    "まあまあ好き",
    "好き",
    "大好き",
    "愛があると言えるほど大好き",
)
# The answers as the app names them (matrix headers, export): catalogue messages whose Japanese
# is the survey's own wording above, broken into lines where a reader would break them.
FAN_LEVEL_NAMES = (
    N_("Not a fan"),
    N_("New fan, looking forward\nto supporting"),
    N_("Want to keep\nsupporting"),
    N_("Want to support more\neagerly than ever"),
    N_("Want to get involved\nand help actively"),
    N_("Part of my life, want to\nbuild the future together"),
)
LIKING_LEVEL_NAMES = (
    N_("Honestly don't like\nit at all"),
    N_("Don't like\nit much"),
    N_("Neither like\nnor dislike"),
    N_("Like it\nsomewhat"),
    N_("Like it"),
    N_("Love it"),
    N_("Love it so much\nit's real love"),
)


def fan_level_name(level: int, one_line: bool = False) -> str:
    """Fan degree 1-6 in the owner's language (line breaks where a header would wrap)."""
    name = t(FAN_LEVEL_NAMES[level - 1])
    return joined(name) if one_line else name


def liking_name(level: int, one_line: bool = False) -> str:
    """Liking 1-7 in the owner's language."""
    name = t(LIKING_LEVEL_NAMES[level - 1])
    return joined(name) if one_line else name


# The articles' wordings: 「…薦める可能性は、どのくらいありますか?」「…おすすめする可能性はどのくらいありますか?」
# 「…どの程度勧めたいですか?」, and what tools call the column.
