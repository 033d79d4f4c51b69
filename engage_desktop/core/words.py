"""The words of a comment, as the owner would count them: 「梱包が丁寧で嬉しかった」 -> 梱包, 丁寧, 嬉しい.

Japanese is cut into words by SudachiPy with its small dictionary (pinned in pyproject.toml: 10,000
comments in about half a second, where pure-Python janome took 6 s; the dictionary ships in the wheel,
nothing is downloaded). Each word is taken in its dictionary form (嬉しかった -> 嬉しい, 買いました ->
買う), and only content words are kept: nouns, verbs, adjectives and adjectival nouns (丁寧, 親切).
Particles, auxiliaries, symbols, numbers, pronouns and the words every comment has (する, ある,
思う, こと…) are left out. English is cut at non-letters, lower-cased, its stop-words left out.

SudachiPy is imported on first use (the app's start does not pay for its 110 MB dictionary), and
its tokenizer is kept for the process: a comment's words are remembered (the same comments are
counted again whenever a filter changes).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_ENGLISH_WORD = re.compile(r"[a-z][a-z']*[a-z]|[a-z]")

# Sudachi's parts of speech kept (the first level), and sub-levels left out.
_CONTENT = {"名詞", "動詞", "形容詞", "形状詞"}
_LEFT_OUT_SUB = {"数詞", "非自立可能", "助動詞語幹"}

JAPANESE_STOP = frozenset("""
する ある いる なる 思う 感ずる 感じる いう 言う できる 出来る くる 来る やる いく 行く おる れる られる せる させる みる 見る
わり こと もの もん よう ため ところ とき 時 方 感じ 他 等 など 様 さん 様子 的 中 上 下 前 後 頃 毎 今 今回 以上
これ それ あれ どれ ここ そこ 私 僕 自分 皆 みんな 何 なに いい 良い よい ない 無い 多い 少し ちょっと とても
すごい 凄い 本当 ほんと 大変 少ない 色々 いろいろ 特に 気 商品 お店 店 お 御 ご
""".split())
ENGLISH_STOP = frozenset("""
a about above after again against all am an and any are as at be because been before being below between both but
by can could did do does doing down during each few for from further had has have having he her here hers herself
him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or
other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves also get got really much many one two us it's i'm don't didn't
can't won't i've we're they're
""".split())

_lock = threading.Lock()
_tokenizer: Any = None


def _sudachi() -> Any:
    """The Japanese tokenizer, made once (loading the dictionary takes a moment)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            from sudachipy import Dictionary, SplitMode  # first use only: not at the app's start

            _tokenizer = (Dictionary(dict="small").tokenizer(mode=SplitMode.C), SplitMode.C)
        return _tokenizer


def has_japanese(text: str) -> bool:
    return bool(_JAPANESE.search(text))


@lru_cache(maxsize=200_000)
def words_of(text: str) -> tuple[str, ...]:
    """The content words of one comment, in order, repeats included (the counting makes them once)."""
    if has_japanese(text):
        return _japanese_words(text)
    return tuple(w for w in _ENGLISH_WORD.findall(text.lower()) if w not in ENGLISH_STOP and len(w) > 1)


def _japanese_words(text: str) -> tuple[str, ...]:
    tokenizer, mode = _sudachi()
    out = []
    for m in tokenizer.tokenize(text, mode):
        pos = m.part_of_speech()
        if pos[0] not in _CONTENT or pos[1] in _LEFT_OUT_SUB or pos[2] in _LEFT_OUT_SUB:
            continue
        word = m.dictionary_form()
        if word in JAPANESE_STOP:
            continue
        if _JAPANESE.search(word):
            if len(word) == 1 and not re.match(r"[\u3400-\u9fff]", word):
                continue  # a single kana is a fragment, never a topic
        else:
            word = word.lower()  # English inside Japanese text (LINE, Instagram) counts with the English
            if word in ENGLISH_STOP or not re.search(r"[a-z]", word):
                continue
        out.append(word)
    return tuple(out)


def distinct_words(texts: Iterable[str]) -> list[frozenset[str]]:
    """Each comment's words, once each: a word said three times in one comment counts once."""
    return [frozenset(words_of(text)) for text in texts]
