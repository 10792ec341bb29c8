"""The one place where HTML is put together: Jinja2 templates with autoescaping, vis-network inlined.

Every page extends one base layout (``templates/base.html``); each kind of page has its own template
(``overview.html``, ``profile.html``, ``bijenkorf.html``, ``network.html``, ``comparison.html``; shared pieces such
as the legend in ``macros.html``) that receives data, not HTML, and Jinja2 escapes every value it prints. The one
piece of HTML made in Python is the comparison's heat-map table (:func:`~.comparison_view.heatmap_table`, public),
built from :func:`escape`-d strings.

The views build their node and edge lists themselves, as plain dicts; pyvis is used for nothing but the files it
ships: its own templates load Bootstrap and vis-network from a CDN, show node titles as raw HTML and write files
without an encoding. Here the vis-network script and style sheet that ship inside the pyvis package are inlined
(read from the package's folder, without importing pyvis, which imports IPython), so a page works from
``file://`` with no network, and the data goes into the page as JSON in a ``<script type="application/json">``
block with ``<``, ``>`` and ``&`` escaped, so no string in the data can end that block. Tooltips travel as plain
text (``tip``) and the page turns them into DOM text nodes; vis-network never sees an HTML string.

>>> escape('<img src=x onerror="alert(1)">')
'&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
>>> script_json({"name": "</script><b>"})
'{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ecosysteem._files import write_atomic
from ecosysteem.errors import ResourceError
from ecosysteem.output.words import LANGS, Lang, check_lang, heading, words

__all__ = [
    "LANGS",
    "Lang",
    "check_lang",
    "escape",
    "render_template",
    "script_json",
    "vis_assets",
    "write_page",
]

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def escape(value: object) -> str:
    """HTML-escape ``value`` (as text) for element content and quoted attribute values."""
    return html.escape(str(value), quote=True)


def script_json(data: object) -> str:
    """Serialise ``data`` as JSON that is safe inside ``<script type="application/json">``."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], raw)


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """Return vis-network's script and style sheet, read from the files the pyvis package ships.

    Raises :class:`~ecosysteem.errors.ResourceError` when the installed pyvis lacks them.
    """
    try:
        spec = importlib.util.find_spec("pyvis")  # finds the package's folder without importing it
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("no pyvis package")
        lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib"
        folders = sorted(
            (p for p in lib.iterdir() if p.name.startswith("vis-")),
            key=lambda p: tuple(int(x) for x in p.name[4:].split(".") if x.isdigit()),
        )
        folder = folders[-1]
        script = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        style = (folder / "vis-network.css").read_text(encoding="utf-8")
    except (OSError, IndexError, ModuleNotFoundError) as exc:
        raise ResourceError(
            f"cannot read vis-network from the installed pyvis package ({exc}); reinstall pyvis",
            nl=f"kan vis-network niet lezen uit het geïnstalleerde pakket pyvis ({exc}); installeer pyvis opnieuw",
        ) from None
    if "</script" in script.lower() or "</style" in style.lower():
        raise ResourceError(
            "the vis-network files of pyvis cannot be inlined safely (they contain a closing tag)",
            nl="de vis-network-bestanden van pyvis kunnen niet veilig in de pagina worden opgenomen (ze bevatten een "
            "sluittag); installeer een andere versie van pyvis",
        )
    return script, style


@lru_cache(maxsize=8)
def _template(name: str) -> str:
    return (resources.files("ecosysteem.output.html") / "templates" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the pages: templates shipped in the package, autoescaping on, strict names."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ecosysteem.output.html", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # shipped templates do not change while the process runs: compiled once, never re-checked
    )
    env.filters["heading"] = heading  # a word of the catalogue that starts a heading: "ernst" → "Ernst"
    return env


def render_template(
    name: str,
    *,
    title: str,
    lang: str,
    nav: Sequence[tuple[str, str]] = (),
    root: str = "",
    data: object = None,
    script: str = "",
    vis: bool = False,
    **context: Any,
) -> str:
    """Render the page template ``name`` (which extends ``base.html``) with ``context``; values are escaped.

    Parameters
    ----------
    name
        A template in ``templates/``, e.g. ``"profile.html"``.
    title
        The page title, as plain text.
    lang
        ``"nl"`` or ``"en"``: the page's ``lang`` attribute.
    nav
        ``(href, plain-text label)`` links shown above the title.
    data
        JSON-serialisable data, put in ``<script id="ez-data" type="application/json">``.
    script
        The name of a script in ``templates/`` (``bijenkorf.js``, ``network.js``, ``overview.js``).
    vis
        Whether to inline vis-network.
    root
        The way back to the site's top folder from this page (``"../"`` for ``network/<slug>.html``); put
        before every navigation link.
    context
        The data the template shows. Every template also gets ``w``: the words of the catalogue in ``lang``
        (:mod:`ecosysteem.output.words`), and the filter ``heading`` that capitalises one.
    """
    check_lang(lang)
    vis_js, vis_css = vis_assets() if vis else ("", "")
    # Markup: trusted page furniture (shipped files, JSON escaped by script_json), never data.
    return (
        environment()
        .get_template(name)
        .render(
            title=title,
            lang=lang,
            nav=list(nav),
            root=root,
            css=Markup(_template("page.css")),
            vis_css=Markup(vis_css),
            vis_js=Markup(vis_js),
            common_js=Markup(_template("common.js")) if vis or script else "",
            script=Markup(_template(script)) if script else "",
            data=Markup(script_json(data if data is not None else {})),
            w=words(lang),
            **context,
        )
    )


def write_page(path: str | Path, page: str) -> Path:
    """Write ``page`` to ``path`` atomically, as UTF-8, and return the path."""
    return write_atomic(path, page)
