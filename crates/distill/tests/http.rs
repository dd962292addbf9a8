//! The web app and JSON API over a real socket on 127.0.0.1.

use serde_json::Value;

use crate::support::*;

#[test]
fn api_and_pages_serve_what_show_prints() {
    let data = sample_library();
    let server = Server::start(data);
    let list = json(data, &["list", "--json", "--limit", "1000"]);
    let first = list[0]["id"].as_str().unwrap();

    let (status, head, body) = server.get("/api/articles?limit=500");
    assert_eq!(status, 200);
    assert!(head.contains("application/json"));
    let api: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(api["total"].as_u64().unwrap() as usize, list.as_array().unwrap().len());
    assert_eq!(api["articles"], list);

    for item in list.as_array().unwrap().iter().take(5) {
        let id = item["id"].as_str().unwrap();
        let (status, _, body) = server.get(&format!("/api/articles/{id}"));
        assert_eq!(status, 200);
        let from_api: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(from_api, json(data, &["show", id, "--json"]), "{id}");
    }

    let article = json(data, &["show", first, "--json"]);
    let (status, head, page) = server.get(&format!("/articles/{first}"));
    assert_eq!(status, 200);
    assert!(head.contains("content-security-policy: default-src 'none'"), "{head}");
    assert!(page.contains("<h2>Key points</h2>") && page.contains("<h2>Insights</h2>"));
    assert!(page.contains("name=\"q\""), "search box");
    assert!(!page.contains("http://") || !page.contains("<script"), "no scripts, no CDN");
    for b in article["summary"]["bullets"].as_array().unwrap() {
        for c in b["citations"].as_array().unwrap() {
            let c = c.as_u64().unwrap();
            assert!(page.contains(&format!("href=\"#s{c}\"")), "marker for s{c}");
            assert!(page.contains(&format!("class=\"sentence cited\" id=\"s{c}\"")), "highlighted s{c}");
        }
    }
    // The home pages, followed to the last: each story once.
    let mut home = String::new();
    for number in 1.. {
        let (status, _, page) = server.get(&format!("/?page={number}"));
        assert_eq!(status, 200);
        home.push_str(&page);
        if !page.contains("rel=\"next\"") {
            break;
        }
    }
    let stories = json(data, &["stories", "--json", "--limit", "1000"]);
    let stories = stories["stories"].as_array().unwrap();
    assert!(!stories.is_empty());
    for story in stories {
        let id = story["id"].as_str().unwrap();
        assert_eq!(home.matches(&format!("href=\"/stories/{id}\"")).count(), 1, "{story}");
    }
    let (status, _, body) = server.get("/api/stories?limit=500");
    assert_eq!(status, 200);
    let api: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(api["stories"].as_array().unwrap(), stories);
    assert_eq!(api["total"].as_u64().unwrap() as usize, stories.len());
    let copy = list.as_array().unwrap().iter().find(|a| !a["duplicate_of"].is_null()).unwrap();
    let (_, _, page) = server.get(&format!("/articles/{}", copy["duplicate_of"].as_str().unwrap()));
    assert!(page.contains("<h2>Also reported by</h2>") && page.contains(copy["id"].as_str().unwrap()));
}

#[test]
fn search_over_http_and_errors() {
    let data = sample_library();
    let server = Server::start(data);
    let (status, _, body) = server.get("/api/search?q=lithium+mine&limit=3");
    assert_eq!(status, 200);
    let results: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(results, json(data, &["search", "lithium mine", "--json", "--limit", "3"]));
    assert!(results["hits"].as_array().unwrap().len() == 3);

    let (status, _, page) = server.get("/search?q=lithium");
    assert_eq!(status, 200);
    assert!(page.contains("<mark>lithium</mark>"), "{page}");

    let (status, _, body) = server.get("/api/articles/doesnotexist");
    assert_eq!(status, 404);
    let err: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(err["code"], "not_found");
    let (status, _, _) = server.get("/articles/doesnotexist");
    assert_eq!(status, 404);
    let (status, _, body) = server.get("/api/search?q=x&since=notadate");
    assert_eq!(status, 400);
    assert!(body.contains("bad_date"));
    let (status, _, _) = server.get(&format!("/api/search?q={}", "(".repeat(500)));
    assert_eq!(status, 200);
}

