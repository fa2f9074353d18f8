"""rewriter serve's HTTP API: in-process (Starlette's TestClient) and against a started server."""
from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

import pytest

pytest.importorskip("starlette", reason="rewriter serve needs the 'serve' extra (starlette, uvicorn)")
pytest.importorskip("httpx", reason="Starlette's TestClient needs httpx (the 'test' extra)")

from starlette.testclient import TestClient  # noqa: E402

from rewriter.pipeline import Rewriter  # noqa: E402
from rewriter.serve.app import create_app  # noqa: E402
from rewriter.serve.engine import Engine  # noqa: E402
from rewriter.serve.limits import Settings  # noqa: E402
from rewriter.serve.local import ROOT, LocalServer  # noqa: E402

SENTENCES = {
    "en": "Unfortunately the red dress is out of stock.",
    "fi": "Harmaata sohvaa ei valitettavasti ole varastossa.",
    "is": "Því miður er grái sófinn ekki til á lager.",
    "nb": "Dessverre er den grå sofaen ikke på lager.",
}
BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def engine():
    engine = Engine(Settings())
    engine.warm()
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def client(engine):
    with TestClient(create_app(Settings(), engine), base_url=BASE) as client:
        yield client


def utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def lt_slice(document: str, match: dict) -> str:
    """What a Java client underlines: offset and length in UTF-16 code units."""
    units = utf16(document)
    return units[2 * match["offset"]:2 * (match["offset"] + match["length"])].decode("utf-16-le")


# --- /v1 -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_rewrite_is_the_same_object_as_rewrite_json(client, lang):
    text = SENTENCES[lang]
    response = client.post("/v1/rewrite", json={"text": text, "lang": lang})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == Rewriter(lang).rewrite(text).to_dict()
    assert response.json()["changed"] is True


def test_rewrite_auto_tone_and_style(client):
    body = client.post("/v1/rewrite", json={"text": SENTENCES["fi"], "lang": "auto", "tone": "formal",
                                            "style": "full"}).json()
    assert body == Rewriter("fi", tone="formal", style="full").rewrite(SENTENCES["fi"]).to_dict()
    assert body["lang"] == "fi"
    # several languages in one process, one after another and auto-detected
    for lang, text in SENTENCES.items():
        assert client.post("/v1/rewrite", json={"text": text, "lang": "auto"}).json()["lang"] == lang


def test_rewrite_explain_adds_the_trace(client):
    body = client.post("/v1/rewrite", json={"text": SENTENCES["en"], "lang": "en", "explain": True}).json()
    assert body["trace"] and body["trace"][0]["attempts"]


def test_check_gives_findings_with_positions_rules_and_suggestions(client):
    text = "Hello Anna! " + SENTENCES["en"]
    body = client.post("/v1/check", json={"text": text, "lang": "en"}).json()
    assert body["lang"] == "en"
    [finding] = body["findings"]
    assert text[finding["start"]:finding["end"]] == finding["text"]
    assert finding["rule"] == "out_of_stock.item_out_of_stock"
    assert finding["suggestion"] and "out of stock" not in finding["suggestion"]
    assert set(finding) >= {"start", "end", "category", "severity", "rule", "message", "text", "suggestion"}


def test_empty_text_is_unchanged(client):
    assert client.post("/v1/rewrite", json={"text": "  ", "lang": "auto"}).json()["output"] == "  "
    assert client.post("/v1/check", json={"text": "", "lang": "en"}).json()["findings"] == []


