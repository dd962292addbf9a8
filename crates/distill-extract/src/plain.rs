//! Plain text (and Markdown) to a Document: keeps the longest run of prose and
//! drops page chrome around it: brand lines, "summarized by" bullet lists, lists of
//! questions, calls to action, menus. The title is the headline-like line before
//! the body; a brand line above it names the site.

use distill_core::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Prose,
    Bullet,
    Question,
    Short,
}

/// Extracts a document from plain text.
pub fn extract(text: &str) -> Document {
    let (front, text) = front_matter(text);
    let mut doc = extract_body(text);
    let get = |keys: &[&str]| keys.iter().find_map(|k| front.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()));
    if let Some(title) = get(&["title", "headline"]) {
        doc.title = Some(title);
    }
    if let Some(site) = get(&["source", "site", "site_name", "publisher"]) {
        doc.site_name = Some(site);
    }
    doc.url = get(&["url", "link", "canonical"]).filter(|u| u.starts_with("http"));
    doc.byline = get(&["author", "byline", "authors"]);
    doc.published = get(&["published", "date", "pubdate"]).and_then(|d| distill_core::time::parse_date(&d));
    doc
}

/// Splits YAML front matter (`---` … `---`) off a Markdown file and reads its
/// simple `key: value` lines.
fn front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let trimmed = text.trim_start_matches('\u{feff}');
    let Some(rest) = trimmed.strip_prefix("---\n").or_else(|| trimmed.strip_prefix("---\r\n")) else {
        return (Vec::new(), text);
    };
    let Some(end) = rest.find("\n---") else { return (Vec::new(), text) };
    let fields = rest[..end]
        .lines()
        .filter_map(|line| {
            let (k, v) = line.split_once(':')?;
            let v = v.trim().trim_matches(['"', '\'']).trim();
            (!k.starts_with(' ') && !v.is_empty() && !v.starts_with('['))
                .then(|| (k.trim().to_ascii_lowercase(), v.to_string()))
        })
        .collect();
    let body = rest[end + 4..].trim_start_matches(['-']).trim_start_matches(['\r', '\n']);
    (fields, body)
}

fn extract_body(text: &str) -> Document {
    let raw_units = split_units(text);
    let markdown_heading = raw_units.iter().position(|u| u.starts_with("# ") || u.starts_with("## "));
    let units: Vec<String> = raw_units.iter().map(|u| strip_markdown(u)).collect();
    let kinds: Vec<Unit> = units.iter().map(|u| classify(u)).collect();
    let Some((start, end)) = best_prose_run(&units, &kinds) else {
        return Document::default();
    };
    let before = &units[..start];
    let heading = markdown_heading.filter(|&h| h < start);
    let title_index = heading.or_else(|| {
        before.iter().zip(&kinds[..start]).position(|(u, k)| {
            let words = u.split_whitespace().count();
            *k != Unit::Bullet && *k != Unit::Question && (4..=30).contains(&words) && !u.ends_with(':')
        })
    });
    let title = title_index.map(|i| units[i].clone());
    let site_name = title_index.and_then(|t| {
        units[..t].iter().rev().find(|u| {
            let words = u.split_whitespace().count();
            (1..=3).contains(&words) && !u.contains("://")
        })
    });
    let mut paragraphs: Vec<String> = units[start..end].to_vec();
    if let (Some(site), Some(first)) = (site_name, paragraphs.first_mut())
        && let Some(rest) = strip_dateline(first, site)
    {
        *first = rest;
    }
    Document {
        title,
        site_name: site_name.map(|s| s.to_string()),
        text: paragraphs.join("\n\n"),
        ..Document::default()
    }
}

