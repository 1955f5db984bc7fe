"""Readers' comments under a post: what each commenter wrote, without the thread's chrome.

A blog's or a news site's comment thread is page chrome for the article's own text (generic extraction drops it),
but what commenters write is prose like any other: "Tower Hamlets were inadequate in 2017 and good two years
later". Each comment becomes blocks of kind "comment" after the article's, so claim extraction reads them as
more of the page's discourse while quotes and findings, which are the article's, leave them out.

A thread is the outermost element whose class or id says comments by any of their names ("comments", "comment-list",
"comments-area", "responses", "replies"; generic extraction drops each as chrome);
its text is that of its paragraphs and comment elements, without the commenter's name, the comment's date, the
thread's title and its reply form ("Leave a reply", "Be the first to comment", "3 thoughts on ...").
"""

from __future__ import annotations

import copy
import re

from csi.records import Block
from scrapers.generic_extraction import drop_keeping_tail
from scrapers.html import Element, tree_blocks

_WORD = re.compile(r"[a-z]+")
# What a thread of readers' comments is called; a comment in one may be a "response" ("response-author", its name)
_THREAD_WORDS = frozenset({"comment", "comments", "responses", "replies"})
_COMMENT_WORDS = _THREAD_WORDS | {"response"}
# Parts of a thread that are not what a commenter wrote: who and when, the thread's title and count, the reply form
_NOT_WRITTEN = frozenset({"author", "meta", "metadata", "date", "time", "title", "count", "respond", "reply", "form",
                          "vcard", "avatar", "says", "permalink", "edit", "awaiting", "moderation", "navigation",
                          "nav", "pagination", "no"})
_NOT_WRITTEN_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "time", "form", "button", "footer", "nav", "img")
# What a thread says about itself: "Leave a reply", "You must be logged in to post a comment.", "Be the first to
# comment", "2 thoughts on ...", "3 comments"
_THREAD_CHROME = re.compile(r"^\W*(?:leave\s+a\s+(?:reply|comment)|(?:you\s+must\s+be\s+)?log(?:ged)?\s+in\b"
                            r"|be\s+the\s+first\b|please\s+log\s+in|(?:\d+|no|one|two|three)\s+(?:comments?"
                            r"|thoughts?|responses?|replies)\b|reply\W*$|comments?\s+(?:are\s+)?closed)", re.I)


def _words(el: Element) -> set[str]:
    return set(_WORD.findall(f"{el.get('class') or ''} {el.get('id') or ''}".lower()))


def _not_written(el: Element) -> bool:
    """A part of a thread no commenter wrote: a heading, a time, a form, or an element one of whose class names
    says so ("comment-author", "comment-meta", "no-comments"; not WordPress's "comment-author-admin" on a comment)."""
    if el.tag in _NOT_WRITTEN_TAGS:
        return True
    for token in f"{el.get('class') or ''} {el.get('id') or ''}".lower().split():
        words = set(_WORD.findall(token)) - _COMMENT_WORDS
        if words and words <= _NOT_WRITTEN:
            return True
    return False


def comment_blocks(tree: Element) -> list[Block]:
    """The blocks of kind "comment" of every comment thread on a page (before its chrome is pruned), in order."""
    threads = [el for el in tree.iter() if isinstance(el.tag, str) and _words(el) & _THREAD_WORDS
               and not any(_words(a) & _THREAD_WORDS for a in el.iterancestors())]
    blocks: list[Block] = []
    for thread in threads:
        thread = copy.deepcopy(thread)
        thread.tail = None
        for el in list(thread.iter()):
            if el is not thread and isinstance(el.tag, str) and el.getparent() is not None \
                    and _not_written(el):
                drop_keeping_tail(el)  # "<b>name</b>: text" keeps its text
        for block in tree_blocks(thread):
            if not _THREAD_CHROME.match(block.text):
                blocks.append(Block("comment", block.text))
    return blocks
