"""Opens a workbook in real headless LibreOffice Calc, fills cells as a person would, recalculates, and
reports what Calc computed: given cells' values, every error cell, and each listed cell's conditional
format formulas evaluated at that cell's row.

Usage: /usr/bin/python3 fillAndRecalc.py request.json  (prints the result as JSON on stdout)

request: {"file": path, "fills": [{"sheet", "cell", "kind": "text"|"number"|"bool"|"error", "value"}],
          "read": [{"sheet", "cell"}], "rules": [{"sheet", "cell"}], "profile": dir, "timeout": seconds}

LibreOffice runs with its own profile directory, in its own process group, and is stopped by its
process id (its group) whatever happens."""
import json
import os
import signal
import subprocess
import sys
import time
import uuid

import uno  # noqa: F401  (python3-uno)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def cell_out(cell):
    """A cell as Calc holds it: its type, value or text, and error code."""
    t = cell.getType().value  # EMPTY, VALUE, TEXT, FORMULA
    err = cell.getError()
    if err != 0:
        return {"type": "error", "error": err, "text": cell.getString()}
    if t == "FORMULA":
        rt = cell.FormulaResultType2  # com.sun.star.sheet.FormulaResult: VALUE 1, STRING 2, ERROR 4
        if rt == 1:
            return {"type": "number", "value": cell.getValue(), "text": cell.getString()}
        return {"type": "text", "value": cell.getString()}
    if t == "VALUE":
        return {"type": "number", "value": cell.getValue(), "text": cell.getString()}
    if t == "TEXT":
        return {"type": "text", "value": cell.getString()}
    return {"type": "empty"}


def main():
    request = json.load(open(sys.argv[1], encoding="utf-8"))
    pipe = "liat_" + uuid.uuid4().hex
    profile = "file://" + request["profile"]
    proc = subprocess.Popen(
        [
            "/usr/bin/soffice",
            "-env:UserInstallation=" + profile,
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        deadline = time.time() + request.get("timeout", 120)
        while ctx is None:
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            except NoConnectException:
                if time.time() > deadline or proc.poll() is not None:
                    raise RuntimeError("LibreOffice did not start")
                time.sleep(0.5)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        url = uno.systemPathToFileUrl(os.path.abspath(request["file"]))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError("LibreOffice could not open " + request["file"])
        sheets = doc.getSheets()
        for f in request["fills"]:
            cell = sheets.getByName(f["sheet"]).getCellRangeByName(f["cell"])
            kind, value = f["kind"], f["value"]
            if kind == "text":
                cell.setString(value)
            elif kind == "number":
                cell.setValue(value)
            elif kind == "bool":
                # as typed: Calc reads TRUE or FALSE as a logical value
                cell.setFormula("TRUE" if value else "FALSE")
            elif kind == "error":
                cell.setFormula(value)
        doc.calculateAll()
        out = {"cells": [], "errors": [], "rules": [], "sheets": list(sheets.getElementNames())}
        for r in request["read"]:
            out["cells"].append(cell_out(sheets.getByName(r["sheet"]).getCellRangeByName(r["cell"])))
        # Every error cell of every sheet (formula results included).
        for name in sheets.getElementNames():
            sheet = sheets.getByName(name)
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            end = cursor.getRangeAddress()
            if end.EndRow > 2000 or end.EndColumn > 100:
                raise RuntimeError("used area too large on " + name)
            data = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
            for row in range(end.EndRow + 1):
                for col in range(end.EndColumn + 1):
                    c = data.getCellByPosition(col, row)
                    if c.getError() != 0:
                        out["errors"].append({"sheet": name, "cell": c.AbsoluteName, "error": c.getError()})
        # The conditional formats as Calc read them from the file, each evaluated at the listed cell: written
        # in a scratch cell at the rule's base position, then copied to the cell's row (Calc moves the references).
        for r in request["rules"]:
            sheet = sheets.getByName(r["sheet"])
            if sheet.isProtected():
                sheet.unprotect("")  # no password: the scratch cells are locked ones
            cell = sheet.getCellRangeByName(r["cell"])
            entries = cell.getPropertyValue("ConditionalFormat")
            at = cell.getCellAddress()
            formulas = []
            results = []
            for i in range(entries.getCount()):
                entry = entries.getByIndex(i)
                formulas.append(entry.getFormula1())
                base = entry.getSourcePosition()
                source = sheet.getCellByPosition(at.Column + 150, base.Row)
                source.setFormula("=" + entry.getFormula1())
                target = sheet.getCellByPosition(at.Column + 150, at.Row).getCellAddress()
                if base.Row != at.Row:
                    sheet.copyRange(target, source.getRangeAddress())
                results.append(cell_out(sheet.getCellByPosition(at.Column + 150, at.Row)))
                source.setString("")
                sheet.getCellByPosition(at.Column + 150, at.Row).setString("")
            out["rules"].append({"formulas": formulas, "results": results})
        doc.close(True)
        print(json.dumps(out))
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
