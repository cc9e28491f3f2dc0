from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imr_nlp.textview import build_view, fold, furniture_ranges


def test_paragraphs_rejoin_wrapped_lines_and_drop_furniture():
    text = "Norco 10/325mg: quantity\n\n90:  Upheld\n\nPage 2 of 4\n\nCM14-0012345\n\nClaims Administrator guideline: Decision based on MTUS Page(s):\n\n46."
    view = build_view(text)
    assert (
        view.text
        == "Norco 10/325mg: quantity 90: Upheld\nClaims Administrator guideline: Decision based on MTUS Page(s): 46."
    )


def test_hyphenated_line_ends_are_rejoined_but_real_hyphens_kept():
    assert build_view("not medi-\ncally necessary").text == "not medically necessary"
    assert build_view("a follow-\nup visit").text == "a follow-up visit"


def test_a_bulleted_line_starts_a_new_item():
    assert build_view("Indications for imaging:\n- trauma with neurological deficit\n- suspicion of\ncancer").text == (
        "Indications for imaging:\n- trauma with neurological deficit\n- suspicion of cancer"
    )


def test_a_wrapped_piece_of_a_list_of_abbreviations_is_no_heading():
    text = "the request for pre-operative labs\n\n(CBC,\n\nCMP, PT/INR) is not medically necessary.\n\nCASE SUMMARY:"
    assert build_view(text).text == (
        "the request for pre-operative labs (CBC, CMP, PT/INR) is not medically necessary.\nCASE SUMMARY:"
    )


def test_abbreviation_at_line_end_does_not_end_the_paragraph():
    assert "\n" not in build_view("MAXIMUS Federal Services, Inc.\nhas determined the request").text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_every_cleaned_char_maps_back_to_the_same_char(text):
    view = build_view(text)
    assert len(view.index) == len(view.text)
    for i, c in enumerate(view.text):
        j = view.index[i]
        if c == " " or c == "\n":
            assert 0 <= j <= len(text)
        else:
            assert c in fold(text[j])  # the char itself, or a letter of the ligature it was written as
    assert list(view.index) == sorted(view.index)


def test_pdf_character_forms_are_read_as_plain_letters_and_hyphens():
    assert fold("Certi\ufb01ed, \ufb02exion, a\ufb00ected, Tinel\u2019s, C5\u20136, epidu\xadral") == (
        "Certified, flexion, affected, Tinel's, C5-6, epidural"
    )
    assert fold("ASCII stays as it is - even this.") == "ASCII stays as it is - even this."
    text = "Board Certi\ufb01ed in Hand Surgery\nat C5\u20136, with epidu\xad\nral pain"
    view = build_view(text)
    assert view.text == "Board Certified in Hand Surgery at C5-6, with epidural pain"
    start = view.text.index("Certified")
    assert view.original_text(start, start + len("Certified")) == "Certi\ufb01ed"
    start = view.text.index("epidural")
    assert view.original_text(start, start + len("epidural")) == "epidu\xad\nral"


def test_furniture_is_footers_bare_case_numbers_and_repeated_case_lines():
    text = "Case Number: CM14-0123456\nThe patient\nPage 1 of 3\n\fCase Number: CM14-0123456\nCM14-0123456\n- 2 -\nhas pain.\n"
    assert [text[a:b] for a, b in furniture_ranges(text)] == [
        "Page 1 of 3",
        "Case Number: CM14-0123456",
        "CM14-0123456",
        "- 2 -",
    ]
    assert furniture_ranges("Page 2 of the report says so.\nCase Number: CM14-0123456") == []


@pytest.mark.parametrize(
    "line",
    [
        "Page 2 of 4   CM14-0123456",
        "CM14-0123456 | Page 2 of 4",
        "IMR Case Number: CM14-0123456   Page 2 of 4",
        "CM14\u20130123456",  # an en dash (textview.fold)
    ],
)
def test_a_footer_or_header_line_is_furniture_in_any_order(line):
    text = f"The patient has pain\n{line}\n\fin the knee.\nThe request for 2 of 4 sessions is\n12 of 30\nsessions.\n"
    assert [text[a:b] for a, b in furniture_ranges(text)] == [line]
    view = build_view(text)
    assert "pain in the knee" in view.text and "CM14" not in view.text
