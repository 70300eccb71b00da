"""Where each claim comes from and whom it counts: a stable id, the kind of
source and whether it is named, the outlet relaying it, whether a party is
speaking of its own losses, the window in which the claim was made, and the
sex and combatant status of the people counted where the words say.

:func:`with_provenance` adds these columns to a claims table
(:func:`khabar.claims` calls it last).  The vocabulary is in the lexicon:
``source_types.csv`` (claimant key -> source type, named), ``people.csv``
(a counted noun's lemma -> sex, combatant, the forms that name women) and
``owners.csv`` (the words naming whose forces the counted are).

>>> from khabar import claims, load_article
>>> table = claims(load_article())
>>> table.loc[table.scope == "branch_215_members", ["source_type", "named", "via", "about_own_side", "combatant"]].values.tolist()
[['partisan_page', False, 'enab_baladi', True, 'combatant']]
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pandas as pd

from khabar import lexicon, schema
from khabar.lexicon import fold

COLUMNS = schema.added_later("claims")
# Sides that are parties to the fighting: a claim of theirs about losses is
# about their own side or their enemy's.
NOT_PARTIES = ("independent", "international", "unknown", "")
# Losses whose owner matters: the dead and the captured, bodies, materiel.
LOSS_TOPICS = ("casualties", "materiel", "exchange")
# How far after a count its owner may be named: «12 عنصرًا من مخابرات الفرع 215».
OWNER_REACH = 40
_CLAUSE_END = re.compile(r"[،؛:;.]")


class ProvenanceError(ValueError):
    """A source type that does not fit: the message names the file, the line
    and the problem."""


def _csv(kind: str) -> tuple[dict, ...]:
    return lexicon.rows(kind)


@cache
def source_types() -> dict[str, tuple[str, bool]]:
    """Claimant key -> (source type, named), from ``lexicon/source_types.csv``.

    >>> source_types()["informed_sources"], source_types()["sohr"]
    (('anonymous_source', False), ('monitor', True))
    """
    allowed = schema.allowed("claims", "source_type")
    found = {}
    for number, row in enumerate(_csv("source_type"), start=2):
        if row.get("source_type") not in allowed or row.get("named") not in ("true", "false"):
            raise ProvenanceError(
                f"{lexicon.FOLDER / 'source_types.csv'}, line {number}: source_type must be one of "
                f"{allowed} and named true or false, not {row.get('source_type')!r}, {row.get('named')!r}"
            )
        found[row["key"]] = (row["source_type"], row["named"] == "true")
    return found


@cache
def people() -> dict[str, dict]:
    """Lemma -> ``{"sex", "combatant", "female_forms"}`` of counted people,
    from ``lexicon/people.csv`` (forms folded).

    >>> people()["معتقل"]["combatant"], "معتقلات" in people()["معتقل"]["female_forms"]
    ('unknown', True)
    """
    return {
        fold(row["lemma"]): {
            "sex": row["sex"],
            "combatant": row["combatant"],
            "female_forms": tuple(fold(form) for form in row["female_forms"].split("|") if form),
        }
        for row in _csv("people")
    }


@cache
def _owners() -> tuple[re.Pattern, dict, re.Pattern]:
    """The owner words, their sides, and the same words after «من»."""
    forms = {form: row["side"] for row in _csv("owner") for form in row["forms"]}
    alternation = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in sorted(forms, key=len, reverse=True))
    pattern = rf"(?<!\w)[وبل]?(?P<owner>{alternation})(?!\w)"
    return re.compile(pattern), forms, re.compile(rf"(?<!\w)من\s+(?:\S+\s+)?{pattern}")


def owner_after(text: str) -> str:
    """The side whose forces a count belongs to when the words say so right
    after it, «… من قوات الأسد», «… من مخابرات الفرع 215» (``previous``
    for the bare «القوات», which points back); empty if they do not.

    >>> owner_after("12 عنصرًا من مخابرات الفرع 215 خلال المعارك"), owner_after("30 جثة على الدوار")
    ('regime', '')
    """
    _, forms, after = _owners()
    found = after.search(fold(text))
    if not found:
        return ""
    return forms[" ".join(found.group("owner").split())]


def _owner_before(plain: str, speaker: str) -> str:
    """The last owner named in the clause before a count, not counting the
    speaker's own name: «وقدر التنظيم خسائر القوات» -> the forces."""
    pattern, forms, _ = _owners()
    speaker = fold(_text(speaker))
    found = [m for m in pattern.finditer(plain) if m.group("owner") != speaker]
    return forms[" ".join(found[-1].group("owner").split())] if found else ""


