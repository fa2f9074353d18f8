"""Screenshots of the page for the README: one per language under docs/screenshots/.

    python scripts/screenshots.py            # needs Chromium + chromium-driver (make browser-deps)

Starts ``rewriter serve`` on a free loopback port, checks the README's
example sentence in each language (auto-detected), opens "Why?" and saves
docs/screenshots/<lang>.png.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser_support import FRAMES, SENTENCES, check_message, chrome, screenshot, why_no_browser  # noqa: E402

from rewriter.serve.local import LocalServer  # noqa: E402


def main(out: Path = ROOT / "docs" / "screenshots") -> int:
    missing = why_no_browser()
    if missing:
        print(f"screenshots: {missing}", file=sys.stderr)
        return 2
    from selenium.webdriver.common.by import By  # noqa: PLC0415

    with LocalServer() as server:
        driver = chrome(width=900, height=900)
        try:
            for lang, sentence in SENTENCES.items():
                driver.set_window_size(900, 900)
                driver.get(server.url)
                hello, bye = FRAMES[lang]
                check_message(driver, hello + sentence + bye)
                for summary in driver.find_elements(By.CSS_SELECTOR, "#suggestions summary"):
                    summary.click()
                path = screenshot(driver, out / f"{lang}.png")
                print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KiB")
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
