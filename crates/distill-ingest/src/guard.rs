//! The SSRF guard: which addresses the fetcher may talk to. Public unicast addresses
//! only, unless private ones are explicitly allowed. The guard runs three times per
//! hop: on the URL (scheme and literal IPs, in every spelling the URL parser accepts),
//! on the resolved addresses at connect time (a public name that resolves to a private
//! address), and again on every redirect target.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

/// Why a URL may not be fetched.
pub fn check_url(url: &Url, allow_private: bool) -> Result<(), String> {
    match url.scheme() {
        "http" | "https" => {}
        other => return Err(format!("scheme '{other}:' is not fetched (http and https only)")),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("URLs with credentials are not fetched".to_string());
    }
    let ip = match url.host() {
        None => return Err("URL has no host".to_string()),
        Some(Host::Domain(domain)) => {
            let domain = domain.trim_end_matches('.').to_ascii_lowercase();
            if !allow_private && (domain == "localhost" || domain.ends_with(".localhost")) {
                return Err(format!("'{domain}' is a loopback name (use --allow-private to fetch it)"));
            }
            return Ok(());
        }
        Some(Host::Ipv4(v4)) => IpAddr::V4(v4),
        Some(Host::Ipv6(v6)) => IpAddr::V6(v6),
    };
    check_ip(ip, allow_private)
}

/// Refuses non-public addresses unless `allow_private`.
pub fn check_ip(ip: IpAddr, allow_private: bool) -> Result<(), String> {
    if allow_private || is_public(ip) {
        Ok(())
    } else {
        Err(format!("address {ip} is private, loopback or reserved (use --allow-private to fetch it)"))
    }
}

/// Public unicast: not loopback, private, shared (CGNAT), link-local (cloud metadata),
/// multicast, broadcast, documentation, benchmarking or otherwise reserved.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00 // unique local fc00::/7
        || (first & 0xffc0) == 0xfe80 // link-local fe80::/10
        || (first & 0xffc0) == 0xfec0 // site-local (deprecated)
        || first == 0x2001 && ip.segments()[1] == 0x0db8 // documentation
        || first == 0x0064 && ip.segments()[1] == 0xff9b // NAT64 can reach IPv4 private space
        || ip.to_ipv4().is_some()) // IPv4-compatible ::a.b.c.d
}

/// A DNS resolver that drops every non-public address after resolution, so a name
/// cannot smuggle the connection to a private host. Installed in the HTTP client,
/// it runs at connect time for every hop.
#[derive(Debug, Clone, Copy)]
pub struct GuardedResolver {
    /// Keep private addresses.
    pub allow_private: bool,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let host = name.as_str().to_string();
            let resolved: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> =
                resolved.iter().copied().filter(|a| check_ip(a.ip(), allow_private).is_ok()).collect();
            if allowed.is_empty() {
                let why = match resolved.first() {
                    Some(a) => format!(
                        "'{host}' resolves to {} which is private, loopback or reserved (use --allow-private to fetch it)",
                        a.ip()
                    ),
                    None => format!("'{host}' did not resolve"),
                };
                return Err(why.into());
            }
            let addrs: Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

impl GuardedResolver {
    /// The resolver as reqwest wants it.
    pub fn shared(allow_private: bool) -> Arc<GuardedResolver> {
        Arc::new(GuardedResolver { allow_private })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(url: &str) -> bool {
        check_url(&Url::parse(url).unwrap(), false).is_err()
    }

    #[test]
    fn private_and_reserved_addresses_are_refused() {
        for url in [
            "http://127.0.0.1/",
            "http://127.1.2.3:8080/x",
            "http://10.0.0.1/",
            "http://172.16.5.4/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
            "http://[::1]/",
            "http://[fc00::1]/",
            "http://[fd12:3456::1]/",
            "http://[fe80::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:10.1.1.1]/",
            "http://2130706433/",   // decimal 127.0.0.1
            "http://0x7f000001/",   // hex
            "http://0x7f.0.0.1/",   // mixed
            "http://017700000001/", // octal
            "http://127.1/",
            "http://localhost:3000/",
            "http://api.localhost/",
            "http://224.0.0.1/",
            "http://255.255.255.255/",
        ] {
            assert!(refused(url), "{url} must be refused");
        }
    }

    #[test]
    fn public_addresses_and_names_pass() {
        for url in ["http://93.184.216.34/", "https://example.com/a", "http://[2606:4700::1111]/", "http://8.8.8.8:80/"]
        {
            assert!(!refused(url), "{url} must pass");
        }
    }

    #[test]
    fn only_http_and_https_without_credentials() {
        for url in ["file:///etc/passwd", "data:text/html,hi", "ftp://example.com/", "gopher://example.com/"] {
            let err = check_url(&Url::parse(url).unwrap(), true).unwrap_err();
            assert!(err.contains("scheme"), "{url}: {err}");
        }
        assert!(check_url(&Url::parse("http://user:pw@example.com/").unwrap(), true).is_err());
    }

    #[test]
    fn allow_private_opens_loopback() {
        assert!(check_url(&Url::parse("http://127.0.0.1:8080/").unwrap(), true).is_ok());
        assert!(check_url(&Url::parse("http://localhost/").unwrap(), true).is_ok());
    }

    #[tokio::test]
    async fn names_that_resolve_to_private_addresses_are_refused() {
        let name: Name = "localhost".parse().unwrap();
        let err = GuardedResolver { allow_private: false }.resolve(name).await.err().expect("refused");
        assert!(err.to_string().contains("private"), "{err}");
        let name: Name = "localhost".parse().unwrap();
        let addrs: Vec<SocketAddr> = GuardedResolver { allow_private: true }.resolve(name).await.unwrap().collect();
        assert!(addrs.iter().any(|a| a.ip().is_loopback()));
    }
}
