"""Reads JSON lines {"text", "dialect"} and writes one JSON verdict per line, as astropy sees it:
"error" (raises), "flagged" (a UnitsWarning about a deprecated or unsupported unit), or "ok".
astropy's warning about several solidi in a FITS string is about style, not symbols: it counts as ok."""
import json
import sys
import warnings

import astropy.units as u

for line in sys.stdin:
    case = json.loads(line)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            u.Unit(case["text"], format=case["dialect"])
            messages = [str(w.message) for w in caught if "multiple slashes" not in str(w.message)]
            verdict = "flagged" if messages else "ok"
            detail = "; ".join(messages)[:200]
        except Exception as error:  # noqa: BLE001 - every failure is a verdict here
            verdict, detail = "error", str(error).split("\n")[0][:200]
    print(json.dumps({"verdict": verdict, "detail": detail}), flush=False)
