//! robots.txt (RFC 9309): the group for our product token (else `*`), `Allow` and
//! `Disallow` rules with `*` and `$` patterns, the longest match winning and `Allow`
//! winning ties, and `Crawl-delay` as a politeness hint.

use std::time::Duration;

/// The rules of one host for one user agent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    rules: Vec<Rule>,
    /// The host's requested delay between requests, if any.
    pub crawl_delay: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq)]
struct Rule {
    allow: bool,
    pattern: String,
}

/// Largest robots.txt read; RFC 9309 requires at least 500 KiB.
pub const MAX_ROBOTS_BYTES: usize = 512 * 1024;

impl Robots {
    /// Everything allowed (no robots.txt, or a 4xx answer).
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// Everything disallowed (the server failed: back off until it answers).
    pub fn disallow_all() -> Robots {
        Robots { rules: vec![Rule { allow: false, pattern: "/".into() }], crawl_delay: None }
    }

    /// Parses a robots.txt body for the agent named `product` (e.g. "distill").
    pub fn parse(body: &str, product: &str) -> Robots {
        let product = product.to_ascii_lowercase();
        // Groups: consecutive user-agent lines, then their rules.
        let mut groups: Vec<(Vec<String>, Robots)> = Vec::new();
        let mut in_agents = false;
        for line in body.lines().take(100_000) {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else { continue };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push((Vec::new(), Robots::default()));
                        in_agents = true;
                    }
                    if let Some(group) = groups.last_mut() {
                        group.0.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(group) = groups.last_mut()
                        && !value.is_empty()
                    {
                        group.1.rules.push(Rule { allow: key == "allow", pattern: value.to_string() });
                    }
                }
                "crawl-delay" => {
                    in_agents = false;
                    if let Some(group) = groups.last_mut()
                        && let Ok(seconds) = value.parse::<f64>()
                        && seconds.is_finite()
                        && seconds >= 0.0
                    {
                        group.1.crawl_delay = Some(Duration::from_secs_f64(seconds.min(60.0)));
                    }
                }
                _ => {}
            }
        }
        let mut ours = Robots::default();
        let mut any = Robots::default();
        let (mut found_ours, mut found_any) = (false, false);
        for (agents, robots) in groups {
            if agents.iter().any(|a| a != "*" && !a.is_empty() && product.starts_with(a.as_str())) {
                merge(&mut ours, robots);
                found_ours = true;
            } else if agents.iter().any(|a| a == "*") {
                merge(&mut any, robots);
                found_any = true;
            }
        }
        if found_ours {
            ours
        } else if found_any {
            any
        } else {
            Robots::default()
        }
    }

    /// Whether `path` (path and query of a URL) may be fetched.
    pub fn allows(&self, path: &str) -> bool {
        if path == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for rule in &self.rules {
            if matches(&rule.pattern, path) {
                let len = rule.pattern.len();
                best = match best {
                    Some((l, allow)) if l > len || (l == len && allow) => Some((l, allow)),
                    _ => Some((len, rule.allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

fn merge(into: &mut Robots, from: Robots) {
    into.rules.extend(from.rules);
    into.crawl_delay = into.crawl_delay.or(from.crawl_delay);
}

/// Matches a robots pattern (`*` any run, `$` end) against a path, without
/// backtracking blow-ups: a greedy match of the pieces between stars.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let mut pieces = pattern.split('*');
    let first = pieces.next().unwrap_or("");
    let Some(mut rest) = path.strip_prefix(first) else { return false };
    let pieces: Vec<&str> = pieces.collect();
    for (i, piece) in pieces.iter().enumerate() {
        let last = i + 1 == pieces.len();
        if last && anchored {
            return rest.ends_with(piece);
        }
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    !anchored || rest.is_empty() || pieces.last().is_some_and(|p| p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROBOTS: &str = "# comment\nUser-agent: *\nDisallow: /private/\nAllow: /private/open\nDisallow: /*.pdf$\n\nUser-agent: OtherBot\nDisallow: /\n";

    #[test]
    fn longest_match_wins_and_allow_wins_ties() {
        let robots = Robots::parse(ROBOTS, "distill");
        assert!(robots.allows("/news/1"));
        assert!(!robots.allows("/private/a"));
        assert!(robots.allows("/private/open/a"));
        assert!(!robots.allows("/files/report.pdf"));
        assert!(robots.allows("/files/report.pdf?x=1"));
        assert!(robots.allows("/robots.txt"));
        let tie = Robots::parse("User-agent: *\nDisallow: /a\nAllow: /a\n", "distill");
        assert!(tie.allows("/a"));
    }

    #[test]
    fn our_own_group_beats_the_star_group() {
        let robots = Robots::parse(
            "User-agent: *\nDisallow: /\n\nUser-agent: distill\nUser-agent: x\nDisallow: /drafts\nCrawl-delay: 2\n",
            "distill/0.1",
        );
        assert!(robots.allows("/news"));
        assert!(!robots.allows("/drafts/1"));
        assert_eq!(robots.crawl_delay, Some(Duration::from_secs(2)));
        assert!(!Robots::parse(ROBOTS, "otherbot").allows("/news"));
    }

    #[test]
    fn empty_and_broken_files_allow_everything() {
        assert!(Robots::parse("", "distill").allows("/x"));
        assert!(Robots::parse("Disallow: /\n<html>garbage", "distill").allows("/x"));
        assert!(Robots::parse("User-agent: *\nDisallow:\n", "distill").allows("/x"));
        assert!(!Robots::disallow_all().allows("/x"));
    }

    #[test]
    fn wildcards_do_not_backtrack() {
        let pattern = "/*a*a*a*a*a*a*a*a*a*a*b";
        let path = format!("/{}", "a".repeat(50_000));
        let started = std::time::Instant::now();
        assert!(!matches(pattern, &path));
        assert!(started.elapsed() < Duration::from_secs(1));
        assert!(matches("/*/edit$", "/x/y/edit"));
        assert!(!matches("/*/edit$", "/x/y/edit/more"));
    }
}
