"""The survey's three questions and their answers, as ../shared/domain.md words them (§3).

Shared by importing (matching answer texts to levels), metrics, export and the sample shop:
it lives here, below them all.
"""

from __future__ import annotations

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
FAN_LEVELS_EN = (
    "Not a fan",
    "New fan, looking forward to supporting",
    "Want to keep supporting",
    "Want to support more eagerly than ever",
    "Want to get involved and help actively",
    "Part of my life, want to build the future together",
)
LIKING_LEVELS_EN = (
    "Honestly don't like it at all",
    "Don't like it much",
    "Neither like nor dislike",
    "Like it somewhat",
    "Like it",
    "Love it",
    "Love it so much it's real love",
)

# The articles' wordings: 「…薦める可能性は、どのくらいありますか?」「…おすすめする可能性はどのくらいありますか?」
# 「…どの程度勧めたいですか?」, and what tools call the column.
