"""Headless Chromium for the page's tests and scripts/screenshots.py.

Selenium drives Debian's chromium with chromium-driver (``make browser-deps``
installs both): nothing is downloaded. `why_no_browser` says what is missing.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
DRIVERS = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")

SENTENCES = {
    "en": "Unfortunately the red dress is out of stock.",
    "fi": "Harmaata sohvaa ei valitettavasti ole varastossa.",
    "is": "Því miður er grái sófinn ekki til á lager.",
    "nb": "Dessverre er den grå sofaen ikke på lager.",
}
# What a greeting and sign-off look like in each language, around the sentence.
FRAMES = {
    "en": ("Hi Anna,\n\n", "\n\nBest regards,\nBob"),
    "fi": ("Hei Anna,\n\n", "\n\nYstävällisin terveisin,\nBob"),
    "is": ("Sæl Anna,\n\n", "\n\nBestu kveðjur,\nBob"),
    "nb": ("Hei Anna,\n\n", "\n\nVennlig hilsen,\nBob"),
}


def _first(paths, name: str) -> str | None:
    for path in paths:
        if os.access(path, os.X_OK):
            return path
    return shutil.which(name)


def why_no_browser() -> str | None:
    """None when a headless Chromium can be driven here, else why not."""
    try:
        import selenium  # noqa: F401, PLC0415
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if not _first(BROWSERS, "chromium"):
        return "no Chromium (make browser-deps, or apt-get install chromium chromium-driver)"
    if not _first(DRIVERS, "chromedriver"):
        return "no chromedriver (make browser-deps, or apt-get install chromium-driver)"
    return None


def chrome(width: int = 1000, height: int = 900):
    """A headless Chromium driven by Selenium, clipboard allowed for the page."""
    from selenium import webdriver  # noqa: PLC0415
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    os.environ.setdefault("SE_OFFLINE", "true")      # Selenium Manager never downloads anything
    options = webdriver.ChromeOptions()
    options.binary_location = _first(BROWSERS, "chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--force-device-scale-factor=1", "--lang=en-US",
                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--hide-scrollbars"):
        options.add_argument(arg)
    service = Service(executable_path=_first(DRIVERS, "chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def allow_clipboard(driver, origin: str) -> None:
    driver.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": origin.rstrip("/"), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})


def read_clipboard(driver) -> str | None:
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done, () => done(null));")


def wait_for(condition, timeout: float = 20.0, step: float = 0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not get there in time")
        time.sleep(step)


def check_message(driver, text: str, lang: str = "auto", shortcut: bool = True) -> None:
    """Type ``text`` into the page, choose the language, check with Ctrl+Enter (or the button); wait for the result."""
    from selenium.webdriver.common.by import By  # noqa: PLC0415
    from selenium.webdriver.common.keys import Keys  # noqa: PLC0415
    from selenium.webdriver.support.ui import Select  # noqa: PLC0415

    Select(driver.find_element(By.ID, "lang")).select_by_value(lang)
    box = driver.find_element(By.ID, "text")
    box.clear()
    if all(ord(c) < 0x10000 for c in text):
        box.send_keys(text)
    else:   # chromedriver types only the Basic Multilingual Plane: paste the rest
        driver.execute_script("arguments[0].value = arguments[1];", box, text)
        box.send_keys(Keys.END)
    driver.execute_script("document.getElementById('status').textContent = '';")
    if shortcut:
        box.send_keys(Keys.CONTROL, Keys.ENTER)
    else:
        driver.find_element(By.ID, "check").click()
    wait_for(lambda: (s := driver.find_element(By.ID, "status").text) and not s.startswith("Checking"))


def screenshot(driver, path: Path) -> Path:
    """A PNG of the whole page, as tall as its content."""
    driver.execute_script("window.scrollTo(0, 0)")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    size = driver.get_window_size()
    chrome_px = size["height"] - driver.execute_script("return window.innerHeight")   # the window's own bars
    driver.set_window_size(size["width"], min(max(height, 400), 2000) + chrome_px)
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(path))
    return path
