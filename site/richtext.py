"""Rich text written by people outside the team (employers), made safe to show.

The public forms take plain text (blank lines make paragraphs, lines starting
with "-" or "*" make a bulleted list) or simple HTML pasted from elsewhere.
Either way the result passes an allow-list sanitiser, so no script, event
attribute, style or javascript: link can reach a page.
"""

import re
from html import escape, unescape
from itertools import groupby

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "h2", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_BULLET = re.compile(r"^\s*[-*•]\s+")


def sanitise_html(html: str) -> str:
    """HTML with only the allowed tags, attributes and link schemes left."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
        strip_comments=True,
    ).strip()


def plain_text_to_html(text: str) -> str:
    """Paragraphs and bulleted lists from plain text, everything escaped."""
    html = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        # Runs of bullet lines become one list; other runs become one paragraph.
        for is_bullet, run in groupby(lines, key=lambda line: bool(_BULLET.match(line))):
            run = list(run)
            if is_bullet:
                items = "".join(f"<li>{escape(_BULLET.sub('', line))}</li>" for line in run)
                html.append(f"<ul>{items}</ul>")
            else:
                html.append("<p>" + "<br>".join(escape(line) for line in run) + "</p>")
    return "".join(html)


def clean_rich_text(value: str) -> str:
    """Safe HTML from whatever a person typed or pasted."""
    html = value if _LOOKS_LIKE_HTML.search(value or "") else plain_text_to_html(value or "")
    return sanitise_html(html)


def html_to_plain_text(html: str) -> str:
    """The words of sanitised HTML, for search and for checking wording."""
    text = re.sub(r"<(?:br|/p|/li|/h[2-4])\s*/?>", "\n", html)
    return unescape(re.sub(r"<[^>]+>", " ", text)).strip()


_SIMPLE_TAGS = re.compile(r"</?(?:p|br|ul|li)\s*/?>")


def editable_text(html: str) -> str:
    """What to put back in the text box: the plain-text form when nothing is lost."""
    if re.search(r"<", _SIMPLE_TAGS.sub("", html)):
        return html
    text = html.replace("<ul>", "").replace("</ul>", "\n")
    text = re.sub(r"<li>(.*?)</li>", r"- \1\n", text)
    text = text.replace("<br>", "\n").replace("<p>", "").replace("</p>", "\n\n")
    return unescape(re.sub(r"\n{3,}", "\n\n", text)).strip()
