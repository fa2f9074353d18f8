"""The page in a real browser (headless Chromium) against a started ``rewriter serve``.

Skipped, saying why, where Chromium, chromedriver or Selenium is missing
(``make browser-deps`` installs Debian's chromium and chromium-driver).
"""
from __future__ import annotations

import pytest

from browser_support import FRAMES, SENTENCES, allow_clipboard, check_message, chrome, read_clipboard, screenshot, \
    wait_for, why_no_browser

pytest.importorskip("starlette", reason="rewriter serve needs the 'serve' extra (starlette, uvicorn)")
_missing = why_no_browser()
if _missing:
    pytest.skip(f"browser tests need headless Chromium: {_missing}", allow_module_level=True)

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from rewriter.pipeline import Rewriter  # noqa: E402
from rewriter.serve.local import LocalServer  # noqa: E402


@pytest.fixture(scope="module")
def server():
    with LocalServer() as running:
        yield running


@pytest.fixture(scope="module")
def driver(server):
    driver = chrome()
    driver.get(server.url)
    allow_clipboard(driver, server.url)
    yield driver
    driver.quit()


@pytest.fixture
def page(driver, server):
    driver.get(server.url)
    wait_for(lambda: driver.execute_script("return document.readyState") == "complete")
    return driver


def no_alert(driver) -> bool:
    try:
        driver.switch_to.alert.dismiss()
    except NoAlertPresentException:
        return True
    return False


@pytest.mark.parametrize("lang", ["en", "fi", "is", "nb"])
def test_check_accept_and_copy_in_each_language(page, lang, tmp_path):
    hello, bye = FRAMES[lang]
    text = hello + SENTENCES[lang] + bye
    expected = Rewriter(lang).rewrite(text)
    assert expected.edits, "the pipeline rewrites this sentence"
    check_message(page, text)                       # language: auto, Ctrl+Enter

    marks = page.find_elements(By.CSS_SELECTOR, "#highlighted mark")
    assert [m.text for m in marks] == [f.text for f in expected.findings]
    assert lang_name(lang) in page.find_element(By.ID, "detected").text
    card = page.find_element(By.CSS_SELECTOR, "#suggestions .card")
    assert card.find_element(By.CSS_SELECTOR, ".original").text == expected.edits[0].original
    assert card.find_element(By.CSS_SELECTOR, ".suggestion").text == expected.edits[0].replacement
    card.find_element(By.TAG_NAME, "summary").click()           # why: rule id and message
    why = card.find_element(By.CSS_SELECTOR, "details").text
    assert expected.findings[0].rule in why and expected.findings[0].message in why
    assert page.find_element(By.ID, "output").get_property("value") == expected.output
    screenshot(page, tmp_path / f"page-{lang}.png")

    card.find_element(By.CSS_SELECTOR, "button.copy").click()
    wait_for(lambda: "copied" in page.find_element(By.ID, "status").text)
    assert read_clipboard(page) == expected.edits[0].replacement

    card.find_element(By.CSS_SELECTOR, "button.accept").click()
    wait_for(lambda: page.find_element(By.ID, "status").text.startswith("Accepted. ")
             and not page.find_element(By.ID, "status").text.startswith("Accepted. Checking"))
    assert page.find_element(By.ID, "text").get_property("value") == expected.output
    page.find_element(By.ID, "copy-all").click()
    wait_for(lambda: "Rewritten message copied" in page.find_element(By.ID, "status").text)
    assert read_clipboard(page) == page.find_element(By.ID, "output").get_property("value")
    assert no_alert(page)


def test_accept_counts_code_points_like_the_server(page):
    text = "𝄞😀 Hi Anna, unfortunately the red dress is out of stock.\n\nBob 👍"
    expected = Rewriter("en").rewrite(text)
    assert expected.edits
    check_message(page, text, lang="en")
    assert [m.text for m in page.find_elements(By.CSS_SELECTOR, "#highlighted mark")] == \
        [f.text for f in expected.findings]
    page.find_element(By.CSS_SELECTOR, "#suggestions button.accept").click()
    wait_for(lambda: page.find_element(By.ID, "status").text.startswith("Accepted. ")
             and not page.find_element(By.ID, "status").text.startswith("Accepted. Checking"))
    assert page.find_element(By.ID, "text").get_property("value") == expected.output


