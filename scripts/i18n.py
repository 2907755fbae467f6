"""Regenerate the Simplified Chinese translation from the code (``make i18n``).

1. ``pylupdate5`` extracts every ``tr("...")`` / ``translate("ctx", "...")`` literal of the plugin's
   Python files into ``i18n/ecosecurity_zh_CN.ts`` (context = class name, or the explicit one).
2. The Chinese texts kept in ``i18n/zh/*.json`` (``{"Context": {"English": "中文"}}``) fill the
   translations; sources without one are listed and make the run fail with ``--strict``.
3. ``lrelease`` compiles the ``.qm`` that the plugin loads under a Chinese locale.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS = os.path.join(ROOT, "i18n", "ecosecurity_zh_CN.ts")
QM = os.path.join(ROOT, "i18n", "ecosecurity_zh_CN.qm")


def sources():
    files = [os.path.join(ROOT, name) for name in ("plugin.py", "provider.py")]
    files += sorted(glob.glob(os.path.join(ROOT, "algorithms", "**", "*.py"), recursive=True))
    return [os.path.relpath(path, ROOT) for path in files]


def load_dictionary():
    merged = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "i18n", "zh", "*.json"))):
        with open(path, encoding="utf-8") as handle:
            for context, pairs in json.load(handle).items():
                merged.setdefault(context, {}).update(pairs)
    return merged


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--strict", action="store_true", help="fail when a string has no translation")
    args = parser.parse_args()
    subprocess.run(["pylupdate5", "-noobsolete", *sources(), "-ts", TS], cwd=ROOT, check=True,
                   stderr=subprocess.DEVNULL)
    dictionary = load_dictionary()
    tree = ET.parse(TS)
    missing, used = [], set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            text = dictionary.get(name, {}).get(source)
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
                used.add((name, source))
            else:
                missing.append((name, source))
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(["lrelease", "-silent", TS, "-qm", QM], check=True)
    unused = [(c, s) for c, pairs in dictionary.items() for s in pairs if (c, s) not in used]
    for context, source in missing:
        print(f"untranslated: [{context}] {source[:100]!r}")
    for context, source in unused:
        print(f"stale (not in the code): [{context}] {source[:100]!r}")
    print(f"{len(used)} translated, {len(missing)} untranslated, {len(unused)} stale")
    return 1 if args.strict and (missing or unused) else 0


if __name__ == "__main__":
    sys.exit(main())
