"""Checks that the environment a job runs in holds what its definition declares.

amlenv writes a manifest from the environment definition (the python version, every conda and pip
package with its version specifier and import name, every environment variable) and mounts it with the
run. This script compares the running interpreter against it and writes:

  outputs/env-report.json   one entry per check: kind, name, expected, found, ok
  logs/env-check.log        the same, one line per check

It exits 1 when any check fails, 0 otherwise, 2 when the manifest cannot be read.
Standard library only, and Python 3.6 syntax: old Azure ML base images ship 3.6.
"""
import glob
import importlib
import json
import os
import re
import sys

MANIFEST_ENV = "AMLENV_MANIFEST"


# --- versions (a PEP 440 subset: release numbers, pre/post/dev, local labels) -------------------

_VERSION = re.compile(
    r"^\s*v?(?:(\d+)!)?(\d+(?:\.\d+)*)"
    r"(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d*))?"
    r"(?:(?:-(\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\d*)))?"
    r"(?:[-_.]?(dev)[-_.]?(\d*))?"
    r"(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$",
    re.IGNORECASE,
)
_PRE = {"a": 0, "alpha": 0, "b": 1, "beta": 1, "c": 2, "rc": 2, "pre": 2, "preview": 2}


def parse_version(text):
    """A sortable key for a version string, or None when it is not a PEP 440 version."""
    m = _VERSION.match(text or "")
    if not m:
        return None
    epoch = int(m.group(1) or 0)
    release = tuple(int(x) for x in m.group(2).split("."))
    while len(release) > 1 and release[-1] == 0:
        release = release[:-1]
    if m.group(3):
        pre = (_PRE[m.group(3).lower()], int(m.group(4) or 0))
    elif m.group(9) and not (m.group(5) or m.group(6)):
        pre = (-1, 0)  # a dev release sorts before its pre-releases
    else:
        pre = (3, 0)
    post = int(m.group(5) or m.group(7) or 0) if (m.group(5) or m.group(6)) else -1
    dev = int(m.group(10) or 0) if m.group(9) else float("inf")
    return (epoch, release, pre, post, dev)


def release_of(text):
    m = _VERSION.match(text or "")
    return [int(x) for x in m.group(2).split(".")] if m else []


def _compare(found, op, wanted):
    if wanted.endswith(".*"):
        prefix = release_of(wanted[:-2])
        head = release_of(found)[: len(prefix)]
        head = head + [0] * (len(prefix) - len(head))
        same = head == prefix
        return same if op == "==" else not same
    a, b = parse_version(found), parse_version(wanted)
    if a is None or b is None:
        return found == wanted if op in ("==", "===") else False
    if op == "~=":
        prefix = release_of(wanted)[:-1]
        head = release_of(found)[: len(prefix)]
        return a >= b and head == prefix
    return {
        "==": a == b,
        "===": found == wanted,
        "!=": a != b,
        ">=": a >= b,
        "<=": a <= b,
        ">": a > b,
        "<": a < b,
    }[op]


def satisfies(found, any_of):
    """any_of: a list of alternatives, each a list of [op, version] clauses that must all hold."""
    if not any_of:
        return True
    for clauses in any_of:
        if all(_compare(found, op, version) for op, version in clauses):
            return True
    return False


def describe(any_of):
    if not any_of:
        return "any"
    return " | ".join(",".join(op + v for op, v in clauses) for clauses in any_of)


# --- what is installed ----------------------------------------------------------------------------