/// Splits text into units: paragraphs separated by blank lines, with hard-wrapped
/// lines joined, but list items and one-line-per-paragraph layouts kept apart.
fn split_units(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut units = Vec::new();
    for block in text.split("\n\n") {
        let lines: Vec<&str> = block.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if lines.is_empty() {
            continue;
        }
        let listy = lines.iter().any(|l| is_bullet(l) || l.ends_with('?') || l.starts_with('#'));
        let wrapped = lines.len() > 1
            && !listy
            && lines[..lines.len() - 1].iter().all(|l| l.len() >= 40 && !l.ends_with(['.', '!', '?', ':', '"', '”']));
        if wrapped {
            units.push(lines.join(" "));
        } else {
            units.extend(lines.into_iter().map(str::to_string));
        }
    }
    units
}

fn is_bullet(line: &str) -> bool {
    let first = line.chars().next().unwrap_or(' ');
    if matches!(first, '•' | '◦' | '▪' | '‣' | '●' | '*' | '-' | '–' | '—' | '·') {
        return line.chars().nth(1).is_some_and(char::is_whitespace);
    }
    let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
    !digits.is_empty()
        && digits.len() <= 2
        && line[digits.len()..].starts_with(['.', ')'])
        && line.len() > digits.len() + 1
}

fn classify(unit: &str) -> Unit {
    if is_bullet(unit) {
        return Unit::Bullet;
    }
    let words = unit.split_whitespace().count();
    if unit.ends_with('?') && words <= 40 {
        return Unit::Question;
    }
    let terminal = unit.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')']);
    if (words >= 12 && terminal && !has_domain(unit)) || words >= 30 { Unit::Prose } else { Unit::Short }
}

/// A bare domain or URL, the mark of a promotional line ("more at example.com").
fn has_domain(unit: &str) -> bool {
    unit.split_whitespace().any(|w| {
        let w = w.trim_end_matches(['.', ',', ')', '!']);
        w.contains("://")
            || w.starts_with("www.")
            || w.rsplit_once('.').is_some_and(|(host, tld)| {
                !host.is_empty()
                    && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
                    && (2..=12).contains(&tld.len())
                    && tld.chars().all(|c| c.is_ascii_lowercase())
            })
    })
}

/// The run of units with the most prose words. A run holds prose, and short lines
/// or single questions that sit between prose (subheadings); it ends at its last
/// prose unit, or one short closing sentence that is not a call to action.
fn best_prose_run(units: &[String], kinds: &[Unit]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    let mut i = 0;
    while i < units.len() {
        if kinds[i] != Unit::Prose {
            i += 1;
            continue;
        }
        let start = i;
        let mut last_prose = i;
        let mut words = 0;
        let mut j = i;
        while j < units.len() {
            match kinds[j] {
                Unit::Prose => {
                    last_prose = j;
                    words += units[j].split_whitespace().count();
                }
                Unit::Short | Unit::Question => {
                    let next_is_prose = kinds.get(j + 1) == Some(&Unit::Prose);
                    if !next_is_prose || has_domain(&units[j]) {
                        break;
                    }
                }
                Unit::Bullet => {
                    // A bulleted list inside the article continues it if prose follows.
                    let after = (j..units.len()).find(|&k| kinds[k] != Unit::Bullet);
                    if after.is_none_or(|k| kinds[k] != Unit::Prose) || j == start {
                        break;
                    }
                }
            }
            j += 1;
        }
        let mut end = last_prose + 1;
        if let Some(closing) = units.get(end)
            && kinds[end] == Unit::Short
            && closing.ends_with('.')
            && !has_domain(closing)
            && !is_call_to_action(closing)
        {
            end += 1;
        }
        if best.is_none_or(|b| words > b.2) {
            best = Some((start, end, words));
        }
        i = end.max(i + 1);
    }
    best.map(|(s, e, _)| (s, e))
}

fn is_call_to_action(line: &str) -> bool {
    const VERBS: &[&str] = &[
        "explore",
        "subscribe",
        "follow",
        "read",
        "sign",
        "download",
        "share",
        "click",
        "join",
        "get",
        "visit",
        "open",
        "watch",
        "listen",
        "discover",
        "learn",
        "see",
        "try",
        "register",
    ];
    let first = line.split_whitespace().next().unwrap_or("").to_lowercase();
    VERBS.contains(&first.as_str())
}

