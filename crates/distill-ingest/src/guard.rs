//! The SSRF guard: which addresses the fetcher may talk to. Public unicast addresses
//! only, unless a [`Reach`] opens more. The guard runs three times per hop: on the URL
//! (scheme, literal IPs in every spelling the URL parser accepts, and names known to
//! be local), on the resolved addresses at connect time (a public name that resolves
//! to a private address), and again on every redirect target.
//!
//! Link-local addresses and cloud metadata endpoints are a class of their own: the
//! metadata service hands out the machine's credentials, so opening private ranges
//! for an intranet or a test must not open it too. Only [`Reach::link_local`] does.
//!
//! The decision is a pure function of the parsed address ([`classify`]), so tests
//! check it without ever connecting to such an address.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

/// Which addresses beyond the public internet the fetcher may reach.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reach {
    /// Loopback, private, shared (CGNAT), unique-local and other non-public ranges
    /// (tests, intranets). Never link-local or metadata addresses.
    pub private: bool,
    /// Link-local ranges (169.254.0.0/16, fe80::/10) and cloud metadata endpoints.
    pub link_local: bool,
}

impl Reach {
    /// Public addresses only: the default.
    pub const PUBLIC: Reach = Reach { private: false, link_local: false };

    /// Whether an address of this class may be reached.
    pub fn allows(self, class: AddressClass) -> bool {
        match class {
            AddressClass::Public => true,
            AddressClass::Private => self.private,
            AddressClass::LinkLocal | AddressClass::Metadata => self.link_local,
        }
    }

    /// Why an address of this class is refused, with the switch that would open it;
    /// `None` when it is allowed.
    fn refusal(self, class: AddressClass) -> Option<&'static str> {
        if self.allows(class) {
            return None;
        }
        Some(match class {
            AddressClass::Public => return None,
            AddressClass::Private => "private, loopback or reserved (use --allow-private to fetch it)",
            AddressClass::LinkLocal => {
                "link-local, refused even with --allow-private (use --allow-link-local to fetch it)"
            }
            AddressClass::Metadata => {
                "a cloud metadata endpoint, refused even with --allow-private (use --allow-link-local to fetch it)"
            }
        })
    }
}

/// What kind of address the guard sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressClass {
    /// Public unicast.
    Public,
    /// Loopback, private, shared, unique-local, multicast, documentation or otherwise
    /// reserved: opened by [`Reach::private`].
    Private,
    /// Link-local (169.254.0.0/16, fe80::/10): opened only by [`Reach::link_local`].
    LinkLocal,
    /// A cloud metadata endpoint (169.254.169.254, fd00:ec2::254, 100.100.100.200 and
    /// their names): opened only by [`Reach::link_local`].
    Metadata,
}

/// The guard's refusal of a URL or address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refusal(pub String);

/// Addresses of cloud metadata services: AWS, GCP, Azure, Oracle, DigitalOcean
/// (169.254.169.254), AWS ECS tasks (169.254.170.2), AWS over IPv6 (fd00:ec2::254),
/// Alibaba Cloud (100.100.100.200).
const METADATA_V4: [Ipv4Addr; 3] =
    [Ipv4Addr::new(169, 254, 169, 254), Ipv4Addr::new(169, 254, 170, 2), Ipv4Addr::new(100, 100, 100, 200)];
const METADATA_V6: [Ipv6Addr; 1] = [Ipv6Addr::new(0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254)];

/// Names that metadata services answer to inside their clouds.
const METADATA_NAMES: [&str; 5] =
    ["metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"];

/// Why a URL may not be fetched.
pub fn check_url(url: &Url, reach: Reach) -> Result<(), Refusal> {
    match url.scheme() {
        "http" | "https" => {}
        other => return Err(Refusal(format!("scheme '{other}:' is not fetched (http and https only)"))),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Refusal("URLs with credentials are not fetched".to_string()));
    }
    let ip = match url.host() {
        None => return Err(Refusal("URL has no host".to_string())),
        Some(Host::Domain(domain)) => {
            let domain = domain.trim_end_matches('.').to_ascii_lowercase();
            let class = classify_name(&domain);
            return match reach.refusal(class) {
                None => Ok(()),
                Some(why) => Err(Refusal(format!("'{domain}' names an address that is {why}"))),
            };
        }
        Some(Host::Ipv4(v4)) => IpAddr::V4(v4),
        Some(Host::Ipv6(v6)) => IpAddr::V6(v6),
    };
    check_ip(ip, reach)
}