@pytest.mark.parametrize("body, reason", [
    (b"{", "malformed JSON"),
    (b"[1, 2]", "JSON object"),
    (b'{"lang": "en"}', "missing field 'text'"),
    (b'{"text": 5}', "'text' must be a string"),
    (b'{"text": "x", "lang": "de"}', "unknown language 'de'"),
    (b'{"text": "x", "tone": "rude"}', "unknown tone"),
    (b'{"text": "x", "style": "long"}', "unknown style"),
    (b'{"text": "x", "colour": "red"}', "unknown field"),
    (b'\xff\xfe', "not UTF-8"),
])
def test_bad_requests_are_400_with_a_one_line_reason(client, body, reason):
    response = client.post("/v1/rewrite", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert "\n" not in response.text and "Traceback" not in response.text


def test_body_over_the_limit_is_413(engine):
    with TestClient(create_app(Settings(max_bytes=1000), engine), base_url=BASE) as small:
        response = small.post("/v1/rewrite", json={"text": "x" * 2000, "lang": "en"})
        assert response.status_code == 413 and "1000 bytes" in response.json()["error"]
        # chunked, with no Content-Length: counted while reading
        response = small.post("/v1/check", content=iter([b'{"text": "', b"y" * 1500, b'"}']))
        assert response.status_code == 413
        assert small.post("/v1/check", json={"text": SENTENCES["en"], "lang": "en"}).status_code == 200


class SlowEngine(Engine):
    """The real engine, except that a text containing SLOW takes 2 s."""

    def rewriter(self, lang, tone=None, style="sentence"):
        real = super().rewriter(lang, tone, style)

        class Slow:
            def rewrite(self, text, rewrite=True):
                if "SLOW" in text:
                    time.sleep(2)
                return real.rewrite(text, rewrite=rewrite)
        return Slow()


def test_a_request_past_the_time_limit_is_503_and_the_server_keeps_serving():
    settings = Settings(timeout_s=0.3)
    slow = SlowEngine(settings)
    try:
        with TestClient(create_app(settings, slow), base_url=BASE) as client:
            started = time.perf_counter()
            response = client.post("/v1/rewrite", json={"text": "SLOW " + SENTENCES["en"], "lang": "en"})
            assert response.status_code == 503
            assert time.perf_counter() - started < 1.5
            assert "0.3 s" in response.json()["error"] and response.headers["retry-after"] == "1"
            assert client.get("/health").status_code == 200
            ok = client.post("/v1/rewrite", json={"text": SENTENCES["en"], "lang": "en"})
            assert ok.status_code == 200 and ok.json()["changed"]
            lt = client.post("/v2/check", data={"text": "SLOW", "language": "en-US"})
            assert lt.status_code == 503
    finally:
        slow.close()


def test_unknown_paths_and_methods_are_json(client):
    assert client.get("/nope").json() == {"error": "Not Found"}
    response = client.get("/v1/rewrite")
    assert response.status_code == 405 and "error" in response.json()


def test_only_loopback_host_names_are_answered(client):
    assert client.get("/health", headers={"host": "evil.example:8765"}).status_code == 400
    assert client.get("/health", headers={"host": "localhost:8765"}).status_code == 200
    assert client.get("/health", headers={"host": "[::1]:8765"}).status_code == 200


def test_health_openapi_and_page(client):
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["languages"] == ["en", "fi", "is", "nb"]
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.") and {"/v1/rewrite", "/v1/check", "/v2/check", "/v2/languages",
                                                 "/health"} <= set(spec["paths"])
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "http" not in page.text.replace("http-equiv", "").split("<body>")[0].replace("/static/", "")
    for asset in ("/static/page.js", "/static/page.css"):
        assert client.get(asset).status_code == 200
    script = client.get("/static/page.js").text
    assert not re.search(r"\.(inner|outer)HTML\s*[+]?=|insertAdjacentHTML|document\.write|eval\(", script)


# --- /v2: LanguageTool's API -------------------------------------------------

def test_v2_languages(client):
    listed = client.get("/v2/languages").json()
    assert {"name": "Icelandic", "code": "is", "longCode": "is-IS"} in listed
    assert all(set(item) == {"name", "code", "longCode"} for item in listed)


def check_shape(body: dict) -> None:
    assert set(body["software"]) >= {"name", "version", "apiVersion"}
    assert set(body["language"]) >= {"name", "code", "detectedLanguage"}
    assert set(body["language"]["detectedLanguage"]) >= {"name", "code", "confidence"}
    for match in body["matches"]:
        assert set(match) >= {"message", "shortMessage", "offset", "length", "replacements", "context", "sentence",
                              "type", "rule", "ignoreForIncompleteSentence", "contextForSureMatch"}
        assert set(match["rule"]) >= {"id", "description", "issueType", "category"}
        assert set(match["rule"]["category"]) == {"id", "name"}
        assert set(match["context"]) == {"text", "offset", "length"}
        assert all(set(r) >= {"value"} for r in match["replacements"])
        assert set(match["type"]) == {"typeName"}


def apply(document: str, match: dict) -> str:
    """A Java client accepting the first replacement."""
    units = utf16(document)
    a, b = 2 * match["offset"], 2 * (match["offset"] + match["length"])
    return (units[:a] + utf16(match["replacements"][0]["value"]) + units[b:]).decode("utf-16-le")


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_browser_add_on_shape(client, lang):
    """The browser add-ons: a form POST with text, language=auto, enabledOnly, level=picky, motherTongue, variants."""
    text = "Hi Anna,\n\n" + SENTENCES[lang] + "\n\nBest,\nBob"
    form = {"text": text, "language": "auto", "enabledOnly": "false", "level": "picky", "motherTongue": "de-DE",
            "preferredVariants": "en-GB,de-AT,pt-PT", "noopLanguages": "de", "useragent": "webextension-chrome-ng"}
    response = client.post("/v2/check", data=form)
    assert response.status_code == 200, response.text
    body = response.json()
    check_shape(body)
    assert body["language"]["detectedLanguage"]["code"] == lang
    assert body["language"]["code"] == ("en-GB" if lang == "en" else lang)
    [match] = body["matches"]
    assert match["replacements"] and match["rule"]["id"].startswith("out_of_stock.")
    result = Rewriter(lang).rewrite(text)
    assert apply(text, match) == result.output         # accepting the match gives the rewrite
    assert match["sentence"] == SENTENCES[lang]
    context = match["context"]
    assert lt_slice(context["text"], context) == lt_slice(text, match)


