"""Prints 'N passed, N failed[, N skipped]' from a VSTest TRX file; exits 1 when it cannot."""
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
try:
    root = ET.parse(path).getroot()
except (OSError, ET.ParseError) as error:
    print(f"no test results at {path}: {error}")
    print("0 passed, 1 failed")
    sys.exit(1)

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
counters = root.find("t:ResultSummary/t:Counters", ns)
passed = int(counters.get("passed", 0))
failed = int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
skipped = int(counters.get("notExecuted", 0))
total = int(counters.get("total", 0))
if total == 0:
    failed = max(failed, 1)
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(0 if failed == 0 else 1)