def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def installed_distributions():
    """name -> (version, top-level import names), read from *.dist-info and *.egg-info on sys.path."""
    found = {}
    for entry in sys.path:
        if not entry or not os.path.isdir(entry):
            continue
        for info in glob.glob(os.path.join(entry, "*.dist-info")) + glob.glob(os.path.join(entry, "*.egg-info")):
            meta = os.path.join(info, "METADATA" if info.endswith(".dist-info") else "PKG-INFO")
            if not os.path.isfile(meta):
                continue
            name = version = None
            with open(meta, encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    if line.startswith("Name:") and name is None:
                        name = line.split(":", 1)[1].strip()
                    elif line.startswith("Version:") and version is None:
                        version = line.split(":", 1)[1].strip()
                    elif not line.strip():
                        break
            if not name:
                continue
            tops = []
            top_file = os.path.join(info, "top_level.txt")
            if os.path.isfile(top_file):
                with open(top_file, encoding="utf-8", errors="replace") as handle:
                    tops = [t.strip() for t in handle if t.strip()]
            found.setdefault(_norm(name), (version, tops))
    return found


def conda_packages(prefix):
    """name -> version from the conda-meta records of a conda environment."""
    found = {}
    for record in glob.glob(os.path.join(prefix or "", "conda-meta", "*.json")):
        try:
            with open(record, encoding="utf-8") as handle:
                data = json.load(handle)
            found[_norm(data["name"])] = str(data["version"])
        except (ValueError, KeyError, OSError):
            continue
    return found


def importable(module):
    try:
        importlib.import_module(module)
        return True, ""
    except Exception as err:  # any import failure is a finding, not a crash
        return False, "{}: {}".format(type(err).__name__, str(err).splitlines()[0] if str(err) else "")


def result_line(r):
    """One line per check, each word once: "ok   python: found 3.11.2, not declared (/usr/bin/python3)",
    "FAIL numpy (pip): declared numpy==1.26.4, found 1.24.0"."""
    what = r["name"] if r["kind"] in ("python", r["name"]) else "{} ({})".format(r["name"], r["kind"])
    if r["expected"] == "(not declared)":
        facts = "found {}, not declared".format(r["found"])
    else:
        facts = "declared {}, found {}".format(r["expected"], r["found"])
    return "{} {}: {}{}".format("ok  " if r["ok"] else "FAIL", what, facts, " ({})".format(r["note"]) if r["note"] else "")


# --- the checks -----------------------------------------------------------------------------------

def check(manifest):
    results = []

    def add(kind, name, expected, found, ok, note=""):
        results.append({"kind": kind, "name": name, "expected": expected, "found": found, "ok": bool(ok), "note": note})

    py = manifest.get("python") or {}
    running = "{}.{}.{}".format(*sys.version_info[:3])
    if py.get("declared"):
        add("python", "python", py["declared"], running, satisfies(running, py.get("anyOf") or []))
    else:
        add("python", "python", "(not declared)", running, True, sys.executable)

    prefix = os.environ.get("AZUREML_CONDA_ENVIRONMENT_PATH") or os.environ.get("CONDA_PREFIX") or sys.prefix
    dists = installed_distributions()
    conda = conda_packages(prefix)

    for pkg in manifest.get("packages", []):
        name = pkg["name"]
        key = _norm(name)
        version = None
        if pkg.get("manager") == "conda" and key in conda:
            version = conda[key]
        elif key in dists:
            version = dists[key][0]
        elif key in conda:
            version = conda[key]
        expected = pkg.get("declared") or name
        if version is None:
            add(pkg.get("manager", "pip"), name, expected, "not installed", False)
            continue
        ok = satisfies(version, pkg.get("anyOf") or [])
        note = ""
        modules = pkg.get("imports")
        if modules is None and key in dists:
            modules = [m for m in dists[key][1] if not m.startswith("_")][:1]
        for module in modules or []:
            can, why = importable(module)
            if not can:
                ok = False
                note = "import {} failed: {}".format(module, why)
                break
        add(pkg.get("manager", "pip"), name, expected, version, ok, note)

    for var in manifest.get("variables", []):
        name = var["name"]
        actual = os.environ.get(name)
        ok = actual == var["value"]
        if var.get("secret"):
            shown_expected, shown_found = "(secret, set)", "(set)" if actual is not None else "not set"
            if actual is not None and not ok:
                shown_found = "(set, different)"
        else:
            shown_expected, shown_found = var["value"], actual if actual is not None else "not set"
        add("variable", name, shown_expected, shown_found, ok)
    return results


def main():
    path = os.environ.get(MANIFEST_ENV) or (sys.argv[1] if len(sys.argv) > 1 else "")
    try:
        with open(path, encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError) as err:
        sys.stderr.write("check_env: cannot read the manifest {!r}: {}\n".format(path, err))
        return 2
    results = check(manifest)
    failed = [r for r in results if not r["ok"]]
    for folder in ("outputs", "logs"):
        if not os.path.isdir(folder):
            os.makedirs(folder)
    with open(os.path.join("outputs", "env-report.json"), "w", encoding="utf-8") as handle:
        json.dump({"ok": not failed, "checks": results, "python": sys.executable}, handle, indent=2)
    with open(os.path.join("logs", "env-check.log"), "w", encoding="utf-8") as handle:
        for r in results:
            handle.write("{} {:<8} {:<32} expected {:<24} found {}{}\n".format(
                "OK  " if r["ok"] else "FAIL", r["kind"], r["name"], r["expected"], r["found"],
                " ({})".format(r["note"]) if r["note"] else ""))
    for r in results:
        print(result_line(r))
    print("env-check: {} of {} checks passed".format(len(results) - len(failed), len(results)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
