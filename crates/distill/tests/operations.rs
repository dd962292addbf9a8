//! The API's contract and the server's operations, over a real socket: real answers
//! checked against the OpenAPI document the server serves, the Prometheus metrics
//! after real requests, and the health check.

use serde_json::Value;

use crate::support::*;

/// Resolves a `$ref` into the document.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str().and_then(|r| r.strip_prefix("#/components/schemas/")) {
        Some(name) => resolve(doc, &doc["components"]["schemas"][name]),
        None => schema,
    }
}

/// The properties and required names of an object schema, through `$ref` and `allOf`.
fn object_shape(
    doc: &Value,
    schema: &Value,
    properties: &mut serde_json::Map<String, Value>,
    required: &mut Vec<String>,
) {
    let schema = resolve(doc, schema);
    if let Some(all) = schema["allOf"].as_array() {
        for part in all {
            object_shape(doc, part, properties, required);
        }
    }
    if let Some(own) = schema["properties"].as_object() {
        properties.extend(own.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    if let Some(names) = schema["required"].as_array() {
        required.extend(names.iter().filter_map(|n| n.as_str()).map(String::from));
    }
}

fn type_matches(name: &str, value: &Value) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => false,
    }
}

/// Checks a value against a schema of the document: types, enums, array items, and
/// for objects, that every property the value carries is declared and every
/// required one is present. Problems are pushed with their JSON path.
fn check(doc: &Value, schema: &Value, value: &Value, at: &str, problems: &mut Vec<String>) {
    let schema = resolve(doc, schema);
    for key in ["oneOf", "anyOf"] {
        if let Some(choices) = schema[key].as_array() {
            let fits = choices.iter().any(|choice| {
                let mut inner = Vec::new();
                check(doc, choice, value, at, &mut inner);
                inner.is_empty()
            });
            if !fits {
                problems.push(format!("{at}: {value} fits none of {key}"));
            }
            return;
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => Vec::new(),
    };
    if !types.is_empty() && !types.iter().any(|t| type_matches(t, value)) {
        problems.push(format!("{at}: {value} is not {types:?}"));
        return;
    }
    if let Some(options) = schema["enum"].as_array()
        && !options.contains(value)
    {
        problems.push(format!("{at}: {value} is not one of {options:?}"));
    }
    match value {
        Value::Object(fields) => {
            let (mut properties, mut required) = (serde_json::Map::new(), Vec::new());
            object_shape(doc, schema, &mut properties, &mut required);
            if properties.is_empty() && schema["allOf"].is_null() && types.is_empty() {
                return; // any value (the document itself)
            }
            for name in &required {
                if !fields.contains_key(name) {
                    problems.push(format!("{at}: required property {name:?} is missing"));
                }
            }
            for (name, field) in fields {
                match properties.get(name) {
                    Some(property) => check(doc, property, field, &format!("{at}.{name}"), problems),
                    None => problems.push(format!("{at}: property {name:?} is not in the schema")),
                }
            }
        }
        Value::Array(items) if schema["items"].is_object() => {
            for (i, item) in items.iter().enumerate() {
                check(doc, &schema["items"], item, &format!("{at}[{i}]"), problems);
            }
        }
        _ => {}
    }
}

/// The schema the document gives for an answer of `path` (its template) with `status`.
fn response_schema<'a>(doc: &'a Value, path: &str, status: u16) -> &'a Value {
    let schema = &doc["paths"][path]["get"]["responses"][status.to_string()]["content"]["application/json"]["schema"];
    assert!(schema.is_object(), "the document has no {status} answer for {path}");
    schema
}

/// Every JSON answer of a running server, successes and errors, fits the schema
/// that the server's own OpenAPI document gives for its route and status.
#[test]
fn real_answers_fit_the_openapi_document() {
    let data = sample_library();
    let server = Server::start(data);
    let (status, head, body) = server.get("/api/openapi.json");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/json"), "{head}");
    let doc: Value = serde_json::from_str(&body).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));

    let list = json(data, &["list", "--json", "--limit", "1000"]);
    let copy = list.as_array().unwrap().iter().find(|a| !a["duplicate_of"].is_null()).expect("a copy in the corpus");
    let copy_id = copy["id"].as_str().unwrap();
    let original_id = copy["duplicate_of"].as_str().unwrap();
    let first = list[0]["id"].as_str().unwrap();
    let requests: Vec<(String, &str, u16)> = vec![
        ("/api/articles?limit=500".into(), "/api/articles", 200),
        ("/api/articles?limit=0".into(), "/api/articles", 200),
        ("/api/articles?limit=abc".into(), "/api/articles", 400),
        (format!("/api/articles/{first}"), "/api/articles/{id}", 200),
        (format!("/api/articles/{copy_id}"), "/api/articles/{id}", 200),
        (format!("/api/articles/{original_id}"), "/api/articles/{id}", 200),
        ("/api/articles/doesnotexist".into(), "/api/articles/{id}", 404),
        ("/api/articles/%FF".into(), "/api/articles/{id}", 400),
        ("/api/search?q=lithium+mine&limit=5".into(), "/api/search", 200),
        ("/api/search?q=x&since=notadate".into(), "/api/search", 400),
        ("/api/ask?q=How+many+accounts+did+hackers+access+at+Lumora+Pay%3F".into(), "/api/ask", 200),
        ("/api/ask?q=Who+won+the+Eurovision+song+contest+in+Oslo%3F".into(), "/api/ask", 200),
        ("/api/ask?q=".into(), "/api/ask", 400),
        ("/api/ask?q=fire&article=doesnotexist".into(), "/api/ask", 404),
        ("/api/entities/U.S.".into(), "/api/entities/{name}", 200),
        ("/api/entities/Bank%20of%20Norvale?limit=2".into(), "/api/entities/{name}", 200),
        ("/api/entities/Nobody%20Atall".into(), "/api/entities/{name}", 404),
        ("/api/entities/%20".into(), "/api/entities/{name}", 400),
        ("/api/feeds".into(), "/api/feeds", 200),
        ("/healthz".into(), "/healthz", 200),
        ("/api/openapi.json".into(), "/api/openapi.json", 200),
    ];
    let mut problems = Vec::new();
    for (request, template, expected) in &requests {
        let (status, head, body) = server.get(request);
        assert_eq!(status, *expected, "{request}: {body}");
        assert!(head.contains("content-type: application/json"), "{request}: {head}");
        let value: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{request}: {e}: {body}"));
        check(&doc, response_schema(&doc, template, status), &value, request, &mut problems);
    }
    assert!(problems.is_empty(), "answers that do not fit the document:\n{}", problems.join("\n"));

    // The checker itself fails on an undeclared property, a missing required one and
    // a wrong type, so a passing run means something.
    let (_, _, body) = server.get(&format!("/api/articles/{first}"));
    let mut article: Value = serde_json::from_str(&body).unwrap();
    article["undeclared"] = Value::Bool(true);
    article.as_object_mut().unwrap().remove("title");
    article["summary"]["bullets"] = Value::from(3);
    let mut found = Vec::new();
    check(&doc, response_schema(&doc, "/api/articles/{id}", 200), &article, "$", &mut found);
    let found = found.join("\n");
    for expected in ["\"undeclared\" is not in the schema", "\"title\" is missing", "$.summary.bullets: 3 is not"] {
        assert!(found.contains(expected), "the checker missed {expected:?}:\n{found}");
    }
}