/// Refuses an address that `reach` does not open.
pub fn check_ip(ip: IpAddr, reach: Reach) -> Result<(), Refusal> {
    match reach.refusal(classify(ip)) {
        None => Ok(()),
        Some(why) => Err(Refusal(format!("address {ip} is {why}"))),
    }
}

/// The class of a host name known without resolving it: loopback names and metadata
/// names; any other name is public until resolved.
pub fn classify_name(domain: &str) -> AddressClass {
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    if METADATA_NAMES.contains(&domain.as_str()) {
        AddressClass::Metadata
    } else if domain == "localhost" || domain.ends_with(".localhost") {
        AddressClass::Private
    } else {
        AddressClass::Public
    }
}

/// The class of an address. IPv4 embedded in IPv6 (mapped, compatible, NAT64, 6to4)
/// is judged by the IPv4 address it reaches.
pub fn classify(ip: IpAddr) -> AddressClass {
    match ip {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => classify_v6(v6),
    }
}

/// Public unicast: the only class open by default.
pub fn is_public(ip: IpAddr) -> bool {
    classify(ip) == AddressClass::Public
}

fn classify_v4(ip: Ipv4Addr) -> AddressClass {
    if METADATA_V4.contains(&ip) {
        return AddressClass::Metadata;
    }
    if ip.is_link_local() {
        return AddressClass::LinkLocal;
    }
    let [a, b, c, _] = ip.octets();
    let reserved = ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240; // reserved
    if reserved { AddressClass::Private } else { AddressClass::Public }
}

fn classify_v6(ip: Ipv6Addr) -> AddressClass {
    if METADATA_V6.contains(&ip) {
        return AddressClass::Metadata;
    }
    if ip.is_unspecified() || ip.is_loopback() {
        return AddressClass::Private;
    }
    let s = ip.segments();
    let low_v4 = Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
    if let Some(v4) = ip.to_ipv4_mapped() {
        return classify_v4(v4);
    }
    // IPv4-compatible (::a.b.c.d, deprecated) and NAT64 (64:ff9b::/96 well-known,
    // 64:ff9b:1::/48 local-use) reach an IPv4 address; they are never public
    // themselves, and keep the stricter class of the address they reach.
    let compatible = s[..6] == [0; 6];
    let nat64 = s[0] == 0x64 && s[1] == 0xff9b && (s[2..6] == [0; 4] || s[2] == 1);
    if compatible || nat64 {
        return match classify_v4(low_v4) {
            AddressClass::Public => AddressClass::Private,
            class => class,
        };
    }
    // 6to4 (2002::/16) carries the IPv4 address in its second and third segments.
    if s[0] == 0x2002 {
        let v4 = Ipv4Addr::new((s[1] >> 8) as u8, s[1] as u8, (s[2] >> 8) as u8, s[2] as u8);
        let class = classify_v4(v4);
        if class != AddressClass::Public {
            return class;
        }
    }
    if (s[0] & 0xffc0) == 0xfe80 {
        return AddressClass::LinkLocal;
    }
    let reserved = ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00 // unique local fc00::/7
        || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (s[0] == 0x2001 && s[1] == 0x0db8); // documentation
    if reserved { AddressClass::Private } else { AddressClass::Public }
}

