//! Semantic Versioning 2.0.0: parsing, bumping and precedence.

use std::cmp::Ordering;
use std::fmt;

/// A version `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`.
#[derive(Debug, PartialEq)]
pub struct Version {
    major: u64,
    minor: u64,
    patch: u64,
    pre: Vec<String>,
    build: String,
}

/// Which number `bump` raises.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Part {
    Major,
    Minor,
    Patch,
}

impl Part {
    pub fn parse(word: &str) -> Result<Part, String> {
        match word {
            "major" => Ok(Part::Major),
            "minor" => Ok(Part::Minor),
            "patch" => Ok(Part::Patch),
            other => Err(format!("'{other}' is not a part: use major, minor or patch")),
        }
    }
}

impl Version {
    pub fn parse(text: &str) -> Result<Version, String> {
        let invalid = || format!("'{text}' is not a semantic version (MAJOR.MINOR.PATCH)");
        let (rest, build) = text.split_once('+').unwrap_or((text, ""));
        let (core, pre) = rest.split_once('-').unwrap_or((rest, ""));
        let numbers: Vec<u64> = core.split('.').map(number).collect::<Option<_>>().ok_or_else(invalid)?;
        let [major, minor, patch] = numbers[..] else { return Err(invalid()) };
        let pre: Vec<String> = if pre.is_empty() { Vec::new() } else { pre.split('.').map(str::to_string).collect() };
        let well_formed = |ids: &str| ids.split('.').all(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
        let leading_zero = pre.iter().any(|id| id.len() > 1 && id.starts_with('0') && id.bytes().all(|b| b.is_ascii_digit()));
        if (rest.contains('-') && !well_formed(&pre.join("."))) || leading_zero || (text.contains('+') && !well_formed(build)) {
            return Err(invalid());
        }
        Ok(Version { major, minor, patch, pre, build: build.to_string() })
    }

    /// The next version: the part raised by one, the parts after it zero, no pre-release or build.
    pub fn bump(&self, part: Part) -> Version {
        let (major, minor, patch) = match part {
            Part::Major => (self.major + 1, 0, 0),
            Part::Minor => (self.major, self.minor + 1, 0),
            Part::Patch => (self.major, self.minor, self.patch + 1),
        };
        Version { major, minor, patch, pre: Vec::new(), build: String::new() }
    }

    /// Precedence (SemVer §11): build metadata does not count; a pre-release comes before the release.
    pub fn precedence(&self, other: &Version) -> Ordering {
        (self.major, self.minor, self.patch)
            .cmp(&(other.major, other.minor, other.patch))
            .then_with(|| match (self.pre.is_empty(), other.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => compare_identifiers(&self.pre, &other.pre),
            })
    }
}

/// A numeric part: digits, no leading zero.
fn number(text: &str) -> Option<u64> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    (digits && (text == "0" || !text.starts_with('0'))).then(|| text.parse().ok()).flatten()
}

fn compare_identifiers(a: &[String], b: &[String]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        let order = match (number(x), number(y)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => x.cmp(y),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        if !self.pre.is_empty() {
            write!(f, "-{}", self.pre.join("."))?;
        }
        if !self.build.is_empty() {
            write!(f, "+{}", self.build)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Part, Version};
    use std::cmp::Ordering;

    fn v(text: &str) -> Version {
        Version::parse(text).unwrap()
    }

    #[test]
    fn bumps_one_part_and_resets_the_rest() {
        assert_eq!(v("1.2.3-rc.1+b5").bump(Part::Minor).to_string(), "1.3.0");
        assert_eq!(v("1.2.3").bump(Part::Major).to_string(), "2.0.0");
        assert_eq!(v("1.2.3").bump(Part::Patch).to_string(), "1.2.4");
    }

    #[test]
    fn orders_as_the_specification_does() {
        let chain = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.10.0"];
        for pair in chain.windows(2) {
            assert_eq!(v(pair[0]).precedence(&v(pair[1])), Ordering::Less, "{} < {}", pair[0], pair[1]);
        }
        assert_eq!(v("1.0.0+a").precedence(&v("1.0.0+b")), Ordering::Equal);
    }

    #[test]
    fn rejects_what_is_not_a_version() {
        for bad in ["", "1", "1.2", "1.2.3.4", "01.2.3", "1.2.x", "1.2.3-", "1.2.3-01", "1.2.3+", "1.2.3-a..b"] {
            assert!(Version::parse(bad).is_err(), "{bad}");
        }
    }
}