#[test]
fn article_text_is_escaped() {
    let data = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let page = inputs.path().join("xss.html");
    std::fs::write(&page, "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Title</title></head><body><article>\
        <p>The council voted &lt;img src=x onerror=alert(1)&gt; on Tuesday to approve the budget for schools, roads and parks.</p>\
        <p><script>alert(2)</script>Officials said the plan \"would change everything\" for the city and its residents.</p></article></body></html>").unwrap();
    assert!(run(data.path(), &["ingest", page.to_str().unwrap()]).status.success());
    let id = json(data.path(), &["list", "--json"])[0]["id"].as_str().unwrap().to_string();
    let server = Server::start(data.path());
    let (_, _, body) = server.get(&format!("/articles/{id}"));
    assert!(!body.contains("<script>alert") && !body.contains("<img src=x"), "{body}");
    assert!(body.contains("&#60;img src=x onerror=alert(1)&#62;"), "{body}");
    assert!(!body.contains("alert(2)"), "script content is not article text");
    let (_, _, home) = server.get("/");
    assert!(home.contains("&#60;script&#62;alert(1)&#60;/script&#62; Title"), "{home}");
}

/// Ingests one HTML page into a fresh library: the library (kept alive by the
/// caller), the article's id, and what `show --json` prints for it.
fn ingest_one(html: &str) -> (tempfile::TempDir, String, Value) {
    let data = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let page = inputs.path().join("page.html");
    std::fs::write(&page, html).unwrap();
    assert!(run(data.path(), &["ingest", page.to_str().unwrap()]).status.success());
    let id = json(data.path(), &["list", "--json"])[0]["id"].as_str().unwrap().to_string();
    let article = json(data.path(), &["show", &id, "--json"]);
    (data, id, article)
}

/// A code block keeps its lines in the stored body, and the article page shows a
/// paragraph written on several lines as written, in `<pre>`.
#[test]
fn code_is_shown_as_written() {
    let (data, id, article) = ingest_one(
        "<html><head><title>Rust for beginners</title></head><body><article>\
        <p>The language team published a short guide on Tuesday for people who write their first program this year.</p>\
        <p>It starts with the smallest program there is, which prints a greeting and then ends at once.</p>\
        <pre><code>fn main() {\n    println!(\"a &lt; b\");\n}</code></pre>\
        <p>The guide then explains each line, and what the compiler checks before the program ever runs.</p>\
        <pre>    let x = 1;\n}</pre></article></body></html>",
    );
    assert!(
        article["text"].as_str().unwrap().contains("\n\nfn main() {\n    println!(\"a < b\");\n}\n\n"),
        "{article}"
    );
    let server = Server::start(data.path());
    let (_, _, body) = server.get(&format!("/articles/{id}"));
    let pre = body
        .split("<pre>")
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .unwrap_or_else(|| panic!("no <pre> in {body}"));
    assert!(pre.contains("fn main() {\n    println!(&#34;a &#60; b&#34;);\n}"), "{pre}");
    // A block whose first line is indented more than the rest keeps that indentation.
    assert!(body.contains("<pre>    <span class=\"sentence\""), "{body}");
    assert_eq!(body.matches("<pre>").count(), 2, "prose stays in paragraphs: {body}");
}

