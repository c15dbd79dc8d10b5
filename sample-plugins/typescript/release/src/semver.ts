/** Semantic versions (semver.org 2.0.0): parsing, bumping and precedence. */

/** A parsed version; build metadata is dropped, as it plays no part in precedence. */
export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release identifiers, e.g. ["rc", 1]; empty for a release. */
  pre: (string | number)[];
}

export type Part = "major" | "minor" | "patch";

const PATTERN = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Parses "1.2.3", "v1.2.3-rc.1+build"; throws on anything else. */
export function parse(text: string): Version {
  const match = PATTERN.exec(text);
  if (!match) {
    throw new Error(`not a semantic version: ${text}`);
  }
  const pre = match[4] ? match[4].split(".").map((id) => (/^\d+$/.test(id) ? Number(id) : id)) : [];
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), pre };
}

export function format(version: Version): string {
  const core = `${version.major}.${version.minor}.${version.patch}`;
  return version.pre.length ? `${core}-${version.pre.join(".")}` : core;
}

/**
 * The next version: a release bumps `part`; with `preId`, a pre-release of that next version,
 * or the next pre-release of the same one when `version` already is one with that id.
 */
export function bump(version: Version, part: Part, preId?: string): Version {
  const [id, count] = version.pre;
  if (preId && id === preId && typeof count === "number") {
    return { ...version, pre: [preId, count + 1] };
  }
  const release = version.pre.length > 0 && !preId && isAtOrPast(version, part)
    ? { ...version, pre: [] }
    : next(version, part);
  return preId ? { ...release, pre: [preId, 1] } : release;
}

/** Whether a pre-release's own numbers already are the release that bumping `part` leads to. */
function isAtOrPast(version: Version, part: Part): boolean {
  return part === "patch" || (part === "minor" && version.patch === 0) || (version.minor === 0 && version.patch === 0);
}

function next(version: Version, part: Part): Version {
  switch (part) {
    case "major":
      return { major: version.major + 1, minor: 0, patch: 0, pre: [] };
    case "minor":
      return { major: version.major, minor: version.minor + 1, patch: 0, pre: [] };
    case "patch":
      return { major: version.major, minor: version.minor, patch: version.patch + 1, pre: [] };
  }
}

/** -1, 0 or 1 as `a` has lower, equal or higher precedence than `b`. */
export function compare(a: Version, b: Version): -1 | 0 | 1 {
  const core = sign(a.major - b.major) || sign(a.minor - b.minor) || sign(a.patch - b.patch);
  if (core !== 0 || (a.pre.length === 0 && b.pre.length === 0)) {
    return core;
  }
  if (a.pre.length === 0 || b.pre.length === 0) {
    return a.pre.length === 0 ? 1 : -1; // a release outranks its pre-releases
  }
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const order = compareIdentifiers(a.pre[i], b.pre[i]);
    if (order !== 0) {
      return order;
    }
  }
  return sign(a.pre.length - b.pre.length);
}

function compareIdentifiers(a: string | number, b: string | number): -1 | 0 | 1 {
  if (typeof a === "number" && typeof b === "number") {
    return sign(a - b);
  }
  if (typeof a !== typeof b) {
    return typeof a === "number" ? -1 : 1; // numeric identifiers sort first
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}