/// The value of the exposition line that starts with `series` (name and labels).
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines().find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

/// After real requests, `/metrics` counts them by matched route (never the raw
/// path) and status, observes their latency, and reads the folder's gauges.
#[test]
fn metrics_count_requests_by_route_and_read_the_folder() {
    let data = sample_library();
    let server = Server::start(data);
    let list = json(data, &["list", "--json", "--limit", "1000"]);
    let ids: Vec<&str> = list.as_array().unwrap().iter().take(2).map(|a| a["id"].as_str().unwrap()).collect();
    for id in &ids {
        assert_eq!(server.get(&format!("/api/articles/{id}")).0, 200);
    }
    assert_eq!(server.get("/api/articles/doesnotexist").0, 404);
    assert_eq!(server.get("/api/search?q=lithium").0, 200);
    assert_eq!(server.get("/no/such/page").0, 404);

    let (status, head, text) = server.get("/metrics");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/openmetrics-text"), "{head}");
    assert!(text.ends_with("# EOF\n"), "{text}");
    let requests = |route: &str, status: u16| {
        sample(&text, &format!("distill_http_requests_total{{method=\"GET\",route=\"{route}\",status=\"{status}\"}}"))
    };
    assert_eq!(requests("/api/articles/{id}", 200), Some(2.0), "{text}");
    assert_eq!(requests("/api/articles/{id}", 404), Some(1.0), "{text}");
    assert_eq!(requests("/api/search", 200), Some(1.0), "{text}");
    assert_eq!(requests("unmatched", 404), Some(1.0), "{text}");
    for id in &ids {
        assert!(!text.contains(id), "a raw path in the labels: {id}");
    }
    assert!(!text.contains("/no/such/page"), "a raw path in the labels");
    let count = "distill_http_request_duration_seconds_count{route=\"/api/articles/{id}\"}";
    assert_eq!(sample(&text, count), Some(3.0), "{text}");
    let slowest = "distill_http_request_duration_seconds_bucket{le=\"+Inf\",route=\"/api/articles/{id}\"}";
    assert_eq!(sample(&text, slowest), Some(3.0), "{text}");

    let stored = list.as_array().unwrap().len() as f64;
    assert_eq!(sample(&text, "distill_articles_stored"), Some(stored), "{text}");
    assert_eq!(sample(&text, "distill_indexed_documents"), Some(stored), "{text}");
    assert_eq!(sample(&text, "distill_index_lag"), Some(0.0), "{text}");
    assert_eq!(sample(&text, "distill_data_readable"), Some(1.0), "{text}");
    for state in ["new", "ok", "failing", "dead"] {
        assert_eq!(sample(&text, &format!("distill_feeds{{state=\"{state}\"}}")), Some(0.0), "{state}: {text}");
    }
    assert!(sample(&text, "distill_index_catch_ups_total").is_some(), "{text}");

    // The scrape itself is counted by the next one.
    let (_, _, again) = server.get("/metrics");
    assert_eq!(
        sample(&again, "distill_http_requests_total{method=\"GET\",route=\"/metrics\",status=\"200\"}"),
        Some(1.0)
    );
}

/// `/healthz` answers 200 with the store's count and no index lag.
#[test]
fn health_reports_the_store_and_the_index() {
    let data = sample_library();
    let server = Server::start(data);
    let list = json(data, &["list", "--json", "--limit", "1000"]);
    let (status, head, body) = server.get("/healthz");
    assert_eq!(status, 200, "{body}");
    assert!(head.contains("content-type: application/json"), "{head}");
    let health: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["articles"].as_u64(), Some(list.as_array().unwrap().len() as u64));
    assert_eq!(health["indexed_documents"], health["articles"]);
    assert_eq!(health["index_lag"], 0);
    // Only the health check itself answers in JSON; a path below it is a page.
    let (status, head, _) = server.get("/healthz/more");
    assert_eq!(status, 404);
    assert!(head.contains("text/html"), "only /healthz itself is JSON: {head}");
}
