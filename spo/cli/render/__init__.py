"""Everything `spo` shows a person or hands a program: the find commands' tables, cards, show
views and JSON, YAML and CSV records (`records`, `tables`, `listings`, `views`, `labels`,
`console`); the report as JSON, Markdown or terminal tables (`report_words`, `report_sections`,
`report_json`, `report_markdown`, `report_table`); and validation problems as text, JSON or
GitHub annotations (`problems`). The core computes values; these modules choose the words and the
layout. Rich is imported only inside the functions that draw, so `spo --help` stays fast.
"""