/// Lists and headings keep their shape from the page to the stored text ("- ",
/// "2. ", "## ") to the article page (`<ul>`, `<ol>`, `<h3>`), and no sentence, so
/// no key point, opens with a marker.
#[test]
fn lists_and_headings_keep_their_shape() {
    let (data, id, article) = ingest_one(
        "<html><head><title>Bread for beginners</title></head><body><article>\
        <p>The baking school published a short guide on Tuesday for people who bake their first loaf this winter.</p>\
        <p>It lists what a first loaf needs, all of it sold in any grocery store in town:</p>\
        <ul><li>Five hundred grams of strong white flour</li><li>Seven grams of dried yeast</li></ul>\
        <h2>The steps</h2><p>Then it gives the steps in the order the school teaches them to its students:</p>\
        <ol><li>Mix the flour, the yeast and warm water.</li><li><p>Knead the dough for ten minutes.</p></li></ol>\
        <p>The guide then explains each step, and what goes wrong when one of them is rushed.</p></article></body></html>",
    );
    let text = article["text"].as_str().unwrap();
    assert!(
        text.contains("\n\n- Five hundred grams of strong white flour\n\n- Seven grams of dried yeast\n\n"),
        "{article}"
    );
    assert!(
        text.contains("\n\n1. Mix the flour, the yeast and warm water.\n\n2. Knead the dough for ten minutes.\n\n")
    );
    assert!(text.contains("\n\n## The steps\n\nThen it gives"), "{text}");
    let server = Server::start(data.path());
    let (_, _, page) = server.get(&format!("/articles/{id}"));
    let body = page.split("<section class=\"body\">").nth(1).and_then(|b| b.split("</section>").next()).unwrap();
    let list = |open: &str, close: &str| -> Vec<String> {
        let inside = body
            .split(open)
            .nth(1)
            .and_then(|rest| rest.split(close).next())
            .unwrap_or_else(|| panic!("no {open} in {body}"));
        inside.split("<li>").skip(1).map(|item| item.split('>').nth(1).unwrap_or("").replace("</span", "")).collect()
    };
    assert_eq!(list("<ul>", "</ul>"), ["Five hundred grams of strong white flour", "Seven grams of dried yeast"]);
    assert_eq!(
        list("<ol start=\"1\">", "</ol>"),
        ["Mix the flour, the yeast and warm water.", "Knead the dough for ten minutes."]
    );
    assert!(!body.contains(">- ") && !body.contains(">1. "), "markers are the list's, not the text's: {body}");
    // The article's `<h2>` is an `<h3>` under the page's own `<h1>`.
    assert!(body.contains("</ul><h3><span class=\"sentence\" id=\"s4\">The steps</span></h3><p>"), "{body}");
}

/// Sends raw bytes to the server and reads the answer until it closes the connection:
/// (status, head lowercased, body).
fn raw(server: &Server, request: &[u8]) -> (u16, String, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(&server.addr).unwrap();
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    stream.write_all(request).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or_else(|| panic!("no HTTP answer: {answer:?}"));
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, head.to_ascii_lowercase(), body.to_string())
}

fn get(path: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").into_bytes()
}

