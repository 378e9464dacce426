"""The rendered course (scripts/build_site.py, run by the main job) opened in a real headless browser: the main job
runs two labs in `smoke` (figures drawn by the notebook's own backend), builds results/site/, and Chromium (Debian's,
driven by Playwright) loads the index and every page it links to: no console error, every image decodes, every
page shows at least one figure, every link resolves. A screenshot of the index is kept in the test's temp folder."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# as root, and with nothing fetched in the background (this machine's network is closed)
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
LABS = ["05_ner", "09_causal_lm"]


def test_the_site_of_a_smoke_run_opens_in_a_headless_browser(tmp_path):
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: scripts/run_tests.sh installs it (apt)"
    from playwright.sync_api import sync_playwright

    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}   # the kernel's inline figures, as a learner's
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "run_labs.py"), "--profile", "smoke", "--labs", *LABS,
                          "--results", str(tmp_path / "results")], env=env, capture_output=True, text=True,
                         timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    site = tmp_path / "results" / "site"
    assert f"the course, rendered: {site / 'index.html'}" in run.stdout

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors = []
        page.on("console", lambda msg: errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)
        page.on("pageerror", lambda err: errors.append(f"{page.url}: {err}"))
        page.on("requestfailed", lambda req: errors.append(f"{page.url}: failed to load {req.url}"))
        page.goto((site / "index.html").as_uri(), wait_until="load")
        page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
        links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        assert sorted(Path(link).name for link in links) == [f"{lab}.html" for lab in LABS]
        for url in [(site / "index.html").as_uri(), *links]:
            page.goto(url, wait_until="load")
            images = page.eval_on_selector_all("img", "els => els.map(e => [e.complete, e.naturalWidth, e.alt])")
            assert images, f"{url}: no figure"
            assert all(done and width > 0 for done, width, _ in images), f"{url}: an image did not decode {images}"
        browser.close()
    assert not errors, errors
    assert (tmp_path / "index.png").stat().st_size > 10_000