def ltex_post(client, annotation: list[dict], language: str = "en-US") -> dict:
    """LTeX's request: form-encoded language and data (and motherTongue, level), labelled application/json."""
    fields = {"language": language, "data": json.dumps({"annotation": annotation}), "motherTongue": "fi",
              "level": "picky", "enabledRules": "EN_QUOTES"}
    body = urllib.parse.urlencode(fields).encode()
    response = client.post("/v2/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    check_shape(response.json())
    return response.json()


def test_ltex_shape_maps_offsets_through_markup(client):
    annotation = [
        {"markup": "\\section{"}, {"text": "Stock"}, {"markup": "}", "interpretAs": "\n\n"},
        {"text": "Dear customer, unfortunately the red dress is out of stock."}, {"markup": "\n% end"},
    ]
    body = ltex_post(client, annotation)
    assert body["language"]["code"] == "en-US"
    [match] = body["matches"]
    document = "".join(item.get("text", item.get("markup", "")) for item in annotation)
    # the offsets count the markup: they point into the document as the client sent it
    assert lt_slice(document, match) == "unfortunately the red dress is out of"   # "stock." is shared with the rewrite
    assert match["sentence"] == "Dear customer, unfortunately the red dress is out of stock."
    expected = Rewriter("en").rewrite(annotation[3]["text"]).output
    assert apply(document, match) == document.replace(annotation[3]["text"], expected)


def test_a_match_over_markup_offers_its_rewrite_in_words_only(client):
    annotation = [
        {"text": "Dear customer, "}, {"markup": "\\emph{"}, {"text": "unfortunately"}, {"markup": "}"},
        {"text": " the red dress is out of stock."},
    ]
    [match] = ltex_post(client, annotation)["matches"]
    document = "".join(item.get("text", item.get("markup", "")) for item in annotation)
    assert lt_slice(document, match) == "unfortunately} the red dress is out of"
    assert match["replacements"] == []          # accepting would delete the \emph markup
    assert "Suggested rewrite: we can let you know" in match["message"]


def test_non_bmp_characters_count_two_utf16_units(client):
    text = "𝄞😀 Hi Anna, unfortunately the red dress is out of stock.\n\nBob 👍"
    body = client.post("/v2/check", data={"text": text, "language": "en-US"}).json()
    [match] = body["matches"]
    start = text.index("unfortunately")
    assert match["offset"] == len(utf16(text[:start])) // 2 == start + 2
    assert lt_slice(text, match) == "unfortunately the red dress is out of"
    assert apply(text, match) == Rewriter("en").rewrite(text).output
    assert lt_slice(match["context"]["text"], match["context"]) == "unfortunately the red dress is out of"
    # a finding with no rewrite, after non-BMP characters
    text = "😀🙂 Hei! 𝄞 " + SENTENCES["nb"]
    body = client.post("/v2/check", data={"text": text, "language": "nb-NO"}).json()
    assert body["matches"]
    for match in body["matches"]:
        assert lt_slice(text, match) in SENTENCES["nb"]
    # and after non-BMP markup
    data = json.dumps({"annotation": [{"markup": "<img alt='😀'>", "interpretAs": " "}, {"text": SENTENCES["en"]}]})
    [match] = client.post("/v2/check", data={"data": data, "language": "en"}).json()["matches"]
    assert lt_slice("<img alt='😀'>" + SENTENCES["en"], match).startswith("Unfortunately")


def test_findings_without_a_safe_rewrite_have_no_replacement(client):
    # a bare negation no rule explains: reported, with nothing to accept
    text = "We do not do that on Sundays because the office is never open."
    result = Rewriter("en").rewrite(text)
    body = client.get("/v2/check", params={"text": text, "language": "en"}).json()
    unrewritten = [f for f in result.findings if not any(e.start <= f.start < e.end for e in result.edits)]
    assert len([m for m in body["matches"] if not m["replacements"]]) == len(unrewritten)
    for match in body["matches"]:
        if not match["replacements"]:
            assert lt_slice(text, match) in {f.text for f in unrewritten}


def test_disabled_rules_and_categories(client):
    base = {"text": SENTENCES["en"], "language": "en-US"}
    assert client.post("/v2/check", data={**base, "disabledRules": "out_of_stock.item_out_of_stock"}).json()["matches"] == []
    assert client.post("/v2/check", data={**base, "disabledCategories": "out_of_stock"}).json()["matches"] == []
    assert client.post("/v2/check", data={**base, "enabledOnly": "true"}).json()["matches"] == []
    assert len(client.post("/v2/check", data={**base, "enabledOnly": "true",
                                              "enabledCategories": "out_of_stock"}).json()["matches"]) == 1


def test_v2_errors_and_edge_cases(client):
    assert client.post("/v2/check", data={"text": "x", "language": "de-DE"}).status_code == 400
    assert "'text' or 'data'" in client.post("/v2/check", data={"language": "en"}).json()["error"]
    assert client.post("/v2/check", data={"data": "{oops", "language": "en"}).status_code == 400
    multipart = client.post("/v2/check", files={"text": (None, "x")}, data={"language": "en"})
    assert multipart.status_code == 400 and "form-encoded" in multipart.json()["error"]
    # too little text to tell the language: checked as the client's preferred one, confidence 0
    body = client.post("/v2/check", data={"text": "12345 !", "language": "auto", "preferredVariants": "nb-NO"}).json()
    assert body["matches"] == [] and body["language"]["detectedLanguage"]["confidence"] == 0.0
    assert body["language"]["code"] == "nb-NO"
    assert client.post("/v2/check", data={"text": "", "language": "auto"}).json()["matches"] == []


# --- a started `rewriter serve` ----------------------------------------------

@pytest.fixture(scope="module")
def server():
    with LocalServer(["--timeout", "5", "--max-bytes", "20000"]) as running:
        yield running


def post(url: str, path: str, body: bytes, content_type: str = "application/json") -> tuple[int, dict]:
    request = urllib.request.Request(url + path.lstrip("/"), data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_started_server_answers_every_language_concurrently(server):
    assert server.url.startswith("http://127.0.0.1:")
    results: dict[str, dict] = {}

    def ask(lang: str) -> None:
        status, body = post(server.url, "/v1/rewrite", json.dumps({"text": SENTENCES[lang], "lang": "auto"}).encode())
        assert status == 200
        results[lang] = body

    threads = [threading.Thread(target=ask, args=(lang,)) for lang in SENTENCES for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {lang: body["lang"] for lang, body in results.items()} == {lang: lang for lang in SENTENCES}
    assert all(body["changed"] for body in results.values())


def test_started_server_limits_and_errors(server):
    status, body = post(server.url, "/v1/rewrite", json.dumps({"text": "x" * 30000}).encode())
    assert status == 413 and "20000" in body["error"]
    status, body = post(server.url, "/v1/check", b'{"text": ')
    assert status == 400 and body["error"].startswith("malformed JSON")
    status, body = post(server.url, "/v2/check", urllib.parse.urlencode(
        {"text": SENTENCES["is"], "language": "auto", "level": "picky"}).encode(), "application/x-www-form-urlencoded")
    assert status == 200 and body["language"]["detectedLanguage"]["code"] == "is" and body["matches"]
    assert server.get_json("v2/languages")
    assert server.get_json("health")["status"] == "ok"


def test_started_server_refuses_other_host_names(server):
    host, port = server.url.split("//")[1].rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", "/health", headers={"Host": "rebound.example"})
    response = connection.getresponse()
    assert response.status == 400 and "rebound.example" in json.loads(response.read())["error"]
    connection.close()


def test_started_server_timeout_is_503_and_it_keeps_serving():
    text = " ".join([SENTENCES["en"]] * 300)
    with LocalServer(["--timeout", "0.001", "--workers", "1"]) as tight:
        for _ in range(2):
            status, body = post(tight.url, "/v1/rewrite", json.dumps({"text": text, "lang": "en"}).encode())
            assert status == 503 and "limit" in body["error"]
        assert tight.get_json("health")["status"] == "ok"
        assert tight.process.poll() is None
    assert tight.process.returncode in (0, -15)


def test_serve_reports_a_taken_port_in_one_line(server):
    port = server.url.rstrip("/").rsplit(":", 1)[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "rewriter", "serve", "--port", port], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, env=env)
    assert done.returncode == 2
    assert done.stderr.strip() == f"rewriter: error: cannot listen on 127.0.0.1:{port}: Address already in use"