/// Issue 16: bad query parameters and a path that is not UTF-8 got axum's plain-text
/// messages, a wrong method an empty body, and a 100k-character id an empty 414.
/// Every rejection under /api/ is JSON `{message, code, type, link}` with its code,
/// whichever layer rejects it (an extractor, the router, the limits, or hyper itself).
#[test]
fn every_api_rejection_is_json_with_a_stable_code() {
    let server = Server::start(sample_library());
    let long = |n: usize| format!("/api/articles/{}", "a".repeat(n));
    let many_headers: String = (0..200).map(|i| format!("X-Header-{i}: {i}\r\n")).collect();
    let cases: Vec<(String, Vec<u8>, u16, &str)> = vec![
        ("limit=abc".into(), get("/api/articles?limit=abc"), 400, "bad_parameter"),
        ("limit=-1".into(), get("/api/articles?limit=-1"), 400, "bad_parameter"),
        ("limit=1.5".into(), get("/api/search?q=port&limit=1.5"), 400, "bad_parameter"),
        ("repeated".into(), get("/api/articles?limit=1&limit=2"), 400, "bad_parameter"),
        ("overflow".into(), get("/api/articles?limit=99999999999999999999999"), 400, "bad_parameter"),
        ("offset=abc".into(), get("/api/search?q=port&offset=abc"), 400, "bad_parameter"),
        ("bad date".into(), get("/api/search?q=port&since=notadate"), 400, "bad_date"),
        ("long query".into(), get(&format!("/api/search?q={}", "port+".repeat(300))), 400, "bad_query"),
        ("invalid UTF-8".into(), get("/api/articles/%FF"), 400, "bad_path"),
        ("unknown route".into(), get("/api/nope"), 404, "not_found"),
        ("unknown id".into(), get("/api/articles/doesnotexist"), 404, "not_found"),
        ("unknown story".into(), get("/api/stories/doesnotexist"), 404, "not_found"),
        ("story since".into(), get("/api/stories?since=notadate"), 400, "bad_date"),
        ("story limit".into(), get("/api/stories?limit=abc"), 400, "bad_parameter"),
        (
            "POST".into(),
            b"POST /api/articles HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec(),
            405,
            "method_not_allowed",
        ),
        (
            "DELETE".into(),
            b"DELETE /api/articles/x HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".to_vec(),
            405,
            "method_not_allowed",
        ),
        (
            "big body".into(),
            b"POST /api/search HTTP/1.1\r\nHost: t\r\nContent-Length: 5000000\r\nConnection: close\r\n\r\n".to_vec(),
            413,
            "payload_too_large",
        ),
        ("10k id".into(), get(&long(10_000)), 414, "uri_too_long"),
        // Over hyper's own limit (65,534 bytes): hyper answers before axum runs.
        ("100k id".into(), get(&long(100_000)), 414, "uri_too_long"),
        (
            "200 headers".into(),
            format!("GET /api/articles HTTP/1.1\r\nHost: t\r\n{many_headers}Connection: close\r\n\r\n").into_bytes(),
            431,
            "headers_too_large",
        ),
        (
            "not HTTP".into(),
            b"GET /api/a b HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".to_vec(),
            400,
            "bad_request",
        ),
    ];
    for (name, request, status, code) in cases {
        let (got, head, body) = raw(&server, &request);
        assert_eq!(got, status, "{name}: {head}\n{body}");
        assert!(head.contains("content-type: application/json"), "{name}: {head}");
        let error: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{name}: not JSON ({e}): {body}"));
        assert_eq!(error["code"], code, "{name}: {body}");
        assert_eq!(error["type"], "invalid_request", "{name}");
        assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()), "{name}: {body}");
        assert!(error["link"].as_str().unwrap().ends_with(code), "{name}: {body}");
        if status == 405 {
            assert!(head.contains("allow: get,head"), "{name}: {head}");
        }
    }
    // An empty parameter is an absent one (as a form sends it).
    let (status, _, body) = server.get("/api/articles?limit=&offset=");
    assert_eq!(status, 200, "{body}");
}