def article_name(article) -> str:
    """The name claim ids start with: the article file's name (its path, else
    the file its metadata names) without its suffix, in ASCII letters, digits, ``.``, ``_`` and ``-``; for a file with
    no such name or an article from text, ``article-`` and a hash of its text.

    >>> from khabar.article import article_from_text
    >>> article_name(article_from_text("عنوان\\n\\nنص.", source="reports/desk-2018-03-27.txt"))
    'desk-2018-03-27'
    >>> article_name(article_from_text("عنوان\\n\\nنص."))
    'article-1f7900006f'
    """
    metadata = getattr(article, "metadata", {}) or {}
    source = getattr(article, "source_path", None) or metadata.get("file", "")
    stem = Path(str(source)).stem if str(source) and not str(source).startswith("<") else ""
    clean = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.")
    if clean and re.search(r"[A-Za-z0-9]", clean):
        return clean
    return "article-" + hashlib.sha1(article.text.encode("utf-8")).hexdigest()[:10]


def claim_ids(table: pd.DataFrame, name: str) -> list[str]:
    """``name:start-end`` for each claim, with the subject appended when two
    claims share one quote: the same whatever the row order.

    >>> rows = pd.DataFrame({"start": [5, 0, 5], "end": [9, 3, 9], "subject": ["b", "a", "a"]})
    >>> claim_ids(rows, "x")
    ['x:5-9:b', 'x:0-3', 'x:5-9:a']
    """
    return _claim_ids(table["start"], table["end"], table["subject"], name)


def _claim_ids(starts, ends, subjects, name: str) -> list[str]:
    spans = [f"{name}:{int(s)}-{int(e)}" for s, e in zip(starts, ends)]
    count = Counter(spans)
    return [f"{span}:{subject}" if count[span] > 1 else span for span, subject in zip(spans, subjects)]


def with_provenance(table: pd.DataFrame, article, sentences=None) -> pd.DataFrame:
    """``table`` (claims of ``article``) with the columns of
    :data:`COLUMNS`: ``claim_id``, ``source_type``, ``named``, ``via``,
    ``about_own_side``, ``reported_end``, ``sex``, ``combatant``; and
    ``reported_on``/``reported_precision`` read as a window of telling (see
    :func:`reporting_windows`).  ``sentences``: the article's sentences as
    :func:`khabar.sentence.read` gave them, when the caller has read them.

    >>> from khabar import claims, load_article
    >>> table = claims(load_article())
    >>> tanks = table[table.subject == "tanks"].iloc[0]
    >>> pd.isna(tanks.reported_on), str(tanks.reported_end.date()), tanks.reported_precision
    (True, '2018-03-26', 'by')
    """
    table = table.copy()
    for column, values in provenance_columns(table.to_dict("records"), article, sentences, table.index).items():
        table[column] = values
    return table[schema.columns("claims")]


