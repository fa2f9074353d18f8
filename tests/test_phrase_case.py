"""A slot's noun phrase put into another case by Voikko where the lexicon lacks its words."""
import pytest

from rewriter import Rewriter
from rewriter.analyse.dictionaries import voikko
from rewriter.analyse.phrase_case import inflect_phrase
from rewriter.banks import load_bank

pytestmark = pytest.mark.skipif(voikko("fi") is None, reason="Voikko (libvoikko1 + voikko-fi) is not installed")


@pytest.fixture(scope="module")
def cases():
    return load_bank("fi").language.phrase_cases


@pytest.mark.parametrize(("phrase", "case", "expected"), [
    ("Gluteenitonta pizzapohjaa", "nominative", "Gluteeniton pizzapohja"),
    ("Määräaikaista sopimusta", "genitive", "Määräaikaisen sopimuksen"),
    ("kaatumisesta johtuvia vaurioita", "plural_nominative", "kaatumisesta johtuvat vauriot"),
    ("Punaista villakangastakkia", "genitive", "Punaisen villakangastakin"),
    ("kyydin hintaa", "genitive", "kyydin hinnan"),            # a genitive attribute stays
    ("Tilauksesi loppuosa", "genitive", "Tilauksesi loppuosan"),  # ... and one with a possessive suffix
    ("rikasta kermaa", "genitive", "rikkaan kerman"),          # gradation the other way
    ("lahjakortteja", "plural_nominative", "lahjakortit"),
    # "kiinteitä" is also the noun "kiinne" ("kiinteet"): before the head, the adjective agrees
    ("Kiinteitä pöytäpaikkoja", "plural_nominative", "Kiinteät pöytäpaikat"),
])
def test_the_head_and_the_words_agreeing_with_it_change(cases, phrase, case, expected):
    assert inflect_phrase(phrase, case, cases) == expected


@pytest.mark.parametrize(("phrase", "case"), [
    ("Alennettuja tuotteita", "nominative"),         # a plural never goes into a singular case
    ("Toimituskuluja", "nominative"),                # Voikko also reads it as a plural: unsure
    ("Konduktöörin perimää euron lisämaksua", "nominative"),   # an agreeing word apart from the head
    ("sopimustanne", "nominative"),                  # a possessive suffix
    ("sinua kiinteähintaiseen sopimukseen", "nominative"),     # an illative ends no object
    ("kokoa 38", "nominative"),                      # a number in the phrase
    ("Xyzzyä qwertyä", "nominative"),                # words Voikko does not know
    ("xyzzyistä pöytäliinaa", "nominative"),         # an unknown word before the head may agree with it
    ("pizzapohjaa", "allative"),                     # a case the bank does not list
])
def test_what_it_is_unsure_of_stays_as_it_is(cases, phrase, case):
    assert inflect_phrase(phrase, case, cases) is None


def test_a_template_that_needs_a_case_change_fills_with_words_the_lexicon_lacks():
    out = Rewriter("fi").rewrite("Gluteenitonta pizzapohjaa ei ole tällä hetkellä saatavilla.").output
    assert out.startswith("Gluteeniton pizzapohja on ")


def test_languages_without_an_analyser_section_have_none():
    assert load_bank("en").language.phrase_cases is None


def test_a_placeholder_inside_the_phrase_stays_and_the_words_after_it_take_the_case(cases):
    from rewriter.text.protect import KIND_POOLS, SENTINEL_FIRST
    span, number = chr(SENTINEL_FIRST + 5), chr(KIND_POOLS["number"][0])
    # "autonne %{plate} jakohihnan vaihtoa": the head comes after the placeholder
    assert inflect_phrase(f"autonne {span} jakohihnan vaihtoa", "genitive", cases) == f"autonne {span} jakohihnan vaihdon"
    assert inflect_phrase(f"{span} takkia", "nominative", cases) == f"{span} takki"
    # a number governs the case of the noun after it ("2 viikkoa"); a phrase ending in its span has no head
    assert inflect_phrase(f"{number} viikkoa", "genitive", cases) is None
    assert inflect_phrase(f"takkia {span}", "genitive", cases) is None
    # a word before the span that agrees with the head would be left in the old case
    assert inflect_phrase(f"punaista {span} takkia", "nominative", cases) is None
