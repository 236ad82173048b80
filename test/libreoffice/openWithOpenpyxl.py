"""Opens each workbook given with openpyxl (an independent reader the project does not write with) and prints,
per file, its sheets with their state and every cell value (formulas as written), as JSON. Any file openpyxl
cannot open fails the run. Usage: /usr/bin/python3 openWithOpenpyxl.py file.xlsx ..."""
import json
import sys
import warnings

import openpyxl

warnings.simplefilter("error")  # a warning about the file (a schema problem openpyxl works around) fails too

out = {}
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    cells[c.coordinate] = c.value if isinstance(c.value, (str, int, float, bool)) else str(c.value)
        sheets[ws.title] = {"state": ws.sheet_state, "cells": cells}
    out[path] = sheets
print(json.dumps(out))
