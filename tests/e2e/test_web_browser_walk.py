"""The whole workflow in a real browser (Debian's chromium through Playwright), as people do it, against
``jixiao serve --demo`` on a fresh SQLite data folder:

unit uploads the example, edits a row and sees the score change, submits; the department approves;
finance returns it with a reason; the unit sees the reason, fixes and resubmits; the department and
then finance approve; the admin publishes; the public page shows it.

Screenshots of each step go to ``out/web-walk/`` (test artefacts, not committed).
Skipped only when chromium or playwright is missing outside CI; in CI (``CI`` set) it must run.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "seed-report-2023-traffic-police.txt"
SHOTS = ROOT / "out" / "web-walk"
CHROMIUM = os.environ.get("JIXIAO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "jixiao-demo"

try:
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError:  # pragma: no cover - the test extras install it
    sync_playwright = None  # type: ignore[assignment]

_missing = sync_playwright is None or not Path(CHROMIUM).exists()
pytestmark = pytest.mark.skipif(_missing and not os.environ.get("CI"),
                                reason="chromium (apt install chromium) or playwright is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("web-walk-data")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "JIXIAO_SECRET_KEY", "JIXIAO_TESTING")}
    log = open(data / "server.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen([sys.executable, "-m", "jixiao", "serve", "--demo", "--port", str(port),
                             "--data", str(data)], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=data)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("jixiao serve did not start:\n" + (data / "server.log").read_text())
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser_page() -> Iterator[Page]:
    if _missing:
        pytest.fail("chromium and playwright are required in CI: apt install chromium; pip install playwright")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
        context.set_default_timeout(30_000)
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def sign_in(page: Page, url: str, username: str) -> None:
    page.goto(url + "/login/")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]:has-text('登录')")
    expect(page.locator("header.top .who")).to_contain_text("退出")


def sign_out(page: Page) -> None:
    page.click("header.top .who button:has-text('退出')")
    expect(page).to_have_url(re.compile(r"/login/$"))


def open_from_queue(page: Page, url: str, title: str) -> None:
    page.goto(url + "/queue/")
    page.locator("#evaluations a", has_text=title).first.click()
    expect(page.locator("h1")).to_contain_text(title)


def test_whole_workflow_in_a_browser(server: str, browser_page: Page) -> None:
    page, url = browser_page, server
    title = "公安厅交管局转移支付2023年度绩效自评报告"

    # 1. the unit uploads the example report
    sign_in(page, url, "unit")
    page.goto(url + "/evaluations/new/")
    page.set_input_files("#file", str(EXAMPLE))
    page.click("button:has-text('上传并评分')")
    expect(page.locator("h1")).to_contain_text(title)
    expect(page.locator("#status")).to_have_text("草稿")
    expect(page.locator("#total")).to_have_text("97.84")  # the same number as `jixiao check`
    ev_url = page.url
    shot(page, "01-unit-uploaded")

    # 2. edits a row online: the score changes without a page reload
    page.click("a:has-text('在线修改')")
    expect(page.locator("#total")).to_have_text("97.84")
    page.evaluate("window.__sameDocument = true")
    row = page.locator("#ind-0")
    row.locator("button:has-text('修改')").click()
    row.locator("input[name=actual]").fill("20")
    row.locator("textarea[name=reason]").fill("受高原施工季节限制，3条链路顺延至2024年一季度开通。")
    row.locator("button:has-text('保存')").click()
    expect(page.locator("#ind-0 td.score")).to_have_text("1.89")
    expect(page.locator("#total")).to_have_text("97.55")
    expect(page.locator("#version-no")).to_have_text("第2版")
    assert page.evaluate("window.__sameDocument") is True  # htmx swapped the row; no reload
    shot(page, "02-unit-row-edited")

    # 3. submits
    page.goto(ev_url)
    page.click("button:has-text('提交审核')")
    expect(page.locator("#status")).to_have_text("已提交，待主管部门审核")
    sign_out(page)

    # 4. the department approves
    sign_in(page, url, "dept")
    open_from_queue(page, url, title)
    shot(page, "03-dept-review")
    page.fill("#opinion", "数据与佐证材料一致，同意报财政局。")
    page.click("button:has-text('审核通过')")
    expect(page.locator(".messages")).to_contain_text("已审核通过")
    sign_out(page)

    # 5. finance returns it with a reason
    reason = "成本指标“互联网交通安全管理服务平台”完成值与执行数不符，请核实后重新填报。"
    sign_in(page, url, "finance")
    open_from_queue(page, url, title)
    page.fill("#reason", reason)
    shot(page, "04-finance-returning")
    page.click("button:has-text('退回修改')")
    expect(page.locator(".messages")).to_contain_text("已退回")
    sign_out(page)

    # 6. the unit sees the reason, fixes the report and resubmits
    sign_in(page, url, "unit")
    page.goto(url + "/evaluations/")
    returned = page.locator("#evaluations tr", has_text="已退回修改")
    expect(returned).to_have_count(1)  # the demo's own draft of the same report stays a draft
    returned.locator("a", has_text=title).click()
    expect(page.locator("#return-reason")).to_contain_text(reason)
    shot(page, "05-unit-sees-return")
    page.click("a:has-text('在线修改')")
    row = page.locator("#ind-22")
    row.locator("button:has-text('修改')").click()
    row.locator("input[name=actual]").fill("160")
    row.locator("button:has-text('保存')").click()
    expect(page.locator("#ind-22")).to_contain_text("160")
    expect(page.locator("#version-no")).to_have_text("第3版")
    page.goto(ev_url)
    expect(page.locator("#return-reason")).to_contain_text("退回后已修改")
    page.click("button:has-text('提交审核')")
    expect(page.locator("#status")).to_have_text("已提交，待主管部门审核")
    sign_out(page)

    # 7. the department, then finance approve (finance with an opinion and a reviewed score)
    sign_in(page, url, "dept")
    open_from_queue(page, url, title)
    page.click("button:has-text('审核通过')")
    expect(page.locator(".messages")).to_contain_text("已审核通过")
    sign_out(page)
    sign_in(page, url, "finance")
    open_from_queue(page, url, title)
    page.fill("#opinion", "经复核，同意该自评结果。")
    page.fill("#reviewed_total", "96.5")
    page.click("button:has-text('审核通过')")
    expect(page.locator(".messages")).to_contain_text("已审核通过")
    page.goto(ev_url)
    expect(page.locator("#status")).to_have_text("财政已审核")
    shot(page, "06-finance-approved")
    sign_out(page)

    # 8. the admin publishes
    sign_in(page, url, "admin")
    page.goto(url + "/manage/publish/")
    page.locator("#to-publish tr", has_text=title).locator("button:has-text('公开')").click()
    expect(page.locator(".messages")).to_contain_text("已公开发布")
    sign_out(page)

    # 9. the public page shows it, without signing in
    page.goto(url + "/public/")
    expect(page.locator("#published")).to_contain_text(title)
    expect(page.locator("#published")).to_contain_text("96.50")
    page.locator("#published a", has_text=title).click()
    expect(page.locator("h1")).to_contain_text(title)
    shot(page, "07-public")
