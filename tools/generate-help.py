#!/usr/bin/env python3
"""Writes module/en-US/CodeEnv.Cmdlets.dll-Help.xml (MAML) from module/help/cmdlets.json.

The JSON is the one place cmdlet help is written; the MAML is generated and committed so that building the
module needs no Python. Run it after editing the JSON: python3 tools/generate-help.py
"""
import json
import os
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "module", "help", "cmdlets.json")
TARGET = os.path.join(HERE, "..", "module", "en-US", "CodeEnv.Cmdlets.dll-Help.xml")


def para(text):
    return "".join("<maml:para>%s</maml:para>" % escape(p) for p in text.split("\n\n"))


def parameter(name, spec):
    return (
        '<command:parameter required="%s" globbing="%s" pipelineInput="%s" position="%s">'
        "<maml:name>%s</maml:name><maml:description>%s</maml:description>"
        '<command:parameterValue required="true">%s</command:parameterValue>'
        "<dev:type><maml:name>%s</maml:name></dev:type></command:parameter>"
        % (
            str(spec.get("required", False)).lower(),
            str(spec.get("wildcards", False)).lower(),
            escape(spec.get("pipeline", "False")),
            escape(str(spec.get("position", "named"))),
            escape(name),
            para(spec["description"]),
            escape(spec.get("type", "String")),
            escape(spec.get("type", "String")),
        )
    )


def command(name, spec):
    verb, noun = name.split("-", 1)
    params = spec["parameters"]
    syntax = "".join(
        "<command:syntaxItem><maml:name>%s</maml:name>%s</command:syntaxItem>"
        % (escape(name), "".join(parameter(p, params[p]) for p in params if p in set_params))
        for set_params in spec.get("syntax", [list(params)])
    )
    examples = "".join(
        "<command:example><maml:title>-------------------------- %s --------------------------</maml:title>"
        "<dev:code>%s</dev:code><dev:remarks>%s</dev:remarks></command:example>"
        % (escape(e["title"]), escape(e["code"]), para(e["remarks"]))
        for e in spec["examples"]
    )
    outputs = "".join(
        "<command:returnValue><dev:type><maml:name>%s</maml:name></dev:type><maml:description>%s</maml:description></command:returnValue>"
        % (escape(o), para(spec["outputs"][o]))
        for o in spec.get("outputs", {})
    )
    return (
        '<command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" '
        'xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" '
        'xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">'
        "<command:details><command:name>%s</command:name><maml:description>%s</maml:description>"
        "<command:verb>%s</command:verb><command:noun>%s</command:noun></command:details>"
        "<maml:description>%s</maml:description><command:syntax>%s</command:syntax>"
        "<command:parameters>%s</command:parameters><command:returnValues>%s</command:returnValues>"
        "<command:examples>%s</command:examples></command:command>"
        % (
            escape(name), para(spec["synopsis"]), escape(verb), escape(noun), para(spec["description"]),
            syntax, "".join(parameter(p, params[p]) for p in params), outputs, examples,
        )
    )


def main():
    with open(SOURCE, encoding="utf-8") as f:
        cmdlets = json.load(f)
    # Parameters several cmdlets share (such as -Root) are written once, under "_shared", and named as "@Root".
    shared = cmdlets.pop("_shared")
    for spec in cmdlets.values():
        for name, value in list(spec["parameters"].items()):
            if isinstance(value, str):
                spec["parameters"][name] = shared[value.lstrip("@")]
    body = "\n".join(command(n, cmdlets[n]) for n in sorted(cmdlets))
    with open(TARGET, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<helpItems schema="maml" xmlns="http://msh">\n%s\n</helpItems>\n' % body)


if __name__ == "__main__":
    main()