def provenance_columns(rows: list[dict], article, sentences=None, index=None) -> dict:
    """The columns :func:`with_provenance` adds (and ``reported_on``,
    ``reported_precision`` it replaces), each a list or array in the order of
    ``rows``: claims of ``article`` as dicts, with the columns the rows of
    :func:`khabar.claims` have; ``index`` their labels (by default their
    positions); ``sentences`` as for :func:`with_provenance`.

    >>> from khabar import claims, load_article
    >>> seed = load_article()
    >>> rows = claims(seed).to_dict("records")
    >>> added = provenance_columns(rows, seed)  # «عشرات الجثث», say informed sources
    >>> rows[0]["quote"], added["claim_id"][0][-7:], added["source_type"][0], bool(added["named"][0])
    ('عشرات الجثث', '372-383', 'anonymous_source', False)
    """
    from khabar.sources import outlet_claimant

    index = range(len(rows)) if index is None else list(index)
    types = source_types()
    unknown = ("unknown", False)
    outlet_key, outlet_ar = outlet_claimant(getattr(article, "metadata", {}))
    via = "" if outlet_key == "unattributed" else (outlet_key if outlet_key != "other" else outlet_ar)
    claimants = [row["claimant"] for row in rows]
    named_after, own = _owners_of(rows, article.text)
    people_of = [_people(row, named) for row, named in zip(rows, named_after)]
    windows = _windows(article, [row["start"] for row in rows], index, outlet_key, sentences)
    return {
        "claim_id": _claim_ids(
            [row["start"] for row in rows],
            [row["end"] for row in rows],
            [row["subject"] for row in rows],
            article_name(article),
        ),
        "source_type": [types.get(key, types.get("other", unknown))[0] for key in claimants],
        "named": pd.array([types.get(key, unknown)[1] for key in claimants], dtype="boolean"),
        "via": [via] * len(rows) if rows else via,
        "about_own_side": pd.array(own, dtype="boolean"),
        "sex": [sex for sex, _ in people_of],
        "combatant": [combatant for _, combatant in people_of],
        "reported_on": pd.to_datetime([w[0] for w in windows]),
        "reported_end": pd.to_datetime([w[1] for w in windows]),
        "reported_precision": [w[2] for w in windows],
    }


def _owners_of(rows: list[dict], text: str) -> tuple[list[bool], list]:
    """Whether each count's owner is named right after it («… من قوات
    الأسد»), and whether its claimant speaks of its own side (True, False,
    or NA)."""
    last_owner, previous = "", {}
    by_position = {}
    for position in sorted(range(len(rows)), key=lambda k: rows[k]["start"]):
        row = rows[position]
        start, end, sentence = row["start"], row["end"], row["sentence"]
        clause_end = _CLAUSE_END.search(text, end)
        stop = min(end + OWNER_REACH, clause_end.start() if clause_end else len(text))
        owner = owner_after(text[start : max(stop, end)])
        carried = False
        named_after = bool(owner) and owner != "previous"
        if not owner:
            # a count in a coordinated clause («إلى جانب العشرات من الجنود»,
            # «بينهم ضباط») belongs to the side of the count before it
            owner, carried = previous.get(sentence, ""), True
        if not owner:
            sentence_start = text.rfind(sentence, 0, end + 1)
            head = text[max(sentence_start, 0) : start]
            clause = re.split(r"[،؛:;]", head)[-1]
            owner = _owner_before(fold(clause), row["claimant_ar"])
        if owner == "previous":
            # «القوات» with the article and no name: the forces named last
            owner = last_owner
        if owner:
            previous[sentence] = owner
            if not carried:
                last_owner = owner
        by_position[position] = (owner, named_after)
    result_named, result_own = [], []
    for position, row in enumerate(rows):
        owner, named_after = by_position[position]
        result_named.append(named_after)
        side = row["side"]
        party = side if isinstance(side, str) and side not in NOT_PARTIES else ""
        if party and owner and row["topic"] in LOSS_TOPICS:
            result_own.append(owner == party)
        else:
            result_own.append(pd.NA)
    return result_named, result_own


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _people(row: dict, owner_named: bool) -> tuple[str, str]:
    """(sex, combatant) of the people a claim counts; empty for things."""
    if row["unit"] != "persons":
        return "", ""
    known = people().get(fold(_text(row["lemma"])), {"sex": "", "combatant": "unknown", "female_forms": ()})
    noun = fold(_text(row["noun"]))
    # The sound feminine plural (-ات) or feminine singular (-ة) of a noun for
    # people names women: «معتقلات».  The masculine plural covers men and
    # mixed groups alike, so it says nothing of sex.
    written = re.sub(r"^(?:و|ب|ل|ف)?(?:ال)?", "", noun)
    female = any(written == form or noun == form for form in known["female_forms"])
    sex = "female" if female else (known["sex"] or "unknown")
    combatant = known["combatant"] or "unknown"
    if combatant == "unknown" and owner_named:
        combatant = "combatant"  # «30 جثة و12 أسيرًا من قوات الأسد»
    return sex, combatant