def lang_name(lang: str) -> str:
    return {"en": "English", "fi": "Finnish", "is": "Icelandic", "nb": "Norwegian"}[lang]


def test_markup_in_the_message_is_shown_as_text(page, tmp_path):
    attack = "<script>alert(1)</script> <img src=x onerror=alert(1)> "
    text = attack + SENTENCES["en"]
    check_message(page, text, lang="en", shortcut=False)
    results = page.find_element(By.ID, "results")
    assert not results.find_elements(By.TAG_NAME, "img")
    assert not results.find_elements(By.TAG_NAME, "script")
    shown = page.find_element(By.ID, "highlighted").get_property("textContent")
    assert shown == text
    assert "<script>alert(1)</script>" in page.find_element(By.ID, "highlighted").text
    output = page.find_element(By.ID, "output").get_property("value")
    assert "<img src=x onerror=alert(1)>" in output
    for card in page.find_elements(By.CSS_SELECTOR, "#suggestions .card"):
        assert not card.find_elements(By.TAG_NAME, "img")
    assert page.execute_script("return document.querySelectorAll('script').length") == 1   # page.js only
    assert no_alert(page)
    screenshot(page, tmp_path / "page-markup.png")


def test_keyboard_labels_and_tab_order(page):
    active = lambda: page.execute_script("return document.activeElement.id")  # noqa: E731
    assert active() == "text"                        # focused on load
    order = []
    for _ in range(4):
        page.switch_to.active_element.send_keys(Keys.TAB)
        order.append(active())
    assert order == ["lang", "tone", "full", "check"]
    for control in ("text", "lang", "tone", "full", "output"):
        assert page.find_elements(By.CSS_SELECTOR, f"label[for='{control}']"), control


def test_the_page_loads_nothing_from_elsewhere(page, server):
    origin = server.url.rstrip("/")
    names = page.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert names and all(name.startswith(origin) for name in names)


def test_no_findings_and_errors(page):
    check_message(page, "Thanks, the parcel left today.", lang="en")
    assert page.find_element(By.ID, "status").text == "No negative phrasing found."
    assert page.find_element(By.ID, "none").is_displayed()
    # a body over the server's limit: the reason, on one line, marked as an error
    page.execute_script("document.getElementById('text').value = 'x'.repeat(120000);")
    page.find_element(By.ID, "check").click()
    wait_for(lambda: "Could not check" in page.find_element(By.ID, "status").text)
    line = page.find_element(By.ID, "status")
    assert "over the limit of 100000 bytes" in line.text and "error" in line.get_attribute("class")


def test_a_held_back_rewrite_is_shown_to_copy_not_to_accept(page):
    # an order left as it is holds its message back (by default other refusals do not)
    text = "Unfortunately the red dress is out of stock. You must also send us your receipt."
    expected = Rewriter("en").rewrite(text)
    assert not expected.edits and expected.findings[0].suggestion
    check_message(page, text, lang="en")
    first, second = page.find_elements(By.CSS_SELECTOR, "#suggestions .card")
    shown = first.find_element(By.CSS_SELECTOR, ".suggestion").text
    assert shown.startswith(expected.findings[0].suggestion) and "held back" in shown
    assert not first.find_elements(By.CSS_SELECTOR, "button.accept")
    first.find_element(By.CSS_SELECTOR, "button.copy").click()
    wait_for(lambda: "copied" in page.find_element(By.ID, "status").text)
    assert read_clipboard(page) == expected.findings[0].suggestion
    assert "No safe rewrite" in second.find_element(By.CSS_SELECTOR, ".suggestion").text
    assert page.find_element(By.ID, "output").get_property("value") == text