/// The pages answer the same faults with an HTML error page and the same status.
#[test]
fn page_rejections_are_html_with_the_right_status() {
    let server = Server::start(sample_library());
    for (request, status) in [
        (get("/articles/%FF"), 400),
        (get("/search?q=port&limit=abc"), 400),
        (get("/search?q=port&limit=1&limit=2"), 400),
        (get("/search?q=port&since=notadate"), 400),
        (get("/nope"), 404),
        (get("/articles/doesnotexist"), 404),
        (b"POST /feeds HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec(), 405),
        (get(&format!("/articles/{}", "a".repeat(10_000))), 414),
    ] {
        let (got, head, body) = raw(&server, &request);
        let line = String::from_utf8_lossy(&request[..40.min(request.len())]).into_owned();
        assert_eq!(got, status, "{line}: {head}");
        assert!(head.contains("content-type: text/html"), "{line}: {head}");
        assert!(body.starts_with("<!doctype html>") && body.contains(&format!("<h1>{status}</h1>")), "{line}: {body}");
    }
}

/// The CLI reports the API's codes: the same fault gets the same code from both,
/// printed as `error[code]: message` with exit status 1 (usage errors stay 2).
#[test]
fn the_cli_and_the_api_report_the_same_codes() {
    let data = sample_library();
    let server = Server::start(data);
    let long = "port ".repeat(300);
    let cases: [(&[&str], String, &str); 3] = [
        (&["show", "nope"], "/api/articles/nope".into(), "not_found"),
        (&["search", "port", "--since", "notadate"], "/api/search?q=port&since=notadate".into(), "bad_date"),
        (&["search", long.as_str()], format!("/api/search?q={}", long.replace(' ', "+")), "bad_query"),
    ];
    for (args, path, code) in cases {
        let out = run(data, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.starts_with(&format!("error[{code}]: ")), "{args:?}: {err}");
        let (_, _, body) = server.get(&path);
        assert_eq!(serde_json::from_str::<Value>(&body).unwrap()["code"], code, "{path}: {body}");
    }
    let out = run(data, &["feeds", "remove", "https://nowhere.example/feed"]);
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error[not_found]: no feed"), "{out:?}");
    // A data folder that cannot be opened: the store is unavailable.
    let file = tempfile::NamedTempFile::new().unwrap();
    let out = run(file.path(), &["list"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code() == Some(1) && err.starts_with("error[store_unavailable]: "), "{err}");
    // A usage error is clap's, with its own status.
    let out = run(data, &["show"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Who said what: `show --json` lists the sample corpus's quotes with their
/// speakers resolved, each direct quote found word for word in the body, the API
/// agrees, and the article page shows them quoted, each citing its sentence.
#[test]
fn who_said_what_in_show_json_and_on_the_article_page() {
    let data = sample_library();
    let list = json(data, &["list", "--json", "--limit", "1000"]);
    let item =
        list.as_array().unwrap().iter().find(|a| a["title"].as_str().unwrap().starts_with("Inside TESSERA-3")).unwrap();
    let id = item["id"].as_str().unwrap();
    let article = json(data, &["show", id, "--json"]);
    let text = article["text"].as_str().unwrap();
    let sentences = article["sentences"].as_array().unwrap();
    let said = article["attributions"].as_array().unwrap();
    assert!(said.len() >= 8, "{said:#?}");
    for a in said {
        let s = a["sentence"].as_u64().unwrap() as usize;
        assert!(s < sentences.len(), "{a}");
        assert!(matches!(a["stance"].as_str(), Some("asserted" | "hedged" | "contested")), "{a}");
        if a["kind"] == "direct" {
            assert!(text.contains(a["text"].as_str().unwrap()), "not word for word: {a}");
        }
    }
    let quote = said.iter().find(|a| a["text"] == "The science moved faster than the plumbing").unwrap();
    assert_eq!(quote["kind"], "direct");
    assert_eq!(quote["speaker"], "Aurelio Banerjee-Foss", "the surname resolves to the full name");
    assert_eq!(quote["cue"], "said");
    let she = said.iter().find(|a| a["text"].as_str().unwrap().starts_with("I hope it gets approved")).unwrap();
    assert_eq!(she["speaker"], "Eleanor Whitlock-Sandoval", "she is the woman named before");
    let critics = said.iter().find(|a| a["speaker"] == "Critics").unwrap();
    assert_eq!(
        (critics["kind"].as_str(), critics["text"].as_str()),
        (Some("reported"), Some("those plans remain vague"))
    );

    let server = Server::start(data);
    let (status, _, body) = server.get(&format!("/api/articles/{id}"));
    assert_eq!(status, 200);
    let from_api: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(from_api["attributions"], article["attributions"]);
    let (status, _, page) = server.get(&format!("/articles/{id}"));
    assert_eq!(status, 200);
    let section = &page[page.find("<h2>Who said what</h2>").expect("a Who said what section")..];
    let section = &section[..section.find("</section>").unwrap()];
    let s = quote["sentence"].as_u64().unwrap();
    assert!(
        section.contains(&format!(
            "<span class=\"speaker\">Aurelio Banerjee-Foss</span> <span class=\"meta\">said</span>: “The science moved faster than the plumbing” <a class=\"cite\" href=\"#s{s}\""
        )),
        "{section}"
    );
    assert!(
        section.contains(
            "<span class=\"speaker\">Critics</span> <span class=\"meta\">argue</span>: those plans remain vague"
        ),
        "{section}"
    );
    assert!(page.contains(&format!("id=\"s{s}\"")), "the cited sentence is in the body");
}

/// The article page lists who is who, each name linked to its entity page, as `show --json`
/// has them; most articles of the sample corpus name a person.
#[test]
fn the_article_page_lists_who_is_who() {
    let data = sample_library();
    let server = Server::start(data);
    let list = json(data, &["list", "--json", "--limit", "1000"]);
    let mut with_person = 0;
    for item in list.as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        let article = json(data, &["show", id, "--json"]);
        let Some(person) = article["entities"].as_array().unwrap().iter().find(|e| e["type"] == "person") else {
            continue;
        };
        with_person += 1;
        if with_person > 3 {
            continue;
        }
        let name = person["name"].as_str().unwrap();
        let (status, _, page) = server.get(&format!("/articles/{id}"));
        assert_eq!(status, 200);
        let section = page
            .split("<section class=\"entities\">")
            .nth(1)
            .expect("an entities section")
            .split("</section>")
            .next()
            .unwrap();
        assert!(section.contains("<h2>People and organisations</h2>"), "{section}");
        let page = segment(name);
        assert!(section.contains(&format!("href=\"/entity/{page}\">{name}</a>")), "{name} in {section}");
        assert!(section.contains(&format!("person · {}", person["role"].as_str().unwrap())), "{section}");
    }
    assert!(with_person * 2 >= list.as_array().unwrap().len(), "{with_person} articles name a person");
}

/// A name as one path segment, as the pages link it.
fn segment(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// An article's first entity that is no publisher, with another such entity beside it.
fn entity_with_company(data: &std::path::Path) -> (String, Value) {
    let list = json(data, &["list", "--json", "--limit", "1000"]);
    for item in list.as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        let article = json(data, &["show", id, "--json"]);
        let named: Vec<&Value> =
            article["entities"].as_array().unwrap().iter().filter(|e| e["role"] != "publisher").collect();
        if named.len() >= 2 {
            return (id.to_string(), named[0].clone());
        }
    }
    panic!("no article of the sample corpus names two entities")
}

/// The entity page and API: an article's entity links to its page, which lists the
/// article, the entities named beside it and its mentions over time, as `distill
/// entity --json` has them; an alias finds the same entity.
#[test]
fn an_entity_page_lists_its_articles_and_company() {
    let data = sample_library();
    let server = Server::start(data);
    let (id, entity) = entity_with_company(data);
    let name = entity["name"].as_str().unwrap();

    let (_, _, article_page) = server.get(&format!("/articles/{id}"));
    let link = format!("href=\"/entity/{}\"", segment(name));
    assert!(article_page.contains(&link), "{link} not on the article page");

    let (status, head, body) = server.get(&format!("/api/entities/{}", segment(name)));
    assert_eq!(status, 200, "{body}");
    assert!(head.contains("application/json"));
    let view: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(view, json(data, &["entity", name, "--json"]), "the API and the CLI agree");
    let articles = view["articles"].as_array().unwrap();
    assert!(articles.iter().any(|a| a["id"] == id.as_str()), "{id} not among {articles:#?}");
    assert_eq!(view["articles_in_all"].as_u64().unwrap() as usize, articles.len());
    assert!(articles.iter().all(|a| a["mentions"].as_u64().unwrap() >= 1), "{articles:#?}");
    let co = view["co_mentioned"].as_array().unwrap();
    assert!(!co.is_empty(), "{name} is named with no one: {view:#}");
    assert!(co.iter().all(|c| c["name"] != name), "{co:#?}");
    let dated: u64 = view["timeline"].as_array().unwrap().iter().map(|p| p["articles"].as_u64().unwrap()).sum();
    let with_date = articles.iter().filter(|a| !a["published"].is_null()).count() as u64;
    assert_eq!(dated, with_date, "{view:#}");
    // Every listed article names it, by its name or an alias.
    for a in articles.iter().take(5) {
        let shown = json(data, &["show", a["id"].as_str().unwrap(), "--json"]);
        let names = shown["entities"].as_array().unwrap().iter().flat_map(|e| {
            std::iter::once(e["name"].as_str().unwrap())
                .chain(e["aliases"].as_array().unwrap().iter().filter_map(|x| x.as_str()))
        });
        assert!(names.map(|n| n.to_lowercase()).any(|n| n == name.to_lowercase()), "{} does not name {name}", a["id"]);
    }
    if let Some(alias) = entity["aliases"].as_array().unwrap().first().and_then(|a| a.as_str()) {
        let (status, _, body) = server.get(&format!("/api/entities/{}", segment(alias)));
        assert_eq!(status, 200, "{alias}: {body}");
        let by_alias: Value = serde_json::from_str(&body).unwrap();
        assert!(by_alias["articles"].as_array().unwrap().iter().any(|a| a["id"] == id.as_str()), "{alias}");
    }
    let (status, _, body) = server.get(&format!("/api/entities/{}?limit=1", segment(name)));
    assert_eq!(status, 200);
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap()["articles"].as_array().unwrap().len(), 1);

    let (status, head, page) = server.get(&format!("/entity/{}", segment(name)));
    assert_eq!(status, 200);
    assert!(head.contains("text/html") && head.contains("content-security-policy"), "{head}");
    assert!(page.contains(&format!("href=\"/articles/{id}\"")), "the page lists {id}");
    assert!(page.contains("<h2>Named with</h2>") && page.contains("<h2>Articles</h2>"), "{page}");
    let other = co[0]["name"].as_str().unwrap();
    assert!(page.contains(&format!("href=\"/entity/{}\"", segment(other))), "{other} is linked");
    assert!(!page.contains("<script"), "no scripts");
}

/// Bad entity names get a clear error in the shape of the path, never a crash: an
/// empty name, one over 200 bytes, one longer than a request may be, markup.
#[test]
fn bad_entity_names_get_clear_errors() {
    let data = sample_library();
    let server = Server::start(data);
    let error = |path: &str, status: u16, code: &str| {
        let (got, head, body) = server.get(path);
        assert_eq!(got, status, "{path}: {body}");
        assert!(head.contains("application/json"), "{path}: {head}");
        let err: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(err["code"], code, "{path}: {body}");
        err["message"].as_str().unwrap().to_string()
    };
    assert!(error("/api/entities/%20%20", 400, "bad_parameter").contains("name"));
    let long = error(&format!("/api/entities/{}", "x".repeat(300)), 400, "bad_parameter");
    assert!(long.contains("200 bytes"), "{long}");
    error(&format!("/api/entities/{}", "x".repeat(10_000)), 414, "uri_too_long");
    let script = error("/api/entities/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 404, "not_found");
    assert!(script.contains("<script>alert(1)</script>"), "the message names it: {script}");
    error("/api/entities/Stanis%C5%82aw%20Nobody", 404, "not_found");
    error("/api/entities/NATO?limit=0", 400, "bad_parameter");

    let (status, head, page) = server.get("/entity/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert_eq!(status, 404);
    assert!(head.contains("text/html"), "{head}");
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(page.contains("&#60;script&#62;alert(1)&#60;/script&#62;"), "{page}");
    let (status, _, page) = server.get(&format!("/entity/{}", "y".repeat(300)));
    assert_eq!(status, 400);
    assert!(page.contains("200 bytes"), "{page}");
    let (status, _, _) = server.get(&format!("/entity/{}", "y".repeat(10_000)));
    assert_eq!(status, 414);
    let (status, _, _) = server.get("/entity/");
    assert_eq!(status, 404);
    let (status, _, _) = server.get("/healthz");
    assert_eq!(status, 200, "the server still serves");
}