/// A DNS resolver that drops every address its [`Reach`] does not open after
/// resolution, so a name cannot smuggle the connection to a private host. Installed
/// in the HTTP client, it runs at connect time for every hop.
#[derive(Debug, Clone, Default)]
pub struct GuardedResolver {
    /// What may be reached.
    pub reach: Reach,
    /// Names answered without DNS, as `/etc/hosts` would; checked like any other.
    pub static_hosts: HashMap<String, Vec<IpAddr>>,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let reach = self.reach;
        let fixed = self.static_hosts.get(&name.as_str().trim_end_matches('.').to_ascii_lowercase()).cloned();
        Box::pin(async move {
            let host = name.as_str().to_string();
            let resolved: Vec<SocketAddr> = match fixed {
                Some(ips) => ips.into_iter().map(|ip| SocketAddr::new(ip, 0)).collect(),
                None => tokio::net::lookup_host((host.as_str(), 0)).await?.collect(),
            };
            let allowed: Vec<SocketAddr> =
                resolved.iter().copied().filter(|a| reach.allows(classify(a.ip()))).collect();
            if allowed.is_empty() {
                let refused = resolved.first().and_then(|a| Some((a.ip(), reach.refusal(classify(a.ip()))?)));
                let error: Box<dyn std::error::Error + Send + Sync> = match refused {
                    Some((ip, why)) => Box::new(Refusal(format!("'{host}' resolves to {ip}, which is {why}"))),
                    None => format!("'{host}' did not resolve").into(),
                };
                return Err(error);
            }
            let addrs: Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

impl GuardedResolver {
    /// The resolver as reqwest wants it.
    pub fn shared(reach: Reach, static_hosts: &[(String, IpAddr)]) -> Arc<GuardedResolver> {
        let mut hosts: HashMap<String, Vec<IpAddr>> = HashMap::new();
        for (name, ip) in static_hosts {
            hosts.entry(name.trim_end_matches('.').to_ascii_lowercase()).or_default().push(*ip);
        }
        Arc::new(GuardedResolver { reach, static_hosts: hosts })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRIVATE: Reach = Reach { private: true, link_local: false };
    const ALL: Reach = Reach { private: true, link_local: true };

    fn check(url: &str, reach: Reach) -> Result<(), Refusal> {
        check_url(&Url::parse(url).unwrap(), reach)
    }

    fn refused(url: &str) -> bool {
        check(url, Reach::PUBLIC).is_err()
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
            "http://0x7f.1/",       // hex, two parts
            "http://017700000001/", // octal
            "http://127.1/",
            "http://127.0.0.1./", // trailing dot
            "http://localhost:3000/",
            "http://localhost./",
            "http://api.localhost/",
            "http://224.0.0.1/",
            "http://255.255.255.255/",
            "http://[64:ff9b::7f00:1]/",  // NAT64 of 127.0.0.1
            "http://[64:ff9b::808:808]/", // NAT64 of a public address: still not public
            "http://[::127.0.0.1]/",      // IPv4-compatible
            "http://[2002:7f00:1::]/",    // 6to4 of 127.0.0.1
        ] {
            assert!(refused(url), "{url} must be refused");
        }
    }

    #[test]
    fn public_addresses_and_names_pass() {
        for url in [
            "http://93.184.216.34/",
            "https://example.com/a",
            "http://[2606:4700::1111]/",
            "http://8.8.8.8:80/",
            "http://[2002:808:808::]/",
            "http://metadata.example.com/",
        ] {
            assert!(!refused(url), "{url} must pass");
        }
    }

    #[test]
    fn only_http_and_https_without_credentials() {
        for url in ["file:///etc/passwd", "data:text/html,hi", "ftp://example.com/", "gopher://example.com/"] {
            let err = check(url, ALL).unwrap_err();
            assert!(err.0.contains("scheme"), "{url}: {err}");
        }
        assert!(check("http://user:pw@example.com/", ALL).is_err());
    }

    #[test]
    fn allow_private_opens_loopback_and_private_ranges() {
        for url in [
            "http://127.0.0.1:8080/",
            "http://localhost/",
            "http://10.1.2.3/",
            "http://[fd12::1]/",
            "http://100.64.0.1/",
            "http://[::ffff:192.168.0.1]/",
        ] {
            assert!(check(url, PRIVATE).is_ok(), "{url} must pass with --allow-private");
        }
    }

    /// Issue 16: `--allow-private` also opened link-local addresses, the cloud
    /// metadata address 169.254.169.254 among them.
    #[test]
    fn link_local_and_metadata_stay_refused_with_allow_private() {
        let closed = [
            "http://169.254.169.254/latest/meta-data/",
            "http://169.254.169.254./",
            "http://2852039166/",          // decimal 169.254.169.254
            "http://0xa9fea9fe/",          // hex
            "http://0xa9.0xfe.0xa9.0xfe/", // hex parts
            "http://0251.0376.0251.0376/", // octal parts
            "http://169.254.43518/",       // two parts
            "http://169.254.0.1/",
            "http://169.254.170.2/v2/credentials",
            "http://100.100.100.200/latest/meta-data/",
            "http://[fd00:ec2::254]/",
            "http://[fe80::1]/",
            "http://[febf:ffff::1]/",
            "http://[::ffff:169.254.169.254]/",
            "http://[::ffff:a9fe:a9fe]/",
            "http://[64:ff9b::a9fe:a9fe]/", // NAT64
            "http://[::169.254.169.254]/",  // IPv4-compatible
            "http://[2002:a9fe:a9fe::]/",   // 6to4
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://METADATA.google.internal./",
            "http://metadata/",
            "http://metadata.goog/",
            "http://instance-data/latest/",
        ];
        for url in closed {
            let err = check(url, PRIVATE).expect_err(url);
            assert!(err.0.contains("--allow-link-local"), "{url}: {err}");
            assert!(refused(url), "{url}");
            assert!(check(url, ALL).is_ok(), "{url} must pass with --allow-link-local");
        }
        // The link-local switch alone opens no private range.
        let link_local_only = Reach { private: false, link_local: true };
        assert!(check("http://169.254.169.254/", link_local_only).is_ok());
        assert!(check("http://127.0.0.1/", link_local_only).is_err());
    }

    #[test]
    fn classes_of_parsed_addresses() {
        let class = |s: &str| classify(s.parse().unwrap());
        assert_eq!(class("169.254.169.254"), AddressClass::Metadata);
        assert_eq!(class("100.100.100.200"), AddressClass::Metadata);
        assert_eq!(class("100.100.100.201"), AddressClass::Private);
        assert_eq!(class("fd00:ec2::254"), AddressClass::Metadata);
        assert_eq!(class("fd00:ec2::255"), AddressClass::Private);
        assert_eq!(class("169.254.1.1"), AddressClass::LinkLocal);
        assert_eq!(class("::ffff:169.254.1.1"), AddressClass::LinkLocal);
        assert_eq!(class("fe80::abcd"), AddressClass::LinkLocal);
        assert_eq!(class("127.0.0.1"), AddressClass::Private);
        assert_eq!(class("::"), AddressClass::Private);
        assert_eq!(class("::1"), AddressClass::Private);
        assert_eq!(class("64:ff9b:1::a9fe:a9fe"), AddressClass::Metadata);
        assert_eq!(class("1.1.1.1"), AddressClass::Public);
        assert_eq!(class("2606:4700::1111"), AddressClass::Public);
        assert_eq!(classify_name("Metadata.Google.Internal."), AddressClass::Metadata);
        assert_eq!(classify_name("foo.localhost"), AddressClass::Private);
        assert_eq!(classify_name("example.org"), AddressClass::Public);
    }

    #[tokio::test]
    async fn names_that_resolve_to_private_addresses_are_refused() {
        let resolve = |reach: Reach| async move {
            let name: Name = "localhost".parse().unwrap();
            GuardedResolver { reach, ..GuardedResolver::default() }.resolve(name).await
        };
        let err = resolve(Reach::PUBLIC).await.err().expect("refused");
        assert!(err.is::<Refusal>() && err.to_string().contains("private"), "{err}");
        let addrs: Vec<SocketAddr> = resolve(PRIVATE).await.unwrap().collect();
        assert!(addrs.iter().any(|a| a.ip().is_loopback()));
    }

    /// A name that resolves to the metadata address is refused at resolution even
    /// with --allow-private (a static entry: nothing is looked up or connected to).
    #[tokio::test]
    async fn names_that_resolve_to_metadata_are_refused_with_allow_private() {
        let entries = [("innocent.example".to_string(), "169.254.169.254".parse().unwrap())];
        let resolver = GuardedResolver::shared(PRIVATE, &entries);
        let err = resolver.resolve("innocent.example".parse().unwrap()).await.err().expect("refused");
        assert!(err.to_string().contains("--allow-link-local"), "{err}");
        let resolver = GuardedResolver::shared(ALL, &entries);
        assert!(resolver.resolve("innocent.example".parse().unwrap()).await.is_ok());
    }
}
