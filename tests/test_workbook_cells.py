"""Property tests for the cell and CSV parsers of the workbook import."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecosysteem.graph.workbook import cell_text, decode_csv, guess_delimiter, parse_date, read_csv_text, split_values
from ecosysteem.graph.workbook._spec import normalise_header

# Text a spreadsheet cell can hold: no NUL and no lone surrogates.
cell_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
cells = st.text(cell_chars, max_size=30)
headers = st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1, max_size=12)


@given(
    header=st.lists(headers, min_size=2, max_size=6),
    body=st.lists(st.lists(cells, min_size=6, max_size=6), max_size=5),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_csv_round_trip_in_every_dialect(header: list[str], body: list[list[str]], delimiter: str) -> None:
    rows = [header] + [row[: len(header)] for row in body]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    text = buffer.getvalue()
    assert guess_delimiter(text) == delimiter
    # the csv module writes a row holding one empty string as "" (quoted); it reads back as [''] too
    assert read_csv_text(text) == rows


@given(st.text(cell_chars, max_size=60), st.booleans())
def test_utf8_decodes_with_or_without_bom(text: str, bom: bool) -> None:
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    assert decode_csv(data) == text


@given(
    st.text(st.sampled_from("abcdefgh ,;\n"), max_size=20),
    st.text(st.sampled_from("éëöïüèàçÉÖ"), min_size=1, max_size=3),
    st.text(st.sampled_from("abcdefgh ,;"), max_size=20),
)
def test_cp1252_is_reported_with_its_line(before: str, accented: str, after: str) -> None:
    text = before + accented + after
    with pytest.raises(
        ValueError, match=r"line (\d+): byte 0x[0-9A-F]{2} is not UTF-8; it looks like Windows-1252"
    ) as exc:
        decode_csv(text.encode("cp1252"))
    assert f"line {before.count(chr(10)) + 1}:" in str(exc.value)
    assert decode_csv(text.encode("cp1252"), "cp1252") == text


@given(st.one_of(st.none(), cells, st.integers(-(10**6), 10**6), st.dates()))
def test_cell_text_is_stripped_and_idempotent(value: object) -> None:
    text = cell_text(value)
    if text is not None:
        assert text == text.strip() and text
        assert cell_text(text) == text


@given(st.lists(st.text(st.characters(blacklist_characters=";\n\r\x00", blacklist_categories=("Cs",)), max_size=15)))
def test_split_values_inverts_joining(values: list[str]) -> None:
    kept = [v.strip() for v in values if v.strip()]
    assert split_values("; ".join(values)) == kept
    assert split_values("\n".join(values), lines_only=True) == kept


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.sampled_from(["iso", "nl", "dt"]))
def test_parse_date_reads_every_spelling_of_a_day(day: dt.date, spelling: str) -> None:
    text = {
        "iso": day.isoformat(),
        "nl": f"{day.day}-{day.month}-{day.year}",
        "dt": str(cell_text(dt.datetime(day.year, day.month, day.day))),
    }[spelling]
    assert parse_date(text) == day.isoformat()


@given(st.integers(1900, 2100), st.integers(1, 12))
def test_parse_date_keeps_the_precision_given(year: int, month: int) -> None:
    assert parse_date(str(year)) == str(year)
    assert parse_date(f"{year}-{month}") == f"{year}-{month:02d}"
    assert parse_date(f"{month}-{year}") == f"{year}-{month:02d}"


@given(cells)
def test_parse_date_accepts_or_explains(text: str) -> None:
    try:
        result = parse_date(text)
    except ValueError as exc:
        assert "date" in str(exc)
    else:
        assert dt.date.fromisoformat(result if len(result) == 10 else (result + "-01-01")[:10])


@given(headers)
def test_headers_match_whatever_the_case_and_required_marker(header: str) -> None:
    assert normalise_header(f" {header.upper()} *") == normalise_header(header)