/// "Site News - Body..." or "Site: Body...": the dateline that names the site.
fn strip_dateline(paragraph: &str, site: &str) -> Option<String> {
    if !paragraph.starts_with(site) {
        return None;
    }
    let head: String = paragraph.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    for sep in [" - ", " – ", " — ", ": "] {
        if let Some(pos) = head.find(sep) {
            let rest = paragraph[pos + sep.len()..].trim_start();
            return (!rest.is_empty()).then(|| rest.to_string());
        }
    }
    None
}

/// Removes Markdown markup that is not text: heading marks, emphasis, and link
/// targets (`[text](url)` becomes `text`).
fn strip_markdown(unit: &str) -> String {
    let unit = unit.trim_start_matches('#').trim().replace("**", "").replace("__", "");
    let mut out = String::with_capacity(unit.len());
    let mut rest = unit.as_str();
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](").map(|m| m + open) else { break };
        let Some(close) = rest[mid..].find(')').map(|c| c + mid) else { break };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..mid]);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str =
        "The mayor said on Monday that the city would expand its bus network, adding routes to three districts.";

    #[test]
    fn chrome_around_the_body_is_dropped() {
        let text = format!(
            "Gazette\n\nCity Expands Its Bus Network to Three New Districts\n\nSummarized by Gazette AI\n  • point one is here\n  • point two is here\n\n\
             Gazette News - {PROSE}\n\n{PROSE} More.\n\n{PROSE} Last.\n\nMore exclusive stories at gazette.example.\n\nInsights\n\n\
             What is the plan?\n\nWho pays for it?\n\nWhen will it start?\n\nSearch\nGazette\nOpen App"
        );
        let doc = extract(&text);
        assert_eq!(doc.title.as_deref(), Some("City Expands Its Bus Network to Three New Districts"));
        assert_eq!(doc.site_name.as_deref(), Some("Gazette"));
        let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 3, "{}", doc.text);
        assert!(paragraphs[0].starts_with("The mayor said"));
        for junk in ["Summarized", "point one", "exclusive", "Insights", "What is the plan", "Search", "Open App"] {
            assert!(!doc.text.contains(junk), "{junk} survived");
        }
    }

    #[test]
    fn front_matter_and_links() {
        let text = "---\ntitle: \"Front Title\"\nsource: The Beacon\nurl: https://b.example/x\npublished: 2026-09-21T19:05:00Z\nauthor: Ann Lee\ntags: [a, b]\n---\n\n# Front Title\n\nThe complaint, filed by the law firm [Barlow Kesh LLP](https://barlowkesh.example/), names the company and its contractor as defendants.";
        let doc = extract(text);
        assert_eq!(doc.title.as_deref(), Some("Front Title"));
        assert_eq!(doc.site_name.as_deref(), Some("The Beacon"));
        assert_eq!(doc.url.as_deref(), Some("https://b.example/x"));
        assert_eq!(doc.byline.as_deref(), Some("Ann Lee"));
        assert!(doc.published.is_some());
        assert!(doc.text.starts_with("The complaint, filed by the law firm Barlow Kesh LLP, names"), "{}", doc.text);
    }

    #[test]
    fn wrapped_lines_join_and_markdown_titles_win() {
        let text = "# A Markdown Headline\n\nThe mayor said on Monday that the city would expand\nits bus network, adding routes to three districts and\nhiring forty new drivers before the winter.\n\nShare this article\nFollow us";
        let doc = extract(text);
        assert_eq!(doc.title.as_deref(), Some("A Markdown Headline"));
        assert_eq!(doc.text.lines().count(), 1, "{}", doc.text);
        assert!(doc.text.ends_with("before the winter."));
    }
}
