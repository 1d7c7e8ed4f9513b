"""Installs a pylock.toml as PEP 751 tells an installer to, for the PyLock export tests (pip reads no pylock.toml yet).

Usage: python install_pylock.py <pylock.toml> <target venv python>
Checks the file against the standard's rules (a reader of the standard, not of CodeEnv), then for every package takes
its one wheel or sdist, verifies the sha256 the lock gives, and installs exactly those files with pip --no-deps.
"""
import hashlib
import os
import subprocess
import sys
import tomllib

def fail(message):
    print("pylock.toml: " + message, file=sys.stderr)
    sys.exit(3)

lock_path, target_python = sys.argv[1], sys.argv[2]
with open(lock_path, "rb") as f:
    lock = tomllib.load(f)

if lock.get("lock-version") != "1.0":
    fail("lock-version must be \"1.0\"")
if not isinstance(lock.get("created-by"), str):
    fail("created-by is required")
if not isinstance(lock.get("packages"), list):
    fail("[[packages]] is required")
for key in ("environments", "extras", "dependency-groups", "default-groups"):
    if key in lock and not all(isinstance(v, str) for v in lock[key]):
        fail(key + " must be an array of strings")

files = []
names = []
for package in lock["packages"]:
    name = package.get("name")
    if not isinstance(name, str) or name != name.lower().replace("_", "-").replace(".", "-"):
        fail(f"packages.name must be a normalized name: {name!r}")
    names.append(name)
    sources = [k for k in ("vcs", "directory", "archive", "sdist", "wheels") if k in package]
    if len(sources) != 1:
        fail(f"{name}: exactly one of wheels/sdist/archive/directory/vcs is expected here, found {sources}")
    entries = package["wheels"] if "wheels" in package else [package[sources[0]]]
    entry = entries[0]
    if not entry.get("hashes") or "sha256" not in entry["hashes"]:
        fail(f"{name}: hashes with sha256 are required")
    if "path" in entry:
        path = entry["path"] if os.path.isabs(entry["path"]) else os.path.join(os.path.dirname(lock_path), entry["path"])
    elif "url" in entry and entry["url"].startswith("file://"):
        path = entry["url"][len("file://"):]
    else:
        fail(f"{name}: this test installer reads local files only, got {entry}")
    with open(path, "rb") as f:
        actual = hashlib.sha256(f.read()).hexdigest()
    if actual != entry["hashes"]["sha256"]:
        fail(f"{name}: sha256 of {path} is {actual}, the lock says {entry['hashes']['sha256']}")
    if entry.get("name") and os.path.basename(path) != entry["name"]:
        fail(f"{name}: the file is {os.path.basename(path)}, the lock names {entry['name']}")
    files.append(path)

if names != sorted(names):
    fail("packages should be in a consistent (sorted) order")

sys.exit(subprocess.call([target_python, "-m", "pip", "install", "--disable-pip-version-check", "--no-index", "--no-deps", *files]))
