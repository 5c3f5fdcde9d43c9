"""Apache Jena's `riot` from Debian's `libapache-jena-java`, a second parser for every export format.

Debian ships the jars but no `riot` script, so the class is run with `java -cp`.
Two traps of the Debian packaging (see the design note interop-tools.md):
`jena-core.jar` relocates its shaded Xerces classes to package `xerces` but
leaves their message bundles under `org/apache/jena/ext/xerces`, so they are
copied to `xerces/` in a scratch folder put first on the class path; and the
JSON-LD 1.1 reader finds no `jakarta.json` implementation, so JSON-LD is read
with the JSON-LD 1.0 reader (`--syntax=jsonld10`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

JAVA_DIR = Path("/usr/share/java")
JARS = (
    "jena-arq", "jena-base", "jena-cmds", "jena-core", "jena-dboe-base", "jena-dboe-index",
    "jena-dboe-storage", "jena-dboe-trans-data", "jena-dboe-transaction", "jena-iri",
    "jena-rdfconnection", "jena-shacl", "jena-shex", "jena-tdb", "jena-tdb2", "commons-cli",
    "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
    "dexx.collection", "gson", "guava", "httpclient", "httpclient-cache", "httpcore", "jackson-core",
    "jackson-databind", "jackson-annotations", "jsonld-java", "jakarta.json-api", "protobuf",
    "slf4j-api", "slf4j-simple", "thrift", "titanium-json-ld",
)
BUNDLES = "org/apache/jena/ext/xerces/"


def missing() -> str | None:
    """Why riot cannot run here, or None."""
    if shutil.which("java") is None:
        return "java is not installed (tools/system-deps.sh installs default-jre-headless)"
    absent = [j for j in JARS if not (JAVA_DIR / f"{j}.jar").is_file()]
    if absent:
        return f"Jena's jars are missing ({', '.join(absent[:3])} ...; tools/system-deps.sh installs " \
               "libapache-jena-java)"
    return None


def classpath(scratch: Path) -> str:
    """The class path, with Xerces's message bundles copied where Debian's relocated classes look."""
    fixed = scratch / "xerces-bundles"
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith(BUNDLES) and not name.endswith("/"):
                target = fixed / "xerces" / name[len(BUNDLES):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return ":".join([str(fixed), *(str(JAVA_DIR / f"{j}.jar") for j in JARS)])


def counts(cp: str, files: list[Path], *, syntax: str | None = None) -> tuple[dict[str, int], str]:
    """Statements riot reads from each file (``riot --count``), and what it said on standard error."""
    args = ["java", "-cp", cp, "riotcmd.riot", "--count", *([f"--syntax={syntax}"] if syntax else []),
            *map(str, files)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    found = {Path(m.group(1)).name: int(m.group(2).replace(",", ""))
             for m in re.finditer(r"^\S*?([^/\s]+) : (?:Triples|Quads) = ([\d,]+)$",
                                  done.stdout + done.stderr, re.M)}
    return found, done.stderr
