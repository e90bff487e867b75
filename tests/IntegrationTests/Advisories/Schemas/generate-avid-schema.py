# Regenerates avid-report.schema.json from avidtools' pydantic datamodel (see README.md). Run from a directory holding
# avidtools/datamodels/{__init__,components,enums,report}.py of the pinned commit, with pydantic 2 installed:
#   python3 generate-avid-schema.py > avid-report.schema.json
import json
import os
import sys

sys.path.insert(0, os.getcwd())

from avidtools.datamodels.report import Report

schema = Report.model_json_schema()
schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://github.com/avidml/avidtools/blob/c5d646ecbe750fc648c00d34b52676ca9a351cc0/avidtools/datamodels/report.py",
    **schema,
}
print(json.dumps(schema, indent=2))
