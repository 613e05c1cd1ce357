#!/usr/bin/env python3
"""Checks the Flatpak manifest without building it (no network here).

It must be valid JSON naming the app id, the command, a GNOME runtime, the
finish-args of a portal-using document editor and no broad filesystem
access, and build this project with meson after its one dependency.
"""
import json
import sys

manifest_path, app_id = sys.argv[1], sys.argv[2]
with open(manifest_path, encoding="utf-8") as f:
    manifest = json.load(f)

errors = []


def expect(condition, message):
    if not condition:
        errors.append(message)


expect(manifest.get("id") == app_id, f"id is {manifest.get('id')!r}, not {app_id!r}")
expect(manifest.get("command") == "nianbao", "command is not nianbao")
expect(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
expect(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")
expect(str(manifest.get("runtime-version", "")).isdigit()
       and int(manifest["runtime-version"]) >= 45, "runtime-version is not a current GNOME")

args = manifest.get("finish-args", [])
for wanted in ("--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"):
    expect(wanted in args, f"finish-args lack {wanted}")
for arg in args:
    expect(not arg.startswith("--filesystem="), f"broad file access {arg}: use the file-chooser portal")
    expect(arg not in ("--socket=x11", "--share=network"), f"needless permission {arg}")

modules = manifest.get("modules", [])
names = [m.get("name") for m in modules if isinstance(m, dict)]
expect(names and names[-1] == "nianbao", "the last module is not nianbao")
for needed in ("uchardet", "libgsf", "poppler"):
    expect(needed in names, f"{needed} (not in the GNOME runtime) is not built")
if names and names[-1] == "nianbao":
    app = modules[-1]
    expect(app.get("buildsystem") == "meson", "nianbao is not built with meson")
    expect(any(s.get("type") == "dir" and s.get("path") == ".." for s in app.get("sources", [])),
           "nianbao is not built from this repository")
for module in modules:
    for source in module.get("sources", []):
        if source.get("type") == "archive":
            expect(len(source.get("sha256", "")) == 64, f"{module.get('name')}: archive without sha256")
        if source.get("type") == "git":
            expect("tag" in source or "commit" in source, f"{module.get('name')}: git source without tag or commit")

for error in errors:
    print(f"{manifest_path}: {error}")
sys.exit(1 if errors else 0)