def reporting_windows(article, table: pd.DataFrame, outlet_key: str = "", sentences=None) -> list[tuple]:
    """(first day, last day, precision) of when each claim was made.

    A date is a date of telling when a reporting word comes before it in
    the sentence and it comes before the claim («وقالت مصادر … اليوم»,
    «وتحدثت صفحات موالية، أمس، عن», «أعلن قبل أيام سيطرته … بحوالي 90%»);
    a date after the claim dates what happened («مقتل 12 عنصرًا … خلال
    الأيام الماضية»), not the telling.  A sentence that carries on the
    previous speaker takes that window; the outlet's own words are of the
    publication day; any other source whose telling the text never dates
    spoke on or before the publication day: first day unknown, precision
    ``by``.

    >>> from khabar import claims, load_article
    >>> table = claims(load_article())
    >>> branch = table[table.scope == "branch_215_members"].iloc[0]
    >>> pd.isna(branch.reported_on), str(branch.reported_end.date()), branch.reported_precision
    (True, '2018-03-26', 'by')
    """
    return _windows(article, table["start"].tolist(), list(table.index), outlet_key, sentences)


@cache
def _telling() -> re.Pattern:
    from khabar.sources import reporting_alternation

    return re.compile(rf"(?<!\w)[وف]?(?:{reporting_alternation('verb', 'preposition')})(?!\w)")


def _windows(article, starts: list, index: list, outlet_key: str = "", sentences=None) -> list[tuple]:
    """:func:`reporting_windows` of claims starting at ``starts``, labelled ``index``."""
    from khabar.dates import date_spans
    from khabar.sentence import read

    published = article.published
    if published is None:
        return [(pd.NaT, pd.NaT, "")] * len(starts)
    day = pd.Timestamp(published)
    if not outlet_key:
        from khabar.sources import outlet_claimant

        outlet_key = outlet_claimant(getattr(article, "metadata", {}))[0]
    telling = _telling()
    found = date_spans(article.text, published)
    windows, previous, spoken = {}, (day, day, "day"), {}
    starts = list(zip(index, starts))
    for sentence in read(article) if sentences is None else sentences:
        here = [(label, start) for label, start in starts if sentence.start <= start < sentence.end]
        first = int(min(start for _, start in here)) if here else sentence.end
        told = [
            d
            for d in found
            if sentence.start <= d["start"]
            and d["end"] <= first
            and telling.search(fold(article.text[sentence.start : d["start"]]))
        ]
        if told:
            window = (told[0]["date"], told[0]["date_end"], told[0]["precision"])
        elif sentence.continues:
            window = previous
        elif sentence.claimant in spoken and fold(str(sentence.claimant_ar or "")).startswith("ال"):
            # «وقدرت المصادر»: unnamed sources with the definite article are
            # the sources already heard, whose telling the text has dated
            window = spoken[sentence.claimant]
        elif sentence.claimant == outlet_key:
            window = (day, day, "day")
        else:
            window = (pd.NaT, day, "by")
        for label, _ in here:
            windows[label] = window
        if told and source_types().get(sentence.claimant, ("", True))[1] is False:
            spoken.setdefault(sentence.claimant, window)
        previous = window
    return [windows.get(label, (pd.NaT, day, "by")) for label, _ in starts]
