from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from imr_nlp.textview import build_view, furniture_ranges


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
            assert text[j] == c
    assert list(view.index) == sorted(view.index)


def test_furniture_is_footers_bare_case_numbers_and_repeated_case_lines():
    text = "Case Number: CM14-0123456\nThe patient\nPage 1 of 3\n\fCase Number: CM14-0123456\nCM14-0123456\n- 2 -\nhas pain.\n"
    assert [text[a:b] for a, b in furniture_ranges(text)] == [
        "Page 1 of 3",
        "Case Number: CM14-0123456",
        "CM14-0123456",
        "- 2 -",
    ]
    assert furniture_ranges("Page 2 of the report says so.\nCase Number: CM14-0123456") == []
